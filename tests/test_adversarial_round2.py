"""Every bypass an outside adversarial round found against the round-2
checks, kept as a test: each is refused (or held back) by production, with
its file and line, and none is "a bug in the site"."""

import os
import shutil
import subprocess

import pytest

from plugins.lib import datafile
from plugins.reading import translations
from support import FIXTURE_SITE, build_site, require_tool

DAY = "2026-12-21"


@pytest.fixture
def content(tmp_path, monkeypatch):
    monkeypatch.delenv("STAGING", raising=False)
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, folder)
    return folder


def production(content, tmp_path, name="out"):
    import datetime

    return build_site(
        tmp_path / name, "publishconf.py", today=datetime.date.fromisoformat(DAY), PATH=content
    )


def append(content, path, text):
    page = content / path
    page.write_text(page.read_text() + "\n" + text + "\n")


def no_bug(result):
    return not any(
        "bug in the site" in line or "Could not process" in line for line in result.lines
    )


def test_a_highlight_typed_by_an_editor_hides_nothing(content, tmp_path):
    """The site's own "To confirm:" highlight, typed into a page, once hid a
    meta refresh from every check (they ignored the site's highlight)."""
    append(
        content,
        "pages/about.md",
        '<p lang="><mark class="app-confirm"><span class="app-confirm__label" lang="en">'
        'To confirm:</span> <meta http-equiv=refresh content=0;url=https://evil.example.com>">x</p>',
    )
    result = production(content, tmp_path)
    assert not result.ok and no_bug(result)
    assert any("about.md:" in line for line in result.errors)


def test_a_spanish_draft_is_never_written_live(content, tmp_path):
    (content / "pages" / "es").mkdir()
    (content / "pages" / "es" / "acerca.md").write_text(
        "Title: Acerca\nSummary: Quiénes somos.\nTranslation-of: about.md\nStatus: draft\n\nSomos un equipo.\n"
    )
    result = production(content, tmp_path)
    assert result.ok, result.errors
    assert not (tmp_path / "out" / "es" / "acerca").exists()


def commit(folder, message):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="e",
        GIT_AUTHOR_EMAIL="e@x.invalid",
        GIT_COMMITTER_NAME="e",
        GIT_COMMITTER_EMAIL="e@x.invalid",
    )
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)


def test_a_check_of_a_version_the_english_page_never_had_is_no_check(content, tmp_path):
    require_tool("git")
    (content / "pages" / "es").mkdir()
    (content / "pages" / "es" / "acerca.md").write_text(
        "Title: Acerca\nSummary: Quiénes somos.\nTranslation-of: about.md\n"
        "Translation-checked: 000000000000 on 2026-11-02 by Ana Prueba, CHI\n\nSomos un equipo.\n"
    )
    commit(content, "a made-up check")
    result = production(content, tmp_path)
    assert result.ok, result.errors
    assert any(
        "names version 000000000000, which the English page" in line for line in result.warnings
    )
    assert not (tmp_path / "out" / "es" / "acerca").exists()


@pytest.mark.parametrize(
    "old, new",
    [
        ("Name: Fixture Health Center", "Name: Center name"),
        ("City: San Diego", "City: City"),
        ("Street: 1200 Fixture Avenue", "Street: 123 Main Street"),
        ("Street: 1200 Fixture Avenue", "Street: 1 TB\u00adC Street"),
        ("City: San Diego", "City: TB\u200bD"),
        ("Name: Fixture Health Center", "Name: \u0422\u0412\u0421 Center"),
    ],
)
def test_a_placeholder_center_detail_in_disguise_is_refused(content, tmp_path, old, new):
    center = content / "center.txt"
    center.write_text(center.read_text().replace(old, new))
    result = production(content, tmp_path)
    assert not result.ok and no_bug(result)
    assert any("center.txt:" in line for line in result.errors), result.errors


@pytest.mark.parametrize(
    "name",
    ["First Last, MD", "Dr Unknown, MD", "Nombre Apellido, CHI", "\u0422\u0412D Reviewer, MD"],
)
def test_a_placeholder_reviewer_in_disguise_is_refused(content, tmp_path, name):
    page = content / "pages" / "about.md"
    page.write_text(page.read_text().replace("Dr. Lena Ortiz, MD", name))
    result = production(content, tmp_path)
    assert not result.ok
    assert any("about.md:7: reviewed by:" in line for line in result.errors), result.errors


