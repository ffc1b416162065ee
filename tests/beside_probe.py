"""A build alone in a fresh process, as the command line runs one, for
tests/test_build_beside.py: it says how it ended, which copies of itself it
made, and whether any copy outlived it. `patch` puts one of PATCHES in place
first (the tests put the same ones in place for a build in line).

    python tests/beside_probe.py '{"output": ..., "day": ..., "override": {...}, ...}'
"""

import datetime
import json
import logging
import os
import signal
import sys
import time

from pelican.writers import Writer

from plugins.checks import content_checks
from plugins.lib import beside
from tools import sitebuild

PARENT = os.getpid()


def crash_check(target):
    check_page = content_checks.check_page

    def patched(page, *rest, **named):
        if page.source_path.endswith(target):
            raise RuntimeError("a bug in a check")
        return check_page(page, *rest, **named)

    return content_checks, "check_page", patched


def warn_check(target):
    check_page = content_checks.check_page

    def patched(page, *rest, **named):
        logging.getLogger("pelican.probe").warning(f"checked {page.source_path}")
        return check_page(page, *rest, **named)

    return content_checks, "check_page", patched


def on_render(act):
    write_file = Writer.write_file

    def patched(self, *given, **named):
        page = named.get("page")
        if page is not None:
            act(page)
        return write_file(self, *given, **named)

    return Writer, "write_file", patched


def crash_render(target):
    def act(page):
        if page.source_path.endswith(target):
            raise RuntimeError("a bug in a template")

    return on_render(act)


def warn_render(target):
    return on_render(
        lambda page: logging.getLogger("pelican.probe").warning(f"rendered {page.source_path}")
    )


def crash_here(target):
    def act(page):
        if os.getpid() == PARENT:
            raise RuntimeError("in this process")

    return on_render(act)


def interrupt_here(target):
    """Ctrl-C, as a terminal sends it: to every process of the group (the
    probe runs in a session of its own), while the copies check and render."""

    def act(page):
        if os.getpid() == PARENT:
            os.killpg(os.getpgrp(), signal.SIGINT)
            time.sleep(5)  # the interruption arrives first

    return on_render(act)


PATCHES = {
    "crash_check": crash_check,
    "warn_check": warn_check,
    "crash_render": crash_render,
    "warn_render": warn_render,
    "crash_here": crash_here,
    "interrupt_here": interrupt_here,
}


def main(args):
    made = []
    start = beside.Beside.__init__

    def counted(self, work, content=None):
        made.append(getattr(work, "func", work).__name__)
        start(self, work, content)

    beside.Beside.__init__ = counted
    if args.get("patch"):
        owner, name, patched = PATCHES[args["patch"]](args.get("target") or "")
        setattr(owner, name, patched)
    day = datetime.date.fromisoformat(args["day"])
    settings = os.path.abspath(args.get("settings") or "pelicanconf.py")
    answer = {"made": made, "interrupted": False}
    try:
        result = sitebuild.build(settings, args["output"], args["override"], day, alone=True)
        answer.update(ok=result.ok, lines=result.lines)
    except KeyboardInterrupt:
        answer.update(ok=False, lines=[], interrupted=True)
    try:  # a copy of the build still running, or never waited for
        os.waitpid(-1, os.WNOHANG)
        answer["children"] = True
    except ChildProcessError:
        answer["children"] = False
    print(json.dumps(answer))


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
