"""A picture of every page at 375 and 1280 px, saved in screenshots/ (not in
git) so anyone can look at what the checks saw. `invoke screenshots` runs it."""

import pytest

from browser.pages import URLS, WIDTHS

pytestmark = pytest.mark.browser
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCREENS = {"375": "phone", "1280": "desktop"}


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("url", URLS)
def test_screenshot_of_every_page(visits, url, width):
    """Every page is saved as a real PNG at 375 and 1280 px, for people to look at."""
    path = visits(url, SCREENS[width])["screenshot"]
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    assert path.stat().st_size > 5000
