"""Landmarks as a screen reader meets them, and the page under user settings:
reduced motion, forced colours (Windows high contrast), and no CSS at all."""

import pytest

from browser.pages import DESKTOP, PHONE, URLS

# The home page and the deepest page: the checks below are about the theme.
SAMPLE = ["/", max(URLS[:-1], key=lambda url: url.count("/"))]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", URLS)
def test_notices_and_crisis_help_are_labelled_regions(visits, url):
    """Each notice of today is a region named by its title; crisis help a
    named complementary landmark; one main menu (on a phone, behind its
    Menu button), main and footer."""
    found = visits(url, "phone")["regions"]
    for title, (count, visible) in found["notices"].items():
        assert count == 1 and visible, title
    assert found["crisis"] == (1, True)
    assert found["crisis_988"] == 1
    assert found["main_menu"] == found["main"] == found["contentinfo"] == 1


@pytest.mark.parametrize("url", SAMPLE)
def test_reduced_motion_leaves_nothing_moving(open_page, url):
    """With reduced motion asked for, no animation or transition runs."""
    page = open_page(url, PHONE, reduced_motion="reduce")
    moving = page.evaluate("""() => Array.from(document.querySelectorAll('*')).filter(el => {
        const s = getComputedStyle(el);
        return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
      }).length""")
    assert moving == 0


@pytest.mark.parametrize("url", SAMPLE)
def test_forced_colors_keep_focus_and_regions_visible(open_page, url):
    """In forced colours, focus, the notice and crisis help keep visible edges."""
    page = open_page(url, DESKTOP, forced_colors="active")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "focus must show as an outline when colours are forced"
    for selector in (".app-notice", ".app-crisis"):
        if not page.locator(selector).count():
            continue  # no notice today
        border = page.evaluate(
            f"getComputedStyle(document.querySelector('{selector}')).borderTopStyle"
        )
        assert border == "solid", selector
    # Only the current item (this page, or its section) is underlined in the
    # menu, as without forced colours.
    underlined = page.evaluate("""() => Array.from(document.querySelectorAll('.app-menu__link'))
        .filter(a => getComputedStyle(a).borderBottomColor !== getComputedStyle(document.body).backgroundColor)
        .map(a => a.getAttribute('href'))""")
    current = page.evaluate("""() => Array.from(document.querySelectorAll('.app-menu__link[aria-current]'))
        .map(a => a.getAttribute('href'))""")
    assert len(underlined) <= 1 and underlined == current, underlined


@pytest.mark.parametrize("url", URLS)
def test_page_reads_in_order_without_css(visits, url):
    """With the stylesheet gone, the content still runs top to bottom:
    skip link, banner, header, the crisis line, heading, text, the crisis
    panel, contact."""
    found = visits(url, "desktop")
    tops = [top for top in found["reading_order"] if top is not None]
    assert len(tops) >= len(found["reading_order"]) - 1, found["reading_order"]
    assert tops == sorted(tops), tops
    assert found["hidden_text"] == 0
