"""The fields an editor writes, declared once per kind of file, and the one
checker for all of them.

Each schema is a table, field: (kind, required, why), for pages, notices,
the center's details (content/center.txt) and the redirects list
(content/redirects.txt). `check()` reads one file's `Key: value` lines
against its schema and answers with typed values and `Problem`s; every
validator answers `Refused(what, fix)`, so a problem is data from the moment
it is found. `content_checks`, `notices`, `center` and `redirects` call
`check()`; `page_meta` reads typed values with `parse()`. The tests and
EDITING.md refer to these tables. Keys are case-insensitive and `-` equals
`_`.
"""

import datetime
import difflib
import re
from dataclasses import dataclass
from typing import NamedTuple

from . import datafile, placeholders
from .problems import Problem, Refused

DESCRIPTION_MAX = 160
TEXT_MAX = 300
ADDRESS_MAX = 200  # the nginx map is sized for this (tools/nginx_conf.py)
DATE_FORMAT = "%Y-%m-%d"
# A date outside these years is a typo (and year 9999 has no "one year on").
FIRST_YEAR, LAST_YEAR = 1990, 2100
DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
SECTIONS = ("about-iop", "getting-care", "for-families", "about-us", "footer")


class Field(NamedTuple):
    kind: str
    required: bool
    why: str
    choices: tuple = ()  # kind "choice": the allowed values, lower case
    low: int = 0  # kind "integer": the range, both ends included
    high: int = 0
    after: str = ""  # kind "date": a date field this one may not precede
    gap: int = 0  # days it must be after `after` (0: the same day is fine)


@dataclass(frozen=True)
class Schema:
    name: str  # what the file is, for messages: "page", "notice"
    fields: dict  # name: Field
    forbidden: dict  # name: why an editor may not set it


# --- The tables ----------------------------------------------------------------

PAGE_FIELDS = {
    "title": Field("text", True, "the page heading, the browser tab and search results"),
    "summary": Field("description", True, "the search-result description; at most 160 characters"),
    "reviewed": Field("past-date", True, "shown as 'Page last reviewed'; YYYY-MM-DD"),
    "next_review": Field(
        "date",
        False,
        "shown as 'Next review due'; default one year on",
        after="reviewed",
        gap=1,
    ),
    "reviewed_by": Field(
        "person", False, "the clinician who reviewed the page: 'Name, credential'"
    ),
    "nav_title": Field("text", False, "a shorter label for the navigation"),
    "nav_order": Field(
        "integer", False, "position in the navigation; absent = not listed", low=1, high=99
    ),
    "status": Field("choice", False, "'draft' keeps the page off the site", choices=("draft",)),
    "to_confirm": Field("text", False, "what the center must still check on this page"),
    "section": Field("choice", False, "where the page belongs in the site", choices=SECTIONS),
    "photo": Field("photo", False, "a photo shown after the first paragraph"),
    "photo_alt": Field(
        "text", False, "what the photo shows, for people who cannot see it (needed with a photo)"
    ),
}

# Fields Pelican obeys: an address, a layout, a language, a date of its own.
# The site's settings decide them (the address is the file's place under
# content/pages/), so a page may not: one line could move or hide a page.
PELICAN_FIELDS = {
    name: "it steers how the site is built, so the site's settings set it"
    for name in (
        "template",
        "url",
        "save_as",
        "slug",
        "lang",
        "translation",
        "category",
        "tags",
        "tag",
        "date",
        "modified",
        "author",
        "authors",
        "keywords",
        "override_url",
        "page_order",
        "path",
    )
}

