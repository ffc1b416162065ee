"""The Spanish edition: each Spanish page linked to the English page it
translates, kept true to it, and reachable both ways.

Why Pelican's own `lang` rather than the pelican-i18n-subsites plugin:
i18n-subsites builds a second whole site per language, re-running every
generator and plugin with other settings. Our plugins check the content once
per build and keep per-build state (problems, notices, the center), and
those checks must see both editions together: a Spanish link to an English
page, two pages with one address. Pelican's `lang` metadata keeps one build:
a page's language comes from its folder (content/pages/es/ is Spanish, set by
EXTRA_PATH_METADATA in pelicanconf.py), Spanish pages get their own addresses
(PAGE_LANG_URL), and every check of issue 8 reads them like English pages.
Pelican would pair translations by equal slugs; our Spanish pages have
Spanish addresses (/es/como-empezar/), so they name their English page
instead (`Translation-of`), and this module pairs them (PAGE_TRANSLATION_ID
is None so Pelican pairs nothing).

A Spanish page:
- names the English page (`Translation-of: getting-started.md`) and the
  version of it that it matches (`Translation-version`: 12 letters of a
  hash of the English title, summary and text, named by the build). When the
  English text changes, the build warns; production refuses the page.
- takes its section, menu place and review dates from the English page
  (plugins/fields.py refuses them in a translation), so the editions agree.
- needs `Translation-reviewed-by: Name` (a qualified medical translator)
  before production; the preview shows it with a band.

Every page gets `twin` (the other edition's page, or None), `alternates`
(hreflang links: each edition and x-default) and `language_switch` (the
twin, or the other edition's home page). An English page with no Spanish
twin is ADVICE: it builds and publishes, and its switch leads to /es/.

Settings, one dict: TRANSLATIONS = {
    "languages": ["es"],  # other languages; each a folder under the pages folder
}
"""

import difflib
import hashlib
import os

from pelican import signals

from . import datafile, fields
from .problems import ADVICE, WARNING, Problem, display_path, record, settings_of

DEFAULTS = {"languages": ["es"]}
# The words the translated text must match: what a reader reads.
TRANSLATED = ("title", "nav_title", "summary", "to_confirm")
# Each language named in itself, for the switch; and in English, for staff.
NAMES = {"en": "English", "es": "Español"}
ENGLISH_NAMES = {"es": "Spanish"}


def default_lang(settings):
    return settings.get("DEFAULT_LANG", "en")


def pages_base(settings):
    return os.path.join(settings["PATH"], settings.get("PAGE_PATHS", ["pages"])[0])


def language_of(path, settings):
    """The language of a page file, from its folder under the pages folder."""
    options, _ = settings_of(settings, "translations", DEFAULTS)
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(pages_base(settings)))
    first, _, rest = relative.replace(os.sep, "/").partition("/")
    return first if rest and first in options["languages"] else default_lang(settings)


def schema_for(path, settings):
    """The fields a page file may have: a translation's or an English page's."""
    return (
        fields.PAGE if language_of(path, settings) == default_lang(settings) else fields.TRANSLATION
    )


def home_url(lang, settings):
    return "" if lang == default_lang(settings) else f"{lang}/"


def version_of(data):
    """The version of an English page: its translated words, whitespace aside
    (re-wrapping a paragraph is no change a translator must follow)."""
    parts = [" ".join(data.fields.get(name, "").split()) for name in TRANSLATED]
    parts.append(" ".join(data.body.split()))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def relative_source(page, settings):
    base = os.path.abspath(pages_base(settings))
    return os.path.relpath(os.path.abspath(page.source_path), base).replace(os.sep, "/")


def source_data(page):
    try:
        return datafile.read(page.source_path)
    except (OSError, datafile.NotUtf8):
        return None  # content_checks reports it


def copy_inherited(translation, english):
    """Section, menu place and review dates: the English page's."""
    for key, value in english.metadata.items():
        if fields.normal_key(key) in fields.INHERITED:
            translation.metadata[key] = value
    translation.clinical = getattr(english, "clinical", False)


