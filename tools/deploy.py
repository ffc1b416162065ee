"""Deploy a built site: atomic releases over rsync, or GitHub Pages.

rsync target (a local folder, or `host:/folder` over ssh):

    TARGET/releases/20261126T170000Z/   one folder per complete deploy
    TARGET/releases/.incoming-<name>/   an upload in progress (never live)
    TARGET/current -> releases/...      what the web server serves
    TARGET/.publish-lock -> <owner>     held while a publish or rollback runs
    TARGET/*.json                       what tools/publishing.py records: the
                                        last publish's status, each release's
                                        source, a rollback's hold

A deploy takes the lock, uploads into `.incoming-<name>` (hard-linking
unchanged files from the live release) with explicit modes (folders 0755,
files 0644: the web server's workers run as another user), carries the
previous releases' fingerprinted files forward (cached pages still name
them), renames the upload to its final name (only then can rollback or
pruning see it), has nginx test the candidate with our configuration, and
switches `current` with one rename, so a visitor gets the old site or the new
one, never a mix. If the server's reload fails, `current` goes back. The
last `keep` releases stay; rollback points `current` at the one before.

GitHub Pages: ghp-import commits the site onto the `gh-pages` branch and
pushes it; rollback pushes that branch's previous commit.
"""

import datetime
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP = 5
# A release's name: when its upload began, UTC (release_name()).
RELEASE = re.compile(r"[0-9]{8}T[0-9]{12}Z")
INCOMING = ".incoming-"
LOCK = ".publish-lock"
TAKEN = "lock-taken"
# rsync sets these modes whatever the build machine's umask was.
MODES = "D0755,F0644"
FINGERPRINTED = "theme"


class DeployError(Exception):
    """A deploy step failed; the live site is unchanged (or was put back)."""


class TargetBusy(DeployError):
    """Another publish or rollback holds the target's lock."""


def split_target(target):
    """(ssh host or None, folder) of an rsync target."""
    text = str(target)
    if ":" in text and not text.startswith("/"):
        host, folder = text.split(":", 1)
        return host, folder
    return None, text


# Publishing runs unattended (a timer, a preview reading the status): ssh
# never waits for a password or a slow host.
SSH = ["ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10"]


def run_script(host, script, stdin=None):
    """Run a POSIX shell script locally or on the host; its stdout."""
    command = ["sh", "-c", script] if host is None else [*SSH, host, script]
    run = subprocess.run(command, capture_output=True, text=True, input=stdin)
    if run.returncode:
        raise DeployError(f"{command[0]}: {run.stderr.strip() or run.returncode}")
    return run.stdout


def release_name(now=None):
    now = now or datetime.datetime.now(datetime.UTC)
    return now.strftime("%Y%m%dT%H%M%S%fZ")


# --- The lock: one publish or rollback per target at a time ---------------------


def lock_owner():
    return f"{socket.gethostname()} {os.getpid()} {release_name()}"


def acquire(host, folder, attempts=20):
    """Take the target's lock.

    The lock is a symlink whose target text names its owner: `ln -s` creates
    it and its owner in one atomic step, locally and over ssh. (A folder with
    an `owner` file inside had a moment with no owner, and a second publish
    reading it then failed instead of waiting its turn.)
    """
    q = shlex.quote
    lock = f"{folder}/{LOCK}"
    script = (
        f"{{ [ -d {q(folder)} ] || {{ mkdir -p {q(folder)} && chmod 0755 {q(folder)}; }}; }} "
        "|| exit 1; "
        # A lock folder left by an earlier version of this tool: held (and
        # `ln -s` would otherwise put the link inside it and succeed).
        f"if [ -d {q(lock)} ] && [ ! -L {q(lock)} ]; then "
        f"cat {q(lock)}/owner 2>/dev/null || echo 'an earlier publish'; exit 0; fi; "
        f"ln -s {q(lock_owner())} {q(lock)} 2>/dev/null && echo {TAKEN} && exit 0; "
        # Not taken: say who holds it. Empty when the holder let go meanwhile.
        f"readlink {q(lock)} 2>/dev/null || true"
    )
    for _ in range(attempts):
        held_by = run_script(host, script).strip()
        if held_by == TAKEN:
            return
        if held_by and not (host is None and stale(held_by)):
            raise TargetBusy(
                f"another publish to {folder} is running ({held_by}); wait for it to finish "
                f"(if none is running, delete {lock})"
            )
        if held_by:
            remove_stale_lock(lock, held_by)
    raise TargetBusy(f"the lock {lock} kept changing hands; try again")


def remove_stale_lock(lock, owner):
    """Remove the lock only while it still names the ended owner: another
    publish may have taken over the stale lock a moment ago."""
    q = shlex.quote
    run_script(
        None,
        f'if [ -L {q(lock)} ]; then [ "$(readlink {q(lock)})" = {q(owner)} ] && rm -f {q(lock)}; '
        f'elif [ -d {q(lock)} ]; then [ "$(cat {q(lock)}/owner)" = {q(owner)} ] && rm -rf {q(lock)}; '
        "fi; true",
    )