# A page in a translation folder (content/pages/es/): its own words, and
# which English page, at which version, it translates. Where it sits in the
# menus and when it was clinically reviewed are the English page's
# (plugins/reading/translations.py copies them), so the two editions never disagree.
INHERITED = {
    name: "the translation takes it from the English page it translates"
    for name in ("section", "nav_order", "reviewed", "next_review", "reviewed_by")
}
TRANSLATION_FIELDS = {
    "title": PAGE_FIELDS["title"],
    "summary": PAGE_FIELDS["summary"],
    "nav_title": PAGE_FIELDS["nav_title"],
    "status": PAGE_FIELDS["status"],
    "to_confirm": PAGE_FIELDS["to_confirm"],
    "photo": PAGE_FIELDS["photo"],
    "photo_alt": PAGE_FIELDS["photo_alt"],
    "translation_of": Field(
        "text", True, "the English page this translates, e.g. intensive-outpatient/benefits.md"
    ),
    "translation_checked": Field(
        "sign-off",
        False,
        "the medical translator's check: which English version, when, by whom "
        "(the build names the line to write)",
    ),
}

NOTICE_FIELDS = {
    "title": Field("text", True, "the notice's heading"),
    "level": Field(
        "choice",
        True,
        "info (blue), warning (yellow) or urgent (red)",
        choices=("info", "warning", "urgent"),
    ),
    "start": Field("date", True, "the first day it shows; YYYY-MM-DD"),
    # No `after="start"`: an End before the Start is how an editor takes a
    # notice down at once (EDITING.md), a note in plugins/reading/notices.py.
    "end": Field("date", True, "the last day it shows; YYYY-MM-DD"),
}

CENTER_FIELDS = {
    "name": Field("text", True, "the center's name"),
    "phone": Field("phone", True, "a 10-digit US number, e.g. 619-555-0142"),
    "street": Field("text", True, "the street address"),
    "city": Field("text", True, "the city"),
    "region": Field("text", True, "the state, e.g. CA"),
    "postal_code": Field("zip", True, "the ZIP code, e.g. 92101"),
    "hours": Field("hours", True, "opening hours, e.g. Mo-Fr 08:00-18:00"),
    "country": Field("text", False, "the country code; US if left out"),
    "status": Field(
        "choice", False, "'placeholder' while the details are not real", choices=("placeholder",)
    ),
    "confirmed_by": Field("person", False, "who confirmed these details: 'Name, role'"),
    "confirmed": Field("past-date", False, "the day they confirmed them; YYYY-MM-DD"),
}

# Who the center asks for each fact (plugins/reading/facts.py); the checklist
# groups by it. The translator answers what is asked in Spanish.
OWNERS = ("clinical director", "admissions", "compliance", "marketing")
FACT_FIELDS = {
    "question": Field("text", True, "what the center is asked, in plain words"),
    "owner": Field("choice", True, "who answers it: " + ", ".join(OWNERS), choices=OWNERS),
    "answer": Field("text", False, "the answer, in English, as pages show it"),
    "answer_es": Field("text", False, "the answer in Spanish, as Spanish pages show it"),
    "confirmed_by": Field("person", False, "who confirmed the answer: 'Name, role'"),
    "confirmed": Field("past-date", False, "the day they confirmed it; YYYY-MM-DD"),
}

# One line of content/redirects.txt, read as two fields.
REDIRECT_FIELDS = {
    "old": Field("address", True, "the retired address, e.g. /iop/"),
    "new": Field("address", True, "the page it leads to now"),
}

PAGE = Schema("page", PAGE_FIELDS, PELICAN_FIELDS)
# The fields of the translator's check before it named its date and its
# translator in one line: a bare version anyone could copy.
REPLACED = {
    name: "the translator's check is one line now, 'Translation-checked: VERSION on DATE by NAME'"
    for name in ("translation_version", "translation_reviewed_by")
}
TRANSLATION = Schema("translation", TRANSLATION_FIELDS, {**PELICAN_FIELDS, **INHERITED, **REPLACED})
NOTICE = Schema("notice", NOTICE_FIELDS, {})
# A notice's text in another language (content/notices/es/<same name>.md):
# one notice, two texts, the same dates and level (the English file's).
NOTICE_TRANSLATION = Schema(
    "notice translation",
    {"title": NOTICE_FIELDS["title"]},
    {
        name: "a translated notice shows on the English notice's dates, at its level"
        for name in ("level", "start", "end")
    },
)
CENTER = Schema("center", CENTER_FIELDS, {})
FACT = Schema("fact", FACT_FIELDS, {})
REDIRECT = Schema("redirect", REDIRECT_FIELDS, {})


