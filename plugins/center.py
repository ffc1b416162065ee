"""The center's name, phone, address and hours, from one file editors own.

Settings, one dict (defaults below): CENTER = {"path": "center.txt"}, the
file's path inside the content folder. Templates and structured data read
the result as `center` in the context; problems go to `problems`.
"""

import os
import re

from pelican import signals

from . import datafile
from .problems import Problem, display_path, not_utf8, record, settings_of

DEFAULTS = {"path": "center.txt"}
REQUIRED = ("name", "phone", "street", "city", "region", "postal_code", "hours")
KNOWN = REQUIRED + ("country", "status")
DAYS = {
    "Mo": "Monday",
    "Tu": "Tuesday",
    "We": "Wednesday",
    "Th": "Thursday",
    "Fr": "Friday",
    "Sa": "Saturday",
    "Su": "Sunday",
}
HOURS_PART = re.compile(
    r"^(?P<first>Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?P<last>Mo|Tu|We|Th|Fr|Sa|Su))?"
    r"\s+(?P<opens>[0-2]\d:[0-5]\d)-(?P<closes>[0-2]\d:[0-5]\d)$"
)
# Words that mark a value nobody has confirmed yet.
PLACEHOLDER = re.compile(r"placeholder|example|lorem ipsum|\bTBD\b|\bXXX\b|to confirm", re.I)
HOURS_EXAMPLE = "write e.g. 'Mo-Fr 08:00-20:00; Sa 09:00-13:00'"


def phone_parts(value):
    """(area, exchange, line) of a North American number, or None."""
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01" or re.search(r"[A-Za-z]", value):
        return None
    return digits[:3], digits[3:6], digits[6:]


def is_fictional(parts):
    """555-0100 to 555-0199 are reserved for fiction (and our placeholders)."""
    return parts[1] == "555" and parts[2].startswith("01")


def placeholders(center, parts):
    """[(field, what)] of every field that is not yet the center's real detail."""
    found = []
    if parts and is_fictional(parts):
        found.append(("phone", f"the phone number {center['phone']} is fictional (555-01xx)"))
    for key in KNOWN:
        if key != "status" and PLACEHOLDER.search(center[key]):
            found.append((key, f"the {key.replace('_', ' ')} '{center[key]}' is a placeholder"))
    if center["status"].strip().lower() == "placeholder":
        found.append(("status", "'Status: placeholder' marks the details as not yet real"))
    return found


def spoken_time(hhmm):
    hours, minutes = int(hhmm[:2]), hhmm[3:]
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours} {suffix}" if minutes == "00" else f"{hours}:{minutes} {suffix}"


def day_range(first, last):
    names = list(DAYS)
    stop = names.index(last or first)
    return [DAYS[day] for day in names[names.index(first) : stop + 1]]


def parse_hours(value):
    """Opening hours as schema.org writes them, or ValueError."""
    hours = []
    for part in filter(None, (p.strip() for p in value.split(";"))):
        match = HOURS_PART.match(part)
        if not match or match["opens"] >= match["closes"]:
            raise ValueError(f"'{part}' is not a day range and hours")
        days = day_range(match["first"], match["last"])
        if not days:
            raise ValueError(f"'{part}' has its days in the wrong order")
        label = days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"
        hours.append(
            {
                "days": days,
                "text": f"{label}: {spoken_time(match['opens'])} to {spoken_time(match['closes'])}",
                "schema": {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": days,
                    "opens": match["opens"],
                    "closes": match["closes"],
                },
            }
        )
    if not hours:
        raise ValueError("no opening hours given")
    return hours


def check_fields(data, where, problems):
    for key in sorted(set(data.fields) - set(KNOWN)):
        problems.append(
            Problem(
                where, data.lines[key], f"unknown field '{key}'", f"use only: {', '.join(KNOWN)}"
            )
        )
    for key in REQUIRED:
        if not data.fields.get(key):
            problems.append(
                Problem(
                    where,
                    data.lines.get(key, 1),
                    f"missing {key.replace('_', ' ')}",
                    f"add a line '{key.replace('_', '-').capitalize()}: ...'",
                )
            )


def build_center(data, where, problems):
    center = {key: data.fields.get(key, "") for key in KNOWN}
    center["country"] = center["country"] or "US"
    parts = phone_parts(center["phone"]) if center["phone"] else None
    if center["phone"] and not parts:
        problems.append(
            Problem(
                where,
                data.lines["phone"],
                f"'{center['phone']}' is not a phone number",
                "write a 10-digit US number, e.g. 619-555-0142",
            )
        )
    center["phone_tel"] = "+1" + "".join(parts) if parts else ""
    center["phone_display"] = "-".join(parts) if parts else center["phone"]
    center["placeholders"] = placeholders(center, parts)
    try:
        center["hours"] = parse_hours(center["hours"]) if center["hours"] else []
    except ValueError as error:
        center["hours"] = []
        problems.append(Problem(where, data.lines["hours"], str(error), HOURS_EXAMPLE))
    return center


def load_center(settings):
    """(center dict, problems) read from the center's file."""
    options, problems = settings_of(settings, "center", DEFAULTS)
    path = os.path.join(settings["PATH"], options["path"])
    where = display_path(path)
    try:
        data = datafile.read(path)
    except FileNotFoundError:
        problems.append(
            Problem(where, 0, "the center's details are missing", "restore the file from git")
        )
        return build_center(datafile.DataFile(path), where, []), problems
    except datafile.NotUtf8 as error:
        problems.append(not_utf8(where, error))
        return build_center(datafile.DataFile(path), where, []), problems
    check_fields(data, where, problems)
    center = build_center(data, where, problems)
    center["source"] = {"path": where, "lines": data.lines}
    return center, problems


def add_center(generator):
    """Read the center's details once per build, before any page is written."""
    if "center" in generator.context:
        return
    center, problems = load_center(generator.settings)
    generator.context["center"] = center
    record(generator.context, problems)


def register():
    # generator_init: every generator shares one context, filled before any
    # template renders; the guard above reads the file once.
    signals.generator_init.connect(add_center)
