"""The order of PLUGINS, and why it matters: one list of the dependencies.

Pelican runs the receivers of one signal in the order their plugins are
listed (blinker keeps connection order; Pelican loads PLUGINS in order).
Where two plugins on one signal depend on each other, the dependency is a
rule here, with its reason; at `initialized`, before anything is read, a
list that breaks a rule stops the build with one line naming the rule
(swapping translations and page_meta once gave "'None' has no attribute
'isoformat' - this is a bug in the site"). tests/test_plugin_order.py checks
every rule against the settings, and that the signals run in list order.

The build's timeline (signal: its plugins, in PLUGINS order):

    initialized               order, content_files (the allowlist of files)
    readers_init              source_reader (our reader for .md)
    generator_init            center, notices, theme_i18n, to_confirm, inline_css,
                              fingerprint, security_headers (the theme's context)
    page_generator_preread    read_ahead (the first page starts it; a build alone)
    content_object_init       to_confirm (a page's To-confirm text)
    page_generator_finalized  addresses, translations, page_meta, to_confirm, faq,
                              images, scaffold
    all_generators_finalized  content_checks (beside the build, when alone), images,
                              tables
    get_writer                warm_writer (the warm worker's builds), split_writer
                              (a build alone)
    page_writer_finalized     split_writer (renders the pages it kept, in two
                              processes), fingerprint, security_headers, sitemap_xml
    finalized                 content_checks (hears the checks run beside the build)
    minify, then compress     minify, precompress (production; granular signals)
"""

from pelican import signals

from ..lib.problems import SINK_KEY, ContentError, Problem

NAMESPACE = "pelican.plugins."
# (runs first, runs after, the signal they share, why)
RULES = [
    (
        "plugins.reading.translations",
        "plugins.reading.page_meta",
        "page_generator_finalized",
        "a Spanish page takes its section and menu order from its English page, "
        "and page_meta builds the menus from them",
    ),
    (
        "plugins.rendering.inline_css",
        "plugins.site_files.security_headers",
        "generator_init",
        "the security policy names the hash of the stylesheet inline_css inlines",
    ),
    (
        "plugins.checks.content_checks",
        "plugins.rendering.images",
        "all_generators_finalized",
        "the checks read each page's HTML as Markdown made it, and only a build "
        "that passed them may make photo files and <picture> elements",
    ),
    (
        "plugins.checks.content_checks",
        "plugins.rendering.tables",
        "all_generators_finalized",
        "tables adds the theme's scrolling region around each table, markup the "
        "page allowlist refuses in an editor's text",
    ),
    (
        "plugins.rendering.split_writer",
        "plugins.site_files.sitemap_xml",
        "page_writer_finalized",
        "Pelican sends it once the pages are written, and the split writer writes "
        "the pages it kept then, before what comes after the pages",
    ),
    (
        "plugins.site_files.minify",
        "precompress",
        "minify, then compress",
        "the compressed copies must be of the minified pages",
    ),
]


def order_problems(plugins, where="pelicanconf.py"):
    """One Problem per rule the list breaks (both plugins listed, wrong order).
    By `initialized`, Pelican has named a namespace plugin by its module
    ("precompress" is "pelican.plugins.precompress"): both names are one."""
    names = [getattr(plugin, "__name__", plugin).removeprefix(NAMESPACE) for plugin in plugins]
    found = []
    for first, then, signal, why in RULES:
        if first in names and then in names and names.index(first) > names.index(then):
            found.append(
                Problem(
                    where,
                    0,
                    f"PLUGINS lists {then} before {first}, which must run first on {signal}: {why}",
                    f"list {first} before {then} in PLUGINS",
                )
            )
    return found


def check_order(pelican):
    problems = order_problems(pelican.settings.get("PLUGINS") or [])
    if problems:
        pelican.settings.get(SINK_KEY, []).extend(problems)
        raise ContentError(problems[0].what)


def register():
    signals.initialized.connect(check_order)
