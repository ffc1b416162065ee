"""Development settings: what `invoke build` and `invoke livereload` use."""

import hashlib
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

# Pelican wants a name; pages show the center's, from content/center.txt.
SITENAME = "Mental Health Center of San Diego"
SITEURL = ""
DEFAULT_LANG = "en"
TIMEZONE = "America/Los_Angeles"

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"

# Pages only: the site has no blog, so nothing is read as an article.
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
STATIC_PATHS = ["images", "files"]

# A page's date is not its file name's (Pelican reads 2026-01-01.md as a
# date, and a name like 2026-99-99.md stopped it): this pattern never matches.
FILENAME_METADATA = r"(?!)"
# The folder path is the URL: pages/intensive-outpatient/benefits.md is served
# at /intensive-outpatient/benefits/ (pretty URLs, see docs/architecture.md "URLs").
PATH_METADATA = r"pages/(?P<slug>.+)\.md"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# The Spanish edition: content/pages/es/ is Spanish (its folder sets `lang`),
# at /es/... addresses; its home page is /es/. Pelican's own translations,
# paired by plugins/reading/translations.py (which says why not i18n-subsites).
EXTRA_PATH_METADATA = {
    "pages/index.md": {"url": "", "save_as": "index.html"},
    "pages/es": {"lang": "es"},
    "pages/es/index.md": {"url": "es/", "save_as": "es/index.html"},
}
PAGE_LANG_URL = "{slug}/"
PAGE_LANG_SAVE_AS = "{slug}/index.html"
# Pelican pairs translations by equal slugs; ours name their English page.
PAGE_TRANSLATION_ID = None
TRANSLATIONS = {"languages": ["es"]}


class TemplateCache(FileSystemBytecodeCache):
    """Compiled templates, kept in cache/templates/ (gitignored): compiling
    the theme was nine tenths of a small build, and the preview, the tests
    and a publish build again and again. One file per template name, not
    per path, so the tests' copies of the theme leave nothing behind; Jinja
    still compares each template's text, so an edit is compiled again."""

    def get_cache_key(self, name, filename=None):
        return hashlib.sha1(name.encode("utf-8")).hexdigest()


TEMPLATE_CACHE = Path(__file__).resolve().parent / "cache" / "templates"
TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
# Theme wording in Spanish: gettext catalogs in theme/translations/, read
# with Babel (plugins/rendering/theme_i18n.py); `invoke messages` updates them.
# Every value is escaped as it is printed (autoescape); `|safe` marks the few
# trusted HTML values, each with its reason beside it. `do` runs a list's
# append without `{% set _ = ... %}`, which shadowed gettext's `_`.
# auto_reload off: a build's templates never change while it runs (each build
# makes its own environment, and the preview's worker starts afresh when a
# template changes), and Jinja's check of each one's file time cost ~20 file
# reads of metadata a page.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "auto_reload": False,
    "extensions": ["jinja2.ext.i18n", "jinja2.ext.do"],
    "bytecode_cache": TemplateCache(str(TEMPLATE_CACHE)),
}
# The stylesheet is inlined (plugins/rendering/inline_css.py) and icons are copied
# under fingerprinted names (plugins/rendering/fingerprint.py), so Pelican copies nothing.
THEME_STATIC_PATHS = []

# The theme owns every page it ships: switch off the outputs we do not use so
# Pelican can never fall back to its unstyled `simple` theme.
DIRECT_TEMPLATES = []
INDEX_SAVE_AS = ""
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
# The 404 page is a template page: it is no content, but has crisis help.
TEMPLATE_PAGES = {
    "404.html": "404.html",
    "robots.txt": "robots.txt",
    # The preview lists its drafts, and what the center must still confirm
    # (publishconf.py removes both pages).
    "drafts.html": "drafts/index.html",
    "confirm.html": "confirm/index.html",
}
# Drafts (`Status: draft`) are built in the preview, with a band saying so,
# at the address they will have; publishconf.py never writes them.
DRAFT_PAGE_URL = "{slug}/"
DRAFT_PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_PAGE_LANG_URL = "{slug}/"
DRAFT_PAGE_LANG_SAVE_AS = "{slug}/index.html"

# The header (Key: value lines) is read by plugins/lib/datafile.py, for the
# checks and for Pelican alike (plugins/reading/source_reader.py): no `meta` here.
MARKDOWN = {
    "extension_configs": {
        # toc gives every heading a stable id, so links can target #fragments.
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.extra": {},
    },
    "output_format": "html5",
}
# Ids the theme puts on every page: #fragment targets, never a heading's id.
THEME_IDS = ["main-content", "crisis-help", "crisis-help-title", "contact", "section-menu-title"]

# Deterministic output: same content, byte-identical site.
CACHE_CONTENT = False
# Photo variants are cached here by content hash (plugins/rendering/images.py).
CACHE_PATH = "cache"
LOAD_CONTENT_CACHE = False

# Pages are Markdown files ending in .md, nothing else: Pelican reads no
# HTML, reStructuredText or other Markdown extension (each would skip our
# checks; plugins/reading/content_files.py names such a file as an error).
READERS = {"html": None, "htm": None, "rst": None, "markdown": None, "mkd": None, "mdown": None}
# Dotfiles and dot folders (.DS_Store, ._photo.jpg, .env, .draft.md) are
# never read or published.
IGNORE_FILES = [".*"]

