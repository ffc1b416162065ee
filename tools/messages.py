"""The theme's words, extracted and merged into each language's catalog.

`invoke messages` runs this: it reads every `_("...")` in theme/templates/
and every `translatable("...")` in plugins/ (babel.cfg says where), then
updates theme/translations/<lang>/LC_MESSAGES/messages.po: new words are
added untranslated, words no longer used are dropped, translations are
kept. A translator then fills the empty `msgstr ""` lines. The build reads
the .po files directly (plugins/lib/wording.py), so there is nothing to
compile. tests/test_translations.py uses `extracted()` to prove every
catalog is complete and up to date.
"""

import argparse
import os
import sys

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from plugins.lib import wording

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEYWORDS = {"_": None, "gettext": None, "translatable": None}
LANGUAGES = ("es",)


def catalog_path(lang, root=ROOT):
    """Where the build reads the language's catalog (plugins/lib/wording.py)."""
    return wording.catalog_path(os.path.join(root, "theme"), lang)


def extracted(root=ROOT):
    """Every translatable word of the theme and plugins, in a Catalog."""
    with open(os.path.join(root, "babel.cfg"), encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    template = Catalog(project="IOP site", charset="utf-8")
    found = extract_from_dir(root, method_map, options_map, keywords=KEYWORDS)
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def update(lang, root=ROOT):
    """Merge the extracted words into one language's catalog; its new words."""
    path = catalog_path(lang, root)
    template = extracted(root)
    if os.path.exists(path):
        with open(path, "rb") as source:
            catalog = read_po(source, locale=lang)
        # The creation date is the catalog's, not this run's: an update that
        # changes no word changes no byte.
        template.creation_date = catalog.creation_date
    else:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        catalog = Catalog(locale=lang, project="IOP site", charset="utf-8")
    catalog.update(template, no_fuzzy_matching=True)
    with open(path, "wb") as target:
        write_po(
            target, catalog, omit_header=False, no_location=True, ignore_obsolete=True, width=100
        )
    return [message.id for message in catalog if message.id and not message.string]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="*", default=list(LANGUAGES))
    args = parser.parse_args(argv)
    for lang in args.languages:
        missing = update(lang)
        print(f"{os.path.relpath(catalog_path(lang))}: {len(missing)} word(s) to translate")
        for message in missing:
            print(f"  {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
