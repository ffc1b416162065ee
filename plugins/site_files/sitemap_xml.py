"""sitemap.xml: every public page with its last-reviewed date.

Ours rather than pelican-sitemap 1.2.2: that plugin keeps its queue in a
module-level object that a build stopped by a content check leaves behind,
so the next build in the same process (the live preview, the tests) writes
no sitemap at all; it also dates pages without a `modified` field by the
build's clock, which breaks byte-identical builds. Here the date is the
page's `Reviewed` date and nothing outlives one build.

Each page that has a twin in the other language lists every edition
(itself included) and x-default as `xhtml:link` alternates, as search
engines ask (plugins/reading/translations.py gives `alternates`).

Settings: none. Drafts are left out (they are never published), as are
pages held back and the 404 page (a template page, never a content page).
"""

import os
from xml.sax.saxutils import escape

from pelican import signals

HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
ENTRY = "<url><loc>{loc}</loc><lastmod>{lastmod}</lastmod>{links}</url>\n"
LINK = '<xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>'


def alternate_links(page):
    if getattr(page, "twin", None) is None:
        return ""
    return "".join(
        LINK.format(lang=escape(link["lang"]), href=escape(link["href"]))
        for link in page.alternates
    )


def sitemap_text(pages, siteurl):
    entries = []
    for page in sorted(pages, key=lambda p: p.url):
        reviewed = getattr(page, "reviewed", None)
        lastmod = reviewed.isoformat() if reviewed else ""
        entry = ENTRY.format(
            loc=escape(f"{siteurl}/{page.url}"), lastmod=lastmod, links=alternate_links(page)
        )
        entries.append(entry if lastmod else entry.replace("<lastmod></lastmod>", ""))
    return HEADER + "".join(entries) + "</urlset>\n"


def write_sitemap(generator, writer):
    """After the pages are written: their list and dates are final."""
    path = os.path.join(generator.output_path, "sitemap.xml")
    with open(path, "w", encoding="utf-8") as sitemap:
        sitemap.write(sitemap_text(generator.pages, generator.settings.get("SITEURL", "")))


def register():
    signals.page_writer_finalized.connect(write_sitemap)
