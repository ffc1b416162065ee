"""The Spanish edition: each Spanish page linked to the English page it
translates, checked by a medical translator, and reachable both ways.

Why Pelican's own `lang` rather than the pelican-i18n-subsites plugin:
i18n-subsites builds a second whole site per language, re-running every
generator and plugin with other settings. Our plugins check the content once
per build and keep per-build state (problems, notices, the center), and
those checks must see both editions together: a Spanish link to an English
page, two pages with one address. Pelican's `lang` metadata keeps one build:
a page's language comes from its folder (content/pages/es/ is Spanish, set by
EXTRA_PATH_METADATA in pelicanconf.py), Spanish pages get their own addresses
(PAGE_LANG_URL), and every content check reads them like English pages.
Pelican would pair translations by equal slugs; our Spanish pages have
Spanish addresses (/es/como-empezar/), so they name their English page
instead (`Translation-of`), and this module pairs them (PAGE_TRANSLATION_ID
is None so Pelican pairs nothing).

A Spanish page names its English page (`Translation-of: getting-started.md`)
and carries the medical translator's check, one line naming what was
checked, when and by whom (`Translation-checked: 3f2a9c01b7de on 2026-11-27
by Ana Pérez, CHI`; the version is 12 letters of a hash of the English
words, named by the build). It takes its section, menu place and review
dates from the English page (plugins/lib/fields.py refuses them in a
translation), so the editions agree.

One page's state never stops the site (docs/architecture.md, "One page never
stops the site"); production holds back what is not ready and marks what is
older, and every build lists both:

| state     | what                                   | production                    |
| --------- | -------------------------------------- | ----------------------------- |
| current   | checked, English unchanged since       | published                     |
| outdated  | checked, the English page changed since | published as checked, with a band in Spanish naming the day the English page changed and linking to it |
| unchecked | no translator's check, or one dated before the English words it names | held back: links to it lead to its English page |
| orphan    | its English page is gone               | held back: links to it are refused, unless content/redirects.txt redirects its address |
| duplicate | another page translates the same English page | held back, as unchecked |

The preview and staging builds hold nothing back: they show each page with
a staff band saying what production will do.

Every page gets `twin` (the other edition's published page, or None),
`alternates` (hreflang links: each edition and x-default),
`language_switch` (the twin, or the other edition's home page),
`translation_state`, `translation_notes` (the staff band) and `outdated`
(the visitor band of an outdated page, or None). An English page with no
Spanish twin is ADVICE: it publishes, and its switch leads to /es/.
The context gets `held_back_pages`: {url: (source path, why)}.

Settings, one dict: TRANSLATIONS = {
    "languages": ["es"],  # other languages; each a folder under the pages folder
}
"""

import difflib
import hashlib
import os

from pelican import signals

from ..lib import build, datafile, fields, history, language, sources, wording
from ..lib.problems import ADVICE, Problem, display_path, record, settings_of

DEFAULTS = {"languages": ["es"]}
# The words the translated text must match: what a reader reads.
TRANSLATED = ("title", "nav_title", "summary", "to_confirm")
CURRENT, OUTDATED, UNCHECKED, ORPHAN, DUPLICATE = (
    "current",
    "outdated",
    "unchecked",
    "orphan",
    "duplicate",
)
HELD_BACK = (UNCHECKED, ORPHAN, DUPLICATE)
# Problem tags: the build's summary and the center's checklist group by them.
TAG_HELD, TAG_MARKED = "held back", "marked older"
# The staff band of each state, in English (the preview only).
NOTES = {
    OUTDATED: "The English page changed after the translator's check: the live site shows "
    "this page as checked, with the band below.",
    UNCHECKED: "Not published: no medical translator has checked this translation yet.",
    ORPHAN: "Not published: its English page is gone.",
    DUPLICATE: "Not published: another page already translates its English page.",
}
SIGN_OFF_LINE = "Translation-checked: {version} on {day} by <the translator's name, credential>"


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


def version_of_text(text):
    return version_of(datafile.parse("", text))


def relative_source(page, settings):
    base = os.path.abspath(pages_base(settings))
    return os.path.relpath(os.path.abspath(page.source_path), base).replace(os.sep, "/")


def sign_off_of(data):
    """The translator's check a page names, or None (a badly written one is
    reported by content_checks, through plugins/lib/fields.py)."""
    value = data.fields.get("translation_checked", "").strip()
    try:
        return fields.parse_sign_off(value) if value else None
    except fields.Refused:
        return None


