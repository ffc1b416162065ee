"""One browser visit per page, shared by every browser test.

Loading a page and putting axe into it is what a browser test pays for, so
each page is opened in one tab at phone size and then resized: 375x812,
the first screen of a 375x667 phone, 320 px, a 640 px wide window (what
200 % zoom of a 1280 px screen lays out), and last a 1280 px desktop.
Resizing re-lays out the same document, which is what the reflow and
width checks are about (the site has no script that could remember an
earlier width); the device pixel ratio of real zoom changes no CSS pixel,
so it is left at 1. The visit runs every check and keeps what it found;
the tests assert on the findings, one promise per test, so a failure
still names the page and the check.

Checks that leave the page in a state of their own run in an order that
keeps the others honest: the skip link (it scrolls and moves focus) on a
load of its own; the Tab walk before anything takes focus; the phone menu
opened and closed again; the stylesheet removed last.
"""

from browser.pages import DESKTOP, PHONE, WHOLE_WALK
from tools.release_checks import axe_violations

SMALL_PHONE = {"width": 375, "height": 667}
REFLOW = {"320px": {"width": 320, "height": 640}, "200%-zoom": {"width": 640, "height": 450}}

FIRST_SCREEN = """() => {
  // As families get the page: staff bands (a draft, a translation not yet
  // checked) are preview-only, since production refuses such pages.
  const bands = Array.from(document.querySelectorAll('.app-draft'));
  bands.forEach(band => { band.style.display = 'none'; });
  const h1 = document.querySelector('main h1');
  let first = h1;
  while (first && (first.tagName !== 'P' || bands.includes(first))) first = first.nextElementSibling;
  const call = document.querySelector('.app-header__phone a[href^="tel:"]');
  const box = el => el && el.getBoundingClientRect();
  const onScreen = Array.from(document.querySelectorAll('a[href="tel:988"], a[href="#crisis-help"]'))
    .filter(a => a.getBoundingClientRect().bottom <= innerHeight).map(a => a.getAttribute('href'));
  const tels = Array.from(document.querySelectorAll('#crisis-help a[href^="tel:"]'))
    .map(a => a.getAttribute('href'));
  const found = {h1: box(h1).top, paragraph: first ? box(first).bottom : null,
          paragraph_top: first ? box(first).top : null,
          line: first ? parseFloat(getComputedStyle(first).lineHeight) : null,
          call: box(call) && {top: box(call).top, height: box(call).height, width: box(call).width},
          height: innerHeight, crisis_on_screen: onScreen, crisis_tels: tels};
  bands.forEach(band => { band.style.display = ''; });
  return found;
}"""
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
TARGETS = ".app-header a, .app-notice a, .app-crisis a, .app-breadcrumbs a, .app-footer a"
SMALL_TARGETS = """selector => ({count: document.querySelectorAll(selector).length,
  small: Array.from(document.querySelectorAll(selector)).map(el => {
    const box = el.getBoundingClientRect();
    return {text: el.innerText, width: box.width, height: box.height};
  }).filter(t => t.width < 24 || t.height < 24)})"""
FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, id: el.id, text: el.innerText, href: el.getAttribute('href'),
          visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
                   && box.top < innerHeight && box.left < innerWidth};
}"""
TABBABLE = """root => Array.from(document.querySelector(root)
    .querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
  .filter(el => el.tabIndex >= 0 && el.getClientRects().length > 0 || el.classList.contains('app-skip-link'))
  .map(el => el.getAttribute('href'))"""
READING_ORDER = """() => ['.app-skip-link', '.app-notice', '.app-header', '.app-crisis-line',
  'main h1', 'main p', '.app-crisis', '.app-footer'].map(s => {
    const el = document.querySelector(s); return el ? el.getBoundingClientRect().top : null; })"""
HIDDEN_TEXT = """() => Array.from(document.querySelectorAll('main p, main li'))
  .filter(el => el.getClientRects().length === 0).length"""


def skip_link_walk(page):
    """First Tab, then Enter, then Tab: where focus is after each."""
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    page.keyboard.press("Enter")
    after_enter = page.evaluate("document.activeElement.id")
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    links_in_main = page.locator("main a").count()
    return {
        "first": first,
        "after_enter": after_enter,
        "inside_main": inside_main,
        "links_in_main": links_in_main,
    }


def regions(page, lang_words):
    """Landmarks as a screen reader lists them, with the phone menu opened."""
    main_menu = lang_words["Main"]
    menu_button = page.locator(f"details:has(nav[aria-label='{main_menu}']) > summary")
    menu_button.click()
    crisis = page.get_by_role("complementary", name=lang_words["In crisis? Get help now"])
    notices = {}
    for title in lang_words["notice_titles"]:
        region = page.get_by_role("region", name=title)
        count = region.count()
        notices[title] = (count, count > 0 and region.first.is_visible())
    found = {
        "notices": notices,
        "crisis": (crisis.count(), crisis.count() == 1 and crisis.is_visible()),
        "crisis_988": crisis.get_by_role("link", name="988", exact=True).count(),
        "main_menu": page.get_by_role("navigation", name=main_menu).count(),
        "main": page.get_by_role("main").count(),
        "contentinfo": page.get_by_role("contentinfo").count(),
    }
    menu_button.click()  # closed again, as a fresh page has it
    return found


def phone_checks(page, lang_words):
    found = {"axe": axe_violations(page), "targets": page.evaluate(SMALL_TARGETS, TARGETS)}
    page.set_viewport_size(SMALL_PHONE)
    found["first_screen"] = page.evaluate(FIRST_SCREEN)
    found["reflow"] = {}
    for name, size in REFLOW.items():
        page.set_viewport_size(size)
        found["reflow"][name] = {"sideways": page.evaluate(SIDEWAYS), "cut": page.evaluate(CUT_OFF)}
    return found


# Where focus lands on each Tab, and how the element looks there: recorded
# by a focusin listener as it happens, so a Tab costs one round trip; the
# unfocused look of every element is read once, after the walk.
RECORD_FOCUS = """() => {
  window.__look = el => { const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.backgroundColor, s.boxShadow,
            s.color, s.textDecorationLine].join('|'); };
  window.__steps = [];
  document.addEventListener('focusin', event => {
    const el = event.target, box = el.getBoundingClientRect();
    window.__steps.push({el, href: el.getAttribute('href'), tag: el.tagName, focused: __look(el),
      visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
               && box.top < innerHeight && box.left < innerWidth});
  });
}"""
FOCUS_STEPS = """() => {
  document.activeElement.blur();
  return window.__steps.map(({el, focused, ...step}) => ({...step, shows: focused !== __look(el)}));
}"""


def tab_walk(page, whole):
    """Tab through every link, where focus lands and whether it shows: from
    the top of the page (`whole`), or from where the skip link leads, to
    the end of the main content."""
    if whole:
        expected = page.evaluate(TABBABLE, "body")
    else:
        expected = page.evaluate(TABBABLE, "main")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
    page.evaluate(RECORD_FOCUS)
    for _ in expected:
        page.keyboard.press("Tab")
    steps = page.evaluate(FOCUS_STEPS)
    problems = []
    for step in steps:
        if not step["visible"]:
            problems.append(f"focused {step} is off screen")
        if not step["shows"]:
            problems.append(f"no visible focus on {step['href']}")
    reached = [step["href"] for step in steps]
    return {"whole": whole, "expected": expected, "reached": reached, "problems": problems}


def visit(page, address, lang_words, whole_walk):
    """{"phone": findings, "desktop": findings} of one page, from two loads:
    the skip link leaves the page at #main-content, scrolled and focused,
    so the other checks load the page's own address again."""
    page.set_viewport_size(PHONE)
    page.goto(address)
    skip_link = skip_link_walk(page)
    page.goto(address)
    assert page.evaluate("location.hash === '' && scrollY === 0"), page.url
    phone = {"skip_link": skip_link, **phone_checks(page, lang_words)}
    page.set_viewport_size(DESKTOP)
    desktop = {"axe": axe_violations(page), "tab_walk": tab_walk(page, whole_walk)}
    page.set_viewport_size(PHONE)
    phone["regions"] = regions(page, lang_words)
    page.set_viewport_size(DESKTOP)
    # Last: the stylesheet is removed for good.
    page.evaluate("document.querySelectorAll('style').forEach(s => s.remove())")
    desktop["reading_order"] = page.evaluate(READING_ORDER)
    desktop["hidden_text"] = page.evaluate(HIDDEN_TEXT)
    return {"phone": phone, "desktop": desktop}


class Visits:
    """The findings of each page, visited once on first use, all in one tab:
    a new tab per page started a new renderer, which compiled axe and
    warmed its engine again (0.6 s a page against 0.15 s)."""

    def __init__(self, browser, base_url, words_of):
        self.browser, self.base_url, self.words_of = browser, base_url, words_of
        self.found = {}
        self.tab = None

    def __call__(self, url, screen):
        if url not in self.found:
            if self.tab is None:
                self.tab = self.browser.new_context().new_page()
            address, words = self.base_url + url, self.words_of(url)
            self.found[url] = visit(self.tab, address, words, url in WHOLE_WALK)
        return self.found[url][screen]
