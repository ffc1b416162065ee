"""`invoke new-page`, as an editor runs it: the page it starts is in the menu
at once, previews with its guidance, and never reaches production unchanged
(the link checker: test_linkcheck.py)."""

import datetime
import os
import shutil
import subprocess
import sys
import zoneinfo

from support import FIXTURE_SITE, ROOT, build_site, soup_of

DAY = datetime.date(2026, 12, 21)


def new_page(content, *args, env=None):
    """Run the real task against a copy of a content folder."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", "new-page", f"--content={content}", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )


def test_a_new_page_is_dated_today_in_san_diego_wherever_it_is_made(tmp_path):
    """Reviewed is the build's today (San Diego's), not the editing machine's:
    a page made on a server far west of it is never "reviewed in the future"."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    # UTC+14: its date is a day ahead of San Diego's for 22 hours of 24.
    env = {**os.environ, "TZ": "Pacific/Kiritimati"}
    run = new_page(content, "--path", "about/parking", "--title", "Parking", env=env)
    assert run.returncode == 0, run.stderr
    today = datetime.datetime.now(zoneinfo.ZoneInfo("America/Los_Angeles")).date()
    assert f"Reviewed: {today.isoformat()}\n" in (content / "pages/about/parking.md").read_text()


def test_a_new_page_is_in_the_menu_and_previews(tmp_path):
    """Every field is set, Nav-order after the others, Section from the page above."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    run = new_page(content, "--path", "about/family-support", "--title", "Family support")
    assert run.returncode == 0, run.stderr
    text = (content / "pages" / "about" / "family-support.md").read_text()
    assert "Nav-order: 4\n" in text and "Section: about-us\n" in text
    result = build_site(tmp_path / "output", today=DAY, PATH=content)
    assert result.ok, result.lines
    menus = soup_of(tmp_path / "output" / "about" / "index.html").select("nav a")
    assert "/about/family-support/" in [a["href"] for a in menus]


def test_an_unchanged_new_page_is_refused_in_production(tmp_path):
    """Guidance left in a page: a warning in the preview, an error in production."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    assert new_page(content, "--path", "help", "--title", "Help").returncode == 0
    preview = build_site(tmp_path / "preview", today=DAY, PATH=content)
    assert preview.ok and any("help.md:5: the new-page guidance" in w for w in preview.warnings)
    production = build_site(tmp_path / "production", "publishconf.py", today=DAY, PATH=content)
    assert not production.ok
    assert any(
        "pages/help.md:5: the new-page guidance is still here - replace it" in error
        for error in production.errors
    ), production.errors


def test_an_unknown_section_is_refused_with_the_choices(tmp_path):
    """A typo in --section says which sections exist; no file is written."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    run = new_page(content, "--path", "x", "--title", "X", "--section", "famlies")
    assert run.returncode == 1 and "about-iop, getting-care" in run.stderr
    assert not (content / "pages" / "x.md").exists()
