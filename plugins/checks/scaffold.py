"""A new page's starting text, and the check that its guidance was replaced.

`invoke new-page` writes every field a page needs (Nav-order and Section
included, so the page is in the menu at once) and a few lines of guidance.
Guidance left in a page is a WARNING: the preview shows the page, the
production build refuses it, so an untouched scaffold never goes live.

Settings: none.
"""

import datetime
import os

from pelican import signals

from ..lib.problems import WARNING, Problem, display_path, record

# Each line of guidance, as the scaffold writes it: found in a page, it is
# guidance nobody replaced.
SUMMARY = "Say in one sentence what this page tells a family (160 characters at most)."
GUIDANCE = (
    SUMMARY,
    "Start with the most important thing a family needs to know. Use short",
    "## A heading for the next part",
    "Write each part under its own heading. Link to another page like this:",
    "Delete these guidance paragraphs, then check the preview.",
)
TEMPLATE = """\
Title: {title}
Nav-title: {title}
Nav-order: {nav_order}
Section: {section}
Summary: {summary}
Reviewed: {today}

{guidance_1}
sentences and everyday words: the site aims for a reading age of about 13.

{guidance_2}

{guidance_3}
[the home page]({{filename}}/pages/index.md).

{guidance_4}
"""


def new_page_text(title, nav_order, section, today=None):
    """The text of a new page with every field a page needs."""
    day = today or datetime.date.today()
    return TEMPLATE.format(
        title=title.strip(),
        nav_order=nav_order,
        section=section,
        summary=SUMMARY,
        today=day.isoformat(),
        guidance_1=GUIDANCE[1],
        guidance_2=GUIDANCE[2],
        guidance_3=GUIDANCE[3],
        guidance_4=GUIDANCE[4],
    )


def leftover_guidance(path):
    """[Problem] for each scaffold line still in a page's file."""
    try:
        with open(path, encoding="utf-8") as source:
            lines = source.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # content_checks reports unreadable files
    return [
        Problem(
            display_path(path),
            number,
            "the new-page guidance is still here",
            "replace it with the page's own words",
            WARNING,
        )
        for number, line in enumerate(lines, start=1)
        if any(guide in line for guide in GUIDANCE)
    ]


def check_guidance(generator):
    problems = []
    for page in generator.pages + generator.hidden_pages + generator.draft_pages:
        if os.path.isfile(page.source_path):
            problems += leftover_guidance(page.source_path)
    record(generator.context, problems)


def register():
    # Pages read, checks not yet run: content_checks gathers what we record.
    signals.page_generator_finalized.connect(check_guidance)
