"""What templates need of each page, derived once from its metadata.

Adds to every page: `description` (the summary as plain text), `reviewed`
and `next_review` (dates), `reviewed_by`, `breadcrumbs` (home to parent,
from the URL path), `section` and `section_menu` (the pages of its section,
for the "In this section" menu). Adds to the context `navigation` (the main
menu: pages with a `Nav-order` and no section, then one item per section,
linking to the section's first page, with its pages) and `footer_links`
(pages of the footer section: privacy, nondiscrimination, accessibility).
Pages are ordered by `Nav-order`; a page without one is in no menu. Values
that do not parse are left out here; `content_checks` reports them.
"""

import html
import re

from pelican import signals

from . import fields

# Section key (the page's `Section` field) -> its name in the menu, in menu order.
SECTIONS = {
    "about-iop": "About IOP",
    "getting-care": "Getting care",
    "for-families": "For families",
    "about-us": "About us",
}
# Pages of this section are linked from every page's footer, not the menu.
FOOTER = "footer"

TAGS = re.compile(r"<[^>]+>")


def plain_text(markup):
    return " ".join(html.unescape(TAGS.sub(" ", markup or "")).split())


def metadata_value(page, name):
    """A field's text; Pelican gives a list for a key written twice, which
    content_checks reports, so the first is enough here."""
    for key, value in page.metadata.items():
        if fields.normal_key(key) == name:
            return str(value[0] if isinstance(value, list) and value else value)
    return None


def typed(page, name):
    value = metadata_value(page, name)
    try:
        return fields.parse(name, value) if value else None
    except ValueError:
        return None


def add_review_dates(page):
    page.reviewed = typed(page, "reviewed")
    page.next_review = typed(page, "next_review") or (
        fields.one_year_on(page.reviewed) if page.reviewed else None
    )
    page.reviewed_by = metadata_value(page, "reviewed_by")


def crumb(page):
    siteurl = page.settings.get("SITEURL", "")
    return {"text": page.nav_title, "href": f"{siteurl}/{page.url}", "url": page.url}


def add_breadcrumbs(page, by_url):
    """Home, then each page whose URL is a prefix of this one's."""
    trail, path = [], ""
    if page.url:
        if "" in by_url:
            trail.append(crumb(by_url[""]))
        for segment in page.url.strip("/").split("/")[:-1]:
            path += segment + "/"
            if path in by_url:
                trail.append(crumb(by_url[path]))
    page.breadcrumbs = trail


def by_order(pages):
    listed = [page for page in pages if page.nav_order is not None]
    return sorted(listed, key=lambda page: (page.nav_order, page.url))


def navigation(pages):
    """The main menu: unsectioned pages, then one item per section."""
    listed = by_order(pages)
    items = [dict(crumb(page), section=None, pages=[]) for page in listed if not page.section]
    for key, name in SECTIONS.items():
        members = [crumb(page) for page in listed if page.section == key]
        if members:
            first = members[0]
            items.append(
                {
                    "text": name,
                    "href": first["href"],
                    "url": first["url"],
                    "section": key,
                    "pages": members,
                }
            )
    return items


def section_of(page):
    """The page's section key; plugins/fields.py refuses an unknown one."""
    section = (metadata_value(page, "section") or "").strip().lower()
    return section if section in SECTIONS or section == FOOTER else None


def enrich_pages(generator):
    # Drafts too: the preview shows them with the same dates and menus.
    pages = generator.pages + generator.hidden_pages + generator.draft_pages
    for page in pages:
        page.description = plain_text(metadata_value(page, "summary"))
        page.nav_title = metadata_value(page, "nav_title") or page.title
        page.nav_order = typed(page, "nav_order")
        page.section = section_of(page)
        add_review_dates(page)
    by_url = {page.url: page for page in pages}
    for page in pages:
        add_breadcrumbs(page, by_url)
    menu = navigation(generator.pages)
    sections = {item["section"]: item for item in menu if item["section"]}
    for page in pages:
        section = sections.get(page.section)
        page.section_menu = (
            {"title": section["text"], "items": section["pages"]} if section else None
        )
    generator.context["navigation"] = menu
    footer = [page for page in by_order(generator.pages) if page.section == FOOTER]
    generator.context["footer_links"] = [crumb(page) for page in footer]


def register():
    # After all pages are read, so breadcrumbs can name each page's parents.
    signals.page_generator_finalized.connect(enrich_pages)
