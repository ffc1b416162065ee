"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any page, at
phone and desktop widths."""

import pytest

from browser.pages import URLS, WIDTHS
from support import html_files, url_of

pytestmark = pytest.mark.browser
SCREENS = {"375": "phone", "1280": "desktop"}


def test_every_built_page_is_visited(site):
    """The browser tests cover every HTML file but the redirect pages, which
    a browser leaves at once (test_retired_address_leads_to_its_page)."""
    redirects = {line.split()[0] for line in (site / "_redirects").read_text().splitlines()}
    built = {url_of(site, path) for path in html_files(site)}
    assert built - redirects == set(URLS)


def test_retired_address_leads_to_its_page(open_page, base_url, site):
    """Each old address of content/redirects.txt lands on its new page."""
    for line in (site / "_redirects").read_text().splitlines():
        old, new, _ = line.split()
        page = open_page(old)
        page.wait_for_url(base_url + new)
        assert page.locator("main h1").count() == 1, old


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("url", URLS)
def test_no_axe_violations(visits, url, width):
    """axe-core, WCAG 2.x A and AA, on the page as a phone and a desktop show it."""
    assert visits(url, SCREENS[width])["axe"] == []
