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

Also `long_date(day, lang)`: "26 November 2026", "26 de noviembre de 2026".

Settings: none (the catalogs sit in the theme, beside the templates).
"""

import os

from babel.dates import format_date
from babel.messages.pofile import read_po
from jinja2 import pass_context
from pelican import signals

DOMAIN = "messages"
# English keeps the site's day-month-year (as NHS.UK writes dates).
# US English: "November 26, 2026" (a US site for US families); other
# languages their locale's long form ("26 de noviembre de 2026").
DATE_PATTERNS = {"en": "MMMM d, y"}


def translatable(text):
    """Marks words in Python that the theme shows translated (extracted by
    `invoke messages`); the text itself is returned unchanged."""
    return text


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

    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.filters["long_date"] = long_date


def register():
    signals.generator_init.connect(install)
