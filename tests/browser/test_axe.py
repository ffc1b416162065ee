"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any page, at
phone and desktop widths."""

import pytest

from browser.pages import URLS, WIDTHS
from support import html_files, url_of

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# target-size (WCAG 2.2, 2.5.8) is off by default in axe 4.12; switch it on.
OPTIONS = {
    "runOnly": {"type": "tag", "values": TAGS},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=OPTIONS)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {[n['target'] for n in v['nodes']][:3]})"
        for v in results.response["violations"]
    ]


def test_every_built_page_is_visited(site):
    """The browser tests cover every HTML file but the redirect pages, which
    a browser leaves at once (test_retired_address_leads_to_its_page)."""
    redirects = {line.split()[0] for line in (site / "_redirects").read_text().splitlines()}
    built = {url_of(site, path) for path in html_files(site)}
    assert built - redirects == set(URLS)


def test_retired_address_leads_to_its_page(open_page, base_url):
    page = open_page("/iop/")
    page.wait_for_url(base_url + "/intensive-outpatient/")
    assert page.locator("h1").inner_text() == "What is an Intensive Outpatient Program?"


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("url", URLS)
def test_no_axe_violations(open_page, url, width):
    page = open_page(url, WIDTHS[width])
    assert axe_violations(page) == []
