"""Benchmark: a rebuild after one edit, on a site with 20 phone photos.

    .venv/bin/python -m tools.bench_images

Builds the fixture site with 20 generated 4032 x 3024 photos twice from a
cold cache (every variant made), then edits one page and rebuilds (every
variant from the cache). Prints seconds; asserts nothing: timings belong in
a benchmark, not in the tests, on a shared machine. Goal: the rebuild after
one edit stays under 1 s of image work (the build itself takes what it takes
without photos, printed alongside for comparison).
"""

import datetime
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = 20
DAY = datetime.date(2026, 12, 21)


def timed_build(content, output, cache):
    from tools import sitebuild

    started = time.monotonic()
    result = sitebuild.build(
        str(ROOT / "pelicanconf.py"),
        str(output),
        {"PATH": str(content), "CACHE_PATH": str(cache)},
        DAY,
    )
    assert result.ok, result.lines
    return time.monotonic() - started


def main():
    from tools.phone_photo import phone_photo

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        content = folder / "content"
        shutil.copytree(ROOT / "tests" / "fixtures" / "site", content)
        (content / "images").mkdir()
        page = content / "pages" / "about.md"
        text = page.read_text()
        for number in range(PHOTOS):
            phone_photo(content / "images" / f"photo-{number}.jpg")
            text += f"\n![Photo {number} of our rooms]({{static}}/images/photo-{number}.jpg)\n"
        plain = timed_build(ROOT / "tests" / "fixtures" / "site", folder / "plain", folder / "c0")
        page.write_text(text)
        cold = timed_build(content, folder / "out", folder / "cache")
        page.write_text(text + "\nOne more sentence.\n")
        warm = timed_build(content, folder / "out", folder / "cache")
    print(f"build without photos: {plain:.2f} s")
    print(f"{PHOTOS} photos, cold cache: {cold:.2f} s")
    print(
        f"{PHOTOS} photos, rebuild after one edit: {warm:.2f} s "
        f"(image work: {max(warm - plain, 0):.2f} s)"
    )


if __name__ == "__main__":
    main()
