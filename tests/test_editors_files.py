"""Editors' files get editors' messages: a photo too big to open, a photo
cut short, a file nobody may read, a day typed the American way. Each is
named with its fix; "a bug in the site" is only ever ours."""

import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pytest

from plugins.lib import build
from support import FIXTURE_SITE, ROOT, build_site, require_tool, session_phone_photo

PAGE = (
    "Title: Our rooms\nSummary: Our rooms.\nReviewed: 2026-11-26\n\n"
    "Our group room.\n\n![Our group room]({{static}}/images/room.{ext})\n"
)


def png_of_size(width, height):
    """A tiny PNG file whose header says width x height: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


def with_photo(tmp_path, name, data):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "images").mkdir()
    (content / "images" / name).write_bytes(data)
    (content / "pages" / "rooms.md").write_text(PAGE.format(ext=name.rsplit(".", 1)[1]))
    return content


@pytest.mark.parametrize(
    "size, what",
    [
        ((10_000, 10_000), "the photo has 100 million pixels"),
        ((40_000, 40_000), "the photo has far too many pixels to open"),
    ],
)
def test_a_photo_too_big_to_open_is_named(tmp_path, size, what):
    content = with_photo(tmp_path, "room.png", png_of_size(*size))
    result = build_site(tmp_path / "out", PATH=content)
    assert not result.ok
    assert any("rooms.md:7: " + what in line for line in result.errors), result.errors
    assert not any("bug in the site" in line for line in result.errors)


def test_a_photo_cut_short_is_named(tmp_path):
    photo = session_phone_photo(tmp_path / "whole.jpg", size=(1200, 900)).read_bytes()
    content = with_photo(tmp_path, "room.jpg", photo[: len(photo) // 2])
    result = build_site(tmp_path / "out", PATH=content)
    assert not result.ok
    assert any("rooms.md:7: the photo is cut short" in line for line in result.errors), (
        result.errors
    )
    assert not any("bug in the site" in line for line in result.errors)


def test_a_file_nobody_may_read_is_named_for_the_user_who_builds():
    """The nightly publish runs as an unprivileged user: a page it cannot
    read is an editor's message, read as that user (root reads anything)."""
    require_tool("runuser")
    folder = Path(tempfile.mkdtemp(prefix="iop-locked-"))
    folder.chmod(0o755)
    page = folder / "locked.md"
    page.write_text("Title: Locked\n\nWords.\n")
    page.chmod(0o000)
    check = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from plugins.lib import datafile\n"
        f"try: datafile.read_text({str(page)!r})\n"
        "except datafile.NotReadable as error: print(error.what, '-', error.fix)"
    )
    run = subprocess.run(
        ["runuser", "-u", "nobody", "--", sys.executable, "-c", check],
        capture_output=True,
        text=True,
        cwd="/",
    )
    shutil.rmtree(folder)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("the file cannot be opened (no permission to read it) - ")


@pytest.mark.parametrize(
    "typed, day",
    [
        ("2026-12-24", "2026-12-24"),
        ("12/24/2026", "2026-12-24"),
        ("Dec 24 2026", "2026-12-24"),
        ("24 December 2026", "2026-12-24"),
        ("2026/12/24", "2026-12-24"),
    ],
)
def test_as_of_takes_the_forms_people_type(typed, day):
    assert build.parse_day(typed).isoformat() == day


@pytest.mark.parametrize("typed", ["tomorrow", "2026", "December 2026", "13/45/2026"])
def test_as_of_says_which_form_it_wants(typed):
    run = subprocess.run(
        [sys.executable, "-m", "invoke", "build", "--as-of", typed, f"--content={FIXTURE_SITE}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stderr.strip() == (
        f"--as-of: '{typed}' is not a date - write it as YYYY-MM-DD (e.g. 2026-12-24) or 12/24/2026"
    )
