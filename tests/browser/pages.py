"""The addresses every browser test visits: every page of the built site."""

from support import ROOT, content_pages

# Every page content/ holds today, the 404 page and the preview's drafts list: read when the tests are
# collected, so pytest names each test after its page and a new page is
# visited without editing a test (test_every_built_page_is_visited checks
# this list against the build).
URLS = [*content_pages(), "/404.html", "/drafts/"]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"375": PHONE, "1280": DESKTOP}
SCREENSHOTS = ROOT / "screenshots"


def slug(url):
    return url.strip("/").replace("/", "_").replace(".html", "") or "home"
