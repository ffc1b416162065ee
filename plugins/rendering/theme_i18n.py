"""The theme's own words in the page's language: gettext, the Pelican way.

Templates write `{{ _("Skip to main content") }}` (Jinja's i18n extension,
switched on by JINJA_ENVIRONMENT in pelicanconf.py). One build writes pages
of both languages, so the installed `gettext` looks at the page being
rendered (`lang` in the template's context, else the page's `lang`) and
picks that language's catalog (plugins/lib/wording.py reads them).
`invoke messages` extracts the words from the templates and the plugins
(`translatable("...")`) and updates the catalogs; tests/test_translations.py
fails when a word has no translation or a catalog is behind the templates.

Filters: `long_date` and `opening_hours` (Babel's names of days and times,
plugins/lib/wording.py).

Settings: none (the catalogs sit in the theme, beside the templates).
"""

import functools

from jinja2 import pass_context
from markupsafe import escape
from pelican import signals

from ..lib.wording import hours_line, load_catalogs, long_date


def context_lang(context):
    lang = context.get("lang")
    if not lang:
        page = context.get("page")
        lang = getattr(page, "lang", None) or context.get("DEFAULT_LANG", "en")
    return lang


def install(generator):
    """Give this generator's templates a gettext that follows the page."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    catalogs = load_catalogs(generator.settings["THEME"])

    # Once per build and words: about twenty phrases a page, each the same
    # on every page of a language.
    @functools.cache
    def translated(lang, message):
        # Escaped: with autoescape on, Jinja prints what gettext gives as
        # HTML; a translator's "&" or '"' is text (in an attribute too).
        return escape(catalogs.get(lang, {}).get(message, message))

    @functools.cache
    def hours(lang, codes, opens, closes):
        group = {"codes": codes, "opens": opens, "closes": closes}
        return hours_line(group, lang, lambda words: catalogs.get(lang, {}).get(words, words))

    @pass_context
    def gettext(context, message):
        return translated(context_lang(context), message)

    @pass_context
    def ngettext(context, singular, plural, number):
        return gettext(context, singular if number == 1 else plural)

    @pass_context
    def opening_hours(context, group):
        codes = tuple(group["codes"])
        return hours(context_lang(context), codes, group["opens"], group["closes"])

    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.filters["long_date"] = long_date
    env.filters["opening_hours"] = opening_hours


def register():
    signals.generator_init.connect(install)
