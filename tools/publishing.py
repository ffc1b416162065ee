"""A publish is never silent, and a rollback holds.

`invoke publish` hands its steps (build, release checks, deploy) to
`publish()`, which runs them and records how it ended, good or stopped. On a
folder or server target, beside `releases/`:

- `publish-status.json`: the last publish: its result (`published`,
  `held`, `stopped`, `busy` or `running`), the step it stopped at, when,
  the commit, the problem lines and the build's notes (pages held back or
  marked). `invoke publish-status` prints it, the preview shows a band
  while it is not good, and `invoke publish-alert` (systemd's OnFailure=)
  mails it.
- `releases.json`: each release's source: the commit and a digest of the
  content folder it was built from.
- `rollback-hold.json`: the sources a rollback took off the site. A publish
  of one of them leaves the rollback live and says so; a publish of a new
  source lifts the hold.

A folder or server publish runs whole under the target's lock, so two
publishes never interleave their statuses, and a second one is told at once
that the target is busy. GitHub Pages has no folder beside the site: its
status is the job's exit code and summary (`--summary`), and its holds are
tags (tools/deploy.py).
"""

import dataclasses
import datetime
import hashlib
import json
import os
import socket
import zoneinfo
from pathlib import Path

from plugins.lib import history
from tools import deploy

STATUS, LEDGER, HOLD = "publish-status.json", "releases.json", "rollback-hold.json"
GOOD = ("published", "held")
ZONE = zoneinfo.ZoneInfo("America/Los_Angeles")  # staff read San Diego times
# A status holds this many problem lines at most (a broken content folder
# can have hundreds; the first ones say what to fix first).
MAX_LINES = 60


@dataclasses.dataclass
class Status:
    result: str
    target: str
    started: str
    finished: str = ""
    step: str = ""
    commit: str = ""
    content: str = ""
    release: str = ""
    message: str = ""
    problems: list = dataclasses.field(default_factory=list)
    notes: list = dataclasses.field(default_factory=list)
    host: str = dataclasses.field(default_factory=socket.gethostname)

    @property
    def ok(self):
        return self.result in GOOD

    def to_json(self):
        return json.dumps(dataclasses.asdict(self), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text):
        data = json.loads(text)
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})

    def text(self):
        """The status as a person reads it (the terminal, a mail)."""
        when = local_time(self.finished or self.started)
        head = {
            "published": f"Published release {self.release}",
            "held": "Not published: the rollback holds",
            "stopped": f"Publish stopped at the {self.step or 'start'}; the live site is unchanged",
            "busy": "Publish not started: another publish was running",
            "running": "A publish started and has not finished (it may have been stopped)",
        }.get(self.result, self.result)
        lines = [f"{head}", f"  target: {self.target}", f"  when: {when}"]
        if self.commit:
            lines.append(f"  commit: {self.commit[:12]}")
        if self.message:
            lines.append(f"  {self.message}")
        if self.problems:
            lines.append("Problems:")
            lines += [f"  {line}" for line in self.problems]
        if self.notes:
            lines.append("Notes:")
            lines += [f"  {line}" for line in self.notes]
        return "\n".join(lines)

    def markdown(self):
        """The status for a GitHub job summary."""
        fence = "```"
        return f"## Site publish: {self.result}\n\n{fence}\n{self.text()}\n{fence}\n"


def now():
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_time(stamp):
    """A status time in San Diego's words: 2026-11-27 00:10 PST."""
    if not stamp:
        return "unknown"
    moment = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    return moment.astimezone(ZONE).strftime("%Y-%m-%d %H:%M %Z")


# --- Where a build comes from -------------------------------------------------------


def content_digest(folder):
    """A digest of every file in the content folder: its names and bytes."""
    digest = hashlib.sha256()
    base = Path(folder)
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        digest.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def source_of(content):
    """{commit, content}: the commit of the checkout holding the content
    folder (empty outside git) and a digest of the folder itself, so a
    rollback holds the same source whether or not it is in git."""
    top = history.repository(str(Path(content).resolve()))
    commit = (history.git(top, "rev-parse", "HEAD") or "").strip() if top else ""
    return {"commit": commit, "content": content_digest(content)}


# --- The files beside the releases --------------------------------------------------


def read_json(host, folder, name, default):
    text = deploy.read_file(host, folder, name)
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default  # a damaged file must not stop a publish


def write_status(host, folder, status):
    status.problems = status.problems[:MAX_LINES]
    deploy.write_file(host, folder, STATUS, status.to_json())


def read_status(target):
    """The last status of a folder or server target, or None."""
    host, folder = deploy.split_target(target)
    text = deploy.read_file(host, folder, STATUS)
    return Status.from_json(text) if text else None


