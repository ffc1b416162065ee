"""Crisis help cannot be hijacked, and a link means what it says
(plugins/lib/meaning.py): as a family taps it, not as the markup spells it."""

import shutil

import pytest

from plugins.lib import meaning
from support import FIXTURE_SITE, build_site, soup_of


@pytest.mark.parametrize(
    "href, words",
    [
        ("tel:988", "Call or text 988"),
        ("sms:988", "Text 988"),
        ("tel:911", "Call 911"),
        ("https://988lifeline.org/chat/", "Chat with the 988 Lifeline"),
        ("https://988lineadevida.org/", "Línea 988"),
        ("tel:+16195550142", "619-555-0142"),
        ("tel:+18887247240", "1-888-724-7240"),
        ("tel:+16195550142", "Call us"),
        ("https://www.samhsa.gov/", "SAMHSA's 2021 advisory"),
    ],
)
def test_a_link_that_dials_what_it_says_passes(href, words):
    assert meaning.dial_problem(href, words) is None


@pytest.mark.parametrize(
    "href, words",
    [
        ("tel:+16195550000", "Call or text 988"),
        ("tel:988", "Call 911"),
        ("https://evil.example.org/", "Call 988"),
        ("https://988lifeline.org.evil.net/", "988 Lifeline"),
        ("https://www.example-clinic.org/", "In danger? Call 911"),
        ("tel:+16195550199", "Call us at 619-555-0142"),
        ("sms:+16195550000", "Text 988"),
    ],
)
def test_a_link_that_says_one_number_and_dials_another_is_refused(href, words):
    assert meaning.dial_problem(href, words)


def test_an_element_may_not_take_the_theme_s_ids():
    found = [
        ("h2", [("id", "crisis-help")]),
        ("p", [("id", "notice-covid-19-title")]),
        ("h2", [("id", "help")]),
    ]
    refused = meaning.reserved_id_problems(found, ["crisis-help", "main-content"])
    assert [r.what.split("'")[1] for r, _ in refused] == ["crisis-help", "notice-covid-19-title"]


def test_a_crisis_help_heading_keeps_more_help_on_the_crisis_lines(tmp_path):
    """'## Crisis help' on a page: the "More help" link of every page still
    leads to the crisis panel, the one element with #crisis-help."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "pages" / "help.md").write_text(
        "Title: Help\nSummary: Help.\nReviewed: 2026-11-26\n\n## Crisis help\n\nCall 988 any time.\n"
    )
    result = build_site(tmp_path / "out", PATH=content)
    assert result.ok, result.errors
    soup = soup_of(tmp_path / "out" / "help" / "index.html")
    (target,) = soup.select("#crisis-help")
    assert target.name == "aside" and soup.select_one("main h2")["id"] == "crisis-help-1"
    assert soup.select_one(".app-crisis-line a[href='#crisis-help']")
