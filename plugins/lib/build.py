"""What kind of build this is, and the day it decides by: the build context.

The settings decide both, once (pelicanconf.py, publishconf.py):
BUILD = {"mode": "preview", "today": None}. Every plugin asks here; none
reads the environment or another plugin's settings.

- `mode(settings)`: "preview" (the editor's build: everything shown, each
  problem listed), "staging" (publishconf.py with STAGING=1: production
  for review, placeholders and warnings shown, never published) or
  "production" (what goes live: warnings refused, pages that are not ready
  held back).
- `today(settings)`: the build's date, San Diego's today unless a build is
  made as of another day (`--as-of`, which sets BUILD["today"]).
"""

import datetime
import zoneinfo

from dateutil import parser as date_parser

PREVIEW, STAGING, PRODUCTION = "preview", "staging", "production"
MODES = (PREVIEW, STAGING, PRODUCTION)


KEYS = ("mode", "today")


def context(settings):
    """BUILD; a key it does not know is a mistake in the settings files (a
    misspelt "mode" would quietly make a production build a preview)."""
    found = settings.get("BUILD") or {}
    unknown = sorted(set(found) - set(KEYS))
    if unknown:
        raise ValueError(f"BUILD: unknown key '{unknown[0]}' - use only: {', '.join(KEYS)}")
    return found


def mode(settings):
    """The build's mode; a mode no build knows is a mistake in the settings,
    never a quiet preview."""
    found = context(settings).get("mode", PREVIEW)
    if found not in MODES:
        raise ValueError(f"BUILD mode '{found}' is none of {', '.join(MODES)}")
    return found


def zone(settings):
    return zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")


class NotADay(ValueError):
    """A day written in no form the build reads."""


def parse_day(text):
    """A day as people type it: 2026-12-24, 12/24/2026 (US: month first),
    Dec 24 2026, 24 December 2026. NotADay when it names no whole day."""
    text = (text or "").strip()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        # Two defaults: a day, month or year left out shows as a difference.
        first = date_parser.parse(text, default=datetime.datetime(2000, 1, 1))
        second = date_parser.parse(text, default=datetime.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        first, second = None, True
    if first is None or first != second:
        raise NotADay(
            f"'{text}' is not a date - write it as YYYY-MM-DD (e.g. 2026-12-24) or 12/24/2026"
        )
    return first.date()


def today(settings):
    """The date this build decides by: set for a build as of another day,
    else today where the center is."""
    day = context(settings).get("today")
    return day or datetime.datetime.now(zone(settings)).date()


def as_of(settings, day):
    """The settings of a build made as of `day` (None: today)."""
    settings["BUILD"] = dict(context(settings), today=day)
    return settings
