"""What the center must confirm: highlighted in review, refused in
production, listed by who answers it (plugins/reading/to_confirm.py). Builds a copy
of the fixture site."""

import csv
import datetime
import io
import shutil
import subprocess
import sys

import pytest
from pelican.settings import read_settings

from plugins.lib import marks
from plugins.lib.build import mode as build_mode
from plugins.reading import to_confirm
from support import FIXTURE_SITE, ROOT, build_site, soup_of

DAY = datetime.date(2026, 11, 26)
PRODUCTION = {"mode": "production", "today": None}
STAGING = {"mode": "staging", "today": None}
PAGE = """Title: Our rooms
Summary: Where the groups meet.
Reviewed: 2026-11-01
To-confirm: that the rooms are as described

We meet in [[fact: rooms]].
The rooms have [[fact: windows]] and chairs.
"""
FACTS = {
    "rooms": "Question: The rooms groups meet in\nOwner: admissions\n",
    "windows": "Question: What the rooms' windows are like\nOwner: marketing\n",
}


@pytest.fixture
def content(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, target)
    (target / "pages" / "rooms.md").write_text(PAGE, encoding="utf-8")
    (target / "facts").mkdir()
    for key, text in FACTS.items():
        (target / "facts" / f"{key}.txt").write_text(text)
    return target


def build(content, output, checks=None, **override):
    if checks:
        override["BUILD"] = checks
    return build_site(output, "publishconf.py", today=DAY, PATH=content, **override)


def test_mark_html_labels_the_question_visibly_in_english():
    html = marks.mark_html("<p>Open [[to confirm: The hours]] daily</p>")
    assert '<mark class="app-confirm" lang="en">' in html
    assert '<span class="app-confirm__label" lang="en">To confirm:</span> The hours</mark>' in html


def test_the_settings_decide_the_build_s_mode(monkeypatch):
    """plugins/lib/build.py reads the mode the settings files set, once: the
    environment only through publishconf.py (STAGING=1)."""
    assert build_mode({"BUILD": PRODUCTION}) == "production"
    assert build_mode({"BUILD": STAGING}) == "staging"
    assert build_mode(read_settings(str(ROOT / "pelicanconf.py"))) == "preview"
    monkeypatch.delenv("STAGING", raising=False)
    assert build_mode(read_settings(str(ROOT / "publishconf.py"))) == "production"
    monkeypatch.setenv("STAGING", "1")
    assert build_mode(read_settings(str(ROOT / "publishconf.py"))) == "staging"
    with pytest.raises(ValueError, match="BUILD mode 'prod'"):
        build_mode({"BUILD": {"mode": "prod"}})
    with pytest.raises(ValueError, match="BUILD: unknown key 'mdoe'"):
        build_mode({"BUILD": {"mdoe": "production"}})


def test_preview_highlights_open_questions_and_the_field(content, tmp_path):
    result = build_site(tmp_path / "out", today=DAY, PATH=content)
    assert result.ok, result.lines
    assert not [line for line in result.lines if "to confirm" in line]
    soup = soup_of(tmp_path / "out" / "rooms" / "index.html")
    marks = soup.select("main mark.app-confirm")
    texts = [" ".join(mark.get_text(" ").split()) for mark in marks]
    assert "To confirm: that the rooms are as described" in texts
    assert "To confirm: The rooms groups meet in" in texts
    assert "To confirm: What the rooms' windows are like" in texts
    assert "[[" not in soup.find("main").get_text()


def test_staging_warns_and_builds(content, tmp_path):
    result = build(content, tmp_path / "out", STAGING)
    assert result.ok, result.lines
    assert sum("to confirm" in line for line in result.warnings) == 3


