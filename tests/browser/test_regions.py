"""Landmarks as a screen reader meets them, and the page under user settings:
reduced motion, forced colours (Windows high contrast), and no CSS at all."""

import pytest

from browser.pages import DESKTOP, PHONE, URLS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", URLS)
def test_banner_and_crisis_help_are_labelled_regions(open_page, url):
    page = open_page(url, PHONE)
    notice = page.get_by_role("region", name="COVID-19 update")
    crisis = page.get_by_role("complementary", name="In crisis? Get help now")
    assert notice.count() == 1 and notice.is_visible()
    assert crisis.count() == 1 and crisis.is_visible()
    assert crisis.get_by_role("link", name="988").count() == 1
    assert page.get_by_role("navigation", name="Main").count() == 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("contentinfo").count() == 1


@pytest.mark.parametrize("url", ["/", "/intensive-outpatient/benefits/"])
def test_reduced_motion_leaves_nothing_moving(open_page, url):
    page = open_page(url, PHONE, reduced_motion="reduce")
    moving = page.evaluate("""() => Array.from(document.querySelectorAll('*')).filter(el => {
        const s = getComputedStyle(el);
        return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
      }).length""")
    assert moving == 0


@pytest.mark.parametrize("url", ["/", "/intensive-outpatient/benefits/"])
def test_forced_colors_keep_focus_and_regions_visible(open_page, url):
    page = open_page(url, DESKTOP, forced_colors="active")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "focus must show as an outline when colours are forced"
    for selector in (".app-notice", ".app-crisis"):
        border = page.evaluate(
            f"getComputedStyle(document.querySelector('{selector}')).borderTopStyle"
        )
        assert border == "solid", selector
    # Only the current page is underlined in the menu, as without forced colours.
    underlined = page.evaluate("""() => Array.from(document.querySelectorAll('.app-header__link'))
        .filter(a => getComputedStyle(a).borderBottomColor !== getComputedStyle(document.body).backgroundColor)
        .map(a => a.getAttribute('href'))""")
    assert underlined == [url], underlined


@pytest.mark.parametrize("url", URLS)
def test_page_reads_in_order_without_css(open_page, url):
    """With the stylesheet gone, the content still runs top to bottom:
    skip link, banner, header, crisis help, heading, text, contact."""
    page = open_page(url, DESKTOP)
    page.evaluate("document.querySelectorAll('style').forEach(s => s.remove())")
    tops = page.evaluate("""() => ['.app-skip-link', '.app-notice', '.app-header', '.app-crisis',
        'main h1', 'main p', '.app-footer'].map(s => document.querySelector(s).getBoundingClientRect().top)""")
    assert tops == sorted(tops), tops
    hidden = page.evaluate("""() => Array.from(document.querySelectorAll('main p, main li'))
        .filter(el => el.getClientRects().length === 0).length""")
    assert hidden == 0
