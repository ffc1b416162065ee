"""Words a visitor reads that plugins write: the theme's catalog and Babel.

No word of a visitor's language is written in Python: the theme's
catalogs (theme/translations/<lang>/LC_MESSAGES/messages.po, read as text:
no compiled `.mo` can go stale) hold the theme's phrases, and Babel (CLDR)
names days, times and languages.

- `translatable("...")` marks words in Python that `invoke messages`
  extracts; `translate(settings, lang, words)` gives a plugin that writes
  markup the catalog's words (plugins/rendering/tables.py);
- `long_date(day, lang)`: "November 26, 2026", "26 de noviembre de 2026";
- `hours_line(group, lang, words)`: "Monday to Friday: 8 am to 6 pm",
  "Lunes a viernes: de 8:00 a.m. a 6:00 p.m.";
- `language_name(lang, in_lang)`: "Español", "Spanish".

The templates' gettext is plugins/rendering/theme_i18n.py.
"""

import datetime
import functools
import os

from babel import Locale
from babel.dates import format_date, format_time, get_day_names
from babel.messages.pofile import read_po

DOMAIN = "messages"
# English keeps the site's day-month-year (as NHS.UK writes dates).
# US English: "November 26, 2026" (a US site for US families); other
# languages their locale's long form ("26 de noviembre de 2026").
DATE_PATTERNS = {"en": "MMMM d, y"}
# The locale of each of the site's languages: US English, US Spanish.
LOCALES = {"en": "en_US", "es": "es_US"}
# Days as center.txt writes them (Mo-Fr), in Babel's order (0 is Monday).
DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def translatable(text):
    """Marks words in Python that the theme shows translated (extracted by
    `invoke messages`); the text itself is returned unchanged."""
    return text


DAY_RANGE = translatable("%(first)s to %(last)s")
HOURS_LINE = translatable("%(days)s: %(opens)s to %(closes)s")


def locale_of(lang):
    return LOCALES.get(lang, lang)


# Babel parses its locale data at each call: every page prints the same few
# names, times and dates, so each is formatted once per process.
@functools.cache
def clock(hhmm, lang):
    """A time of center.txt (08:00, 18:30, 24:00) as the language writes it:
    English in the site's style ("8 am", "6:30 pm"), other languages their
    locale's short time ("8:00 a.m.")."""
    hours, minutes = int(hhmm[:2]), int(hhmm[3:])
    moment = datetime.time(hours % 24, minutes)
    if lang == "en":
        return format_time(moment, "h:mm a" if minutes else "h a", locale="en_US").lower()
    return format_time(moment, "short", locale=locale_of(lang))


def hours_line(group, lang, words):
    """One line of opening hours; `words(text)` translates the catalog's."""
    days = [day_name(code, lang) for code in group["codes"]]
    label = days[0] if len(days) == 1 else words(DAY_RANGE) % {"first": days[0], "last": days[-1]}
    line = words(HOURS_LINE) % {
        "days": label,
        "opens": clock(group["opens"], lang),
        "closes": clock(group["closes"], lang),
    }
    return line[:1].upper() + line[1:]


@functools.cache
def day_name(code, lang):
    return get_day_names("wide", locale=locale_of(lang))[DAY_CODES.index(code)]


@functools.cache
def language_name(lang, in_lang=None):
    """A language's name in a language (its own by default): "Español"."""
    name = Locale.parse(lang).get_display_name(locale_of(in_lang or lang)) or lang
    return name[:1].upper() + name[1:]


def translate(settings, lang, words):
    """The catalog's translation of `words` for `lang` (the words when none):
    for a plugin that writes words into a page's markup."""
    if "_CATALOGS" not in settings:
        settings["_CATALOGS"] = load_catalogs(settings["THEME"])
    return settings["_CATALOGS"].get(lang, {}).get(words, words)


def catalog_path(theme, lang):
    return os.path.join(theme, "translations", lang, "LC_MESSAGES", f"{DOMAIN}.po")


def load_catalogs(theme):
    """{lang: {English words: translation}} of every catalog; an untranslated
    or fuzzy entry is left out, so the English shows rather than a guess."""
    catalogs = {}
    folder = os.path.join(theme, "translations")
    for lang in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        path = catalog_path(theme, lang)
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as source:
            catalog = read_po(source, locale=lang)
        catalogs[lang] = {
            message.id: message.string
            for message in catalog
            if message.id and message.string and not message.fuzzy
        }
    return catalogs


@functools.cache
def long_date(day, lang="en"):
    pattern = DATE_PATTERNS.get(lang, "long")
    return format_date(day, pattern, locale=lang) if day else ""
