"""Each page's address, worked out once, when every page is read.

Pelican works a page's `url` out again at each use: its URL pattern
filled from the metadata, with the source's path made absolute and
relative again four times. The templates, the checks and the links ask
about twenty times a page, a tenth of a cold build of 1,000 pages. An
address depends only on what reading decided (the slug, the language, the
status) and the settings, none of which a plugin changes afterwards, so it
is kept as Pelican's own override, the attribute EXTRA_PATH_METADATA's
"url" sets. tests/test_addresses.py checks it equals Pelican's own answer.
"""

from itertools import chain

from pelican import signals

# Every list of the pages generator (the translations ones stay empty:
# PAGE_TRANSLATION_ID is None, plugins/reading/translations.py pairs).
KINDS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


def fix_addresses(generator):
    for page in chain.from_iterable(getattr(generator, kind, []) for kind in KINDS):
        page.override_url = page.url


def register():
    # First on page_generator_finalized (PLUGINS order): every later plugin,
    # the checks and the templates read the kept address.
    signals.page_generator_finalized.connect(fix_addresses)
