"""Content problems: one line each, naming the file, the line and the fix.

Every local plugin records what it finds here instead of logging at once,
because `pelican --fatal` stops at the first logged record and an editor
needs to see every problem of a build together (docs/architecture.md, "Known traps").
`content_checks` logs them all and stops the build before anything is published.

A problem is data from where it is found until it is printed: validators
raise `Refused(what, fix)` and the caller adds the file and the line; no
message is ever split back into parts.
"""

import os
from dataclasses import dataclass

# Levels: an ERROR stops every build; a WARNING stops the production build
# (strict) and only informs the preview; a NOTE never stops a build: it is
# news about dates (a notice that ended, ends soon or starts later), which
# must never keep a daily publish from taking an expired banner down.
# An ADVICE is a warning that production keeps a warning: something the site
# covers for (an English page with no Spanish text yet links to the Spanish
# home page), which must not hold back a publish.
ERROR = "error"
WARNING = "warning"
ADVICE = "advice"
NOTE = "note"

# The context key under which plugins gather their problems for one build.
CONTEXT_KEY = "CONTENT_PROBLEMS"
# The setting holding the list a build's runner reads every problem from, as
# Problem objects (tools/sitebuild.py sets it; absent for plain `pelican`).
SINK_KEY = "BUILD_PROBLEMS"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, as data from where it is found until it is printed."""

    path: str
    line: int  # 1 or more in a content file; 0 only for settings files
    what: str
    fix: str
    level: str = ERROR
    # What a build's summary and the center's checklist group it under:
    # "held back" (a page production leaves out), "marked older" (a page
    # production publishes with a band); "" for the rest.
    tag: str = ""

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.what} - {self.fix}"


class Refused(ValueError):
    """A validator's answer: what is wrong and how to fix it, kept apart
    (never joined into one string that would have to be split again)."""

    def __init__(self, what, fix):
        super().__init__(what)
        self.what = what
        self.fix = fix


def strict(problems):
    """The production view: every WARNING is an ERROR; ADVICE and NOTEs stay."""
    return [
        Problem(p.path, p.line, p.what, p.fix, ERROR, p.tag) if p.level == WARNING else p
        for p in problems
    ]


class ContentError(Exception):
    """The content has problems that must be fixed before the site is built."""


def record(context, problems):
    context.setdefault(CONTEXT_KEY, []).extend(problems)


def display_path(path):
    """The path an editor recognises: relative to where the build was run."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def settings_of(settings, name, defaults):
    """A plugin's settings (the dict named after it) over its defaults, and
    one problem per key it does not know (a typo would silently do nothing)."""
    options = dict(defaults, **settings.get(name.upper(), {}))
    unknown = [
        Problem(
            "pelicanconf.py", 0, f"{name}: unknown key '{key}'", f"use only: {', '.join(defaults)}"
        )
        for key in sorted(set(options) - set(defaults))
    ]
    return options, unknown


def not_utf8(where, error):
    return Problem(
        where,
        error.line,
        "the file is not UTF-8 text",
        "save it again as UTF-8 (most editors: 'Save with encoding')",
    )
