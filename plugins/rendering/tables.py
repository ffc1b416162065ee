"""Tables from content, readable on a phone: each in a box of its own that
scrolls sideways, and that a keyboard can reach.

A table wider than a phone would push the whole page sideways (WCAG 1.4.10);
in a box with `overflow-x: auto` only the table scrolls. A scrolling box must
be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable), so
the box is a focusable, named region. Runs after content_checks (listed
before us), which checks what the editor wrote; the box is ours.

Settings: none.
"""

import functools

from pelican import signals

from ..lib.markup import plain_text, spans
from ..lib.wording import translatable, translate
from .images import forget_rendered

TABLE = translatable("Table")
NAMED_TABLE = translatable("Table: %(heading)s")


def label(table, words=lambda text: text):
    """A name for the region, in the page's language (`words` translates the
    theme's catalog): its first column heading, if it has one."""
    cells = spans(table, "<th", "</th>")
    first = plain_text(table[cells[0][0] : cells[0][1]]) if cells else ""
    return words(NAMED_TABLE) % {"heading": first} if first else words(TABLE)


def boxed(table, words=lambda text: text):
    name = label(table, words).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return f'<div class="app-table" role="region" aria-label="{name}" tabindex="0">{table}</div>'


def box_all(markup, words=lambda text: text):
    """Every table of a page's HTML in its box (one pass, in order)."""
    out, position = [], 0
    for start, end in spans(markup, "<table", "</table>"):
        out += [markup[position:start], boxed(markup[start:end], words)]
        position = end
    return "".join(out) + markup[position:]


def box_tables(generators):
    pages_generator = next(g for g in generators if hasattr(g, "hidden_pages"))
    generator = pages_generator
    for page in generator.pages + generator.hidden_pages + generator.draft_pages:
        if page._content and "<table" in page._content:
            words = functools.partial(translate, generator.settings, page.lang)
            page._content = box_all(page._content, words)
            forget_rendered(page)


def register():
    # After the checks passed, before any page is written.
    signals.all_generators_finalized.connect(box_tables)
