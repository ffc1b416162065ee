"""Tables from content, readable on a phone: each in a box of its own that
scrolls sideways, and that a keyboard can reach.

A table wider than a phone would push the whole page sideways (WCAG 1.4.10);
in a box with `overflow-x: auto` only the table scrolls. A scrolling box must
be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable), so
the box is a focusable, named region. Runs after content_checks (listed
before us), which checks what the editor wrote; the box is ours.

Settings: none.
"""

import re

from pelican import signals

from .images import forget_rendered

TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S | re.I)
TAGS = re.compile(r"<[^>]+>")


def label(table):
    """A name for the region: its first column heading, if it has one."""
    cell = HEADER_CELL.search(table)
    first = " ".join(TAGS.sub(" ", cell[1]).split()) if cell else ""
    return f"Table: {first}" if first else "Table"


def boxed(match):
    table = match[0]
    name = label(table).replace('"', "&quot;")
    return f'<div class="app-table" role="region" aria-label="{name}" tabindex="0">{table}</div>'


def box_tables(generators):
    pages_generator = next(g for g in generators if hasattr(g, "hidden_pages"))
    generator = pages_generator
    for page in generator.pages + generator.hidden_pages + generator.draft_pages:
        if page._content and "<table" in page._content:
            page._content = TABLE.sub(boxed, page._content)
            forget_rendered(page)


def register():
    # After the checks passed, before any page is written.
    signals.all_generators_finalized.connect(box_tables)
