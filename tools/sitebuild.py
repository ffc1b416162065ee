"""Build the site without ever losing the last good one.

Pelican writes into a fresh temporary folder beside the output folder; only
when the build and every content check pass does that folder replace the
output. On a content mistake the editor sees one line per problem and the
old site stays exactly as it was (docs/architecture.md, "Known traps": Pelican would
otherwise empty the output folder before the checks run).

    python -m tools.sitebuild [--settings publishconf.py] [--output DIR]
                              [--content DIR] [--as-of DATE] [--serve]

`--serve` keeps one process for many builds (the preview's, through
`Worker`): a line on stdin builds, a JSON line on stdout answers. Pages
whose inputs did not change are neither read nor checked again
(plugins/lib/warm.py); the worker is started afresh when code, the theme or
the settings change.
"""

import argparse
import dataclasses
import gc
import json
import logging
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass, field

from pelican import Pelican
from pelican.contents import Content
from pelican.log import LimitFilter
from pelican.settings import read_settings

from plugins.checks import content_checks
from plugins.lib import beside
from plugins.lib import build as build_context
from plugins.lib.beside import Crashed
from plugins.lib.build import NotADay, parse_day
from plugins.lib.culprit import culprit
from plugins.lib.problems import ERROR, SINK_KEY, ContentError, display_path


@dataclass
class Result:
    ok: bool
    output: str
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # warnings and notes
    problems: list = field(default_factory=list)  # every Problem, as data
    theme: str = ""  # the theme folder the build used

    @property
    def lines(self):
        return self.errors + self.warnings


