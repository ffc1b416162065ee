"""The web editor's checks: the real build, on the content as it would be
after a save, before anything is written.

A save (or a preview) copies content/ into a scratch folder (hard links:
nothing is read twice, nothing of content/ can be touched), puts the
unsaved files in it, and runs the very build the preview runs, in a warm
worker of its own (tools/sitebuild.Worker, as tools/preview.py does): the
scratch folder keeps its place, so only the pages a change touches are
read, checked and rendered again, and a check takes a fraction of a second. Its problems are the build's own, with the
file, the line, what is wrong and the fix; each is mapped to the form
field it concerns (the line of a `Key:` is that field's, any other line
the text's), so the editor can show it next to that field.

A save is refused for an error the current content does not already have
(an error elsewhere in the site, made by someone else, never blocks an
unrelated save; the preview keeps showing it). Only errors stop a save:
warnings and notes are shown, as the preview shows them.
"""

import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from plugins.lib import datafile
from tools import sitebuild

ROOT = Path(__file__).resolve().parents[1]
# A scratch build's outputs kept for the preview pane (the newest ones).
KEEP_OUTPUTS = 4


@dataclass
class Checked:
    ok: bool  # the save may be written: no new error
    problems: (
        list  # every problem of the build, as dicts (path, line, what, fix, level, tag, field)
    )
    new_errors: list  # the errors this change brings
    output: Path | None = None  # the built site, when the build finished
    other_errors: list = field(default_factory=list)  # a failure no problem names


def fingerprint(content):
    """What content/ holds now, cheaply: each file's path, size and time."""
    found = []
    for here, folders, files in os.walk(content):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(here, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            found.append((os.path.relpath(path, content), info.st_size, info.st_mtime_ns))
    return hash(tuple(found))


def link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def field_lines(text):
    """(the line of each `Key:` field, the text's first line) of a file."""
    data = datafile.parse("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return {number: key for key, number in data.lines.items()}, data.body_line


def field_of(lines, line):
    """The form field a line of a file concerns: its `Key:` line's field,
    else the text ("body"); "" for a file the change does not hold."""
    if lines is None or not line:
        return ""
    keys, body_line = lines
    return keys.get(line) or ("body" if line >= body_line else "")


class Checker:
    """Builds of content/ with a change applied, one at a time."""

    def __init__(self, content, settings="pelicanconf.py", as_of=None, work=None):
        self.content = Path(content).resolve()
        self.settings = str((ROOT / settings).resolve())
        self.as_of = as_of
        self.work = Path(work or tempfile.mkdtemp(prefix="iop-editor-"))
        self.scratch = self.work / "scratch"
        self.lock = threading.Lock()
        self.count = 0
        self._baseline = (None, set())
        self.worker = None

    def overlay(self, changes):
        """The scratch copy of content/ (always at one place: the warm worker
        knows its files by path) with `changes` ({path under content/:
        bytes, or None to delete}) applied."""
        folder = self.scratch / "content"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(self.content, folder, copy_function=link_or_copy, symlinks=True)
        for relative, data in changes.items():
            target = folder / relative
            if target.is_file() or target.is_symlink():
                target.unlink()  # a new file, never the hard-linked original
            if data is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)

    def build(self):
        """The build of the scratch copy, as data; its display paths are
        "content/..." (the worker runs in the scratch folder)."""
        if self.worker is None:
            self.worker = sitebuild.Worker(
                self.settings,
                self.scratch / "output",
                self.scratch / "content",
                self.as_of,
                cwd=self.scratch,
                env=dict(os.environ, PYTHONPATH=str(ROOT)),
            )
        _, lines = self.worker.build()
        if self.worker.result is None:
            tail = " ".join(" ".join(lines).split())[-300:]
            return {
                "ok": False,
                "problems": [],
                "other_errors": [f"the check could not run: {tail}"],
            }
        return self.worker.result

    def baseline(self):
        """{(path, what)} of the errors content/ has now (one build per change of content/)."""
        now = fingerprint(self.content)
        if self._baseline[0] != now:
            self.overlay({})
            answer = self.build()
            errors = {(p["path"], p["what"]) for p in answer["problems"] if p["level"] == "error"}
            self._baseline = (now, errors)
        return self._baseline[1]

    def keep_output(self):
        """The scratch build's site, kept as build-N for the preview pane
        (hard links: the next build replaces the scratch output whole)."""
        self.count += 1
        folder = self.work / f"build-{self.count}"
        shutil.rmtree(folder, ignore_errors=True)
        built = self.scratch / "output"
        if built.is_dir():
            shutil.copytree(built, folder / "output", copy_function=link_or_copy, symlinks=True)
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def check(self, changes):
        """Checked: the build of content/ with `changes` applied."""
        with self.lock:
            before = self.baseline()
            self.overlay(changes)
            answer = self.build()
            folder = self.keep_output() if answer["ok"] else self.work / "none"
            lines = {
                f"content/{path}": field_lines(data.decode("utf-8", "replace"))
                for path, data in changes.items()
                if data is not None and path.endswith((".md", ".txt"))
            }
            problems = []
            for problem in answer["problems"]:
                problem["field"] = field_of(lines.get(problem["path"]), problem["line"])
                problems.append(problem)
            new = [
                p
                for p in problems
                if p["level"] == "error" and (p["path"], p["what"]) not in before
            ]
            output = folder / "output"
            self.tidy()
            return Checked(
                ok=not new and not answer["other_errors"],
                problems=problems,
                new_errors=new,
                output=output if output.is_dir() else None,
                other_errors=answer["other_errors"],
            )

    def tidy(self):
        """Keep the newest scratch builds only (the preview pane shows them)."""
        builds = sorted(
            (p for p in self.work.glob("build-*") if p.is_dir()),
            key=lambda p: int(p.name.split("-")[1]),
        )
        for old in builds[:-KEEP_OUTPUTS]:
            shutil.rmtree(old, ignore_errors=True)

    def close(self):
        if self.worker:
            self.worker.stop()
        shutil.rmtree(self.work, ignore_errors=True)


# Each edition's home page (pelicanconf.py's EXTRA_PATH_METADATA).
HOMES = {"index": "/", "es/index": "/es/"}


def url_of(path):
    """The address a page of content/ is built at (pelicanconf.py's rules):
    pages/a/b.md -> /a/b/; each edition's index.md -> / or /es/."""
    relative = path.removeprefix("content/")
    if not relative.startswith("pages/"):
        return "/"
    slug = relative.removeprefix("pages/").removesuffix(".md")
    return HOMES.get(slug, f"/{slug}/")
