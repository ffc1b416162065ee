"""The Spanish edition of the real site: each page in its language, linked
both ways, with the theme's words and the crisis help in Spanish.

Which pages are translated is read from content/ (`Translation-of`), so a
new English page without its Spanish text yet fails nothing here: the build
gives it a warning and its language link leads to the Spanish home page.
"""

import datetime
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.lib import datafile, wording
from plugins.reading import translations
from support import (
    CONTENT,
    ROOT,
    active_notices,
    content_pages,
    lang_of_url,
    twins,
    words,
)
from tools import messages

PAGES = sorted(content_pages())
SPANISH = [url for url in PAGES if lang_of_url(url) == "es"]
# Read once: every test below asks for the same pairs.
TWINS = twins()
CATALOG = wording.load_catalogs(str(ROOT / "theme")).get("es", {})


def es(message):
    """The theme's words as the Spanish catalog has them."""
    return CATALOG[message]


def hreflang(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }


def test_the_site_has_a_spanish_edition():
    """content/pages/es/ holds Spanish pages, its home page first."""
    assert "/es/" in SPANISH


@pytest.mark.parametrize("url", SPANISH)
def test_spanish_page_names_an_english_page_that_exists(url):
    """Every Spanish page says which English page it translates."""
    assert url in TWINS, f"{url}: its Translation-of names no English page in content/"


@pytest.mark.parametrize("url", PAGES)
def test_page_says_its_language(pages, url):
    """<html lang> is the page's edition (screen readers speak it so)."""
    assert pages[url].html["lang"] == lang_of_url(url)


@pytest.mark.parametrize("url", PAGES)
def test_editions_link_to_each_other_both_ways(pages, url):
    """hreflang: each edition names itself and its twin, the twin names it
    back, and x-default is the English page (what search engines ask)."""
    links = hreflang(pages[url])
    assert links[lang_of_url(url)] == url
    twin = TWINS.get(url)
    if twin is None:
        assert set(links) == {lang_of_url(url), "x-default"}
        return
    assert links[lang_of_url(twin)] == twin
    assert hreflang(pages[twin])[lang_of_url(url)] == url
    english = url if lang_of_url(url) == "en" else twin
    assert links["x-default"] == english


@pytest.mark.parametrize("url", PAGES)
def test_language_switch_leads_to_the_twin_page(pages, url):
    """The visible switch opens the same page in the other language, or
    that edition's home page while the page has no translation."""
    switch = pages[url].select_one("header .app-header__lang")
    other = "es" if lang_of_url(url) == "en" else "en"
    assert switch["href"] == TWINS.get(url, "/es/" if other == "es" else "/")
    assert switch["lang"] == other == switch["hreflang"]


@pytest.mark.parametrize("url", SPANISH)
def test_spanish_page_frame_is_in_spanish(pages, url):
    """Header, menu, crisis help, footer and review dates use the Spanish
    catalog's words, not the English ones."""
    soup = pages[url]
    assert words(soup.select_one(".app-skip-link")) == es("Skip to main content")
    assert words(soup.select_one(".app-menu__toggle")) == es("Menu")
    assert soup.select_one(".app-menu__nav")["aria-label"] == es("Main")
    assert words(soup.select_one("#crisis-help-title")) == es("In crisis? Get help now")
    footer = words(soup.select_one("footer"))
    assert es("Office hours") in footer and es("Phone") in footer
    assert "Office hours" not in footer
    review = words(soup.select_one(".app-review"))
    assert review.startswith(es("Page last reviewed"))


@pytest.mark.parametrize("url", SPANISH)
def test_spanish_review_dates_are_written_in_spanish(pages, url):
    """'26 de noviembre de 2026', from the <time> element's own date."""
    for time in pages[url].select(".app-review time"):
        day = datetime.date.fromisoformat(time["datetime"])
        assert words(time) == wording.long_date(day, "es")
        assert " de " in words(time)


@pytest.mark.parametrize("url", SPANISH)
def test_crisis_help_is_in_spanish_on_spanish_pages(pages, url):
    """988 with 'press 2' and the AYUDA text, 911, the county's Access &
    Crisis Line and the relay for deaf callers, each a tel: link; the
    Lifeline's chat linked; the short line at the top named in Spanish."""
    panel = pages[url].select_one("#crisis-help")
    tels = {a["href"] for a in panel.select("a[href^='tel:']")}
    assert {"tel:988", "tel:911", "tel:+18887247240", "tel:711"} <= tels
    text = words(panel)
    assert "marque 2" in text and "AYUDA" in text and "en su idioma" in text
    assert panel.select_one("a[href='https://988lifeline.org/']")
    assert pages[url].select_one("aside.app-crisis-line")["aria-label"] == "Línea de crisis"