# Our plugins are the package plugins/ beside this file (Pelican resolves
# PLUGIN_PATHS against the settings file, so no sys.path patching is needed).
# Receivers of one signal run in this order; where that matters, the rule
# and its reason are in plugins/checks/order.py (which checks this list first).
PLUGIN_PATHS = ["."]
PLUGINS = [
    "plugins.checks.order",
    "plugins.reading.content_files",
    "plugins.reading.source_reader",
    "plugins.reading.read_ahead",
    "plugins.reading.addresses",
    "plugins.reading.center",
    "plugins.reading.notices",
    "plugins.reading.translations",
    "plugins.reading.page_meta",
    "plugins.rendering.theme_i18n",
    "plugins.reading.to_confirm",
    "plugins.reading.faq",
    "plugins.rendering.inline_css",
    "plugins.rendering.split_writer",
    "plugins.rendering.fingerprint",
    "plugins.site_files.security_headers",
    "plugins.checks.content_checks",
    "plugins.rendering.images",
    "plugins.rendering.tables",
    "plugins.checks.scaffold",
    "plugins.site_files.sitemap_xml",
    "plugins.reading.redirects",
    "plugins.site_files.minify",
    "plugins.rendering.warm_writer",
]

# The build, decided here once for every plugin (plugins/lib/build.py): its
# mode, "preview" (the editor's: everything shown, each problem listed;
# publishconf.py says "production" or "staging"), and the day it decides
# by (None: today in San Diego; `--as-of DATE` sets another).
BUILD = {"mode": "preview", "today": None}

# Plugin settings, one dict per plugin (see each plugin's docstring).
CENTER = {"path": "center.txt"}
NOTICES = {"path": "notices", "warn_days": 14}
CONTENT_CHECKS = {"max_grade": 8.0}
INLINE_CSS = {"path": "static/css/main.css"}
REDIRECTS = {"path": "redirects.txt"}
# Pages that need a named clinical reviewer before production (plugins/reading/to_confirm.py).
TO_CONFIRM = {"clinical_sections": ["about-iop", "for-families"], "clinical_pages": ["index.md"]}
# Question pages that carry FAQPage JSON-LD (plugins/reading/faq.py).
FAQ = {"pages": ["families/questions.md", "es/familias/preguntas.md"]}
FINGERPRINT = {"path": "static/icons", "url": "theme"}
# The preview carries the production policy too (what production blocks, the
# preview blocks), plus livereload's one inline script, allowed by its hash
# (tests/browser/test_live_reload.py proves the hash matches what it injects).
SECURITY_HEADERS = {
    "meta_csp": True,
    "preview_script": "sha256-MclZcNa5vMtp/wzxRW6+KS3i8mRUf6thpmjT3pkIT5I=",
}
MINIFY = {"enabled": False}
# Compression is for production (publishconf.py). Said here too because a
# plugin, once loaded, stays connected for the life of the process: tests
# and previews that follow a production build must not compress.
PRECOMPRESS_GZIP = False
PRECOMPRESS_BROTLI = False
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_ZSTANDARD = False

# Public crisis lines, per language (docs/architecture.md, "Facts the content
# must get right"), shown on every page apart from the center's own phone,
# which is not a crisis line. Spanish: 988 answers in Spanish after pressing
# 2, and takes texts in Spanish with the word AYUDA.
# The Access & Crisis Line can send a mobile crisis team (a clinician and a
# peer, not police: sandiegocounty.gov/mcrt); 711 reaches any of them by
# relay, and 988 takes videophone calls in ASL (SAMHSA, September 2023).
CRISIS_LINES = {
    "en": [
        {
            "text": "Suicide & Crisis Lifeline, call or text",
            "number": "988",
            "tel": "988",
            "note": "24/7, free; press 1 for veterans, 2 for Spanish",
        },
        {"text": "Emergency", "number": "911", "tel": "911", "note": "if a life is in danger"},
        {
            "text": "San Diego Access & Crisis Line",
            "number": "1-888-724-7240",
            "tel": "+18887247240",
            "note": "24/7, any language; it can send a mobile crisis team, who are not police",
        },
        {
            "text": "Deaf or hard of hearing: California Relay",
            "number": "711",
            "tel": "711",
            "note": "or call 988 from a videophone to sign with a counselor (ASL)",
        },
    ],
    "es": [
        {
            "text": "Línea 988 de Prevención del Suicidio y Crisis",
            "number": "988",
            "tel": "988",
            "note": "llame y marque 2 para español, o envíe AYUDA por mensaje de texto al 988; gratis, las 24 horas",
        },
        {
            "text": "Emergencias",
            "number": "911",
            "tel": "911",
            "note": "si una vida está en peligro",
        },
        {
            "text": "Línea de Acceso y Crisis de San Diego",
            "number": "1-888-724-7240",
            "tel": "+18887247240",
            "note": "las 24 horas, en su idioma; puede enviar un equipo móvil de crisis, que no es la policía",
        },
        {
            "text": "Personas sordas o con problemas de audición: Servicio de Retransmisión de California",
            "number": "711",
            "tel": "711",
            "note": "o llame al 988 por videoteléfono para hablar en lengua de señas (ASL)",
        },
    ],
}
# The Lifeline's chat (both languages) and its ASL button are on its site.
CRISIS_CHAT = "https://988lifeline.org/"
