"""Landmarks as a screen reader meets them, and the page under user settings:
reduced motion, forced colours (Windows high contrast), and no CSS at all."""

import pytest

from browser.pages import DESKTOP, PHONE, URLS
from support import active_notices, lang_of_url, theme_word

# The home page and the deepest page: the checks below are about the theme.
SAMPLE = ["/", max(URLS[:-1], key=lambda url: url.count("/"))]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", URLS)
def test_notices_and_crisis_help_are_labelled_regions(open_page, url, build_day):
    """Each notice of today is a region named by its title; crisis help a
    named complementary landmark; one main menu (on a phone, behind its
    Menu button), main and footer."""
    lang = lang_of_url(url)
    main_menu = theme_word("Main", lang)
    page = open_page(url, PHONE)
    page.locator(f"details:has(nav[aria-label='{main_menu}']) > summary").click()
    for notice in active_notices(build_day):
        title = notice["texts"].get(lang, notice["texts"]["en"])["title"]
        region = page.get_by_role("region", name=title)
        assert region.count() == 1 and region.is_visible(), title
    crisis = page.get_by_role("complementary", name=theme_word("In crisis? Get help now", lang))
    assert crisis.count() == 1 and crisis.is_visible()
    assert crisis.get_by_role("link", name="988").count() == 1
    assert page.get_by_role("navigation", name=main_menu).count() == 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("contentinfo").count() == 1


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
def test_page_reads_in_order_without_css(open_page, url):
    """With the stylesheet gone, the content still runs top to bottom:
    skip link, banner, header, the crisis line, heading, text, the crisis
    panel, contact."""
    page = open_page(url, DESKTOP)
    page.evaluate("document.querySelectorAll('style').forEach(s => s.remove())")
    tops = page.evaluate("""() => ['.app-skip-link', '.app-notice', '.app-header', '.app-crisis-line',
        'main h1', 'main p', '.app-crisis', '.app-footer'].map(s => document.querySelector(s).getBoundingClientRect().top)""")
    assert tops == sorted(tops), tops
    hidden = page.evaluate("""() => Array.from(document.querySelectorAll('main p, main li'))
        .filter(el => el.getClientRects().length === 0).length""")
    assert hidden == 0
