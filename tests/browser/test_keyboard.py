"""Keyboard: the first Tab shows the skip link, which moves focus to the
main content; Tab reaches every link in order, each with a visible focus."""

import pytest

from browser.pages import DESKTOP, PHONE, URLS
from support import lang_of_url, theme_word

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, id: el.id, text: el.innerText, href: el.getAttribute('href'),
          visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
                   && box.top < innerHeight && box.left < innerWidth};
}"""
# What a focus indicator can change; compared focused against not focused.
LOOK = """el => { const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.backgroundColor, s.boxShadow,
          s.color, s.textDecorationLine].join('|'); }"""
TABBABLE = """() => Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
  .filter(el => el.tabIndex >= 0 && el.getClientRects().length > 0 || el.classList.contains('app-skip-link'))
  .map(el => el.getAttribute('href'))"""


@pytest.mark.parametrize("url", URLS)
def test_first_tab_shows_the_skip_link_which_moves_focus_to_main(open_page, url):
    """WCAG 2.4.1: the first Tab shows the skip link; Enter moves focus into main."""
    page = open_page(url, PHONE)
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    skip = theme_word("Skip to main content", lang_of_url(url))
    assert focused["text"] == skip and focused["visible"], focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert inside_main or not page.locator("main a").count()


@pytest.mark.parametrize("url", URLS)
def test_tab_reaches_every_link_in_document_order_with_a_visible_focus(open_page, url):
    """WCAG 2.4.3 and 2.4.7: Tab visits every link in order, each visibly focused."""
    page = open_page(url, DESKTOP)
    expected = page.evaluate(TABBABLE)
    reached = []
    for _ in expected:
        page.keyboard.press("Tab")
        handle = page.evaluate_handle("document.activeElement")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"{url}: focused {focused} is off screen"
        focused_look = handle.evaluate(LOOK)
        handle.evaluate("el => el.blur()")
        unfocused_look = handle.evaluate(LOOK)
        handle.evaluate("el => el.focus()")
        assert focused_look != unfocused_look, f"{url}: no visible focus on {focused['href']}"
        reached.append(focused["href"])
    assert reached == expected