@pytest.mark.parametrize(
    "line",
    [
        "/about/index.html /about/week/",
        "/index.html /about/",
        "/index.html.gz /about/",
        "/about/index.html.br /about/",
        "/sitemap.xml.gz /about/",
        "/_headers/ /about/",
        "/sitemap.xml/ /about/",
        "/robots.txt/ /about/",
        "/404.html/ /about/",
        "/about/index.html/ /about/",
    ],
)
def test_a_redirect_never_takes_the_place_of_a_file_the_site_writes(content, tmp_path, line):
    (content / "redirects.txt").write_text(line + "\n")
    result = production(content, tmp_path)
    assert not result.ok and no_bug(result)
    assert any("redirects.txt:1: " in error for error in result.errors), result.errors


def test_a_date_shaped_file_name_is_only_a_name(content, tmp_path):
    (content / "pages" / "2026-99-99.md").write_text(
        "Title: A date\nSummary: A page.\nReviewed: 2026-11-01\n\nWords for a family.\n"
    )
    result = production(content, tmp_path)
    assert result.ok and no_bug(result), result.lines
    assert (tmp_path / "out" / "2026-99-99" / "index.html").exists()


def test_files_in_a_hidden_folder_are_never_read(content, tmp_path):
    hidden = content / "notices" / ".old"
    hidden.mkdir()
    os.mkfifo(hidden / "waiting.md")
    (hidden / "latin.md").write_bytes(b"Title: \xff\xfe\n\nx\n")
    result = production(content, tmp_path)
    assert result.ok and no_bug(result), result.lines


def test_a_center_file_not_in_utf8_is_named(content, tmp_path):
    center = content / "center.txt"
    center.write_bytes(center.read_bytes().replace(b"Fixture Health Center", b"Caf\xe9 Center"))
    result = production(content, tmp_path)
    assert not result.ok and no_bug(result)
    assert any("center.txt:1: the file is not UTF-8 text" in line for line in result.errors), (
        result.errors
    )


def test_a_page_of_many_refused_elements_is_refused(content, tmp_path):
    """190 refused elements a paragraph, a page of them: each found once,
    the page refused (it took 35 s to find their lines; now linear)."""
    block = "<i>É" * 190
    page = "Title: Slow\nSummary: A slow page.\nReviewed: 2026-11-01\n\nWe like words.\n\n"
    (content / "pages" / "slow.md").write_text(page + "\n\n".join([block] * 100) + "\n")
    result = production(content, tmp_path)
    assert not result.ok and no_bug(result)
    assert any("slow.md:7: <i> in a page" in line for line in result.errors)


@pytest.mark.parametrize(
    "link",
    [
        "[call or text \uff19\uff18\uff18](tel:+18585550234)",
        "[988 Lifeline](https://crisis-chat.net\\@988lifeline.org/)",
        "[858-555-0299](https://crisis-chat.net/)",
        "[&#x200B;](https://crisis-chat.net/)",
        "Call us at &#x202E;2410-555-858&#x202C; any day.",
        "A null: &#0; here.",
        "A soft&shy;hyphen.",
    ],
)
def test_crisis_help_and_text_cannot_be_disguised(content, tmp_path, link):
    append(content, "pages/about.md", link)
    result = production(content, tmp_path)
    assert not result.ok and no_bug(result)
    assert any("about.md:" in line for line in result.errors), result.errors


def test_an_invisible_character_in_a_summary_written_as_a_reference_is_refused(content, tmp_path):
    page = content / "pages" / "about.md"
    page.write_text(
        page.read_text().replace(
            "Summary: Who we are, in a few short words.",
            "Summary: Who we are &#x202E;sdrow&#x202C;.",
        )
    )
    result = production(content, tmp_path)
    assert any(
        "about.md:5: an invisible character written as '&#x202E;'" in line for line in result.errors
    ), result.errors


def test_the_fixture_is_what_production_accepts(content, tmp_path):
    """Every case above starts from this: it builds."""
    result = production(content, tmp_path)
    assert result.ok, result.errors
    version = translations.version_of(datafile.read(content / "pages" / "about.md"))
    assert len(version) == 12
