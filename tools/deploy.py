"""Deploy a built site: atomic releases over rsync, or GitHub Pages.

rsync target (a local folder, or `host:/folder` over ssh):

    TARGET/releases/20261126T170000Z/   one folder per deploy
    TARGET/current -> releases/...      what the web server serves

A deploy uploads into a new release folder (hard-linking unchanged files
from the live one), then switches `current` with one rename, so a visitor
gets the old site or the new one, never a mix. The last `keep` releases
stay; rollback points `current` at the one before.

GitHub Pages: ghp-import commits the site onto the `gh-pages` branch and
pushes it; rollback pushes that branch's previous commit.
"""

import datetime
import shlex
import subprocess
import sys
from pathlib import Path

KEEP = 5


class DeployError(Exception):
    """A deploy step failed; the live site is unchanged."""


def split_target(target):
    """(ssh host or None, folder) of an rsync target."""
    text = str(target)
    if ":" in text and not text.startswith("/"):
        host, folder = text.split(":", 1)
        return host, folder
    return None, text


def run_script(host, script):
    """Run a POSIX shell script locally or on the host; its stdout."""
    command = ["sh", "-c", script] if host is None else ["ssh", host, script]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode:
        raise DeployError(f"{' '.join(command[:2])}: {run.stderr.strip() or run.returncode}")
    return run.stdout


def release_name(now=None):
    now = now or datetime.datetime.now(datetime.UTC)
    return now.strftime("%Y%m%dT%H%M%S%fZ")


def switch_script(folder, release):
    """Point `current` at a release in one step: a new link, then rename."""
    base = shlex.quote(folder)
    return (
        f"cd {base} && ln -sfn releases/{shlex.quote(release)} current.next "
        f"&& mv -T current.next current"
    )


def deploy_rsync(output, target, keep=KEEP, reload_command=None, now=None):
    """Upload a new release and switch to it; the release's name."""
    host, folder = split_target(target)
    release = release_name(now)
    run_script(host, f"mkdir -p {shlex.quote(folder)}/releases")
    destination = f"{target}/releases/{release}/"
    # --checksum: compare by content, not size and time (two builds in one
    # second can differ in content at the same size).
    rsync = [
        "rsync",
        "-a",
        "--checksum",
        "--delete",
        "--link-dest=../../current/",
        f"{output}/",
        destination,
    ]
    run = subprocess.run(rsync, capture_output=True, text=True)
    if run.returncode:
        run_script(host, f"rm -rf {shlex.quote(folder)}/releases/{shlex.quote(release)}")
        raise DeployError(f"rsync: {run.stderr.strip()}")
    run_script(host, switch_script(folder, release))
    prune(host, folder, keep)
    if reload_command:
        run_script(host, reload_command)
    return release


def releases(host, folder):
    listing = run_script(host, f"ls -1 {shlex.quote(folder)}/releases")
    return sorted(line for line in listing.splitlines() if line.strip())


def current_release(host, folder):
    return Path(run_script(host, f"readlink {shlex.quote(folder)}/current").strip()).name


def prune(host, folder, keep):
    """Delete all but the newest `keep` releases, never the live one."""
    live = current_release(host, folder)
    old = [name for name in releases(host, folder)[:-keep] if name != live]
    if old:
        paths = " ".join(shlex.quote(f"{folder}/releases/{name}") for name in old)
        run_script(host, f"rm -rf {paths}")


def rollback_rsync(target, reload_command=None):
    """Point `current` at the release before it; that release's name."""
    host, folder = split_target(target)
    names = releases(host, folder)
    live = current_release(host, folder)
    if live not in names or names.index(live) == 0:
        raise DeployError("no earlier release to go back to")
    previous = names[names.index(live) - 1]
    run_script(host, switch_script(folder, previous))
    if reload_command:
        run_script(host, reload_command)
    return previous


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
    """Push the Pages branch's previous commit as its tip."""
    git = ["git", "-C", str(repo)]
    steps = [
        git + ["fetch", remote, branch],
        git + ["push", "--force", remote, f"FETCH_HEAD~1:refs/heads/{branch}"],
    ]
    for step in steps:
        run = subprocess.run(step, capture_output=True, text=True)
        if run.returncode:
            raise DeployError(f"{' '.join(step[3:5])}: {run.stderr.strip()}")
