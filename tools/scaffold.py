"""The text of a new page: every required field, filled in with guidance."""

import datetime

TEMPLATE = """\
Title: {title}
Summary: Say in one sentence what this page tells a family (160 characters at most).
Reviewed: {today}
Nav-title: {title}

Start with the most important thing a family needs to know. Use short
sentences and everyday words: the site aims for a reading age of about 13.

## A heading for the next part

Write each part under its own heading. Link to another page like this:
[What is an IOP?]({{filename}}/pages/intensive-outpatient.md).

Delete these guidance paragraphs, then check the preview.
"""


def new_page_text(title, today=None):
    day = today or datetime.date.today()
    return TEMPLATE.format(title=title.strip(), today=day.isoformat())
