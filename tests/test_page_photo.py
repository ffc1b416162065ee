"""A page's photo as a field (`Photo`, `Photo-alt`), the way the web editor
adds one: placed after the first paragraph, made responsive like any photo
of the text, and its mistakes named at their line."""

import datetime
import shutil

from support import FIXTURE_SITE, build_site, session_phone_photo, soup_of

DAY = datetime.date(2026, 12, 21)
FIELDS = (
    "Photo: {static}/images/group-room.jpg\nPhoto-alt: Our group room, with chairs in a circle\n"
)


def content_with(folder, lines):
    content = folder / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "images").mkdir()
    session_phone_photo(content / "images" / "group-room.jpg", size=(1600, 1200), quality=80)
    page = content / "pages" / "about.md"
    text = page.read_text()
    page.write_text(text.replace("Reviewed: 2026-11-01\n", "Reviewed: 2026-11-01\n" + lines, 1))
    return content


def test_the_photo_comes_after_the_first_paragraph_as_a_responsive_picture(tmp_path):
    content = content_with(tmp_path, FIELDS)
    result = build_site(tmp_path / "out", today=DAY, PATH=content)
    assert result.ok, result.lines
    main = soup_of(tmp_path / "out" / "about" / "index.html").select_one("main")
    first, second = main.select("p")[:2]
    assert "We are a small team." in first.get_text()
    picture = second.find("picture")
    assert picture and picture.find("source", type="image/avif")
    assert picture.find("img")["alt"] == "Our group room, with chairs in a circle"


def test_a_photo_without_words_is_refused_at_its_line(tmp_path):
    content = content_with(tmp_path, FIELDS.split("\n")[0] + "\n")
    result = build_site(tmp_path / "out", today=DAY, PATH=content)
    assert not result.ok
    assert any("about.md:7:" in line and "alt" in line.lower() for line in result.errors), (
        result.errors
    )


def test_a_photo_that_is_not_the_sites_is_refused_with_the_fix(tmp_path):
    content = content_with(tmp_path, "Photo: https://example.org/x.jpg\nPhoto-alt: A room\n")
    result = build_site(tmp_path / "out", today=DAY, PATH=content)
    assert not result.ok
    assert any(
        "about.md:7: photo: 'https://example.org/x.jpg' is not a photo of the site" in line
        and "{static}/images/name.jpg" in line
        for line in result.errors
    ), result.errors
