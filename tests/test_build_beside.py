"""A build alone in its process (the command line, `invoke build`, `invoke
publish`) reads half the pages and checks every page in forked copies of
itself (plugins/lib/beside.py, plugins/reading/read_ahead.py,
plugins/checks/content_checks.py): the same site, the same problems, the same
refusals as a build that does everything in line, as the tests' own builds do.

Each build here runs in a fresh process, as production's does, through a
probe that counts the copies made.
"""

import json
import logging
import shutil
import subprocess
import sys
import textwrap

import pytest
from pelican.writers import Writer

from support import CONTENT, FIXTURE_SITE, ROOT, build_site, session_phone_photo, tree_digest

# Builds alone, as tools/sitebuild.py's command line does, and says how many
# copies of itself it made. `crash` makes the checks fail on one page.
PROBE = textwrap.dedent(
    """
    import datetime, json, os, sys
    from plugins.checks import content_checks
    from plugins.lib import beside
    from tools import sitebuild

    args = json.loads(sys.argv[1])
    made = []
    start = beside.Beside.__init__

    def counted(self, work, where_of):
        made.append(getattr(work, "func", work).__name__)
        start(self, work, where_of)

    beside.Beside.__init__ = counted
    parent = os.getpid()
    if args.get("crash_render") or args.get("warn_render") or args.get("crash_here"):
        import logging
        from pelican.writers import Writer
        write_file = Writer.write_file

        def probed_write(self, *given, **named):
            page = named.get("page")
            if page is not None and args.get("warn_render"):
                logging.getLogger("pelican.writers").warning(f"rendered {page.source_path}")
            if page is not None and page.source_path.endswith(args["crash_render"] or "?"):
                raise RuntimeError("a bug in a template")
            if page is not None and args.get("crash_here") and os.getpid() == parent:
                raise RuntimeError("a bug in this process")
            return write_file(self, *given, **named)

        Writer.write_file = probed_write
    if args.get("crash"):
        check_page = content_checks.check_page

        def crashing(page, *rest, **named):
            if page.source_path.endswith(args["crash"]):
                raise RuntimeError("a bug in a check")
            return check_page(page, *rest, **named)

        content_checks.check_page = crashing
    day = datetime.date.fromisoformat(args["day"])
    result = sitebuild.build(
        str(sitebuild.os.path.abspath("pelicanconf.py")), args["output"], args["override"], day,
        alone=True,
    )
    try:  # a copy of the build still running, or never waited for
        os.waitpid(-1, os.WNOHANG)
        children = True
    except ChildProcessError:
        children = False
    print(json.dumps({"ok": result.ok, "lines": result.lines, "made": made, "children": children}))
    """
)


def alone(
    output, day, crash=None, crash_render=None, warn_render=False, crash_here=False, **override
):
    """(ok, lines, the copies made) of a build alone in a fresh process."""
    override = {name: str(value) for name, value in override.items()}
    args = {"output": str(output), "day": day.isoformat(), "override": override}
    args.update(crash=crash, crash_render=crash_render, warn_render=warn_render)
    args.update(crash_here=crash_here)
    run = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout.strip().splitlines()[-1])
    if not answer["ok"]:  # a successful build leaves only the old output's `rm`
        assert not answer["children"], "a copy of the build outlived it"
    return answer["ok"], answer["lines"], answer["made"]


def test_the_real_site_built_alone_is_the_site_built_in_line(site_build, tmp_path, build_day):
    ok, lines, made = alone(tmp_path / "output", build_day)
    assert ok, lines
    assert sorted(made) == ["check_site", "copy_writes", "read_quietly"]
    assert tree_digest(tmp_path / "output") == tree_digest(site_build.output)
    assert lines == site_build.lines


