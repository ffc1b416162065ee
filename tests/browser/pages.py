"""The addresses every browser test visits: every page of the built site."""

from support import ROOT

# Checked against the build by test_every_page_is_visited below; kept as a
# constant so that pytest can name each test after its page.
URLS = [
    "/",
    "/intensive-outpatient/",
    "/intensive-outpatient/who-should-attend/",
    "/intensive-outpatient/what-to-expect/",
    "/intensive-outpatient/benefits/",
    "/404.html",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"375": PHONE, "1280": DESKTOP}
SCREENSHOTS = ROOT / "screenshots"


def slug(url):
    return url.strip("/").replace("/", "_").replace(".html", "") or "home"
