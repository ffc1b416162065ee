"""Rules every page's words follow, whatever an editor writes.

Where each fact of the center's original page went, and what was corrected,
is recorded in docs/seed-facts.md: facts are content, so tests do not pin them.
"""

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from plugins.lib import person_first, sanitize
from support import FIXTURE_SITE, build_site, content_pages, lang_of_url, main_of, words


def test_a_paragraph_said_twice_is_named_to_its_editor(site_build, pages):
    """The seed repeated a paragraph; the build warns the editor of one."""
    for url, data in content_pages().items():
        soup = pages.get(url)
        if soup is None:
            continue
        paragraphs = [words(p) for p in main_of(soup).find_all("p") if not p.find("mark")]
        if len(paragraphs) != len(set(paragraphs)):
            name = Path(data.path).name
            assert any(name in line and "twice" in line for line in site_build.warnings), url


def test_the_theme_uses_person_first_words(all_documents):
    """The theme's words (everything around a page's text) never label a
    person: those words are ours, so this is strict."""
    for url, soup in all_documents.items():
        body = BeautifulSoup(str(soup.body), "html.parser")
        body.find("main").decompose()
        for pattern, _ in person_first.PATTERNS[soup.html["lang"]]:
            assert not pattern.search(words(body)), url


def test_a_page_that_labels_a_person_is_named_to_its_editor(site_build, pages):
    """A page's own words are the editor's: the build warns at the line
    (an editor may keep a quoted name), so the suite checks it told them."""
    for url, data in content_pages().items():
        soup = pages.get(url)
        if soup is None:
            continue
        prose = sanitize.parse(str(main_of(soup)), sanitize.PAGE).prose
        if person_first.problems(prose, lang_of_url(url)):
            name = Path(data.path).name
            assert any(
                name in line and "labels a person" in line for line in site_build.warnings
            ), url


def test_the_build_warns_of_labels_and_repeats_at_their_lines(tmp_path):
    """Fixed words: 'addicts' and a repeated paragraph are each named at
    their line; a cited title's 'Substance Abuse' (a link's words) is not."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    about = content / "pages" / "about.md"
    text = about.read_text()
    body_lines = text.count("\n")
    about.write_text(
        text
        + "\nWe help addicts and their families.\n"
        + "\nA paragraph said once is enough for anyone.\n"
        + "\nA paragraph said once is enough for anyone.\n"
        + "\n- [Substance Abuse Treatment (a journal)](https://example.org/)\n"
    )
    result = build_site(tmp_path / "out", PATH=content)
    assert result.ok
    lines = "\n".join(result.warnings)
    assert f"about.md:{body_lines + 2}: 'addicts' labels a person" in lines
    assert "write 'a person with a substance use disorder'" in lines
    assert f"about.md:{body_lines + 6}: the paragraph 'A paragraph said once" in lines
    assert "'Substance Abuse" not in lines


def test_spanish_labels_are_named_too():
    (found,) = person_first.problems("Ayudamos a los adictos.", "es")
    assert found[1] == ["adictos"]
    assert person_first.problems("Nuestro edificio está limpio.", "es") == []
    assert person_first.problems("The room is clean.", "en") == []
