"""A picture of every page at 375 and 1280 px, saved in screenshots/ (not in
git) so anyone can look at what the checks saw. `invoke screenshots` runs it."""

import pytest

from browser.pages import SCREENSHOTS, URLS, WIDTHS, slug

pytestmark = pytest.mark.browser
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("url", URLS)
def test_screenshot_of_every_page(open_page, url, width):
    """Every page is saved as a real PNG at 375 and 1280 px, for people to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page = open_page(url, WIDTHS[width])
    path = SCREENSHOTS / f"{slug(url)}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    assert path.stat().st_size > 5000