def held_by(holds, source):
    """The hold that names this source, or None."""
    for hold in holds.get("held", []):
        if hold.get("source") == source:
            return hold
    return None


def record_release(host, folder, release, source):
    ledger = read_json(host, folder, LEDGER, {})
    ledger[release] = source
    kept = set(deploy.releases(host, folder))
    deploy.write_file(
        host, folder, LEDGER, json.dumps({k: v for k, v in ledger.items() if k in kept}, indent=2)
    )


def hold_rollback(host, folder, rolled_back, live, fallback):
    """Hold the source of the release a rollback took off the site."""
    source = read_json(host, folder, LEDGER, {}).get(rolled_back, fallback)
    holds = read_json(host, folder, HOLD, {"held": []})
    if not held_by(holds, source):
        holds["held"].append({"release": rolled_back, "source": source, "time": now()})
    holds["live"] = live
    deploy.write_file(host, folder, HOLD, json.dumps(holds, indent=2))
    return source


# --- One publish ---------------------------------------------------------------------


@dataclasses.dataclass
class Steps:
    """What a publish runs, given by its caller (tasks.py): build() and
    check() answer (ok, problem lines, notes); deploy(locked) answers the
    release's name, raising deploy.DeployError when it cannot."""

    build: object
    check: object
    deploy: object


def stopped(status, step, message, problems=()):
    status.result, status.step, status.message = "stopped", step, message
    status.problems = list(problems)
    return status


def run_steps(status, steps, locked):
    """Build, check and deploy; the status says how far it went."""
    ok, problems, notes = steps.build()
    status.notes = list(notes)
    if not ok:
        return stopped(
            status,
            "production build",
            "The production build failed. Nothing was deployed.",
            problems,
        )
    ok, problems, _ = steps.check()
    if not ok:
        return stopped(
            status, "release checks", "The release checks failed. Nothing was deployed.", problems
        )
    try:
        status.release = steps.deploy(locked)
    except deploy.DeployError as error:
        return stopped(
            status, "deploy", "The deploy failed; the live site is unchanged.", [str(error)]
        )
    status.result, status.message = "published", ""
    return status


def publish_rsync(target, source, steps, lift_hold=False):
    """Publish to a folder or server target under its lock; the Status,
    also written beside its releases."""
    host, folder = deploy.split_target(target)
    status = Status("running", target, now(), **source)
    try:
        with deploy.Locked(host, folder):
            write_status(host, folder, status)
            hold = held_by(read_json(host, folder, HOLD, {}), source)
            if hold and not lift_hold:
                status.result = "held"
                what = f"Commit {source['commit'][:12]}" if source["commit"] else "This content"
                status.message = (
                    f"{what} was rolled back on {local_time(hold['time'])} (release "
                    f"{hold['release']}): the live site stays as it is until a new commit "
                    "reaches main. To publish it anyway: invoke publish --lift-hold"
                )
            else:
                run_steps(status, steps, locked=True)
            if status.result == "published":
                record_release(host, folder, status.release, source)
                deploy.remove_file(host, folder, HOLD)
            status.finished = now()
            write_status(host, folder, status)
    except deploy.TargetBusy as error:
        status.result, status.message, status.finished = "busy", str(error), now()
        write_status(host, folder, status)
    return status


def source_key(source):
    """What names a source on GitHub, where a hold is a tag: its commit, or
    the content's digest outside git."""
    return source["commit"] or source["content"]


def publish_github(remote, repo, source, steps, lift_hold=False):
    """Publish to GitHub Pages; the Status (not written anywhere: GitHub
    keeps the job's log, exit code and summary)."""
    status = Status("running", f"{remote} (GitHub Pages)", now(), **source)
    if source_key(source) in deploy.github_holds(remote, repo) and not lift_hold:
        status.result = "held"
        status.message = (
            f"Source {source_key(source)[:12]} was rolled back: the live site stays as it is "
            "until a new commit reaches main. To publish it anyway: invoke publish --lift-hold"
        )
    else:
        run_steps(status, steps, locked=False)
        if status.result == "published":
            deploy.lift_github_holds(remote, repo)
    status.finished = now()
    return status


def rollback_rsync(target, reload_command, fallback_source):
    """Roll a folder or server target back one release and hold the source
    it took off; (the release now live, the held source)."""
    host, folder = deploy.split_target(target)
    with deploy.Locked(host, folder):
        rolled_back, live = deploy.rollback_locked(target, reload_command)
        source = hold_rollback(host, folder, rolled_back, live, fallback_source)
    return live, source


def environment_target():
    """The target the preview reads the status of: IOP_DEPLOY_TARGET, the
    server target's setting, when it is set (README, "Publishing")."""
    return os.environ.get("IOP_DEPLOY_TARGET") or None
