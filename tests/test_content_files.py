"""Only the files a site needs are read or published: no links out of the
content folder, no dotfiles, no unknown kinds, and the home page is there.

Links cannot live in git, so these tests make their content themselves (on
a copy of the real content); tests/content/ holds the scenarios git can.
"""

import os
import subprocess
import sys

import pytest

from support import ROOT, build_site, tree_digest


@pytest.fixture(scope="module")
def good_output(tmp_path_factory, build_day):
    """A good site already built: every refused build must leave it as it was."""
    output = tmp_path_factory.mktemp("good") / "output"
    assert build_site(output, today=build_day).ok
    return output, tree_digest(output)


def build_cli(content, output, day):
    """The command an editor runs, as a separate process: (exit code, stderr)."""
    run = subprocess.run(
        [sys.executable, "-m", "tools.sitebuild", "--content", str(content)]
        + ["--output", str(output), "--as-of", day.isoformat()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return run.returncode, run.stderr


def test_a_link_to_a_file_outside_content_is_refused_and_not_published(
    content_copy, good_output, build_day
):
    """A link named like an image must not publish /etc/passwd."""
    output, before = good_output
    (content_copy / "images").mkdir(exist_ok=True)
    os.symlink("/etc/passwd", content_copy / "images" / "logo.png")
    code, printed = build_cli(content_copy, output, build_day)
    assert code == 1
    assert "content/images/logo.png:1: this is a link to another file or folder - " in printed
    assert "Traceback" not in printed
    assert tree_digest(output) == before


def test_a_link_to_the_root_folder_stops_the_build_at_once(content_copy, good_output, build_day):
    """Pelican follows links when it walks: the check must come first."""
    output, before = good_output
    os.symlink("/", content_copy / "pages" / "everything")
    code, printed = build_cli(content_copy, output, build_day)
    assert code == 1
    assert "content/pages/everything:1: this is a link to another file or folder" in printed
    assert tree_digest(output) == before


def test_dotfiles_are_never_published(content_copy, tmp_path, build_day):
    """.env, .DS_Store, ._x and a .draft.md page are left out, not errors."""
    for folder in ("files", "images"):
        (content_copy / folder).mkdir(exist_ok=True)
    (content_copy / "files" / ".env").write_text("SECRET=1\n")
    (content_copy / "images" / ".DS_Store").write_bytes(b"\0\1")
    (content_copy / "images" / "._photo.jpg").write_bytes(b"\0\1")
    (content_copy / "pages" / ".draft.md").write_text(
        "Title: Draft\nSummary: Not ready.\nReviewed: 2026-11-26\n\nNot ready yet.\n"
    )
    result = build_site(tmp_path / "output", today=build_day, PATH=content_copy)
    assert result.ok, result.lines
    published = [p.relative_to(tmp_path / "output") for p in (tmp_path / "output").rglob("*")]
    assert not [p for p in published if any(part.startswith(".") for part in p.parts)]


def test_without_the_home_page_the_build_stops(content_copy, good_output, build_day):
    """Deleting content/pages/index.md would publish a site with no home page."""
    output, before = good_output
    (content_copy / "pages" / "index.md").unlink()
    code, printed = build_cli(content_copy, output, build_day)
    assert code == 1
    assert "content/pages/index.md:1: this required page is missing - " in printed
    assert tree_digest(output) == before


def test_a_missing_content_folder_is_one_line(tmp_path, good_output, build_day):
    """No traceback: one line saying the folder is missing."""
    output, before = good_output
    code, printed = build_cli(tmp_path / "content", output, build_day)
    lines = [line for line in printed.splitlines() if not line.startswith("Build stopped")]
    assert code == 1
    assert len(lines) == 1 and "the content folder is missing - " in lines[0], printed
    assert tree_digest(output) == before


def test_an_image_over_20_mb_is_refused(content_copy, tmp_path, build_day):
    """Large files make pages slow for families on phones."""
    (content_copy / "images").mkdir(exist_ok=True)
    with open(content_copy / "images" / "huge.png", "wb") as image:
        image.truncate(21_000_000)  # sparse: the size is what counts
    result = build_site(tmp_path / "output", today=build_day, PATH=content_copy)
    assert not result.ok
    assert any(
        "images/huge.png:1: the photo is 21 MB - use one of at most 20 MB" in e
        for e in result.errors
    )


def test_a_name_that_is_not_valid_utf8_is_named_readably(content_copy, tmp_path, build_day):
    """A file name in another encoding is refused, and printed without crashing."""
    name = os.fsencode(str(content_copy / "pages")) + b"/caf\xe9.md"
    with open(name, "wb") as page:
        page.write(b"Title: Cafe\nSummary: A page.\nReviewed: 2026-11-26\n\nText.\n")
    result = build_site(tmp_path / "output", today=build_day, PATH=content_copy)
    assert not result.ok
    assert any("rename it to 'caf.md'" in line for line in result.errors), result.errors
    "\n".join(result.lines).encode("utf-8")  # printable


def test_a_name_of_spaces_is_shown_quoted(content_copy, tmp_path, build_day):
    """A file called ' ' (easy to make by mistake, invisible in a message) is
    named in quotes, so the editor sees what to delete."""
    (content_copy / " ").write_text("x")
    result = build_site(tmp_path / "output", today=build_day, PATH=content_copy)
    assert not result.ok
    assert any(
        "content/' ':1: the content folder does not use this" in line for line in result.errors
    ), result.errors


@pytest.mark.parametrize(
    "where", ["pages/waiting.md", "notices/waiting.md", "center.txt", "images/waiting.jpg"]
)
def test_a_named_pipe_is_named_before_anything_reads_it(
    content_copy, good_output, build_day, where
):
    """Reading a pipe waits forever: the nightly publish would die at its
    time limit and notices would stop changing. It is refused by name."""
    output, before = good_output
    path = content_copy / where
    path.parent.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    result = build_site(output, today=build_day, PATH=content_copy)
    assert not result.ok
    assert any(
        f"{where}:1: this is not a file of text (a pipe, a socket or a device)" in line
        for line in result.errors
    ), result.errors
    assert tree_digest(output) == before


def test_a_page_too_big_to_be_read_in_bounded_time_is_named(content_copy, tmp_path, build_day):
    page = content_copy / "pages" / "huge.md"
    page.write_text("Title: Huge\nSummary: x\nReviewed: 2026-11-26\n\n" + "Words. " * 200_000)
    result = build_site(tmp_path / "out", today=build_day, PATH=content_copy)
    assert any("huge.md:1: the file is 1400 KB - split it" in line for line in result.errors), (
        result.errors
    )
