"""Reflow and target size: nothing scrolls sideways at 320 px or at 200 %
zoom, no text is cut off, and the links that matter are easy to tap."""

import pytest

from browser.pages import PHONE, URLS

pytestmark = pytest.mark.browser

SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Elements whose content is wider than their box while overflow hides it,
# and text boxes that end beyond the right edge of the viewport.
CUT_OFF = """() => Array.from(document.querySelectorAll('body *')).filter(el => {
  const s = getComputedStyle(el);
  if (s.display === 'none' || el.getClientRects().length === 0) return false;
  const hides = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
  if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) return true;
  const box = el.getBoundingClientRect();
  return el.childNodes.length && Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())
         && box.right > document.documentElement.clientWidth + 1 && !el.classList.contains('app-skip-link');
}).map(el => el.tagName + '.' + el.className)"""
SMALL_TARGETS = """selector => Array.from(document.querySelectorAll(selector)).map(el => {
  const box = el.getBoundingClientRect();
  return {text: el.innerText, width: box.width, height: box.height};
}).filter(t => t.width < 24 || t.height < 24)"""
TARGETS = ".app-header a, .app-notice a, .app-crisis a, .app-breadcrumbs a, .app-footer a"
# 200 % zoom of a 1280 px window is a 640 px wide layout at twice the pixels.
VIEWPORTS = {
    "320px": ({"width": 320, "height": 640}, 1),
    "200%-zoom": ({"width": 640, "height": 450}, 2),
}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("url", URLS)
def test_nothing_scrolls_sideways_and_no_text_is_cut_off(open_page, url, viewport):
    """WCAG 1.4.10 reflow: at 320 px and 200 % zoom, no sideways scroll or cut text."""
    size, scale = VIEWPORTS[viewport]
    page = open_page(url, size, device_scale_factor=scale)
    assert page.evaluate(SIDEWAYS) <= 0, f"{url} scrolls sideways at {viewport}"
    assert page.evaluate(CUT_OFF) == []


@pytest.mark.parametrize("url", URLS)
def test_navigation_banner_and_crisis_links_are_at_least_24_px(open_page, url):
    """WCAG 2.5.8: header, notice, crisis and footer links are 24 px targets."""
    page = open_page(url, PHONE)
    assert page.evaluate(SMALL_TARGETS, TARGETS) == []
    assert page.locator(TARGETS).count() >= 8
