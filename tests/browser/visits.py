"""One browser visit per page and screen, shared by every browser test.

Loading a page is what a browser test pays for. Each page is opened twice:
once in a phone tab, which is then resized (375x812, the first screen of a
375x667 phone, 320 px, and a 640 px wide window: what 200 % zoom of a
1280 px screen lays out), and once in a 1280 px desktop tab. Each visit
runs every check of that screen and keeps what it found; the tests assert
on the findings, one promise per test, so a failure still names the page
and the check. Resizing re-lays out the same document, which is what the
reflow checks are about; the device pixel ratio of real zoom changes no
CSS pixel, so it is left at 1.

Checks that need a page in a state of its own (keyboard focus order, the
menu opened, styles removed) run last in their tab, or first and then the
page is loaded again.
"""

from browser.pages import DESKTOP, PHONE, SCREENSHOTS, slug
from tools.release_checks import axe_violations

SMALL_PHONE = {"width": 375, "height": 667}
REFLOW = {"320px": {"width": 320, "height": 640}, "200%-zoom": {"width": 640, "height": 450}}

FIRST_SCREEN = """() => {
  const h1 = document.querySelector('main h1');
  let first = h1;
  while (first && first.tagName !== 'P') first = first.nextElementSibling;
  const call = document.querySelector('.app-header__phone a[href^="tel:"]');
  const box = el => el && el.getBoundingClientRect();
  const onScreen = Array.from(document.querySelectorAll('a[href="tel:988"], a[href="#crisis-help"]'))
    .filter(a => a.getBoundingClientRect().bottom <= innerHeight).map(a => a.getAttribute('href'));
  const tels = Array.from(document.querySelectorAll('#crisis-help a[href^="tel:"]'))
    .map(a => a.getAttribute('href'));
  return {h1: box(h1).top, paragraph: first ? box(first).bottom : null,
          call: box(call) && {top: box(call).top, height: box(call).height, width: box(call).width},
          height: innerHeight, crisis_on_screen: onScreen, crisis_tels: tels};
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
TABBABLE = """() => Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
  .filter(el => el.tabIndex >= 0 && el.getClientRects().length > 0 || el.classList.contains('app-skip-link'))
  .map(el => el.getAttribute('href'))"""
READING_ORDER = """() => ['.app-skip-link', '.app-notice', '.app-header', '.app-crisis-line',
  'main h1', 'main p', '.app-crisis', '.app-footer'].map(s => {
    const el = document.querySelector(s); return el ? el.getBoundingClientRect().top : null; })"""
HIDDEN_TEXT = """() => Array.from(document.querySelectorAll('main p, main li'))
  .filter(el => el.getClientRects().length === 0).length"""


def screenshot(page, url, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{slug(url)}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


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
    page.locator(f"details:has(nav[aria-label='{main_menu}']) > summary").click()
    crisis = page.get_by_role("complementary", name=lang_words["In crisis? Get help now"])
    notices = {}
    for title in lang_words["notice_titles"]:
        region = page.get_by_role("region", name=title)
        count = region.count()
        notices[title] = (count, count > 0 and region.first.is_visible())
    return {
        "notices": notices,
        "crisis": (crisis.count(), crisis.count() == 1 and crisis.is_visible()),
        "crisis_988": crisis.get_by_role("link", name="988").count(),
        "main_menu": page.get_by_role("navigation", name=main_menu).count(),
        "main": page.get_by_role("main").count(),
        "contentinfo": page.get_by_role("contentinfo").count(),
    }


def phone_visit(page, url, lang_words):
    """Everything the phone checks need, from two loads: the skip link
    leaves the page at #main-content, scrolled and focused, so the other
    checks load the page's own address again."""
    address = page.url
    found = {"skip_link": skip_link_walk(page)}
    page.goto(address)
    assert page.evaluate("location.hash === '' && scrollY === 0"), page.url
    found["axe"] = axe_violations(page)
    found["screenshot"] = screenshot(page, url, "375")
    found["targets"] = page.evaluate(SMALL_TARGETS, TARGETS)
    page.set_viewport_size(SMALL_PHONE)
    found["first_screen"] = page.evaluate(FIRST_SCREEN)
    found["regions"] = regions(page, lang_words)
    found["reflow"] = {}
    for name, size in REFLOW.items():
        page.set_viewport_size(size)
        found["reflow"][name] = {"sideways": page.evaluate(SIDEWAYS), "cut": page.evaluate(CUT_OFF)}
    return found


# Where focus is after a Tab, and whether it shows: the element's look
# focused, then blurred, then focused again, in one round trip per Tab.
FOCUS_STEP = """() => {
  const el = document.activeElement;
  const look = () => { const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.backgroundColor, s.boxShadow,
            s.color, s.textDecorationLine].join('|'); };
  const box = el.getBoundingClientRect();
  const visible = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
                  && box.top < innerHeight && box.left < innerWidth;
  const focused = look();
  el.blur();
  const unfocused = look();
  el.focus();
  return {href: el.getAttribute('href'), tag: el.tagName, visible, shows: focused !== unfocused};
}"""


def tab_walk(page):
    """Tab through every link: where focus lands, and whether it shows."""
    expected = page.evaluate(TABBABLE)
    reached, problems = [], []
    for _ in expected:
        page.keyboard.press("Tab")
        step = page.evaluate(FOCUS_STEP)
        if not step["visible"]:
            problems.append(f"focused {step} is off screen")
        if not step["shows"]:
            problems.append(f"no visible focus on {step['href']}")
        reached.append(step["href"])
    return {"expected": expected, "reached": reached, "problems": problems}


def desktop_visit(page, url):
    found = {"axe": axe_violations(page), "screenshot": screenshot(page, url, "1280")}
    found["tab_walk"] = tab_walk(page)
    # Last: the stylesheet is removed for good.
    page.evaluate("document.querySelectorAll('style').forEach(s => s.remove())")
    found["reading_order"] = page.evaluate(READING_ORDER)
    found["hidden_text"] = page.evaluate(HIDDEN_TEXT)
    return found


class Visits:
    """The findings of each page, visited once per screen on first use."""

    def __init__(self, browser, base_url, words_of):
        self.browser, self.base_url, self.words_of = browser, base_url, words_of
        self.found = {}

    def __call__(self, url, screen):
        key = (url, screen)
        if key not in self.found:
            viewport = PHONE if screen == "phone" else DESKTOP
            context = self.browser.new_context(viewport=viewport)
            try:
                page = context.new_page()
                page.goto(self.base_url + url)
                if screen == "phone":
                    self.found[key] = phone_visit(page, url, self.words_of(url))
                else:
                    self.found[key] = desktop_visit(page, url)
            finally:
                context.close()
        return self.found[key]