def translation_problems(where, data, english_data):
    """Whether the translation matches its English page and was checked."""
    problems, notes = [], []
    current = version_of(english_data)
    written = data.fields.get("translation_version", "").strip().lower()
    line = data.lines.get("translation_version", data.lines.get("translation_of", 1))
    english_where = display_path(english_data.path)
    if written != current:
        what = (
            f"the English page {english_where} changed since this translation "
            f"(version {written} is now {current})"
            if written
            else f"no Translation-version: the build cannot tell if it matches {english_where}"
        )
        fix = f"bring the text in line with the English page, then set 'Translation-version: {current}'"
        problems.append(Problem(where, line, what, fix, WARNING))
        notes.append("Translation out of date: the English page changed.")
    if not data.fields.get("translation_reviewed_by", "").strip():
        problems.append(
            Problem(
                where,
                1,
                "this translation has not been checked by a qualified medical translator",
                "after the check, add 'Translation-reviewed-by: Name'",
                WARNING,
            )
        )
        notes.append("Translation not yet checked by a medical translator.")
    return problems, notes


def pair(translation, english_pages, claimed):
    """Link one translation to its English page; its problems."""
    where = display_path(translation.source_path)
    data = source_data(translation)
    translation.translation_notes = []
    if data is None or not data.fields.get("translation_of", "").strip():
        return []  # content_checks reports the unreadable file or missing field
    target = data.fields["translation_of"].strip().lstrip("/")
    line = data.lines["translation_of"]
    english = english_pages.get(target)
    if english is None:
        close = difflib.get_close_matches(target, english_pages, n=1, cutoff=0.6)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else "write the English file's path under content/pages/"
        )
        return [Problem(where, line, f"translation of a page that does not exist '{target}'", hint)]
    if target in claimed:
        what = f"{claimed[target]} already translates {target}"
        return [Problem(where, line, what, "keep one translation per English page")]
    claimed[target] = where
    copy_inherited(translation, english)
    english_data = source_data(english)
    if english_data is None:
        return []
    problems, translation.translation_notes = translation_problems(where, data, english_data)
    translation.twin_source = english
    return problems


def alternates(page, siteurl, default):
    """hreflang links of one page: each edition, then x-default (English)."""
    editions = {page.lang: page}
    if page.twin is not None:
        editions[page.twin.lang] = page.twin
    links = [{"lang": lang, "href": f"{siteurl}/{editions[lang].url}"} for lang in sorted(editions)]
    english = editions.get(default)
    if english is not None:
        links.append({"lang": "x-default", "href": f"{siteurl}/{english.url}"})
    return links


def language_switch(lang, twin, settings, languages, published_urls):
    """The link to the other edition: the twin, or that edition's home page
    (none while that edition has no home page: a link must never break)."""
    siteurl = settings.get("SITEURL", "")
    default = default_lang(settings)
    other = languages[0] if lang == default else default
    url = twin.url if twin is not None else home_url(other, settings)
    if url not in published_urls:
        return None
    return {"lang": other, "text": NAMES.get(other, other), "href": f"{siteurl}/{url}"}


def link_editions(generator):
    """Pair every translation with its English page, before the menus are built."""
    settings = generator.settings
    options, problems = settings_of(settings, "translations", DEFAULTS)
    default = default_lang(settings)
    published = generator.pages + generator.hidden_pages
    everything = published + generator.draft_pages
    english_pages = {
        relative_source(page, settings): page for page in everything if page.lang == default
    }
    claimed = {}
    for page in everything:
        page.twin = None
        page.translation_notes = []
        page.twin_source = None
    for page in sorted(everything, key=lambda p: p.source_path):
        if page.lang != default:
            problems += pair(page, english_pages, claimed)
    # Twins are published pages only: a draft is never live, so no live page
    # may point a visitor or a search engine at it.
    for page in published:
        source = page.twin_source
        if source is not None and source in published:
            page.twin, source.twin = source, page
    urls = {page.url for page in published}
    for page in everything:
        page.alternates = alternates(page, settings.get("SITEURL", ""), default)
        page.language_switch = language_switch(
            page.lang, page.twin, settings, options["languages"], urls
        )
    # Pages that are no content page (404, drafts list) are English.
    generator.context["language_switch"] = language_switch(
        default, None, settings, options["languages"], urls
    )
    for lang in options["languages"]:
        for page in generator.pages:
            if page.lang == default and page.twin is None:
                where = display_path(page.source_path)
                what = f"no {ENGLISH_NAMES.get(lang, lang)} translation yet: its language link leads to the {ENGLISH_NAMES.get(lang, lang)} home page"
                fix = f"add a page in content/pages/{lang}/ with 'Translation-of: {relative_source(page, settings)}'"
                problems.append(Problem(where, 1, what, fix, ADVICE))
    record(generator.context, problems)


def register():
    # Before plugins/page_meta.py (later in PLUGINS) builds menus and dates.
    signals.page_generator_finalized.connect(link_editions)
