"""Facts still to confirm: highlighted in review, refused in production, listed
for the center (plugins/to_confirm.py). Builds a copy of the fixture site."""

import datetime
import shutil
import subprocess
import sys

import pytest

from plugins import to_confirm
from plugins.build import mode as build_mode
from support import FIXTURE_SITE, ROOT, build_site, soup_of

DAY = datetime.date(2026, 11, 26)
PRODUCTION = {"strict": True, "placeholders": "refuse", "max_grade": 8.0}
STAGING = {"strict": False, "placeholders": "warn", "max_grade": 8.0}
PAGE = """Title: Our rooms
Summary: Where the groups meet.
Reviewed: 2026-11-01
To-confirm: that the rooms are as described

We meet in [[to confirm: two rooms on the first floor]].
The rooms have [[to confirm: big
windows]] and chairs.
"""


@pytest.fixture
def content(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, target)
    (target / "pages" / "rooms.md").write_text(PAGE, encoding="utf-8")
    return target


def build(content, output, checks=None, **override):
    if checks:
        override["CONTENT_CHECKS"] = checks
    return build_site(output, "publishconf.py", today=DAY, PATH=content, **override)


def test_markers_keep_their_line_even_when_they_wrap():
    assert to_confirm.markers_in("a\n[[to confirm: x]]\n[[To confirm:  y\nz ]]") == [
        (2, "x"),
        (3, "y z"),
    ]


def test_mark_html_labels_the_fact_visibly():
    html = to_confirm.mark_html("<p>Open [[to confirm: 8 am]] daily</p>")
    assert '<mark class="app-confirm">' in html
    assert '<span class="app-confirm__label" lang="en">To confirm:</span> 8 am</mark>' in html


def test_the_settings_decide_the_build_s_mode():
    """plugins/build.py reads the mode from the settings publishconf.py sets."""
    assert build_mode({"CONTENT_CHECKS": PRODUCTION}) == "production"
    assert build_mode({"CONTENT_CHECKS": STAGING}) == "staging"
    assert build_mode({"CONTENT_CHECKS": {"strict": False, "placeholders": "allow"}}) == "preview"


def test_preview_highlights_markers_and_the_field(content, tmp_path):
    result = build_site(tmp_path / "out", today=DAY, PATH=content)
    assert result.ok, result.lines
    assert not [line for line in result.lines if "to confirm" in line]
    soup = soup_of(tmp_path / "out" / "rooms" / "index.html")
    marks = soup.select("main mark.app-confirm")
    texts = [" ".join(mark.get_text(" ").split()) for mark in marks]
    assert "To confirm: that the rooms are as described" in texts
    assert "To confirm: two rooms on the first floor" in texts
    assert "To confirm: big windows" in texts
    assert "[[" not in soup.find("main").get_text()


def test_staging_warns_and_builds(content, tmp_path):
    result = build(content, tmp_path / "out", STAGING)
    assert result.ok, result.lines
    assert sum("to confirm" in line for line in result.warnings) == 3


def test_production_refuses_each_with_file_line_and_fix(content, tmp_path):
    result = build(content, tmp_path / "out", PRODUCTION)
    assert not result.ok
    errors = "\n".join(result.errors)
    assert "pages/rooms.md:4: page to confirm: that the rooms are as described - " in errors
    assert "pages/rooms.md:6: to confirm: two rooms on the first floor - " in errors
    assert "pages/rooms.md:7: to confirm: big windows - " in errors


def test_production_refuses_a_clinical_page_without_reviewer(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    page = "Title: Advice\nSummary: Health advice.\nReviewed: 2026-11-01\nSection: about-iop\n\nText.\n"
    (content / "pages" / "advice.md").write_text(page, encoding="utf-8")
    settings = {"clinical_sections": ["about-iop"], "clinical_pages": []}
    result = build(content, tmp_path / "out", PRODUCTION, TO_CONFIRM=settings)
    assert not result.ok
    assert any("pages/advice.md:1: no reviewer:" in line for line in result.errors)
    assert build(content, tmp_path / "preview", STAGING, TO_CONFIRM=settings).ok


def test_the_fixture_site_has_nothing_to_confirm(tmp_path):
    result = build(FIXTURE_SITE, tmp_path / "out", PRODUCTION)
    assert result.ok, result.lines


def test_confirm_list_groups_by_page(content):
    settings = {"PATH": str(content), "PAGE_PATHS": ["pages"]}
    text = to_confirm.checklist_text(to_confirm.checklist(settings))
    lines = text.splitlines()
    assert lines[0].endswith("pages/rooms.md")
    assert lines[1].endswith("pages/rooms.md:4: page to check: that the rooms are as described")
    assert lines[2].endswith("pages/rooms.md:6: to confirm: two rooms on the first floor")


def test_invoke_confirm_list_lists_the_real_site():
    output = subprocess.run(
        [sys.executable, "-m", "invoke", "confirm-list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for item in to_confirm.checklist({"PATH": str(ROOT / "content"), "PAGE_PATHS": ["pages"]}):
        assert item.text in output


def test_a_notice_marker_is_highlighted_in_preview_and_refused_in_production(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    notice = content / "notices" / "holiday.md"
    notice.write_text(notice.read_text().replace("early", "early [[to confirm: at 2 pm]]"))
    day = datetime.date(2026, 12, 21)  # the notice shows
    result = build_site(tmp_path / "out", today=day, PATH=content)
    assert result.ok, result.lines
    banner = soup_of(tmp_path / "out" / "index.html").select_one(".app-notice mark.app-confirm")
    assert " ".join(banner.get_text(" ").split()) == "To confirm: at 2 pm"
    refused = build_site(
        tmp_path / "prod", "publishconf.py", today=day, PATH=content, CONTENT_CHECKS=PRODUCTION
    )
    assert any("notices/holiday.md:6: to confirm: at 2 pm - " in line for line in refused.errors)
