"""A page whose inputs did not change is not rendered again (the preview).

Rendering every page through the theme is most of a rebuild after one
save: 1,000 pages took about two seconds, for one changed page. In a
process that builds again (the preview's warm worker, plugins/lib/warm.py),
this writer keeps each page's written bytes under a key made of everything
the templates read:

- the page itself: every plain attribute (its HTML as the templates see
  it, with links resolved, its metadata, menus, breadcrumbs, translation
  state, alternates...);
- the site: every page's and translation's plain attributes but their
  text, every static file's address, and the plain values of the build's
  context (the center, the notices, the checklist);
- the settings (plugins/lib/warm.py); code and theme changes start a fresh
  process, which starts with nothing kept.

An unchanged key writes the kept bytes; anything else renders. A page
added, renamed or retitled changes the site's key, so every page renders
again: menus and links stay right. tests/test_warm_build.py proves each
kind of save gives the bytes a fresh process gives.
"""

import os

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..lib import warm

# Not what a template shows of another page: its own text and caches.
OWN = ("_content", "_summary", "_context", "settings", "content", "faq", "to_confirm_html")
RENDERED = warm.Memo()


def plain_attributes(page, leave_out=()):
    return {
        name: value
        for name, value in vars(page).items()
        if name not in leave_out and not name.startswith("_cache")
    }


def site_signature(context):
    pages = [
        *context.get("pages", []),
        *context.get("hidden_pages", []),
        *context.get("draft_pages", []),
    ]
    for page in list(pages):
        pages += getattr(page, "translations", [])
    described = sorted(
        (page.source_path or "", page.url, warm.canonical(plain_attributes(page, OWN)))
        for page in pages
    )
    statics = sorted(static.url for static in context.get("staticfiles", []))
    return warm.signature([described, statics, warm.public(context)])


class WarmWriter(Writer):
    """Pelican's writer, keeping each page's bytes by what rendered them."""

    def write_file(self, name, template, context, relative_urls=False, *args, **kwargs):
        page = kwargs.get("page")
        if page is None or args or not name:
            return super().write_file(name, template, context, relative_urls, *args, **kwargs)
        if not hasattr(self, "_site"):
            self._site = site_signature(context)
        own = plain_attributes(page, ("_context", "settings"))
        key = (name, template.name, relative_urls, warm.canonical(sorted(kwargs.items())))
        key += (self._site, warm.settings_signature(self.settings), page.content)
        key += (warm.canonical(own),)
        kept = RENDERED.get(key)
        path = sanitised_join(self.output_path, name)
        if kept is None:
            super().write_file(name, template, context, relative_urls, **kwargs)
            with open(path, encoding="utf-8") as written:
                RENDERED.put(key, written.read())
            return None
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with self._open_w(path, "utf-8", override=kwargs.get("override_output", False)) as file:
            file.write(kept)
        signals.content_written.send(path, context=dict(context, **kwargs))
        return None


def writer_class(pelican):
    return WarmWriter if warm.enabled(pelican.settings) else None


def register():
    signals.get_writer.connect(writer_class)