def test_production_refuses_each_where_it_is_answered(content, tmp_path):
    result = build(content, tmp_path / "out", PRODUCTION)
    assert not result.ok
    errors = "\n".join(result.errors)
    assert "pages/rooms.md:4: page to confirm: that the rooms are as described - " in errors
    assert "facts/rooms.txt:1: to confirm: The rooms groups meet in (for the admissions" in errors
    assert "facts/windows.txt:1: to confirm: What the rooms' windows are like" in errors


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


def settings_of(content):
    return {"PATH": str(content), "PAGE_PATHS": ["pages"], "TRANSLATIONS": {"languages": ["es"]}}


def test_the_checklist_groups_by_who_answers_with_counts(content):
    text = to_confirm.checklist_text(to_confirm.checklist(settings_of(content)))
    lines = text.splitlines()
    assert lines[0] == "3 items to confirm, by who answers them:"
    admissions, marketing = lines.index("Admissions (1)"), lines.index("Marketing (2)")
    assert admissions < marketing
    assert (
        "facts/rooms.txt:1: to confirm: The rooms groups meet in (shown on" in lines[admissions + 1]
    )
    # A page of no section is checked by marketing.
    assert any(
        "rooms.md:4: page to check: that the rooms are as described" in line
        for line in lines[marketing:]
    )


def test_the_checklist_as_csv_has_one_row_per_item_with_its_owner(content):
    rows = list(
        csv.DictReader(
            io.StringIO(to_confirm.checklist_csv(to_confirm.checklist(settings_of(content))))
        )
    )
    assert [row["owner"] for row in rows] == ["admissions", "marketing", "marketing"]
    assert {row["question"] for row in rows} >= {
        "The rooms groups meet in",
        "What the rooms' windows are like",
    }
    assert all(row["file"] and row["line"] for row in rows)


def test_invoke_confirm_list_lists_the_real_site_and_its_csv():
    run = subprocess.run(
        [sys.executable, "-m", "invoke", "confirm-list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    items = to_confirm.checklist(
        {
            "PATH": str(ROOT / "content"),
            "PAGE_PATHS": ["pages"],
            "TRANSLATIONS": {"languages": ["es"]},
        }
    )
    for item in items:
        assert item.text in run.stdout
    table = subprocess.run(
        [sys.executable, "-m", "invoke", "confirm-list", "--format", "csv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert len(list(csv.DictReader(io.StringIO(table)))) == len(items)


def test_nothing_to_confirm_means_production_builds(tmp_path):
    """On the fixture site the list is empty, and it says production builds;
    an editor's mistake production refuses is not hidden behind it."""
    run = subprocess.run(
        [sys.executable, "-m", "invoke", "confirm-list", f"--content={FIXTURE_SITE}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and run.stdout.strip() == "Nothing to confirm: production builds."
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "pages" / "soon.md").write_text(
        "Title: Soon\nSummary: Soon.\nReviewed: 2026-11-01\n\n## Soon\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "invoke", "confirm-list", f"--content={content}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "production refuses these editors' problems" in run.stdout
    assert "soon.md:5: the page has no paragraph of text" in run.stdout


def test_the_preview_lists_the_same_items_production_writes_no_list(content, tmp_path, monkeypatch):
    assert build_site(tmp_path / "preview", today=DAY, PATH=content).ok
    page = soup_of(tmp_path / "preview" / "confirm" / "index.html")
    assert [h.get_text() for h in page.select("main h2")] == ["Admissions (1)", "Marketing (2)"]
    assert "The rooms groups meet in" in page.get_text()
    monkeypatch.delenv("STAGING", raising=False)
    for key in FACTS:
        fact = content / "facts" / f"{key}.txt"
        fact.write_text(
            fact.read_text()
            + "Answer: x y\nConfirmed-by: Ana Ruiz, Admissions\nConfirmed: 2026-11-20\n"
        )
    page_file = content / "pages" / "rooms.md"
    page_file.write_text(
        page_file.read_text().replace("To-confirm: that the rooms are as described\n", "")
    )
    assert build(content, tmp_path / "live").ok
    assert not (tmp_path / "live" / "confirm").exists()
