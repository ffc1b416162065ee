"""Each built page: from our theme, titled, one h1, crisis help, contact, review dates.

The facts checked (pages, phone, address, hours) are read from content/.
"""

import functools
import re
from pathlib import Path

import pytest
from pelican.settings import read_settings

from plugins.lib import wording
from plugins.reading import page_meta
from support import ROOT, center_facts, content_pages, lang_of_url, theme_word

CRISIS_TEL = {"tel:988", "tel:911", "tel:+18887247240"}
# The footer says the center's phone is not a crisis line (theme words).
FOOTER_NOTE = (
    "This number is for questions and admissions. It is not a crisis line. "
    "In a crisis, call or text 988, or call 911."
)


@pytest.fixture(scope="module")
def center():
    return center_facts()


def test_every_page_in_content_is_built_at_its_address_and_no_other(pages):
    """Each Markdown file of content/pages/ (drafts aside) is one listed page."""
    assert set(pages) == set(content_pages())


def test_no_outputs_the_theme_does_not_own(site):
    """No tag, category, author, archive or feed pages: Pelican's `simple`
    theme would render them unstyled."""
    files = {p.relative_to(site).as_posix() for p in Path(site).rglob("*") if p.is_file()}
    unexpected = [f for f in files if re.search(r"(tag|categor|author|archive|feed)", f)]
    assert not unexpected
    assert not [f for f in files if f.endswith((".xml", ".atom", ".rss")) and f != "sitemap.xml"]


def test_every_page_comes_from_our_base_template(all_documents):
    for url, soup in all_documents.items():
        assert soup.body.get("class") == ["app-template"], url
        first_link = soup.body.find("a")
        assert "app-skip-link" in first_link["class"], url


def test_every_page_has_its_own_title_ending_with_the_center_s_name(pages, center):
    """The tab and search result read "Page - Center", each title unique."""
    titles = [soup.title.get_text() for soup in pages.values()]
    assert all(title.endswith(f" - {center['name']}") for title in titles), titles
    assert len(set(titles)) == len(titles)
    assert all(len(soup.find_all("title")) == 1 for soup in pages.values())


def test_every_page_has_one_h1_inside_main(all_documents):
    for url, soup in all_documents.items():
        assert len(soup.find_all("h1")) == 1, url
        assert soup.find("main").find("h1"), url


def test_headings_never_skip_a_level(all_documents):
    for url, soup in all_documents.items():
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
        jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not jumps, f"{url}: {jumps}"


def test_every_page_offers_988_911_and_the_county_crisis_line(all_documents):
    for url, soup in all_documents.items():
        crisis = soup.find(id="crisis-help")
        assert crisis and crisis.name == "aside", url
        assert {a["href"] for a in crisis.find_all("a")} >= CRISIS_TEL, url
        lines = read_settings(str(ROOT / "pelicanconf.py"))["CRISIS_LINES"][soup.html["lang"]]
        for line in lines:
            assert f"{line['text']}: {line['number']}" in " ".join(crisis.get_text().split()), url
            assert crisis.find("a", href=f"tel:{line['tel']}"), url


def test_the_crisis_line_at_the_top_is_a_named_landmark(all_documents):
    """Every part of a page sits in a landmark; a screen reader's list of
    them shows crisis help first, in the page's language."""
    for url, soup in all_documents.items():
        line = soup.select_one("aside.app-crisis-line")
        assert line and line["aria-label"], url
        assert line.find("a", href="tel:988") and line.find("a", href="#crisis-help"), url


def test_center_phone_is_a_tel_link_apart_from_crisis_help(all_documents, center):
    """The phone in content/center.txt is in the header and footer, never
    among the crisis lines: admissions is not a crisis service."""
    for url, soup in all_documents.items():
        header_phone = soup.select_one(".app-header__phone a[href^='tel:']")
        footer_phone = soup.select_one("#contact a[href^='tel:']")
        assert header_phone and footer_phone, url
        assert header_phone["href"] == footer_phone["href"] == f"tel:{center['phone_tel']}"
        assert not soup.find(id="crisis-help").find("a", href=header_phone["href"])
        note = theme_word(FOOTER_NOTE, soup.html["lang"])
        assert note in " ".join(soup.find(id="contact").get_text().split()), url


def test_a_deaf_caller_is_told_how_to_reach_the_center(all_documents):
    """711 (California Relay) beside the center's phone, in the page's language."""
    for url, soup in all_documents.items():
        relay = soup.select_one("#contact .app-footer__relay")
        assert relay and relay.find("a", href="tel:711"), url
        assert (
            theme_word("Deaf or hard of hearing? To reach us by relay, call", soup.html["lang"])
            in relay.get_text()
        ), url


def word_in(lang, words):
    return theme_word(words, lang)


def test_every_page_shows_the_center_address_and_hours(all_documents, center):
    """The footer shows the address and every group of hours of center.txt."""
    for url, soup in all_documents.items():
        contact = soup.find(id="contact").get_text(" ")
        assert f"{center['city']}, {center['region']} {center['postal_code']}" in contact, url
        assert center["street"] in contact, url
        lang = soup.html["lang"]
        for hours in center["hours"]:
            line = wording.hours_line(hours, lang, functools.partial(word_in, lang))
            assert line in contact, url


def test_every_content_page_shows_its_review_dates(pages):
    for url, soup in pages.items():
        lang = lang_of_url(url)
        review = " ".join(soup.select_one("main .app-review").get_text(" ").split())
        # US English "November 26, 2026"; Spanish "26 de noviembre de 2026".
        day = r"\w+ \d{1,2}, 20\d\d" if lang == "en" else r"\d{1,2} de \w+ de 20\d\d"
        assert re.search(rf"{theme_word('Page last reviewed', lang)}: {day}", review), url
        assert re.search(rf"{theme_word('Next review due', lang)}: {day}", review), url


def expected_menu(lang="en"):
    """The main menu content/ asks for, in one edition: pages with a
    `Nav-order` and no section, then each section (in page_meta.SECTIONS'
    order) by its first page; {url of each item: [urls of its pages]}."""
    listed = sorted(
        (int(data.fields["nav_order"]), url, data.fields.get("section", "").strip().lower())
        for url, data in content_pages().items()
        if data.fields.get("nav_order") and lang_of_url(url) == lang
    )
    menu = {url: [url] for _, url, section in listed if not section}
    for section in page_meta.SECTIONS:
        members = [url for _, url, key in listed if key == section]
        if members:
            menu[members[0]] = members
    return menu


def test_the_menu_follows_nav_order_and_sections_and_marks_where_you_are(pages):
    """Pages with `Nav-order` are in the main menu, by section; the page being
    read is marked for screen readers (aria-current="page"), or its section
    is (aria-current="true")."""
    for url, soup in pages.items():
        lang = lang_of_url(url)
        menu = expected_menu(lang)
        links = soup.select(f"nav[aria-label='{theme_word('Main', lang)}'] a")
        assert [a["href"] for a in links] == list(menu), url
        marked = {a["href"]: a.get("aria-current") for a in links if a.get("aria-current")}
        expected = {
            item: ("page" if item == url else "true")
            for item, members in menu.items()
            if url in members
        }
        assert marked == expected, url


def test_pages_use_no_javascript_and_one_inlined_stylesheet(all_documents):
    for url, soup in all_documents.items():
        scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
        assert not scripts, url
        assert not soup.find("link", rel="stylesheet"), url
        assert len(soup.find_all("style")) == 1, url
        assert not soup.find(attrs={"style": True}), url
