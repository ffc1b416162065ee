"""Photos made for the web: a phone photo placed as EDITING.md says becomes a
responsive <picture>, light enough for a phone, with no location data."""

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from support import FIXTURE_SITE, build_site, session_phone_photo, soup_of, tree_digest
from tools.phone_photo import GPS_IFD

DAY = "2026-12-21"
PLACED = "\n![Our group room, with chairs in a circle]({static}/images/group-room.jpg)\n"


def content_with_photo(folder, markdown=PLACED, name="group-room.jpg", **photo):
    content = folder / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "images").mkdir()
    session_phone_photo(content / "images" / name, **photo)
    page = content / "pages" / "about.md"
    page.write_text(page.read_text() + markdown)
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture site with a 4032 x 3024 phone photo (GPS included) on a page."""
    folder = tmp_path_factory.mktemp("photo")
    content = content_with_photo(folder)
    result = build_site(folder / "output", today=_day(), PATH=content)
    assert result.ok, result.lines
    return content, folder / "output"


def _day():
    import datetime

    return datetime.date.fromisoformat(DAY)


def published_images(output):
    return sorted((Path(output) / "images").iterdir())


def test_the_source_is_a_real_phone_photo(built):
    """The test photo is what a phone makes: over 5 MB, with a GPS position."""
    content, _ = built
    source = content / "images" / "group-room.jpg"
    assert os.path.getsize(source) > 5_000_000
    assert Image.open(source).getexif().get_ifd(GPS_IFD)


def test_a_placed_photo_becomes_a_responsive_picture(built):
    """AVIF and WebP sources, a JPEG fallback, widths in srcset, sizes, width
    and height (no layout shift), the alt text kept, lazy below the top."""
    _, output = built
    picture = soup_of(output / "about" / "index.html").select_one("main picture")
    sources = {s["type"]: s for s in picture.find_all("source")}
    assert list(sources) == ["image/avif", "image/webp"]
    image = picture.find("img")
    for node in [*sources.values(), image]:
        assert [part.split()[-1] for part in node["srcset"].split(", ")] == [
            "400w",
            "800w",
            "1200w",
        ]
        assert node["sizes"]
    assert image["src"].endswith(".jpg") and (image["width"], image["height"]) == ("1200", "900")
    assert image["alt"] == "Our group room, with chairs in a circle"
    assert image["loading"] == "lazy"


def test_no_published_image_carries_metadata_and_the_original_stays_home(built):
    """Every variant is re-encoded without EXIF, GPS or XMP; the 5 MB original,
    with its location, is never in the output."""
    _, output = built
    files = published_images(output)
    assert len(files) == 9
    assert "group-room.jpg" not in {path.name for path in files}
    for path in files:
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert not {"exif", "xmp", "XML:com.adobe.xmp"} & set(image.info), path.name


def test_the_largest_file_is_at_most_400_kb_and_the_smallest_100_kb(built):
    """At 375 px a phone downloads the 400 px variant: a photo costs little."""
    _, output = built
    sizes = [path.stat().st_size for path in published_images(output)]
    assert max(sizes) <= 400_000 and min(sizes) <= 100_000, sizes


def test_a_photo_near_the_top_loads_at_once(tmp_path):
    """Above the first subheading a photo is on the first screen: not lazy."""
    content = content_with_photo(tmp_path)
    page = content / "pages" / "index.md"
    page.write_text(page.read_text() + PLACED.replace("group-room", "group-room"))
    result = build_site(tmp_path / "output", today=_day(), PATH=content)
    assert result.ok, result.lines
    image = soup_of(tmp_path / "output" / "index.html").select_one("main picture img")
    assert "loading" not in image.attrs and image["fetchpriority"] == "high"


def test_a_decorative_photo_has_an_empty_alt(tmp_path):
    """`![decorative](...)` says, on purpose, that the photo tells nothing."""
    content = content_with_photo(
        tmp_path, PLACED.replace("Our group room, with chairs in a circle", "decorative")
    )
    result = build_site(tmp_path / "output", today=_day(), PATH=content)
    assert result.ok, result.lines
    image = soup_of(tmp_path / "output" / "about" / "index.html").select_one("main picture img")
    assert image["alt"] == ""


def test_a_photo_too_small_to_look_sharp_is_refused_with_its_line(tmp_path):
    """Under 400 px wide: one line naming the page, the line and the fix."""
    content = content_with_photo(tmp_path, size=(320, 240))
    result = build_site(tmp_path / "output", today=_day(), PATH=content)
    assert not result.ok
    line = len((content / "pages" / "about.md").read_text().splitlines())
    assert any(
        f"pages/about.md:{line}: the photo is 320 px wide - use one at least 400 px" in error
        for error in result.errors
    ), result.errors


def test_a_photo_over_20_mb_is_refused(tmp_path):
    """A huge file is refused before anything tries to open it."""
    content = content_with_photo(tmp_path)
    huge = content / "images" / "group-room.jpg"
    huge.write_bytes(huge.read_bytes() + b"\0" * 21_000_000)
    result = build_site(tmp_path / "output", today=_day(), PATH=content)
    assert not result.ok
    assert any("the photo is 28 MB - use one of at most 20 MB" in e for e in result.errors), (
        result.errors
    )


def test_a_rebuild_reuses_the_variants_made_before(built, tmp_path):
    """Variants are cached by the photo's content: a rebuild re-encodes nothing."""
    content, output = built
    cache = Path("cache") / "images"
    before = {path: path.stat().st_mtime_ns for path in cache.iterdir()}
    result = build_site(tmp_path / "again", today=_day(), PATH=content)
    assert result.ok, result.lines
    assert {path: path.stat().st_mtime_ns for path in before} == before
    assert tree_digest(tmp_path / "again") == tree_digest(output)
