"""`invoke screenshots` (tools/screenshots.py): a whole-page picture of every
page at 375 and 1280 px, for people to look at what the checks saw."""

import struct

import pytest

from support import FIXTURE_SITE, build_site, html_files, soup_of, url_of
from tools import screenshots

pytestmark = pytest.mark.browser
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path):
    """(width, height) from a PNG's header."""
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), path
    return struct.unpack(">II", data[16:24])


def test_every_page_is_pictured_whole_at_both_widths(browser, tmp_path):
    """One PNG per page and width, as wide as the screen and as long as the
    page (not only its first screen); pages left at once are not pictured."""
    site = tmp_path / "output"
    assert build_site(site, PATH=FIXTURE_SITE).ok
    saved = screenshots.save(site, tmp_path / "pictures", browser)
    names = {path.name for path in saved}
    assert names == {
        screenshots.name_of(url_of(site, page), width)
        for page in html_files(site)
        if not soup_of(page).find("meta", attrs={"http-equiv": "refresh"})
        for width in ("375", "1280")
    }
    assert "old-about-375.png" not in names
    for path in saved:
        width, height = png_size(path)
        expected = int(path.stem.rsplit("-", 1)[1])
        assert width == expected, path.name
    home_phone = png_size(tmp_path / "pictures" / "home-375.png")
    assert home_phone[1] > 812, "the whole page, not its first screen"
