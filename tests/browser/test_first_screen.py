"""The first screen of a small phone (375x667) answers the visitor: every
page's heading starts near the top and its first paragraph begins on screen,
crisis help is one tap away, and the center's phone is a large button."""

import pytest

from browser.pages import URLS
from browser.visits import SMALL_PHONE

pytestmark = pytest.mark.browser

HEADING_TOP = 300  # px: the heading starts in the top half of the screen
TARGET = 44  # px: the call button is a large target (WCAG 2.5.5)
CRISIS_TELS = {"tel:988", "tel:911", "tel:+18887247240"}

MEASURE = """() => {
  const call = document.querySelector('.app-header__phone a[href^="tel:"]');
  return {call: {top: call.getBoundingClientRect().top}};
}"""


@pytest.mark.parametrize("url", URLS)
def test_heading_and_first_paragraph_are_on_the_first_screen(visits, url):
    """The h1 starts within 300 px, and three lines of the paragraph after
    it show on the first screen. (How long that paragraph is belongs to its
    editor; the preview's highlights of open facts make it longer than
    families will read it.)"""
    found = visits(url, "phone")["first_screen"]
    assert found["height"] == SMALL_PHONE["height"]
    assert found["h1"] <= HEADING_TOP, found
    if found["paragraph"] is not None:  # the 404 page may have none
        assert found["paragraph_top"] + 3 * found["line"] <= found["height"], found


@pytest.mark.parametrize("url", URLS)
def test_crisis_help_is_one_tap_away_and_complete(visits, url):
    """A crisis link is on the first screen and leads to the full panel,
    which holds 988, 911 and the Access & Crisis Line as tel: links."""
    found = visits(url, "phone")["first_screen"]
    first_screen = found["crisis_on_screen"]
    assert "tel:988" in first_screen and "#crisis-help" in first_screen, first_screen
    assert set(found["crisis_tels"]) >= CRISIS_TELS, found["crisis_tels"]


@pytest.mark.parametrize("url", URLS)
def test_the_centers_phone_is_a_large_button_on_the_first_screen(visits, url):
    call = visits(url, "phone")["first_screen"]["call"]
    assert call, "no call button in the header"
    assert call["height"] >= TARGET and call["width"] >= TARGET, call
    assert call["top"] + call["height"] <= HEADING_TOP, call


@pytest.mark.parametrize("url", URLS[:1])
def test_the_menu_is_one_row_and_opens_without_javascript(open_page, url):
    """Closed, the menu is one button beside the call button; a tap opens it."""
    page = open_page(url, SMALL_PHONE, java_script_enabled=False)
    toggle = page.locator(".app-menu__toggle")
    links = page.get_by_role("navigation", name="Main").get_by_role("link")
    assert toggle.is_visible() and not links.first.is_visible()
    call_top = page.evaluate(MEASURE)["call"]["top"]
    assert abs(toggle.bounding_box()["y"] - call_top) < 8, "menu and call share a row"
    toggle.click()
    assert links.first.is_visible()
