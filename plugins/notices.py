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
import zoneinfo
from html import escape

import markdown
from pelican import signals

from . import datafile, fields, sanitize
from .problems import NOTE, Problem, display_path, not_utf8, record, settings_of

DEFAULTS = {"path": "notices", "warn_days": 14, "today": None}


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


def read_notice(path, where, problems):
    """The notice in one file as a dict, or None when it cannot be used."""
    try:
        text = datafile.read_text(path)
    except datafile.NotUtf8 as error:
        problems.append(not_utf8(where, error))
        return None
    data = datafile.parse(path, text)
    values, found = fields.check(fields.NOTICE, data, where)
    if not data.body.strip():
        found.append(
            Problem(
                where,
                data.body_line,
                "the notice has no message",
                "write the message after a blank line",
            )
        )
    html = message_html(data.body)
    # The message as rendered, reference links resolved: what a visitor gets.
    found += sanitize.check(html, sanitize.NOTICE, where, text, data.body_line, kind="a notice")
    problems += found
    if found:
        return None
    return {
        "title": values["title"],
        "level": values["level"],
        "start": values["start"],
        "end": values["end"],
        "html": html,
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