class Collector(logging.Handler):
    """Keeps every warning and error of one build, to print them together."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def sort_problems(problems, records):
    """(errors, warnings) as lines: our problems (data, from the build's
    sink) first, then anything else Pelican logged, on one line each,
    sorted (pages render in two processes in a build alone, so the order
    they were logged in is not the site's)."""
    errors = [str(p) for p in problems if p.level == ERROR]
    warnings = [str(p) for p in problems if p.level != ERROR]
    named = {os.path.basename(p.path) for p in problems}
    others = {logging.ERROR: [], logging.WARNING: []}
    for record in records:
        if record.name == "content_checks":
            continue  # the same problems, logged for the plain `pelican` command
        text = " ".join(record.getMessage().split())
        if any(name in text for name in named):
            continue  # Pelican's own words on a file we already explained
        line = f"{record.name.split('.')[0]}: {text}"
        others[logging.ERROR if record.levelno >= logging.ERROR else logging.WARNING].append(line)
    return errors + sorted(others[logging.ERROR]), warnings + sorted(others[logging.WARNING])


def reported(records, settings):
    """The records of the build but those its process logged after the
    checks that refused it began beside it (a build in line stops there)."""
    since = content_checks.refused_since(settings)
    if since is None:
        return records
    return [r for r in records if r.created < since or r.__dict__.get(beside.FROM_A_COPY)]


def swap_in(built, output):
    """Replace the output folder with the new build in two renames."""
    old = None
    if os.path.exists(output):
        old = tempfile.mkdtemp(prefix=".output-old-", dir=os.path.dirname(output))
        os.rmdir(old)
        os.rename(output, old)
    os.rename(built, output)
    if old:
        discard(old)


def discard(folder):
    """Delete a replaced output folder in a process of its own, at the lowest
    priority: nothing waits for it (1,000 pages took 0.3 s to delete), and
    `rm`, unlike a thread, finishes when the build's process has ended."""
    subprocess.Popen(
        ["nice", "-n", "19", "rm", "-rf", "--", folder],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def forget_last_build():
    """Pelican keeps two things of a build for the life of its process: the
    warnings it logged (one logged before is never logged again, and the
    sixth of a kind is merged into a summary) and each page's HTML (a
    memo of the class, holding every page of every build and its context).
    A process that builds again (the preview's worker, the tests) must start
    each build from neither."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    Content.get_content.cache.clear()


def build(settings_file="pelicanconf.py", output=None, override=None, today=None, alone=False):
    """Build the site; replace `output` only if the content is clean.

    `today` (a date) decides which notices show, instead of the clock.
    `alone`: this process builds once (the command line, `invoke build`,
    `invoke publish`), so the build may read and check beside itself, in
    forked copies (plugins/lib/beside.py).
    """
    forget_last_build()
    try:
        settings = read_settings(settings_file, override=override or {})
    except Exception as error:  # noqa: BLE001 - one line, never a traceback
        if os.environ.get("SITEBUILD_DEBUG"):
            raise
        return Result(False, os.path.abspath(output or "output"), [settings_line(error, override)])
    collector = Collector()
    problems = []
    logging.getLogger().addHandler(collector)
    try:
        if today:
            build_context.as_of(settings, today)
        output = os.path.abspath(output or settings["OUTPUT_PATH"])
        os.makedirs(os.path.dirname(output), exist_ok=True)
        building = tempfile.mkdtemp(prefix=".output-", dir=os.path.dirname(output))
        settings["OUTPUT_PATH"] = building
        settings[SINK_KEY] = problems
        with beside.alone(alone):
            crashed = run_pelican(settings)
    finally:
        logging.getLogger().removeHandler(collector)
    problems = sorted(set(problems))
    errors, warnings = sort_problems(problems, reported(collector.records, settings))
    if crashed:
        errors.append(crashed)
    theme = str(settings.get("THEME", ""))
    if errors:
        shutil.rmtree(building, ignore_errors=True)
        return Result(False, output, errors, warnings, problems, theme)
    swap_in(building, output)
    return Result(True, output, errors, warnings, problems, theme)


def settings_line(error, override):
    """Pelican refuses settings naming no content folder: say that plainly."""
    content = (override or {}).get("PATH")
    if content and not os.path.isdir(content):
        return missing_content_line(content)
    what = " ".join(f"{type(error).__name__}: {error}".split())[:200]
    return f"settings: build failed ({what}) - this is a bug in the site, not your text — please report it"


def missing_content_line(content):
    where = display_path(content)
    return f"{where}: the content folder is missing - check its name, or restore content/ from git"


def run_pelican(settings):
    """None, or one line saying what broke (content problems are data in the
    sink already: a ContentError only says that there are some)."""
    if not os.path.isdir(settings["PATH"]):
        return missing_content_line(settings["PATH"])
    try:
        try:
            Pelican(settings).run()
        except Exception:
            # The checks running beside the pages (plugins/lib/beside.py) are
            # heard whatever else stopped the build: their problems explain it.
            content_checks.settle(settings)
            raise
        finally:
            # An interruption (Ctrl-C) is not theirs to explain: it stops
            # them too; each is only waited for.
            beside.wait_for_all()
    except ContentError:
        return None
    except Exception as error:  # noqa: BLE001 - reported as one line, never a traceback
        if os.environ.get("SITEBUILD_DEBUG"):
            raise
        return bug_line(error, settings["PATH"])
    return None


def bug_line(error, content):
    """One line for an unexpected failure: the file being processed (or the
    step), and that the editor's text is not to blame."""
    where, step = culprit(error.__traceback__, os.path.abspath(content))
    if isinstance(error, Crashed):  # in a copy of the build: where it said
        where, step = error.where, error.step
    place = display_path(where) if where else f"while running {step}"
    what = error.what if isinstance(error, Crashed) else f"{type(error).__name__}: {error}"
    what = " ".join(what.split())[:200]
    return (
        f"{place}: build failed ({what}) - this is a bug in the site, not your text"
        " — please report it (`python -m tools.sitebuild --debug` shows the details)"
    )


def command(settings, output, content=None, as_of=None, *extra):
    """The command line of a build in a process of its own (the preview's
    worker, the web editor's check of a save)."""
    line = [sys.executable, "-m", "tools.sitebuild", "--settings", str(settings)]
    line += ["--output", str(output)]
    if content:
        line += ["--content", str(content)]
    if as_of:
        line += ["--as-of", str(as_of)]
    return [*line, *extra]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default=None)
    parser.add_argument("--content", default=None, help="build this content folder instead")
    parser.add_argument(
        "--as-of", dest="today", help="build the site as of this date (YYYY-MM-DD): notices"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument(
        "--serve",
        action="store_true",
        help="build once per line read on stdin, answering a JSON line (the preview's worker)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="also print the problems as JSON on stdout (the web editor)",
    )
    args = parser.parse_args(argv)
    if args.debug:
        os.environ["SITEBUILD_DEBUG"] = "1"
    try:
        today = parse_day(args.today) if args.today else None
    except NotADay as error:
        parser.error(f"--as-of: {error}")
    override = {"PATH": os.path.abspath(args.content)} if args.content else None
    if args.serve:
        return serve(args.settings, args.output, override, today)
    # One build, then the process ends: it keeps nearly every object it
    # makes to the end (1,000 pages: 87 MB with the cycle collector, 90 MB
    # without), and the collector's passes over them cost a tenth of the build.
    gc.disable()
    result = build(args.settings, args.output, override, today=today, alone=True)
    if args.json:
        print(as_json(result))
    return report(result)


def as_json(result):
    """The build's outcome as data: every problem, and the lines of a failure
    no problem names (a bug line)."""
    named = {str(problem) for problem in result.problems}
    return json.dumps(
        {
            "ok": result.ok,
            "problems": [dataclasses.asdict(problem) for problem in result.problems],
            "other_errors": [line for line in result.errors if line not in named],
        }
    )


# Tags of plugins/lib/problems.py, as the summary names them.
SUMMARY = {
    "held back": "Not on the live site",
    "marked older": "On the live site, marked as older than the English page",
}


def summary_lines(problems):
    """One line per kind of page the live site leaves out or marks, naming
    each file: what an editor must know after a build that did not stop."""
    lines = []
    for tag, title in SUMMARY.items():
        paths = sorted({p.path for p in problems if p.tag == tag})
        if paths:
            lines.append(f"{title} ({len(paths)}): {', '.join(paths)}")
    return lines


def report(result):
    lines, code = report_lines(result)
    for line in lines:
        print(line, file=sys.stderr)
    return code


def report_lines(result):
    """(the lines that tell how a build ended, its exit status)."""
    lines = [*result.lines, *summary_lines(result.problems)]
    if result.ok:
        return [*lines, f"Built the site in {os.path.relpath(result.output)}/"], 0
    stopped = (
        f"Build stopped: {len(result.errors)} problem(s) to fix; "
        f"{os.path.relpath(result.output)}/ is unchanged."
    )
    return [*lines, stopped], 1


# --- The preview's warm builder ------------------------------------------------


def serve(settings_file, output, override, today):
    """Build at each line of stdin; answer each with one JSON line: the exit
    status, the printed lines, and the files of code, theme and settings
    the build ran (a change to any of them needs a fresh process)."""
    override = {**(override or {}), "WARM_BUILDS": True}  # plugins/lib/warm.py
    # The lines are in the answer: nothing is logged to the terminal twice.
    logging.getLogger().addHandler(logging.NullHandler())
    # Answers go to the real stdout; whatever else prints there (Pelican's
    # "Done: Processed ..." summary) goes nowhere, so it never breaks one.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    sys.stdout.flush()
    with open(os.devnull, "w") as nowhere:
        os.dup2(nowhere.fileno(), sys.stdout.fileno())
    theme = ""
    for _ in sys.stdin:
        # The files' times as they were before the build (a file saved
        # during it then differs at the next build's look, which starts a
        # fresh worker); files first loaded by this build, as they are now.
        before = code_files(settings_file, theme)
        result = build(settings_file, output, override, today=today)
        theme = result.theme
        inputs = {**code_files(settings_file, theme), **before}
        lines, code = report_lines(result)
        answer = {"code": code, "lines": lines, "inputs": inputs}
        answer["result"] = json.loads(as_json(result))  # the problems as data (the web editor)
        print(json.dumps(answer), file=answers, flush=True)
    return 0


def code_files(settings_file, theme):
    """{path: modification time} of the project's loaded modules (not the
    standard library's or installed packages'), the settings file and every
    file of the theme."""
    installed = {sysconfig.get_path(name) for name in ("stdlib", "platstdlib", "purelib")}
    installed = tuple(os.path.realpath(path) + os.sep for path in installed if path)
    paths = {os.path.abspath(settings_file)}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if path and path.endswith(".py") and not os.path.realpath(path).startswith(installed):
            paths.add(os.path.abspath(path))
    for directory, _, names in os.walk(theme or os.devnull):
        paths.update(os.path.join(directory, name) for name in names)
    return {path: modified(path) for path in sorted(paths)}


def modified(path):
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


class Worker:
    """The preview's builds, in one process kept warm between saves, started
    afresh when any file of code, theme or settings it ran has changed (an
    edited plugin must reach the next build: Pelican keeps imported plugins
    for the life of a process)."""

    def __init__(self, settings, output, content=None, as_of=None, cwd=None, env=None):
        self.line = [*command(settings, output, content, as_of), "--serve"]
        self.cwd, self.env, self.process, self.inputs = cwd, env, None, {}
        self.result = None  # the last build's problems as data (as_json)

    def build(self):
        """(exit status, printed lines) of one build."""
        if self.process and any(modified(path) != when for path, when in self.inputs.items()):
            self.stop()
        for _ in range(2):  # a worker that died (killed, out of memory) is started again
            answer = self.ask()
            if answer is not None:
                self.inputs, self.result = answer["inputs"], answer["result"]
                return answer["code"], answer["lines"]
            self.stop()
        self.result = None
        return 1, ["the preview's builder stopped unexpectedly - this is a bug in the site"]

    def ask(self):
        if self.process is None:
            self.process = subprocess.Popen(
                self.line,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        try:
            self.process.stdin.write("build\n")
            self.process.stdin.flush()
            reply = self.process.stdout.readline()
        except (BrokenPipeError, OSError):
            return None
        return json.loads(reply) if reply.strip() else None

    def stop(self):
        if self.process:
            self.process.kill()
            self.process.wait()
        self.process, self.inputs = None, {}


if __name__ == "__main__":
    code = main()
    if sys.getprofile() or sys.gettrace():  # a profiler or coverage reports at exit
        sys.exit(code)
    # The process ends without taking its objects apart one by one (0.2 s
    # after a build of 1,000 pages): what it printed is flushed, its files
    # are closed, its copies were waited for, and nothing of ours waits
    # for the interpreter's exit.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
