"""Drafts: an editor sees a `Status: draft` page in the preview, plainly
marked, and it never reaches a production build, its sitemap or its menu."""

import datetime
import shutil

import pytest

from support import FIXTURE_SITE, build_site, soup_of

DAY = datetime.date(2026, 12, 21)
DRAFT = """\
Title: Our new group
Nav-title: New group
Nav-order: 4
Section: about-us
Summary: A group we are planning.
Reviewed: 2026-11-01

We are planning a new group. It starts in the spring.
"""


@pytest.fixture
def content(tmp_path):
    """The fixture site with one draft page in it."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, folder)
    (folder / "pages" / "about" / "new-group.md").write_text(
        DRAFT.replace("Reviewed:", "Status: draft\nReviewed:")
    )
    return folder


def test_a_draft_shows_in_the_preview_with_a_band_and_on_the_drafts_page(content, tmp_path):
    """At its future address, marked "Draft - not published", not indexed,
    listed on /drafts/ and in no menu."""
    result = build_site(tmp_path / "preview", today=DAY, PATH=content)
    assert result.ok, result.lines
    page = soup_of(tmp_path / "preview" / "about" / "new-group" / "index.html")
    band = page.select_one("main .app-draft")
    assert band and "Draft - not published" in band.get_text()
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
    drafts = soup_of(tmp_path / "preview" / "drafts" / "index.html")
    assert [a["href"] for a in drafts.select("main li a")] == ["/about/new-group/"]
    home = soup_of(tmp_path / "preview" / "index.html")
    assert "/about/new-group/" not in [a["href"] for a in home.select("nav a")]
    assert "new-group" not in (tmp_path / "preview" / "sitemap.xml").read_text()


def test_a_draft_is_never_in_a_production_build(content, tmp_path, monkeypatch):
    """No page, no drafts list, no sitemap entry, no menu item."""
    monkeypatch.delenv("STAGING", raising=False)
    output = tmp_path / "production"
    result = build_site(output, "publishconf.py", today=DAY, PATH=content)
    assert result.ok, result.lines
    assert not (output / "about" / "new-group").exists()
    assert not (output / "drafts").exists()
    assert "new-group" not in (output / "sitemap.xml").read_text()
    assert "new-group" not in (output / "about" / "index.html").read_text()


def test_a_draft_is_checked_like_any_page(content, tmp_path):
    """Drafts meet the same allowlists: unsafe markup stops the preview too."""
    draft = content / "pages" / "about" / "new-group.md"
    draft.write_text(draft.read_text() + '\n<a href="javascript:alert(1)">x</a>\n')
    result = build_site(tmp_path / "preview", today=DAY, PATH=content)
    assert not result.ok
    assert any("new-group.md:" in line and "unsafe link" in line for line in result.errors), (
        result.errors
    )
