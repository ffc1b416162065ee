"""Old addresses in content/redirects.txt: only retired pages' addresses,
each once, never a file the build writes, a hidden or parent folder, or an
address without its slash; each refused with its line and fix, never "a bug
in the site" (plugins/reading/redirects.py)."""

import shutil

import pytest

from support import FIXTURE_SITE, build_site


def build_with(tmp_path, lines, pages=None):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "redirects.txt").write_text("# Old addresses\n" + "\n".join(lines) + "\n")
    for name, text in (pages or {}).items():
        (content / "pages" / name).write_text(text)
    return build_site(tmp_path / "output", PATH=content)


@pytest.mark.parametrize(
    "line, what",
    [
        ("/sitemap.xml /about/", "'/sitemap.xml' is a file the site itself writes"),
        ("/robots.txt /about/", "'/robots.txt' is a file the site itself writes"),
        ("/404.html /about/", "'/404.html' is a file the site itself writes"),
        ("/drafts/ /about/", "'/drafts/' is a file the site itself writes"),
        ("/theme/favicon.svg /about/", "is a file the site itself writes"),
        ("/images/old.jpg /about/", "is a file the site itself writes"),
        ("/.git/ /about/", "names a hidden or parent folder"),
        ("/../ /about/", "names a hidden or parent folder"),
        ("/x/../ /about/", "names a hidden or parent folder"),
        ("//evil.example/ /about/", "has an empty folder"),
        ("/about /", "'/about' does not end with / - write '/about/'"),
        ("/about/ /", "'/about/' is a page of the site"),
        ("/iop/ /nowhere/", "'/nowhere/' is not a page of the site"),
    ],
)
def test_an_old_address_that_is_not_a_retired_page_is_refused(tmp_path, line, what):
    result = build_with(tmp_path, [line])
    assert not result.ok
    assert any("redirects.txt:2: " in error and what in error for error in result.errors), (
        result.errors
    )
    assert not any("bug in the site" in error for error in result.errors)


def test_an_address_redirected_twice_names_the_first_line(tmp_path):
    result = build_with(tmp_path, ["/old/ /about/", "/old/ /"])
    assert any(
        "redirects.txt:3: '/old/' is redirected twice (first on line 2)" in e for e in result.errors
    )


def test_a_page_may_not_take_an_address_the_site_uses(tmp_path):
    """A page named like the drafts list was silently replaced by it."""
    page = "Title: Drafts\nSummary: A page.\nReviewed: 2026-11-26\n\nWords for a family.\n"
    result = build_with(tmp_path, ["/old-about/ /about/"], {"drafts.md": page})
    assert any(
        "drafts.md:1: the address /drafts/ is one the site itself uses" in e for e in result.errors
    )


def test_an_old_page_file_address_and_a_folder_address_both_work(tmp_path):
    result = build_with(tmp_path, ["/iop.html /about/", "/old-iop/ /about/"])
    assert result.ok, result.errors
    assert (tmp_path / "output" / "iop.html").exists()
    assert (tmp_path / "output" / "old-iop" / "index.html").exists()