# --- One validator per kind: the typed value, or Refused(what, fix) -----------


def normal_key(key):
    return key.lower().replace("-", "_")


def label(name):
    """A field's name as an editor writes it: next_review -> Next-review."""
    return name.replace("_", "-").capitalize()


def parse_date(value):
    """A YYYY-MM-DD date that exists, or Refused saying how to write one."""
    try:
        day = datetime.datetime.strptime(value.strip(), DATE_FORMAT).date()
    except ValueError:
        raise Refused(
            f"'{value}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-26"
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Refused(
            f"'{value}' is not a likely date", f"write a year from {FIRST_YEAR} to {LAST_YEAR}"
        )
    return day


def parse_integer(value, low=None, high=None):
    text = value.strip()
    if not re.fullmatch(r"[0-9]{1,6}", text):
        raise Refused(f"'{value}' is not a whole number", "write e.g. 3")
    number = int(text)
    if low is not None and not low <= number <= high:
        raise Refused(f"{number} is out of range", f"use a number from {low} to {high}")
    return number


def parse_text(value):
    text = value.strip()
    if len(text) > TEXT_MAX:
        raise Refused(f"{len(text)} characters long", f"shorten it to {TEXT_MAX} or fewer")
    return text


def parse_person(value):
    """A person's name and credential ("Dr. Ana Ruiz, MD"), never a
    placeholder ("TBD", "pendiente") or a single word."""
    text = parse_text(value)
    problem = placeholders.name_problem(text)
    if problem:
        raise Refused(
            f"'{text[:60]}' is not a person's name ({problem})",
            "write 'Name, credential' (e.g. Dr. Ana Ruiz, MD) once they have checked it; "
            "until then leave the line out",
        )
    return text


def parse_description(value):
    text = value.strip()
    if len(text) > DESCRIPTION_MAX:
        raise Refused(
            f"the summary is {len(text)} characters", f"shorten it to {DESCRIPTION_MAX} or fewer"
        )
    return text


def parse_choice(value, choices):
    text = value.strip().lower()
    if text not in choices:
        raise Refused(f"'{value.strip()}' is not allowed", f"use one of: {', '.join(choices)}")
    return text


def phone_parts(value):
    """(area, exchange, line) of a North American number, or None."""
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01" or re.search(r"[^0-9 ()+.\-]", value):
        return None
    return digits[:3], digits[3:6], digits[6:]


def parse_phone(value):
    parts = phone_parts(value)
    if not parts:
        raise Refused(
            f"'{value}' is not a phone number", "write a 10-digit US number, e.g. 619-555-0142"
        )
    return parts


def parse_zip(value):
    if not re.fullmatch(r"[0-9]{5}(-[0-9]{4})?", value.strip()):
        raise Refused(f"'{value}' is not a ZIP code", "write 5 digits, e.g. 92101")
    return value.strip()


HOURS_PART = re.compile(
    r"(?P<first>Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?P<last>Mo|Tu|We|Th|Fr|Sa|Su))?"
    r"\s+(?P<opens>\d\d:\d\d)-(?P<closes>\d\d:\d\d)"
)
HOURS_FIX = "write e.g. 'Mo-Fr 08:00-20:00; Sa 09:00-13:00' (times 00:00 to 24:00)"


def clock(hhmm, part):
    """Minutes since midnight of a 24-hour time from 00:00 to 24:00."""
    hours, minutes = int(hhmm[:2]), int(hhmm[3:])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise Refused(f"'{hhmm}' in '{part}' is not a time of day", HOURS_FIX)
    return hours * 60 + minutes


def hours_group(part):
    """(day codes, opens, closes) of one 'Mo-Fr 08:00-18:00' group."""
    match = HOURS_PART.fullmatch(part)
    if not match:
        raise Refused(f"'{part}' is not a day range and hours", HOURS_FIX)
    first = DAY_CODES.index(match["first"])
    last = DAY_CODES.index(match["last"] or match["first"])
    if last < first:
        raise Refused(f"'{part}' has its days in the wrong order", "write e.g. Mo-Fr")
    if clock(match["opens"], part) >= clock(match["closes"], part):
        raise Refused(f"'{part}' closes before it opens", HOURS_FIX)
    return DAY_CODES[first : last + 1], match["opens"], match["closes"]


def parse_hours(value):
    groups = [hours_group(p.strip()) for p in value.split(";") if p.strip()]
    if not groups:
        raise Refused("no opening hours given", HOURS_FIX)
    return groups


ADDRESS = re.compile(r"/[a-z0-9._~/-]*", re.I)


def parse_address(value):
    """An address of this site: /folders/ of letters, digits and - . _ ~,
    never a hidden (.git) or parent (..) folder, nor an empty one (//)."""
    if not ADDRESS.fullmatch(value):
        raise Refused(
            f"'{value[:60]}' is not a site address",
            "start it with / and use letters, digits, - and /",
        )
    if len(value) > ADDRESS_MAX:
        raise Refused(
            f"the address '{value[:40]}...' is {len(value)} characters long",
            f"shorten it to {ADDRESS_MAX} characters or fewer",
        )
    if "//" in value:
        raise Refused(f"'{value[:60]}' has an empty folder (//)", "write one / between folders")
    if any(segment.startswith(".") for segment in value.split("/")):
        raise Refused(
            f"'{value[:60]}' names a hidden or parent folder (a name starting with '.')",
            "use the address a visitor sees, e.g. /intensive-outpatient/",
        )
    return value


VERSION = re.compile(r"[0-9a-f]{12}")


def parse_version(value):
    value = value.strip().lower()
    if not VERSION.fullmatch(value):
        raise Refused(
            f"'{value}' is not a version",
            "copy the 12-letter version the build names, e.g. 3f2a9c01b7de",
        )
    return value


SIGN_OFF = re.compile(r"(?P<version>[0-9a-f]{12})\s+on\s+(?P<date>\S+)\s+by\s+(?P<who>\S.*)", re.I)
SIGN_OFF_FIX = (
    "write it as 'VERSION on YYYY-MM-DD by Name, credential' "
    "(the build names the version), e.g. 3f2a9c01b7de on 2026-11-26 by Ana Pérez, CHI"
)


@dataclass(frozen=True)
class SignOff:
    """A translator's check: the English version checked, the day, who."""

    version: str
    day: datetime.date
    who: str


def parse_sign_off(value):
    """A translator's sign-off, or Refused saying how to write one: one line
    naming the English version, the day and the translator, so a version
    alone never passes for a check."""
    match = SIGN_OFF.fullmatch(value.strip())
    if not match:
        raise Refused(f"'{value.strip()[:60]}' is not a translator's check", SIGN_OFF_FIX)
    try:
        day = parse_date(match["date"])
    except Refused as refused:
        raise Refused(f"the date {refused.what}", refused.fix) from None
    return SignOff(match["version"].lower(), day, parse_person(match["who"]))


# A page's photo: a file of content/images/ named as that folder requires
# (plugins/reading/content_files.py), written as Markdown writes a photo's address.
PHOTO = re.compile(r"\{static\}/images/[a-z0-9]+(?:-[a-z0-9]+)*\.(?:jpg|jpeg|png|webp)")


def parse_photo(value):
    value = value.strip()
    if not PHOTO.fullmatch(value):
        raise Refused(
            f"'{value[:60]}' is not a photo of the site",
            "choose it in the editor, or write {static}/images/name.jpg for a file in "
            "content/images/ (lowercase letters, digits and hyphens)",
        )
    return value


KINDS = {
    "photo": parse_photo,
    "version": parse_version,
    "text": parse_text,
    "description": parse_description,
    "date": parse_date,
    "past-date": parse_date,
    "phone": parse_phone,
    "zip": parse_zip,
    "hours": parse_hours,
    "address": parse_address,
    "sign-off": parse_sign_off,
    "person": parse_person,
}


def value_of(field, value):
    """The typed value of one field, or Refused."""
    if field.kind == "integer":
        return parse_integer(value, field.low, field.high)
    if field.kind == "choice":
        return parse_choice(value, field.choices)
    return KINDS[field.kind](value)


def in_order(name, field, day, values, today):
    """Refused when a date is in the future or before the date it follows."""
    if field.kind == "past-date" and today and day > today:
        raise Refused(
            f"{day} is in the future", f"write the day it was done (today is {today} or earlier)"
        )
    earlier = values.get(field.after)
    if earlier and (day - earlier).days < field.gap:
        word = "after" if field.gap else "on or after"
        raise Refused(
            f"{day} is before {label(field.after)} ({earlier})",
            f"make {label(name)} a day {word} {label(field.after)}",
        )


def parse(name, value, table=PAGE_FIELDS):
    """The typed value of a known field (for code reading a value again)."""
    return value_of(table[name], value)


# --- The one checker --------------------------------------------------------------


def layout_problems(data, where):
    """Lines that are not `Key: value`, and keys given twice."""
    problems = [
        Problem(
            where,
            number,
            "this line is not 'Key: value'",
            "add a colon after the key, or a blank line before the text",
        )
        for number in data.stray_lines
    ]
    for number, column, char in data.invisible:
        problems.append(
            Problem(
                where,
                number,
                f"an invisible character ({datafile.character_name(char)}) at column {column}",
                "delete it: retype the line, or paste the text again as plain text",
            )
        )
    for key, number, first in data.repeated:
        problems.append(
            Problem(
                where,
                number,
                f"'{key}' is given twice (first on line {first})",
                "keep one of the two lines",
            )
        )
    return problems


def key_problem(schema, key, line, where):
    """Why a key is not one of the schema's, and what to write instead."""
    if key in schema.forbidden:
        fix = "delete this line (a page's address is its file's place in content/pages/)"
        if key in REPLACED:
            fix = "delete this line; the build names the Translation-checked line to write"
        elif schema.name != "page" and key not in PELICAN_FIELDS:
            fix = "delete this line (the English file's value applies)"
        return Problem(
            where,
            line,
            f"'{label(key)}' is not an editor's field: {schema.forbidden[key]}",
            fix,
        )
    close = difflib.get_close_matches(key, schema.fields, n=1, cutoff=0.6)
    if close:
        return Problem(where, line, f"unknown field '{key}'", f"did you mean '{label(close[0])}'?")
    names = ", ".join(label(name) for name in schema.fields)
    return Problem(where, line, f"unknown field '{key}'", f"use only: {names}")


def missing(name, field, where, line):
    return Problem(
        where,
        line,
        f"missing {name.replace('_', ' ')}",
        f"add a line '{label(name)}: ...' ({field.why})",
    )


def check(schema, data, where, today=None):
    """(typed values, problems) of one file's fields against its schema.

    `data` is a `datafile.DataFile`; `today` is the build's date, which a
    past-date field may not pass.
    """
    problems = layout_problems(data, where)
    for key, line in data.lines.items():
        if key not in schema.fields:
            problems.append(key_problem(schema, key, line, where))
    values = {}
    for name, field in schema.fields.items():
        line = data.lines.get(name, 1)
        text = data.fields.get(name, "")
        if not text.strip():
            if field.required:
                problems.append(missing(name, field, where, line))
            continue
        try:
            values[name] = value_of(field, text)
            if field.kind in ("date", "past-date"):
                in_order(name, field, values[name], values, today)
            if field.kind == "sign-off" and today and values[name].day > today:
                raise Refused(
                    f"{values[name].day} is in the future",
                    f"write the day the translator checked it (today is {today} or earlier)",
                )
        except Refused as refused:
            values.pop(name, None)
            what = f"{name.replace('_', ' ')}: {refused.what}"
            problems.append(Problem(where, line, what, refused.fix))
    return values, problems


def one_year_on(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February (parse_date keeps years far from 9999)
        return day.replace(year=day.year + 1, day=28)
