"""Every field an editor writes is declared once (plugins/lib/fields.py), typed
and ranged, and documented for editors; fields that steer Pelican are not
theirs."""

import datetime
import re

import pytest

from plugins.lib import datafile, fields
from support import FIXTURE_SITE, ROOT, build_site, soup_of

PAGE = "Title: Fields\nSummary: A page.\nReviewed: {reviewed}\n{extra}\nSome words.\n"


def check_page(extra="", reviewed="2026-11-26", today=datetime.date(2026, 11, 26)):
    data = datafile.parse("x.md", PAGE.format(reviewed=reviewed, extra=extra))
    return fields.check(fields.PAGE, data, "content/pages/x.md", today)


def test_every_page_field_is_documented_for_editors():
    """EDITING.md's key table names each field of the page schema."""
    editing = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    for name in fields.PAGE_FIELDS:
        assert f"`{fields.label(name)}`" in editing, name


@pytest.mark.parametrize("key", ["Template", "Url", "Save_as", "Slug", "Lang", "Date", "Tags"])
def test_fields_that_steer_pelican_are_refused(key):
    """One line could move, hide or re-template a page: not an editor's field."""
    _, problems = check_page(f"{key}: x\n")
    (problem,) = problems
    assert problem.line == 4 and "is not an editor's field" in problem.what


def test_to_confirm_and_section_are_editors_fields():
    """Both are accepted in the page schema, Section only with a known value."""
    values, problems = check_page("To-confirm: the hours\nSection: getting-care\n")
    assert problems == [] and values["section"] == "getting-care"
    _, problems = check_page("Section: blog\n")
    assert [p.fix for p in problems] == [f"use one of: {', '.join(fields.SECTIONS)}"]


def test_reviewed_may_be_the_build_day_but_not_after_it():
    """The build's date (--as-of in tests) decides what is the future."""
    assert check_page(reviewed="2026-11-26")[1] == []
    (problem,) = check_page(reviewed="2026-11-27")[1]
    assert problem.what == "reviewed: 2026-11-27 is in the future"


@pytest.mark.parametrize(
    ("hours", "words"),
    [
        ("Su 25:00-29:30", "is not a time of day"),
        ("Mo 08:60-09:00", "is not a time of day"),
        ("Mo 18:00-08:00", "closes before it opens"),
        ("Fr-Mo 08:00-18:00", "days in the wrong order"),
        ("Mo-Fr 8-6", "is not a day range and hours"),
    ],
)
def test_opening_hours_are_real_times_in_order(hours, words):
    """00:00 to 24:00, opening before closing."""
    with pytest.raises(fields.Refused) as refused:
        fields.parse_hours(hours)
    assert words in refused.value.what and refused.value.fix


def test_a_value_with_a_dash_is_reported_whole():
    """Problems are data: a ' - ' inside a value is never split on."""
    (problem,) = check_page(reviewed="26 - 11 - 2026")[1]
    assert problem.what == "reviewed: '26 - 11 - 2026' is not a date"
    assert problem.fix.startswith("write it as YYYY-MM-DD")


def test_a_page_with_every_editor_field_builds(content_copy, tmp_path, build_day):
    """The whole page schema, filled in, is a page the site builds."""
    (content_copy / "pages" / "all-fields.md").write_text(
        f"Title: All fields\nSummary: Every field.\nReviewed: {build_day}\n"
        f"Next-review: {build_day + datetime.timedelta(days=300)}\nReviewed-by: Dr. Amy Lee, MD\n"
        "Nav-title: All\nNav-order: 98\nSection: footer\nTo-confirm: the words\n\nWords.\n"
    )
    result = build_site(tmp_path / "output", today=build_day, PATH=content_copy)
    assert result.ok, result.errors
    assert not [
        line
        for line in result.lines
        if re.search(r"all-fields\.md:\d+: (?!to confirm|no Spanish translation yet)", line)
    ]


def test_the_next_review_is_a_year_on_unless_the_page_says(tmp_path, build_day):
    """A page with no Next-review is due a year after its Reviewed day (a
    29 February falls on the 28th), and shows that day."""
    assert fields.one_year_on(datetime.date(2026, 11, 1)) == datetime.date(2027, 11, 1)
    assert fields.one_year_on(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)
    assert build_site(tmp_path, today=build_day, PATH=FIXTURE_SITE).ok
    about = soup_of(tmp_path / "about" / "index.html")  # Reviewed: 2026-11-01, no Next-review
    due = about.select(".app-review time")[-1]
    assert due["datetime"] == "2027-11-01"
