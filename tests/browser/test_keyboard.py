"""Keyboard: the first Tab shows the skip link, which moves focus to the
main content; Tab reaches every link in order, each with a visible focus
(walked in one visit per page: tests/browser/visits.py)."""

import pytest

from browser.pages import URLS, WHOLE_WALK
from support import lang_of_url, theme_word

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", URLS)
def test_first_tab_shows_the_skip_link_which_moves_focus_to_main(visits, url):
    """WCAG 2.4.1: the first Tab shows the skip link; Enter moves focus into main."""
    walk = visits(url, "phone")["skip_link"]
    skip = theme_word("Skip to main content", lang_of_url(url))
    assert walk["first"]["text"] == skip and walk["first"]["visible"], walk
    assert walk["after_enter"] == "main-content"
    assert walk["inside_main"] or not walk["links_in_main"]


@pytest.mark.parametrize("url", URLS)
def test_tab_reaches_every_link_in_document_order_with_a_visible_focus(visits, url):
    """WCAG 2.4.3 and 2.4.7: Tab visits every link in order, each visibly
    focused: the whole page on each language's home and deepest page and
    on the 404 and drafts pages, the main content (after the skip link) on
    the others, whose header and footer are the same (browser/pages.py)."""
    walk = visits(url, "desktop")["tab_walk"]
    assert walk["whole"] == (url in WHOLE_WALK)
    if walk["whole"]:
        assert walk["reached"][0] == "#main-content", "the skip link comes first"
    assert walk["problems"] == [], f"{url}: {walk['problems']}"
    assert walk["reached"] == walk["expected"]
