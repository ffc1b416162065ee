"""The center's name, phone, address and hours, from one file editors own.

Settings, one dict (defaults below): CENTER = {"path": "center.txt"}, the
file's path inside the content folder. Templates and structured data read
the result as `center` in the context; problems go to `problems`.
"""

import os

from pelican import signals

from . import build, datafile, fields, placeholders
from .problems import Problem, display_path, not_utf8, record, settings_of

DEFAULTS = {"path": "center.txt"}
# Every field of the center's file (types and ranges: fields.CENTER).
KNOWN = tuple(fields.CENTER_FIELDS)
DAYS = {
    "Mo": "Monday",
    "Tu": "Tuesday",
    "We": "Wednesday",
    "Th": "Thursday",
    "Fr": "Friday",
    "Sa": "Saturday",
    "Su": "Sunday",
}
# Spanish, for the Spanish pages' footer (days written in lower case).
DAYS_ES = {
    "Mo": "lunes",
    "Tu": "martes",
    "We": "miércoles",
    "Th": "jueves",
    "Fr": "viernes",
    "Sa": "sábado",
    "Su": "domingo",
}


# The phone's digits, read once, by the same rule the field check uses.
phone_parts = fields.phone_parts


def is_fictional(parts):
    """555-0100 to 555-0199 are reserved for fiction (and our placeholders)."""
    return parts[1] == "555" and parts[2].startswith("01")


# The details a visitor reads (and search engines), each confirmed by the center.
DETAILS = ("name", "phone", "street", "city", "region", "postal_code", "hours")


def placeholder_fields(center, parts):
    """[(field, what)] of every field that is not yet the center's real
    detail: a stand-in value, a fictional phone, and, while the file says
    `Status: placeholder` or names no one who confirmed it, every detail
    (the hours look real and were never given by the center)."""
    found = []
    if parts and is_fictional(parts):
        found.append(("phone", f"the phone number {center['phone']} is fictional (555-01xx)"))
    unconfirmed = (
        center["status"].strip().lower() == "placeholder"
        or not center["confirmed_by"]
        or not center["confirmed"]
    )
    for key in KNOWN:
        if key in ("status", "country", "confirmed_by", "confirmed"):
            continue
        why = placeholders.reason(center[key])
        if key == "street" and not why and not any(char.isdigit() for char in center[key]):
            why = "it has no street number"
        label = key.replace("_", " ")
        if why:
            found.append((key, f"the {label} '{center[key]}' is a placeholder ({why})"))
        elif unconfirmed and key in DETAILS and key not in dict(found):
            verb = "are" if key == "hours" else "is"
            found.append(
                (key, f"the {label} '{center[key]}' {verb} not confirmed by the center yet")
            )
    if center["status"].strip().lower() == "placeholder":
        found.append(("status", "'Status: placeholder' marks the details as not yet real"))
    if not center["confirmed_by"] or not center["confirmed"]:
        found.append(
            ("confirmed_by", "no one has confirmed these details (Confirmed-by, Confirmed)")
        )
    return found


def spoken_time(hhmm):
    hours, minutes = int(hhmm[:2]), hhmm[3:]
    suffix = "am" if hours < 12 or hours == 24 else "pm"  # 24:00 is midnight
    hours = hours % 12 or 12
    return f"{hours} {suffix}" if minutes == "00" else f"{hours}:{minutes} {suffix}"


def spoken_time_es(hhmm):
    """Spanish clock time as US Spanish writes it: 8:00 a. m., 6:30 p. m."""
    hours = int(hhmm[:2])
    suffix = "a. m." if hours < 12 or hours == 24 else "p. m."
    return f"{hours % 12 or 12}:{hhmm[3:]} {suffix}"


def hours_text_es(days, opens, closes):
    names = [DAYS_ES[code] for code in days]
    label = names[0] if len(names) == 1 else f"{names[0]} a {names[-1]}"
    return f"{label[0].upper()}{label[1:]}: de {spoken_time_es(opens)} a {spoken_time_es(closes)}"


def hours_text(days, opens, closes):
    names = [DAYS[code] for code in days]
    label = names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"
    text = f"{label}: {spoken_time(opens)} to {spoken_time(closes)}"
    return {
        "days": names,
        "text": text,
        # Per language, for the footer of each edition.
        "texts": {"en": text, "es": hours_text_es(days, opens, closes)},
        "schema": {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": names,
            "opens": opens,
            "closes": closes,
        },
    }


def parse_hours(value):
    """Opening hours as schema.org writes them, or Refused (fields.py)."""
    return [hours_text(*group) for group in fields.parse_hours(value)]


def build_center(data, values):
    """The center as templates read it; `values` are the fields that passed
    their checks (the others are reported by fields.check)."""
    center = {key: data.fields.get(key, "") for key in KNOWN}
    center["country"] = center["country"] or "US"
    parts = values.get("phone")
    center["phone_tel"] = "+1" + "".join(parts) if parts else ""
    center["phone_display"] = "-".join(parts) if parts else center["phone"]
    center["placeholders"] = placeholder_fields(center, parts)
    center["hours"] = [hours_text(*group) for group in values.get("hours", [])]
    return center


def load_center(settings):
    """(center dict, problems) read from the center's file, once per build
    (the facts fill the phone into the language taglines from it too)."""
    cached = settings.get("_CENTER")
    if cached is not None:
        return cached
    settings["_CENTER"] = read_center(settings)
    return settings["_CENTER"]


def read_center(settings):
    options, problems = settings_of(settings, "center", DEFAULTS)
    path = os.path.join(settings["PATH"], options["path"])
    where = display_path(path)
    try:
        data = datafile.read(path)
    except datafile.NotReadable as error:
        problems.append(Problem(where, 1, error.what, error.fix))
        return build_center(datafile.DataFile(path), {}), problems
    except OSError:  # missing, or a folder where the file should be
        problems.append(
            Problem(where, 1, "the center's details are missing", "restore the file from git")
        )
        return build_center(datafile.DataFile(path), {}), problems
    except datafile.NotUtf8 as error:
        problems.append(not_utf8(where, error))
        return build_center(datafile.DataFile(path), {}), problems
    # The build's day: a confirmation dated after it is refused.
    values, found = fields.check(fields.CENTER, data, where, today=build.today(settings))
    problems += found
    center = build_center(data, values)
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
