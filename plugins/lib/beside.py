"""Work run beside the build, in a forked copy of it: half the pages read
while Pelican reads the rest (plugins/reading/read_ahead.py), every check
while the pages render (plugins/checks/content_checks.py), and half the
pages rendered (plugins/rendering/split_writer.py).

Why a fork of our own and not multiprocessing: a pool pickles the work and
its data (every page, the settings, Markdown objects) into a fresh process,
or forks with the pool's own threads running. A fork copies the build as
it is at one moment, for nothing (copy-on-write), and the work reads that
copy: the pages as Markdown made them, even while later plugins rewrite
their HTML in the parent (images, tables). One answer comes back, pickled.

Forked only where that is safe and pays: in a process that builds once
(`alone`: the command line, `invoke build` and `invoke publish`; a fork of
a large process such as a test session's costs more than it saves: the
quick tests took 93 s instead of 50), with one thread (a fork copies no
other thread, and a lock another thread held stays held in the copy), and
not with --debug (SITEBUILD_DEBUG: a real traceback). Elsewhere the caller
does the work itself, in line, with the same result. Every copy is waited
for before the build returns (`wait_for_all`), whatever stopped it.
"""

import contextlib
import logging
import os
import pickle
import threading

from .culprit import culprit


class Crashed(Exception):
    """The work raised in the child: what it raised, the content file it
    was handling and the work it was doing (tools/sitebuild.py names them
    in its bug line)."""

    def __init__(self, what, where=None, step="a copy of the build"):
        super().__init__(what)
        self.what, self.where, self.step = what, where, step


_ALONE = []


@contextlib.contextmanager
def alone(building_alone=True):
    """While a build runs in a process that builds once: forks may pay."""
    _ALONE.append(building_alone)
    try:
        yield
    finally:
        _ALONE.pop()


def possible():
    return (
        bool(_ALONE and _ALONE[-1])
        and hasattr(os, "fork")
        and threading.active_count() == 1
        and not os.environ.get("SITEBUILD_DEBUG")
    )


# The copies not waited for yet (wait_for_all).
_RUNNING = set()


class Beside:
    """`work()` run in a forked child from now on; `result()` waits for it."""

    def __init__(self, work, content=None):
        """`content`: the content folder, to name the file a crash was
        handling (plugins/lib/culprit.py)."""
        self.step = f"{getattr(work, 'func', work).__name__}()"
        readable, writable = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(readable)
            run_child(work, content, writable)
        os.close(writable)
        self.pipe, self.answer = readable, None
        _RUNNING.add(self)

    def result(self):
        """What `work()` returned; Crashed when it raised or its process died."""
        if self.answer is None:
            _RUNNING.discard(self)
            # Set first: a second call (after an interruption) never reads again.
            self.answer = ("crashed", "a copy of the build stopped unexpectedly", None)
            with os.fdopen(self.pipe, "rb") as answers:
                data = answers.read()
            _, status = os.waitpid(self.pid, 0)
            if data and status == 0:
                self.answer = pickle.loads(data)
        if self.answer[0] == "crashed":
            raise Crashed(*self.answer[1:], step=self.step)
        return self.answer[1]


def wait_for_all():
    """Wait for every copy still running, its answer unheard (the build
    stopped before it was asked for): none outlives its build."""
    for running in list(_RUNNING):
        with contextlib.suppress(Crashed):
            running.result()


class Heard(logging.Handler):
    """What a copy logs (warnings and errors): the build's process logs it
    again (`log_again`), or does the work again itself."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines = []

    def emit(self, record):
        # Pelican's grouping of many warnings of a kind travels with them.
        group = {key: record.__dict__[key] for key in GROUPING if key in record.__dict__}
        self.lines.append((record.name, record.levelno, record.getMessage(), group))


GROUPING = ("limit_msg", "limit_args")
# Marks a line a copy logged, logged again here (tools/sitebuild.py keeps it).
FROM_A_COPY = "from_a_copy"


def log_again(lines):
    for name, level, message, group in lines:
        logging.getLogger(name).log(level, "%s", message, extra={**group, FROM_A_COPY: True})


def run_child(work, content, writable):
    """The child: do the work, send the answer, and leave at once (os._exit:
    no exit handlers, no buffers of the parent flushed a second time)."""
    status = 1
    try:
        try:
            answer = ("done", work())
        except Exception as error:  # noqa: BLE001 - handed to the parent as data
            where = culprit(error.__traceback__, content)[0] if content else None
            answer = ("crashed", f"{type(error).__name__}: {error}", where)
        with os.fdopen(writable, "wb") as out:
            pickle.dump(answer, out)
        status = 0
    finally:
        os._exit(status)
