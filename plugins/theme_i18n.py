"""The theme's own words in the page's language: gettext, the Pelican way.

Templates write `{{ _("Skip to main content") }}` (Jinja's i18n extension,
switched on by JINJA_ENVIRONMENT in pelicanconf.py). One build writes pages
of both languages, so the installed `gettext` looks at the page being
rendered (`lang` in the template's context, else the page's `lang`) and
picks that language's catalog. Catalogs are the Babel `.po` files in
theme/translations/<lang>/LC_MESSAGES/messages.po, read as text at the start
of each build: no compiled `.mo` file is kept in git or can go stale.
`invoke messages` extracts the words from the templates and the plugins
(`translatable("...")`) and updates the catalogs; tests/test_translations.py
fails when a word has no translation or a catalog is behind the templates.

Also, with Babel's (CLDR's) names of days, times and languages, so that no
word of a visitor's language is written in Python:

- `long_date(day, lang)`: "November 26, 2026", "26 de noviembre de 2026";
- `opening_hours(group)` (a filter): "Monday to Friday: 8 am to 6 pm",
  "Lunes a viernes: de 8:00 a.m. a 6:00 p.m.";
- `language_name(lang, in_lang)`: "Español", "Spanish";
- `translate(settings, lang, words)`: the catalog's words for a plugin that
  writes markup (plugins/tables.py).

Settings: none (the catalogs sit in the theme, beside the templates).
"""

import datetime
import os

from babel import Locale
from babel.dates import format_date, format_time, get_day_names
from babel.messages.pofile import read_po
from jinja2 import pass_context
from pelican import signals

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
    names = get_day_names("wide", locale=locale_of(lang))
    days = [names[DAY_CODES.index(code)] for code in group["codes"]]
    label = days[0] if len(days) == 1 else words(DAY_RANGE) % {"first": days[0], "last": days[-1]}
    line = words(HOURS_LINE) % {
        "days": label,
        "opens": clock(group["opens"], lang),
        "closes": clock(group["closes"], lang),
    }
    return line[:1].upper() + line[1:]


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


def context_lang(context):
    lang = context.get("lang")
    if not lang:
        page = context.get("page")
        lang = getattr(page, "lang", None) or context.get("DEFAULT_LANG", "en")
    return lang


def long_date(day, lang="en"):
    pattern = DATE_PATTERNS.get(lang, "long")
    return format_date(day, pattern, locale=lang) if day else ""


def install(generator):
    """Give this generator's templates a gettext that follows the page."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    catalogs = load_catalogs(generator.settings["THEME"])

    @pass_context
    def gettext(context, message):
        return catalogs.get(context_lang(context), {}).get(message, message)

    @pass_context
    def ngettext(context, singular, plural, number):
        return gettext(context, singular if number == 1 else plural)

    @pass_context
    def opening_hours(context, group):
        lang = context_lang(context)
        return hours_line(group, lang, lambda words: catalogs.get(lang, {}).get(words, words))

    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.filters["long_date"] = long_date
    env.filters["opening_hours"] = opening_hours


def register():
    signals.generator_init.connect(install)