@pytest.fixture
def broken(tmp_path):
    """The real content with mistakes: one a page's reading refuses, one the
    checks refuse, in a page Pelican reads early and in one it reads late."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    pages = sorted((content / "pages").rglob("*.md"))
    first, last = pages[1], pages[-2]
    first.write_text(first.read_text() + "\n" + "word " * 2000 + "\n")
    last.write_text(last.read_text() + "\nA script: <script>alert(1)</script>\n")
    # Pelican's own warning, logged as a page renders (in either process).
    for number, page in enumerate(pages[2:-2:3]):
        page.write_text(page.read_text() + f"\nSee [a page]({{filename}}gone-{number}.md).\n")
    return content


def test_problems_found_beside_stop_the_build_as_in_line(broken, tmp_path, build_day):
    in_line = build_site(tmp_path / "in-line", today=build_day, PATH=broken)
    output = tmp_path / "output"
    shutil.copytree(FIXTURE_SITE, output)  # stands for the last good site
    before = tree_digest(output)
    ok, lines, made = alone(output, build_day, PATH=broken)
    assert not ok and not in_line.ok
    assert "check_site" in made
    assert lines == in_line.lines
    assert any("characters long" in line for line in lines)
    assert any("<script> in a page" in line for line in lines)
    # Pelican's warnings, as many as in line (it merges many of a kind).
    assert [line for line in lines if line.startswith("pelican: Unable to find 'gone-")]
    assert tree_digest(output) == before


def test_a_check_that_fails_beside_names_its_page(tmp_path, build_day):
    ok, lines, _ = alone(tmp_path / "output", build_day, crash="privacy.md")
    assert not ok
    bug = [line for line in lines if "a bug in the site" in line]
    assert len(bug) == 1, lines
    assert bug[0].startswith(
        "content/pages/privacy.md: build failed (RuntimeError: a bug in a check)"
    )


def test_a_page_that_fails_to_render_beside_is_named(tmp_path, build_day):
    """Whichever process renders the page, the bug line names it."""
    ok, lines, made = alone(tmp_path / "output", build_day, crash_render="privacy.md")
    assert not ok and "copy_writes" in made
    bug = [line for line in lines if "a bug in the site" in line]
    assert len(bug) == 1, lines
    assert bug[0].startswith(
        "content/pages/privacy.md: build failed (RuntimeError: a bug in a template)"
    )


def test_a_build_stopped_with_copies_running_waits_for_them(tmp_path, build_day):
    """The build's own process fails while its copies render and check: the
    build waits for each before it returns (`alone` asserts that no copy
    outlives it), and says what failed."""
    ok, lines, made = alone(tmp_path / "output", build_day, crash_here=True)
    assert not ok and "copy_writes" in made
    assert any("RuntimeError: a bug in this process" in line for line in lines)


def test_what_the_copy_logs_as_it_renders_is_reported(tmp_path, build_day, monkeypatch):
    """A warning logged while a page renders reaches the build's lines,
    whichever process rendered the page, as in a build in line."""
    ok, lines, made = alone(tmp_path / "output", build_day, warn_render=True)
    assert ok and "copy_writes" in made
    write_file = Writer.write_file

    def warning_write(self, *given, **named):
        if named.get("page") is not None:
            logging.getLogger("pelican.writers").warning(f"rendered {named['page'].source_path}")
        return write_file(self, *given, **named)

    monkeypatch.setattr(Writer, "write_file", warning_write)
    in_line = build_site(tmp_path / "in-line", today=build_day)
    rendered = [line for line in lines if line.startswith("pelican: rendered ")]
    assert len(rendered) > 10
    assert rendered == [line for line in in_line.lines if line.startswith("pelican: rendered ")]


def test_no_photo_file_is_made_before_the_checks_pass(tmp_path, build_day):
    """A new photo on a page, and a mistake on another: the checks beside the
    build refuse the mistake before the photo's first file is made."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "images").mkdir()
    session_phone_photo(content / "images" / "room.jpg", size=(600, 450))
    about = content / "pages" / "about.md"
    about.write_text(about.read_text() + "\n![Our group room]({static}/images/room.jpg)\n")
    index = content / "pages" / "index.md"
    index.write_text(index.read_text() + "\n<script>alert(1)</script>\n")
    cache = tmp_path / "cache"
    ok, lines, made = alone(tmp_path / "output", build_day, PATH=content, CACHE_PATH=cache)
    assert not ok and "check_site" in made
    assert any("<script> in a page" in line for line in lines)
    assert not list(cache.rglob("*.*")), "a photo file was made for a refused build"
    index.write_text(index.read_text().replace("<script>alert(1)</script>", ""))
    ok, lines, _ = alone(tmp_path / "output", build_day, PATH=content, CACHE_PATH=cache)
    assert ok, lines
    assert list((cache / "images").glob("*.avif"))
