"""Site-wide notices (the COVID-19 status banner first) with dates.

Each notice is one file in the notices folder: `Title`, `Level`, `Start` and
`End` lines, a blank line, then the message in Markdown. A notice shows on
every page of a build whose date is from its start to its end, inclusive
(San Diego time, or the date given with `--as-of`). The build notes, and
never stops for, a notice that has ended, ends within `warn_days`, or has
not started yet (it is built into no page until its Start date).

Settings, one dict: NOTICES = {
    "path": "notices",   # folder inside the content folder
    "warn_days": 14,     # warn this many days before an end date
    "today": None,       # the build's date (a datetime.date); None = today
}
Templates read the active notices as `notices` in the context.
"""

import datetime
import os
import re
import zoneinfo
from html import escape

import markdown
from pelican import signals

from . import datafile, fields
from .problems import NOTE, Problem, display_path, not_utf8, record, settings_of

DEFAULTS = {"path": "notices", "warn_days": 14, "today": None}
LEVELS = ("info", "warning", "urgent")
REQUIRED = ("title", "level", "start", "end")


def build_date(options, settings):
    """The date this build decides by: set in tests, else today in San Diego."""
    if options["today"]:
        return options["today"]
    zone = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
    return datetime.datetime.now(zone).date()


def message_html(text):
    """Inline Markdown (bold, links) only: a banner is one short paragraph.
    Raw HTML is shown as text, never run: the banner is on every page."""
    html = markdown.markdown(escape(text.strip(), quote=False), output_format="html5")
    return html.removeprefix("<p>").removesuffix("</p>")


def unsafe_link(text):
    """The first javascript: or data: link target in the message, or None."""
    match = re.search(r"\]\(\s*<?((?:javascript|data|vbscript):[^)\s]*)", text, re.I)
    return match[1] if match else None


def read_notice(path, where, problems):
    """The notice in one file as a dict, or None when it cannot be used."""
    try:
        data = datafile.read(path)
    except datafile.NotUtf8 as error:
        problems.append(not_utf8(where, error))
        return None
    found = len(problems)
    for key in sorted(set(data.fields) - set(REQUIRED)):
        problems.append(
            Problem(
                where, data.lines[key], f"unknown field '{key}'", f"use only: {', '.join(REQUIRED)}"
            )
        )
    for key in REQUIRED:
        if not data.fields.get(key):
            problems.append(
                Problem(
                    where,
                    data.lines.get(key, 1),
                    f"missing {key}",
                    f"add a line '{key.capitalize()}: ...'",
                )
            )
    if not data.body.strip():
        problems.append(
            Problem(
                where,
                data.body_line,
                "the notice has no message",
                "write the message after a blank line",
            )
        )
    link = unsafe_link(data.body)
    if link:
        problems.append(
            Problem(
                where,
                data.body_line,
                f"unsafe link '{link}'",
                "link to a page or a website instead",
            )
        )
    level = data.fields.get("level", "").lower()
    if level and level not in LEVELS:
        problems.append(
            Problem(
                where,
                data.lines["level"],
                f"unknown level '{level}'",
                f"use one of: {', '.join(LEVELS)}",
            )
        )
    dates = {}
    for key in ("start", "end"):
        if data.fields.get(key):
            try:
                dates[key] = fields.parse_date(data.fields[key])
            except ValueError as error:
                what, fix = str(error).split(" - ")
                problems.append(Problem(where, data.lines[key], what, fix))
    if len(dates) == 2 and dates["end"] < dates["start"]:
        problems.append(
            Problem(
                where,
                data.lines["end"],
                f"the end ({dates['end']}) is before the start ({dates['start']})",
                "swap or correct the dates",
            )
        )
    if len(problems) > found:
        return None
    return {
        "title": data.fields["title"],
        "level": level,
        "start": dates["start"],
        "end": dates["end"],
        "html": message_html(data.body),
        "source": {"path": where, "line": data.lines["end"], "start_line": data.lines["start"]},
        "slug": os.path.splitext(os.path.basename(path))[0],
    }


def date_note(notice, today, warn_days):
    """News about a notice's dates, or None. Always a NOTE: dates must never
    stop a build, or the daily publish could not take an ended notice down."""
    source, end = notice["source"], notice["end"]
    if end < today:
        what, fix = (
            f"this notice ended on {end} and is no longer shown",
            ("delete the file, or set a later End date"),
        )
    elif notice["start"] > today:
        source = dict(source, line=source["start_line"])
        what = f"upcoming notice '{notice['title']}' shows from {notice['start']} to {end}"
        fix = "nothing to do: publishing on or after its Start date shows it"
    elif (end - today).days < warn_days:
        what, fix = f"this notice ends soon, on {end}", "set a later End date if it should stay up"
    else:
        return None
    return Problem(source["path"], source["line"], what, fix, NOTE)


def load_notices(settings):
    """(active notices, problems) for this build's date."""
    options, problems = settings_of(settings, "notices", DEFAULTS)
    folder = os.path.join(settings["PATH"], options["path"])
    today = build_date(options, settings)
    active = []
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    names = [name for name in names if not name.startswith(".")]
    for name in names:
        path = os.path.join(folder, name)
        notice = read_notice(path, display_path(path), problems)
        if notice is None:
            continue
        note = date_note(notice, today, options["warn_days"])
        if note:
            problems.append(note)
        if notice["start"] <= today <= notice["end"]:
            active.append(notice)
    return active, problems


def add_notices(generator):
    """Decide once per build which notices show, before any page is written."""
    if "notices" in generator.context:
        return
    active, problems = load_notices(generator.settings)
    generator.context["notices"] = active
    record(generator.context, problems)


def register():
    # generator_init: the shared context is filled before any template renders.
    signals.generator_init.connect(add_notices)