def copy_inherited(translation, english):
    """Section, menu place and review dates: the English page's."""
    for key, value in english.metadata.items():
        if fields.normal_key(key) in fields.INHERITED:
            translation.metadata[key] = value
    translation.clinical = getattr(english, "clinical", False)


# --- One translation's state -----------------------------------------------------


def english_changed_on(english_data, settings):
    return history.changed_on(english_data.path, version_of_text, build.zone(settings))


def check_state(where, data, english_data, settings):
    """(state, the day the English page changed or None, problems) of a
    translation of an existing English page."""
    current = version_of(english_data)
    english = display_path(english_data.path)
    today = build.today(settings)
    line = data.lines.get("translation_checked", data.lines.get("translation_of", 1))
    write = SIGN_OFF_LINE.format(version=current, day=today)
    sign_off = sign_off_of(data)
    if sign_off is None:
        what = "not on the live site until a qualified medical translator checks this translation"
        fix = f"after the check, write '{write}'"
        return UNCHECKED, None, [Problem(where, line, what, fix, ADVICE, TAG_HELD)]
    changed, on_record = english_changed_on(english_data, settings)
    if sign_off.version != current:
        known, on_record = history.past_versions(english_data.path, version_of_text)
        if on_record and sign_off.version not in known:
            what = (
                f"not published: the translator's check names version {sign_off.version}, "
                f"which the English page {english} never had"
            )
            fix = f"have the translator check it, then write '{write}' with the day of that check"
            return UNCHECKED, None, [Problem(where, line, what, fix, ADVICE, TAG_HELD)]
        what = (
            f"the English page {english} changed on {changed}, after the translator's check "
            f"of {sign_off.day} (version {sign_off.version} is now {current}): the live site "
            "keeps this page as checked, marked as older than the English page"
        )
        fix = f"have the translator bring it in line, then write '{write}'"
        return OUTDATED, changed, [Problem(where, line, what, fix, ADVICE, TAG_MARKED)]
    if on_record and sign_off.day < changed:
        what = (
            f"not published: the translator's check is dated {sign_off.day}, before the "
            f"English words of version {current} were written ({changed})"
        )
        fix = f"have the translator check it, then write '{write}' with the day of that check"
        return UNCHECKED, changed, [Problem(where, line, what, fix, ADVICE, TAG_HELD)]
    return CURRENT, None, []


def orphan_problem(where, line, target, english_pages, claimed):
    """The English page is gone (deleted, renamed, or misspelt here)."""
    free = [path for path in english_pages if path not in claimed]
    close = difflib.get_close_matches(target, free, n=1, cutoff=0.6)
    fix = (
        "delete this page and add its address to content/redirects.txt, or restore the English page"
    )
    if close:
        fix += f" (if it translates another page: did you mean '{close[0]}'?)"
    what = f"not published: its English page '{target}' is gone"
    return Problem(where, line, what, fix, ADVICE, TAG_HELD)


def pair(translation, english_pages, claimed, settings):
    """Link one translation to its English page; (state, problems)."""
    where = display_path(translation.source_path)
    data = sources.read(settings, translation.source_path)
    if data is None or not data.fields.get("translation_of", "").strip():
        return UNCHECKED, []  # content_checks reports the unreadable file or missing field
    target = data.fields["translation_of"].strip().lstrip("/")
    line = data.lines["translation_of"]
    english = english_pages.get(target)
    if english is None:
        return ORPHAN, [orphan_problem(where, line, target, english_pages, claimed)]
    if target in claimed:
        what = f"not published: {claimed[target]} already translates {target}"
        fix = "keep one translation per English page: delete this one, or name another page"
        return DUPLICATE, [Problem(where, line, what, fix, ADVICE, TAG_HELD)]
    claimed[target] = where
    copy_inherited(translation, english)
    translation.twin_source = english
    english_data = sources.read(settings, english.source_path)
    if english_data is None:
        return CURRENT, []
    state, changed, problems = check_state(where, data, english_data, settings)
    unanswered = sorted(
        {key for key, _, answered in getattr(translation, "fact_uses", []) if not answered}
    )
    if unanswered and state not in HELD_BACK:
        state = UNCHECKED
        what = f"not published: the center has not answered in Spanish: {', '.join(unanswered)}"
        fix = "write each 'Answer-es:' in content/facts/ (the translator gives the words)"
        problems = [Problem(where, data.body_line, what, fix, ADVICE, TAG_HELD)]
    english_words = language.english_words(translation._content or "")
    if english_words and state not in HELD_BACK:
        state = UNCHECKED
        sample = ", ".join(sorted(set(english_words))[:5])
        what = f"not published: this page reads as English ({sample}, ...)"
        fix = "translate it into Spanish (the translator checks it, then the page goes live)"
        problems = [Problem(where, data.body_line, what, fix, ADVICE, TAG_HELD)]
    if state == OUTDATED:
        siteurl = settings.get("SITEURL", "")
        translation.outdated = {"day": changed, "href": f"{siteurl}/{english.url}"}
    return state, problems


