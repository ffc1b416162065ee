"""The page metadata an editor writes, declared once: field, kind, why.

`content_checks` uses this table to check every page and `page_meta` to read
values; the tests and EDITING.md refer to it. Keys are written `Key: value`
at the top of a page; case does not matter and `-` equals `_`.
"""

import datetime
import difflib

DESCRIPTION_MAX = 160

# name: (kind, required, why)
PAGE_FIELDS = {
    "title": ("text", True, "the page heading, the browser tab and search results"),
    "summary": (
        "description",
        True,
        "the search-result description; at most 160 characters",
    ),
    "reviewed": ("date", True, "shown as 'Page last reviewed'; YYYY-MM-DD"),
    "next_review": ("date", False, "shown as 'Next review due'; default one year on"),
    "reviewed_by": ("text", False, "the clinician who reviewed the page"),
    "nav_title": ("text", False, "a shorter label for the navigation"),
    "nav_order": ("integer", False, "position in the navigation; absent = not listed"),
    # Set by the site's settings for special pages; editors leave these alone.
    "save_as": ("text", False, "where the page is written (settings only)"),
    "url": ("text", False, "the page's address (settings only)"),
    "slug": ("text", False, "taken from the file's path"),
    "template": ("text", False, "the theme template to use"),
    "status": ("text", False, "'hidden' keeps a page out of the navigation"),
}

DATE_FORMAT = "%Y-%m-%d"


def normal_key(key):
    return key.lower().replace("-", "_")


def parse_date(value):
    """A YYYY-MM-DD date, or ValueError saying how to write one."""
    try:
        return datetime.datetime.strptime(value.strip(), DATE_FORMAT).date()
    except ValueError:
        raise ValueError(
            f"'{value}' is not a date - write it as YYYY-MM-DD, e.g. 2026-11-26"
        ) from None


def parse_integer(value):
    try:
        return int(value.strip())
    except ValueError:
        raise ValueError(f"'{value}' is not a whole number - write e.g. 3") from None


PARSERS = {"date": parse_date, "integer": parse_integer}


def parse(name, value):
    """The typed value of a known field (text stays text)."""
    kind = PAGE_FIELDS[name][0]
    return PARSERS.get(kind, str)(value)


def likely_key(key):
    """The known key an unknown one was probably meant to be, or None."""
    close = difflib.get_close_matches(normal_key(key), PAGE_FIELDS, n=1, cutoff=0.6)
    return close[0] if close else None


def one_year_on(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
