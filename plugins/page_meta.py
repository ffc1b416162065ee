"""What templates need of each page, derived once from its metadata.

Adds to every page: `description` (the summary as plain text), `reviewed`
and `next_review` (dates), `reviewed_by`, `breadcrumbs` (home to parent,
from the URL path), and to the context `navigation` (pages with a
`Nav-order`, in that order). Values that do not parse are left out here;
`content_checks` reports them.
"""

import html
import re

from pelican import signals

from . import fields

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


def navigation(pages):
    listed = [page for page in pages if page.nav_order is not None]
    return [crumb(page) for page in sorted(listed, key=lambda p: p.nav_order)]


def enrich_pages(generator):
    pages = generator.pages + generator.hidden_pages
    for page in pages:
        page.description = plain_text(metadata_value(page, "summary"))
        page.nav_title = metadata_value(page, "nav_title") or page.title
        page.nav_order = typed(page, "nav_order")
        add_review_dates(page)
    by_url = {page.url: page for page in pages}
    for page in pages:
        add_breadcrumbs(page, by_url)
    generator.context["navigation"] = navigation(generator.pages)


def register():
    # After all pages are read, so breadcrumbs can name each page's parents.
    signals.page_generator_finalized.connect(enrich_pages)
