"""Section menus and footer links follow content/: each page of a section
lists its section's pages; every page links to the footer section's pages
(plugins/page_meta.py, components/section_menu.html)."""

from plugins import page_meta
from support import content_pages


def listed_by_section():
    """{section: [urls by Nav-order]} for every page with a Nav-order."""
    listed = sorted(
        (int(data.fields["nav_order"]), url, data.fields.get("section", "").strip().lower())
        for url, data in content_pages().items()
        if data.fields.get("nav_order")
    )
    sections = {}
    for _, url, section in listed:
        sections.setdefault(section, []).append(url)
    return sections


def test_a_page_of_a_section_lists_its_section_and_marks_itself(pages):
    """The "In this section" menu: the section's pages in order, this one marked."""
    sections = listed_by_section()
    for url, soup in pages.items():
        section = content_pages()[url].fields.get("section", "").strip().lower()
        box = soup.select_one("nav.app-section-menu")
        if section in page_meta.SECTIONS and section in sections:
            links = box.select("a")
            assert [a["href"] for a in links] == sections[section], url
            assert [a["href"] for a in links if a.get("aria-current") == "page"] == [url]
            assert page_meta.SECTIONS[section] in box.get_text(), url
        else:
            assert box is None, url


def test_every_page_links_to_the_footer_pages(all_documents):
    """Privacy, nondiscrimination and accessibility (the footer section) are
    linked from every page, the 404 page included."""
    footer = listed_by_section().get(page_meta.FOOTER, [])
    for url, soup in all_documents.items():
        links = [a["href"] for a in soup.select("footer a") if not a["href"].startswith("tel:")]
        assert links == footer, url
