"""Section menus and footer links follow content/: each page of a section
lists its section's pages; every page links to the footer section's pages
(plugins/reading/page_meta.py, components/section_menu.html)."""

from plugins.reading import page_meta
from support import content_pages, lang_of_url, theme_word


def listed_by_section(lang="en"):
    """{section: [urls by Nav-order]} for every page of one edition with a Nav-order."""
    listed = sorted(
        (int(data.fields["nav_order"]), url, data.fields.get("section", "").strip().lower())
        for url, data in content_pages().items()
        if data.fields.get("nav_order") and lang_of_url(url) == lang
    )
    sections = {}
    for _, url, section in listed:
        sections.setdefault(section, []).append(url)
    return sections


def test_a_page_of_a_section_lists_its_section_and_marks_itself(pages):
    """The "In this section" menu: the section's pages in order, this one marked."""
    sections = {lang: listed_by_section(lang) for lang in {lang_of_url(url) for url in pages}}
    for url, soup in pages.items():
        section = content_pages()[url].fields.get("section", "").strip().lower()
        box = soup.select_one("nav.app-section-menu")
        lang = lang_of_url(url)
        if section in page_meta.SECTIONS and section in sections[lang]:
            links = box.select("a")
            assert [a["href"] for a in links] == sections[lang][section], url
            assert [a["href"] for a in links if a.get("aria-current") == "page"] == [url]
            assert theme_word(page_meta.SECTIONS[section], lang) in box.get_text(), url
        else:
            assert box is None, url


def test_every_page_links_to_the_footer_pages(all_documents):
    """Privacy, nondiscrimination and accessibility (the footer section) are
    linked from every page of their edition, the 404 page included."""
    for url, soup in all_documents.items():
        footer = listed_by_section(soup.html["lang"]).get(page_meta.FOOTER, [])
        links = [a["href"] for a in soup.select("footer a") if not a["href"].startswith("tel:")]
        assert links == footer, url