@pytest.mark.parametrize("url", SPANISH)
def test_spanish_search_metadata(pages, url):
    """Title, description and Open Graph in Spanish; JSON-LD says inLanguage es."""
    soup = pages[url]
    data = content_pages()[url]
    assert soup.find("meta", property="og:locale")["content"] == "es_US"
    assert soup.find("meta", property="og:title")["content"] == data.fields["title"]
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    page = next(block for block in blocks if block["@type"] == "MedicalWebPage")
    assert page["inLanguage"] == "es"
    assert page["name"] == data.fields["title"]


def test_notice_shows_its_spanish_text_on_spanish_pages(pages, build_day):
    """One notice, two texts: the Spanish pages show the Spanish one (or
    the English one, marked lang=en, while there is none)."""
    for notice in active_notices(build_day):
        banner = pages["/es/"].select_one(f"#notice-{notice['slug']}-title").find_parent("section")
        text = notice["texts"].get("es")
        if text:
            assert words(banner.h2).startswith(text["title"])
        else:
            assert banner["lang"] == "en"
            assert words(banner.h2).startswith(notice["title"])


def test_sitemap_lists_both_editions_with_alternates(site):
    """Every page of both editions is in sitemap.xml; translated pages carry
    xhtml:link alternates for en, es and x-default."""
    sitemap = BeautifulSoup((site / "sitemap.xml").read_text(), "xml")
    entries = {url.loc.string: url for url in sitemap.find_all("url")}
    for url in PAGES:
        assert url in entries, f"{url} is not in the sitemap"
        links = {link["hreflang"]: link["href"] for link in entries[url].find_all("link")}
        if url in TWINS:
            assert links[lang_of_url(TWINS[url])] == TWINS[url]
            assert links[lang_of_url(url)] == url and "x-default" in links


def test_theme_catalog_is_complete_and_current():
    """Every word the templates and plugins mark for translation has a
    Spanish translation, none fuzzy, and the catalog has no stale words
    (run `invoke messages` after changing the theme's words)."""
    wanted = {message.id for message in messages.extracted() if message.id}
    assert wanted, "no translatable words found: babel.cfg is wrong"
    missing = sorted(wanted - set(CATALOG))
    stale = sorted(set(CATALOG) - wanted)
    assert not missing, f"untranslated in theme/translations/es: {missing}"
    assert not stale, f"no longer used, run invoke messages: {stale}"


def test_translation_version_follows_the_english_words(tmp_path):
    """The version changes with the English text, not with its wrapping or
    with fields a translator does not translate."""

    def version(text):
        path = tmp_path / "page.md"
        path.write_text(text, encoding="utf-8")
        return translations.version_of(datafile.read(path))

    base = version("Title: A\nSummary: B\nReviewed: 2026-01-01\n\nOne two\nthree.\n")
    assert base == version("Title: A\nSummary: B\nReviewed: 2026-02-02\n\nOne two three.\n")
    assert base != version("Title: A\nSummary: B\nReviewed: 2026-01-01\n\nOne two four.\n")
    assert base != version("Title: A2\nSummary: B\nReviewed: 2026-01-01\n\nOne two three.\n")


def test_spanish_pages_live_under_es():
    """A page's language comes from its folder, nothing else."""
    settings = {"PATH": str(CONTENT), "PAGE_PATHS": ["pages"], "DEFAULT_LANG": "en"}
    pages_folder = Path(CONTENT) / "pages"
    assert translations.language_of(str(pages_folder / "es" / "index.md"), settings) == "es"
    assert translations.language_of(str(pages_folder / "index.md"), settings) == "en"
    assert translations.language_of(str(pages_folder / "es.md"), settings) == "en"


def test_the_404_page_points_spanish_readers_to_the_spanish_home(all_documents):
    """A visitor lost on a wrong address finds the Spanish edition, in Spanish."""
    pointer = all_documents["/404.html"].find("p", lang="es")
    assert pointer.a["href"] == "/es/"
    assert all_documents["/404.html"].select_one(".app-header__lang")["href"] == "/es/"
