"""The release checks `invoke publish` runs each find what they are for
(on small hand-made builds; the real builds pass them in other tests)."""

import random

from support import require_tool
from tools import release_checks

PAGE = "<!DOCTYPE html><html lang=en><head><title>x</title></head><body>{}</body></html>"


def test_html_validity_names_the_file_line_and_error(tmp_path):
    """A <p> inside a <ul> is an error of the W3C checker, with its file."""
    require_tool("java")
    (tmp_path / "index.html").write_text(PAGE.format("<ul><p>x</p></ul>"))
    [error] = release_checks.html_errors(tmp_path)
    assert error.startswith("index.html:1: Element “p” not allowed as child of element “ul”")


def test_stray_files_finds_every_dotfile(tmp_path):
    """A dotfile anywhere in the build is named: it must never go live."""
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / ".DS_Store").write_bytes(b"x")
    (tmp_path / ".env").write_text("SECRET=1")
    assert release_checks.stray_files(tmp_path) == [
        ".env: a dotfile in the build",
        "theme/.DS_Store: a dotfile in the build",
    ]


def test_page_weight_names_a_page_past_14_kb_gzip(tmp_path):
    """A page that needs more than the first round trip is named with its size."""
    letters = random.Random(1)
    text = "".join(letters.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(40000))
    (tmp_path / "index.html").write_text(PAGE.format(f"<p>{text}</p>"))
    [line] = release_checks.over_budget(tmp_path)
    assert line.startswith("index.html: ") and line.endswith("(budget 14336)")