# --- The editions, linked --------------------------------------------------------


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
    # Each language named in itself (CLDR's names, through Babel).
    return {"lang": other, "text": wording.language_name(other), "href": f"{siteurl}/{url}"}


def reset(pages):
    for page in pages:
        page.twin = page.twin_source = page.outdated = None
        page.translation_notes = []
        page.translation_state = None


def pair_all(generator, settings):
    """Every translation's state and problems, paired with its English page."""
    default = default_lang(settings)
    everything = generator.pages + generator.hidden_pages + generator.draft_pages
    english_pages = {
        relative_source(page, settings): page for page in everything if page.lang == default
    }
    claimed, problems = {}, []
    live = build.mode(settings) == build.PRODUCTION
    for page in sorted(everything, key=lambda p: p.source_path):
        if page.lang != default:
            page.translation_state, found = pair(page, english_pages, claimed, settings)
            problems += found
            note = NOTES.get(page.translation_state)
            # Staff notes are for the preview and staging, never the live site.
            page.translation_notes = [note] if note and not live else []
    return problems


def hold_back(generator, settings):
    """Production: take the pages that are not ready out of the site. Links
    to an unchecked or duplicate translation lead to its English page
    (Pelican resolves {filename} links through generated_content); links to
    an orphan are left for content_checks to refuse, unless redirected."""
    held = {}
    for name in ("pages", "hidden_pages"):
        kept = []
        for page in getattr(generator, name):
            if page.translation_state in HELD_BACK:
                held[page.url] = (display_path(page.source_path), page.translation_state)
                if page.twin_source is not None:
                    key = page.get_relative_source_path()
                    generator.context["generated_content"][key] = page.twin_source
            else:
                kept.append(page)
        setattr(generator, name, kept)
    generator.context["pages"] = generator.pages
    generator.context["hidden_pages"] = generator.hidden_pages
    return held


def link_twins(generator, settings, languages):
    """Twins, alternates and language switches of the published pages.
    Twins are published pages only: a page held back or a draft is never
    live, so no live page may point a visitor or a search engine at it."""
    default = default_lang(settings)
    published = generator.pages + generator.hidden_pages
    for page in published:
        source = page.twin_source
        if source is not None and source in published:
            page.twin, source.twin = source, page
    urls = {page.url for page in published}
    for page in published + generator.draft_pages:
        page.alternates = alternates(page, settings.get("SITEURL", ""), default)
        page.language_switch = language_switch(page.lang, page.twin, settings, languages, urls)
    # Pages that are no content page (404, drafts list) are English.
    generator.context["language_switch"] = language_switch(default, None, settings, languages, urls)


def untranslated_advice(generator, settings, languages):
    """An English page with no translation: it publishes, and says so."""
    problems = []
    default = default_lang(settings)
    for lang in languages:
        name = wording.language_name(lang, "en")  # staff read the build in English
        for page in generator.pages:
            if page.lang == default and page.twin is None:
                what = f"no {name} translation yet: its language link leads to the {name} home page"
                fix = f"add a page in content/pages/{lang}/ with 'Translation-of: {relative_source(page, settings)}'"
                problems.append(Problem(display_path(page.source_path), 1, what, fix, ADVICE))
    return problems


def link_editions(generator):
    """Pair every translation with its English page, before the menus are built."""
    settings = generator.settings
    options, problems = settings_of(settings, "translations", DEFAULTS)
    reset(generator.pages + generator.hidden_pages + generator.draft_pages)
    problems += pair_all(generator, settings)
    held = {}
    if build.mode(settings) == build.PRODUCTION:
        held = hold_back(generator, settings)
    generator.context["held_back_pages"] = held
    link_twins(generator, settings, options["languages"])
    problems += untranslated_advice(generator, settings, options["languages"])
    record(generator.context, problems)


def register():
    # Before plugins/reading/page_meta.py (later in PLUGINS) builds menus and dates.
    signals.page_generator_finalized.connect(link_editions)
