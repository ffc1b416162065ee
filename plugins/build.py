"""What kind of build this is, and the day it decides by.

Every plugin asks here instead of working it out from another plugin's
settings:

- `mode(settings)`: "preview" (the editor's build: everything shown, each
  problem listed), "staging" (publishconf.py with STAGING=1: production
  for review, placeholders and warnings shown, never published) or
  "production" (what goes live: warnings refused, pages that are not ready
  held back). publishconf.py decides it, through CONTENT_CHECKS.
- `today(settings)`: the build's date, San Diego's today unless a build is
  made as of another day (`--as-of`, NOTICES["today"]).
"""

import datetime
import zoneinfo

PREVIEW, STAGING, PRODUCTION = "preview", "staging", "production"


def mode(settings):
    checks = settings.get("CONTENT_CHECKS", {})
    if checks.get("strict") and checks.get("placeholders") == "refuse":
        return PRODUCTION
    if checks.get("placeholders") in ("warn", "refuse"):
        return STAGING
    return PREVIEW


def zone(settings):
    return zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")


def today(settings):
    """The date this build decides by: set for a build as of another day,
    else today where the center is."""
    day = settings.get("NOTICES", {}).get("today")
    return day or datetime.datetime.now(zone(settings)).date()
