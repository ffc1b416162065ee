"""The center's name, phone, address and hours, from one file editors own.

Settings, one dict (defaults below): CENTER = {"path": "center.txt"}, the
file's path inside the content folder. Templates and structured data read
the result as `center` in the context; problems go to `problems`.
"""

import os

from pelican import signals

from ..lib import build, datafile, fields, placeholders
from ..lib.problems import Problem, display_path, not_utf8, record, settings_of

DEFAULTS = {"path": "center.txt"}
# Every field of the center's file (types and ranges: fields.CENTER).
KNOWN = tuple(fields.CENTER_FIELDS)
# schema.org's names of the days (identifiers, not words a visitor reads:
# the footer names days in the page's language, plugins/rendering/theme_i18n.py).
SCHEMA_DAYS = {
    "Mo": "Monday",
    "Tu": "Tuesday",
    "We": "Wednesday",
    "Th": "Thursday",
    "Fr": "Friday",
    "Sa": "Saturday",
    "Su": "Sunday",
}


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


def hours_group(days, opens, closes):
    """One group of opening hours: the footer writes it in the page's
    language (the `opening_hours` filter), structured data as schema.org."""
    return {
        "codes": list(days),
        "opens": opens,
        "closes": closes,
        "schema": {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [SCHEMA_DAYS[code] for code in days],
            "opens": opens,
            "closes": closes,
        },
    }


def build_center(data, values):
    """The center as templates read it; `values` are the fields that passed
    their checks (the others are reported by fields.check)."""
    center = {key: data.fields.get(key, "") for key in KNOWN}
    center["country"] = center["country"] or "US"
    parts = values.get("phone")
    center["phone_tel"] = "+1" + "".join(parts) if parts else ""
    center["phone_display"] = "-".join(parts) if parts else center["phone"]
    center["placeholders"] = placeholder_fields(center, parts)
    center["hours"] = [hours_group(*group) for group in values.get("hours", [])]
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
