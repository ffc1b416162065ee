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

Each language has its own menu, footer links and home page: every page gets
`navigation` and `footer_links` of its language (the context keeps the
default language's, for the 404 page). Section names are English here and
translated by the theme (`translatable`, plugins/rendering/theme_i18n.py).
"""

from pelican import signals

from ..lib import fields
from ..lib.markup import plain_text
from ..lib.wording import translatable
from . import translations

# Section key (the page's `Section` field) -> its name in the menu, in menu order.
SECTIONS = {
    "about-iop": translatable("About IOP"),
    "getting-care": translatable("Getting care"),
    "for-families": translatable("For families"),
    "about-us": translatable("About us"),
}
# Pages of this section are linked from every page's footer, not the menu.
FOOTER = "footer"


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
    """Home (of the page's language), then each page whose URL is a prefix
    of this one's."""
    trail, path = [], ""
    home = translations.home_url(page.lang, page.settings)
    if page.url != home:
        if home in by_url:
            trail.append(crumb(by_url[home]))
        for segment in page.url.strip("/").split("/")[:-1]:
            path += segment + "/"
            if path in by_url and path != home:
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
    """The page's section key; plugins/lib/fields.py refuses an unknown one."""
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
    default = generator.settings.get("DEFAULT_LANG", "en")
    for lang in sorted({page.lang for page in pages} | {default}):
        published = [page for page in generator.pages if page.lang == lang]
        menu = navigation(published)
        footer = [crumb(page) for page in by_order(published) if page.section == FOOTER]
        sections = {item["section"]: item for item in menu if item["section"]}
        for page in pages:
            if page.lang != lang:
                continue
            page.navigation, page.footer_links = menu, footer
            section = sections.get(page.section)
            page.section_menu = (
                {"title": section["text"], "items": section["pages"]} if section else None
            )
        if lang == default:
            generator.context["navigation"] = menu
            generator.context["footer_links"] = footer


def register():
    # After all pages are read, so breadcrumbs can name each page's parents.
    signals.page_generator_finalized.connect(enrich_pages)
