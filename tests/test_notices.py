"""Site notices: shown on every page from Start to End, never blocking a build.

Behaviour is checked on the fixture site (a notice on fixed dates); the real
site is checked against whatever content/notices/ says today.
"""

import datetime
import shutil

import pytest

from support import FIXTURE_SITE, active_notices, build_site, html_files, soup_of

DAY = datetime.timedelta(days=1)
START, END = datetime.date(2026, 12, 20), datetime.date(2026, 12, 27)
NOTICE = "tests/fixtures/site/notices/en/holiday.md"


def banners(output):
    return {
        path.relative_to(output).as_posix(): soup_of(path).select(".app-notice")
        for path in html_files(output)
    }


def fixture_build(tmp_path, day, settings="pelicanconf.py"):
    result = build_site(tmp_path / "output", settings, today=day, PATH=FIXTURE_SITE)
    assert result.ok, result.lines
    return result, banners(tmp_path / "output")


def notes_about_the_notice(result):
    return [line for line in result.warnings if "notices/en/holiday.md" in line]


def test_every_page_shows_the_notices_active_today(all_documents, build_day):
    """Whatever content/notices/ holds: each page shows exactly today's notices."""
    notices = active_notices(build_day)
    for url, soup in all_documents.items():
        lang = soup.html["lang"]
        expected = [n["texts"].get(lang, n["texts"]["en"])["title"] for n in notices]
        shown = [
            banner.find("h2").get_text().strip().rstrip(":")
            for banner in soup.select(".app-notice")
        ]
        assert shown == expected, url


def test_a_notice_is_a_labelled_region_before_the_header(tmp_path):
    """Screen readers list the notice as a region, named by its title, first on the page."""
    _, found = fixture_build(tmp_path, START)
    soup = soup_of(tmp_path / "output" / "index.html")
    banner = soup.select_one("section.app-notice")
    assert soup.find(id=banner["aria-labelledby"]).get_text().strip() == "Holiday hours:"
    order = [n.name for n in soup.body.find_all(["section", "header", "main"], recursive=False)]
    assert order[:3] == ["section", "header", "main"]
    assert all(found.values())


@pytest.mark.parametrize("day", [START, START + 3 * DAY, END])
def test_a_notice_shows_on_every_page_from_start_to_end_inclusive(tmp_path, day):
    """Both the Start and the End day are included."""
    _, found = fixture_build(tmp_path, day)
    assert all(len(banners) == 1 for banners in found.values()), found


@pytest.mark.parametrize("day", [START - DAY, END + DAY])
def test_a_notice_is_not_shown_before_its_start_or_after_its_end(tmp_path, day):
    """Outside its dates the notice is on no page, and the build still succeeds."""
    _, found = fixture_build(tmp_path, day)
    assert not any(found.values())


def test_a_production_build_is_never_stopped_by_a_notice_s_dates(tmp_path):
    """Ended, ending soon or upcoming: a note in production too, never an error,
    so the daily publish can always take an expired banner down."""
    for day in (START - DAY, END - DAY, END + DAY):
        result, _ = fixture_build(tmp_path / day.isoformat(), day, "publishconf.py")
        assert notes_about_the_notice(result), day


def test_an_end_before_the_start_takes_a_notice_down_with_a_note(tmp_path, monkeypatch):
    """EDITING.md takes a notice down by setting End to yesterday, even on
    the day it started: production publishes, the notice shows nowhere."""
    monkeypatch.delenv("STAGING", raising=False)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    notice = content / "notices" / "en" / "holiday.md"
    notice.write_text(notice.read_text().replace("End: 2026-12-27", "End: 2026-12-19"))
    result = build_site(tmp_path / "output", "publishconf.py", today=START, PATH=content)
    assert result.ok, result.errors
    assert notes_about_the_notice(result) == [
        f"{notice}:4: this notice never shows: its End (2026-12-19) is before its Start "
        "(2026-12-20) - nothing to do if it is taken down; to show it, set End on or after Start"
    ]
    assert not soup_of(tmp_path / "output" / "index.html").select("section.app-notice")


def test_the_build_notes_an_upcoming_notice_with_its_dates(tmp_path):
    """A notice whose Start is later is built into no page, and listed."""
    result, _ = fixture_build(tmp_path, START - 5 * DAY)
    assert notes_about_the_notice(result) == [
        f"{NOTICE}:3: upcoming notice 'Holiday hours' shows from 2026-12-20 to 2026-12-27 - "
        "nothing to do: publishing on or after its Start date shows it"
    ]


def test_the_build_notes_a_notice_that_ends_soon_or_has_ended(tmp_path):
    """Editors hear of the End date 14 days ahead, and after it has passed."""
    soon, _ = fixture_build(tmp_path / "soon", END - 2 * DAY)
    ended, _ = fixture_build(tmp_path / "ended", END + DAY)
    assert "ends soon, on 2026-12-27" in notes_about_the_notice(soon)[0]
    assert "ended on 2026-12-27 and is no longer shown" in notes_about_the_notice(ended)[0]


def test_no_note_while_the_end_is_14_days_away_or_more(tmp_path):
    """A long-running notice in its middle makes no noise."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    notice = content / "notices" / "en" / "holiday.md"
    notice.write_text(notice.read_text().replace("End: 2026-12-27", "End: 2027-01-10"))
    result = build_site(tmp_path / "output", today=START, PATH=content)
    assert result.ok and not notes_about_the_notice(result), result.lines


def test_raw_html_in_a_notice_is_shown_as_text_not_run(tmp_path):
    """A notice is on every page: markup typed into it is escaped, Markdown works."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    notice = content / "notices" / "en" / "holiday.md"
    notice.write_text(notice.read_text().replace("We close", "<b>x</b> We close"))
    result = build_site(tmp_path / "output", today=START, PATH=content)
    assert result.ok, result.lines
    banner = soup_of(tmp_path / "output" / "index.html").select_one(".app-notice")
    assert banner.find("b") is None and "<b>x</b>" in banner.get_text()
    assert banner.find("strong").get_text() == "December 24"


def test_a_notice_left_straight_in_notices_is_not_shown_and_the_build_says_where(tmp_path):
    """The old layout (notices/holiday.md): never silently gone, never shown
    half-translated; production still publishes the rest."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "notices" / "en" / "holiday.md").rename(content / "notices" / "holiday.md")
    result = build_site(tmp_path / "output", "publishconf.py", today=START, PATH=content)
    assert result.ok, result.errors
    assert any(
        "notices/holiday.md:1: this notice is not shown: notices live in a folder per language"
        in line
        and "move it to" in line
        and "notices/en/" in line
        for line in result.warnings
    ), result.warnings
    assert not soup_of(tmp_path / "output" / "index.html").select("section.app-notice")
