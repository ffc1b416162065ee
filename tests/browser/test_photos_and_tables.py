"""A phone photo and a wide table on a page, in Chromium at 375 px: nothing
scrolls sideways, the phone downloads a small variant, axe finds nothing."""

import datetime
import shutil

import pytest

from support import FIXTURE_SITE, build_site, files_handler, http_server, session_phone_photo
from tools.release_checks import axe_violations

pytestmark = pytest.mark.browser
DAY = datetime.date(2026, 12, 21)
WIDE_TABLE = "\n".join(
    [
        "| Day | Morning group | Afternoon group | Evening group | Notes for families |",
        "| --- | --- | --- | --- | --- |",
        *[
            f"| Day {n} | 9:00 to 12:00 | 13:00 to 16:00 | 18:00 to 21:00 | "
            "Family members may join the last session of the week |"
            for n in range(1, 6)
        ],
    ]
)


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    """The fixture site with a 4032 px phone photo and a five-column table."""
    folder = tmp_path_factory.mktemp("photo-site")
    content = folder / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "images").mkdir()
    session_phone_photo(content / "images" / "group-room.jpg")
    page = content / "pages" / "about.md"
    page.write_text(
        page.read_text()
        + "\n![Our group room]({static}/images/group-room.jpg)\n\n"
        + WIDE_TABLE
        + "\n"
    )
    result = build_site(folder / "output", today=DAY, PATH=content)
    assert result.ok, result.lines
    with http_server(files_handler(folder / "output")) as url:
        yield url


def test_a_photo_and_a_wide_table_never_make_a_phone_scroll_sideways(browser, photo_site):
    """At 375 px the page is as wide as the screen; the table scrolls in its box."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(photo_site + "/about/")
    page.locator("main picture img").scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    try:
        sideways = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert page.evaluate(sideways) <= 0
        image = page.locator("main picture img").bounding_box()
        assert image["width"] <= 375
        photos = [url for url in requested if "/images/" in url]
        assert len(photos) == 1 and "-400." in photos[0], photos
        assert axe_violations(page) == []
    finally:
        context.close()
