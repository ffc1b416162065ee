"""A build alone in its process (the command line, `invoke build`, `invoke
publish`) reads half the pages and checks every page in forked copies of
itself (plugins/lib/beside.py, plugins/reading/read_ahead.py,
plugins/checks/content_checks.py): the same site, the same problems, the same
refusals as a build that does everything in line, as the tests' own builds do.

Each build here runs in a fresh process, as production's does, through a
probe that counts the copies made.
"""

import json
import os
import re
import shutil
import subprocess
import sys

import beside_probe
import pytest

from support import CONTENT, FIXTURE_SITE, ROOT, build_site, session_phone_photo, tree_digest


def alone(output, day, patch=None, target=None, settings=None, **override):
    """(ok, lines, the copies made) of a build alone in a fresh process
    (tests/beside_probe.py), with one of its PATCHES in place."""
    override = {name: str(value) for name, value in override.items()}
    args = {"output": str(output), "day": day.isoformat(), "override": override}
    args.update(patch=patch, target=target, settings=settings)
    run = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "beside_probe.py"), json.dumps(args)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}"},
        capture_output=True,
        text=True,
        timeout=300,
        start_new_session=True,  # an interruption reaches the probe's processes only
    )
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout.strip().splitlines()[-1])
    if not answer["ok"]:  # a successful build leaves only the old output's `rm`
        assert not answer["children"], "a copy of the build outlived it"
    if answer["interrupted"]:
        return None, [], answer["made"]
    return answer["ok"], answer["lines"], answer["made"]


def in_line(
    output, day, monkeypatch, patch=None, target=None, settings="pelicanconf.py", **override
):
    """The same build in line, in this process, with the same patch in place."""
    if patch:
        monkeypatch.setattr(*beside_probe.PATCHES[patch](target or ""))
    return build_site(output, settings=settings, today=day, **override)


def test_the_real_site_built_alone_is_the_site_built_in_line(site_build, tmp_path, build_day):
    ok, lines, made = alone(tmp_path / "output", build_day)
    assert ok, lines
    assert sorted(made) == ["check_site_in_a_copy", "copy_writes", "read_quietly"]
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
    assert "check_site_in_a_copy" in made
    assert lines == in_line.lines
    assert any("characters long" in line for line in lines)
    assert any("<script> in a page" in line for line in lines)
    # Pelican's warnings, as many as in line (it merges many of a kind).
    assert [line for line in lines if line.startswith("pelican: Unable to find 'gone-")]
    assert tree_digest(output) == before


def test_a_refused_build_says_only_what_a_build_in_line_says(tmp_path, build_day):
    """A build in line stops at the checks; one alone went on rendering
    meanwhile (a summary's link is resolved only then), and says nothing of it."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    privacy = content / "pages" / "privacy.md"
    summary = "Summary: See [the gone page]({filename}gone.md). No cookies.\n"
    privacy.write_text(re.sub(r"^Summary: .*\n", summary, privacy.read_text(), flags=re.M))
    index = content / "pages" / "index.md"
    index.write_text(index.read_text() + "\n<script>alert(1)</script>\n")
    in_line = build_site(tmp_path / "in-line", today=build_day, PATH=content)
    ok, lines, _ = alone(tmp_path / "output", build_day, PATH=content)
    assert not ok and not in_line.ok
    assert lines == in_line.lines


def test_production_alone_says_what_production_in_line_says(tmp_path, build_day):
    """Production never renders a draft: what Pelican says of a draft's link
    comes from the checks (run beside the build, alone), as in line. The
    real content is refused in production (facts to confirm): the same lines."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "pages" / "a-draft.md").write_text(
        "Title: A draft\nSummary: Not yet.\nStatus: draft\nReviewed: 2026-11-01\n\n"
        "See [this]({filename}gone.md).\n"
    )
    in_line = build_site(tmp_path / "in-line", "publishconf.py", build_day, PATH=content)
    ok, lines, _ = alone(tmp_path / "output", build_day, settings="publishconf.py", PATH=content)
    assert not ok and not in_line.ok
    assert "pelican: Unable to find 'gone.md', skipping url replacement." in lines
    assert lines == in_line.lines


def test_a_check_that_fails_beside_names_its_page(tmp_path, build_day):
    ok, lines, _ = alone(tmp_path / "output", build_day, "crash_check", "privacy.md")
    assert not ok
    bug = [line for line in lines if "a bug in the site" in line]
    assert len(bug) == 1, lines
    assert bug[0].startswith(
        "content/pages/privacy.md: build failed (RuntimeError: a bug in a check)"
    )


def test_a_page_that_fails_to_render_beside_is_named(tmp_path, build_day):
    """Whichever process renders the page, the bug line names it."""
    ok, lines, made = alone(tmp_path / "output", build_day, "crash_render", "privacy.md")
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
    ok, lines, made = alone(tmp_path / "output", build_day, "crash_here")
    assert not ok and "copy_writes" in made
    assert any("RuntimeError: in this process" in line for line in lines)


def test_an_interrupted_build_is_interrupted_not_a_bug(tmp_path, build_day):
    """Ctrl-C stops the copies too: the build is interrupted (as in line),
    never reported as a bug in the site, and no copy outlives it."""
    ok, lines, made = alone(tmp_path / "output", build_day, "interrupt_here")
    assert ok is None and lines == [] and "copy_writes" in made


@pytest.mark.parametrize("patch", ["warn_check", "warn_render"])
def test_what_a_copy_logs_is_reported_as_in_line(patch, tmp_path, build_day, monkeypatch):
    """A warning logged while the checks run or a page renders reaches the
    build's lines, whichever process logged it, as in a build in line."""
    ok, lines, made = alone(tmp_path / "output", build_day, patch)
    assert ok
    assert {"check_site_in_a_copy", "copy_writes"} <= set(made)
    in_line_lines = in_line(tmp_path / "in-line", build_day, monkeypatch, patch).lines
    probed = [line for line in lines if line.startswith("pelican: ")]
    assert len(probed) > 10
    assert probed == [line for line in in_line_lines if line.startswith("pelican: ")]


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
    assert not ok and "check_site_in_a_copy" in made
    assert any("<script> in a page" in line for line in lines)
    assert not list(cache.rglob("*.*")), "a photo file was made for a refused build"
    index.write_text(index.read_text().replace("<script>alert(1)</script>", ""))
    ok, lines, _ = alone(tmp_path / "output", build_day, PATH=content, CACHE_PATH=cache)
    assert ok, lines
    assert list((cache / "images").glob("*.avif"))