def stale(owner):
    """True when a lock on this machine belongs to a process that has ended."""
    parts = owner.split()
    if len(parts) < 2 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return False
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def release_lock(host, folder):
    run_script(host, f"rm -f {shlex.quote(folder + '/' + LOCK)}")


class Locked:
    def __init__(self, host, folder):
        self.host, self.folder = host, folder

    def __enter__(self):
        acquire(self.host, self.folder)

    def __exit__(self, *exc):
        release_lock(self.host, self.folder)


# --- Small files beside the releases ---------------------------------------------


def write_file(host, folder, name, text):
    """Write TARGET/name in one step (a reader sees the old file or the new
    one, never half of one), mode 0644."""
    path = shlex.quote(f"{folder}/{name}")
    temporary = shlex.quote(f"{folder}/.{name}.new")
    run_script(
        host,
        f"mkdir -p {shlex.quote(folder)} && umask 022 && cat > {temporary} && mv -f {temporary} {path}",
        stdin=text,
    )


def read_file(host, folder, name):
    """TARGET/name's text, or None when there is none."""
    path = shlex.quote(f"{folder}/{name}")
    text = run_script(host, f"if [ -f {path} ]; then cat {path}; else echo -n; fi")
    return text or None


def remove_file(host, folder, name):
    run_script(host, f"rm -f {shlex.quote(folder + '/' + name)}")


# --- Releases --------------------------------------------------------------------


def releases(host, folder):
    """Complete releases, oldest first: never an upload in progress."""
    listing = run_script(host, f"ls -1 {shlex.quote(folder)}/releases 2>/dev/null || true")
    return sorted(name for name in listing.split() if RELEASE.fullmatch(name))


def current_release(host, folder):
    link = run_script(host, f"readlink {shlex.quote(folder)}/current || true").strip()
    return Path(link).name if link else None


def switch_script(folder, release):
    """Point `current` at a release in one step: a new link, then rename."""
    base, name = shlex.quote(folder), shlex.quote(release)
    link = shlex.quote(f"current.next-{release}")
    return f"cd {base} && ln -sfn releases/{name} {link} && mv -T {link} current"


def upload(host, folder, output, target, name):
    """rsync the build into .incoming-<name>; its path on the target."""
    incoming = f"{folder}/releases/{INCOMING}{name}"
    # The target itself may exist already, private (`mktemp -d` makes it
    # 0700): the web server's workers (www-data) must pass through it to
    # the release, or every page answers 403 with nothing said.
    run_script(
        host,
        f"mkdir -p {shlex.quote(folder)}/releases && chmod go+rx {shlex.quote(folder)} "
        f"&& chmod 0755 {shlex.quote(folder)}/releases",
    )
    destination = f"{target}/releases/{INCOMING}{name}/"
    # --checksum: compare by content, not size and time (two builds in one
    # second can differ in content at the same size). --chmod: explicit modes.
    rsync = [
        "rsync",
        "-a",
        "--checksum",
        "--delete",
        f"--chmod={MODES}",
        "--link-dest=../../current/",
        f"--rsh={' '.join(SSH)}",
        f"{output}/",
        destination,
    ]
    run = subprocess.run(rsync, capture_output=True, text=True)
    if run.returncode:
        run_script(host, f"rm -rf {shlex.quote(incoming)}")
        raise DeployError(f"rsync: {run.stderr.strip()}")
    return incoming


def carry_forward_script(folder, incoming):
    """Fingerprinted files of the live release that the new one lacks: pages
    cached by browsers and proxies still name them, so they stay reachable."""
    old = shlex.quote(f"{folder}/current/{FINGERPRINTED}")
    new = shlex.quote(f"{incoming}/{FINGERPRINTED}")
    return f"if [ -d {old} ]; then mkdir -p {new} && cp -Rpn {old}/. {new}/; fi"


def deploy_rsync(output, target, keep=KEEP, reload_command=None, now=None, check=None):
    """Upload a new release and switch to it; the release's name.

    `check(folder)` tests the candidate before anything is uploaded, e.g.
    `nginx -t` of our configuration serving it; it raises DeployError to
    refuse it, and the live site is untouched.
    """
    host, folder = split_target(target)
    if check:
        check(output)
    with Locked(host, folder):
        return deploy_locked(output, target, keep, reload_command, now)


def deploy_locked(output, target, keep=KEEP, reload_command=None, now=None):
    """deploy_rsync's steps, for a caller that holds the target's lock."""
    host, folder = split_target(target)
    name = release_name(now)
    incoming = upload(host, folder, output, target, name)
    q = shlex.quote
    final = f"{folder}/releases/{name}"
    run_script(host, carry_forward_script(folder, incoming) + f" && mv -T {q(incoming)} {q(final)}")
    previous = current_release(host, folder)
    run_script(host, switch_script(folder, name))
    reload_or_restore(host, folder, reload_command, previous)
    prune(host, folder, keep)
    return name


def reload_or_restore(host, folder, reload_command, previous):
    """Reload the server; if it refuses, put the previous release back."""
    if not reload_command:
        return
    try:
        run_script(host, reload_command)
    except DeployError as error:
        if previous:
            run_script(host, switch_script(folder, previous))
            run_script(host, reload_command)
        raise DeployError(
            f"the server refused the new release, {previous} is live again: {error}"
        ) from None


def prune(host, folder, keep):
    """Delete all but the newest `keep` releases, never the live one, and
    uploads that a killed publish left behind (the lock is held)."""
    live = current_release(host, folder)
    old = [name for name in releases(host, folder)[:-keep] if name != live]
    paths = " ".join(shlex.quote(f"{folder}/releases/{name}") for name in old)
    leftovers = f"{shlex.quote(folder)}/releases/{INCOMING}*"
    run_script(host, f"rm -rf {paths} {leftovers}")


def rollback_rsync(target, reload_command=None):
    """Point `current` at the complete release before it; that release's name."""
    host, folder = split_target(target)
    with Locked(host, folder):
        return rollback_locked(target, reload_command)[1]


def rollback_locked(target, reload_command=None):
    """rollback_rsync's steps, for a caller that holds the target's lock:
    (the release that was live, the release now live)."""
    host, folder = split_target(target)
    names = releases(host, folder)
    live = current_release(host, folder)
    if live not in names or names.index(live) == 0:
        raise DeployError("no earlier release to go back to")
    previous = names[names.index(live) - 1]
    run_script(host, switch_script(folder, previous))
    reload_or_restore(host, folder, reload_command, live)
    return live, previous


# --- Checking a candidate with nginx ---------------------------------------------


def nginx_check(locations_file):
    """A `check` for deploy_rsync: `nginx -t` of our configuration serving the
    candidate build (its redirect map included), when nginx is installed."""

    def check(release):
        if shutil.which("nginx") is None:
            return
        from tools import nginx_conf

        with tempfile.TemporaryDirectory(prefix="iop-nginx-check-") as folder:
            conf = Path(folder) / "nginx.conf"
            conf.write_text(nginx_conf.standalone(release, 9, folder, locations_file))
            run = subprocess.run(
                ["nginx", "-t", "-q", "-c", str(conf), "-p", folder], capture_output=True, text=True
            )
        if run.returncode:
            detail = " ".join(run.stderr.replace(folder, "").split())
            raise DeployError(f"nginx refused the new release: {detail}")

    return check


# --- GitHub Pages -------------------------------------------------------------------


# A rollback on GitHub Pages holds the source it took off the site: one tag
# per held commit, on the rolled-back Pages commit (tools/publishing.py).
HOLD_TAGS = "refs/tags/publish-hold/"
SOURCE = re.compile(r" of ([0-9a-f]{7,40})$", re.M)


def git_run(repo, *args):
    run = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if run.returncode:
        raise DeployError(f"git {' '.join(args[:2])}: {run.stderr.strip()}")
    return run.stdout


def deploy_github(output, remote="origin", branch="gh-pages", repo=".", message=None):
    """Commit the site onto the Pages branch and push it."""
    command = [
        sys.executable,
        "-m",
        "ghp_import",
        "--no-jekyll",
        "--push",
        "--force",
        "--remote",
        remote,
        "--branch",
        branch,
        "--message",
        message or f"Publish {release_name()}",
        str(output),
    ]
    run = subprocess.run(command, cwd=repo, capture_output=True, text=True)
    if run.returncode:
        raise DeployError(f"ghp-import: {run.stderr.strip()}")


def rollback_github(remote="origin", branch="gh-pages", repo="."):
    """Push the Pages branch's previous commit as its tip, and hold the
    source of the commit it took off (None when its message names none)."""
    git_run(repo, "fetch", remote, branch)
    message = git_run(repo, "log", "-1", "--format=%B", "FETCH_HEAD")
    git_run(repo, "rev-parse", "--verify", "-q", "FETCH_HEAD~1")  # an earlier one exists
    git_run(repo, "push", "--force", remote, f"FETCH_HEAD~1:refs/heads/{branch}")
    found = SOURCE.search(message.strip())
    if found:
        git_run(repo, "push", "--force", remote, f"FETCH_HEAD:{HOLD_TAGS}{found[1]}")
    return found[1] if found else None


def github_holds(remote="origin", repo="."):
    """The source commits a rollback holds on the remote."""
    listing = git_run(repo, "ls-remote", remote, f"{HOLD_TAGS}*")
    return {line.split()[1].removeprefix(HOLD_TAGS) for line in listing.splitlines()}


def lift_github_holds(remote="origin", repo="."):
    held = github_holds(remote, repo)
    if held:
        git_run(repo, "push", remote, *[f":{HOLD_TAGS}{commit}" for commit in sorted(held)])
