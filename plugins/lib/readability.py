"""How easily a family reads a page: Flesch-Kincaid grade for English,
Szigriszt-Pazos (INFLESZ) for Spanish, where 65 or more is "bastante fácil".

Headings and list items carry no full stop, and Flesch-Kincaid would read
a whole list as one endless sentence; each block therefore ends a sentence.
A part in another language (`{: lang="vi" }`: a required tagline) is not
the page's words, and is left out of its measure; so is a fact the center
has not answered yet (its question, in English, is not what will publish).
"""

import functools
import importlib
import importlib.resources
import re
import sys
import types

import pyphen
from selectolax.lexbor import LexborHTMLParser

from . import parsed_cache
from .marks import replace_markers
from .markup import plain_text

# Alternatives of literals: a linear search.
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|dt|dd|td|th|blockquote)>", re.I)
# Szigriszt-Pazos 65 and above: "bastante fácil" on the INFLESZ scale.
MIN_INFLESZ = 65.0
# The dictionaries textstat hyphenates with: its default, and spanish()'s.
HYPHENATION = ("en_US", "es")


def own_language(markup):
    """The HTML without its parts in another language (they carry `lang`)."""
    if "lang=" not in (markup or ""):
        return markup or ""
    tree = LexborHTMLParser(f"<div id=app-text>{markup}</div>")
    for node in tree.css("#app-text [lang]"):
        node.decompose()
    return tree.css_first("#app-text").inner_html


def readable_text(markup):
    sentences = []
    for block in BLOCK_END.split(own_language(replace_markers(markup, lambda _: ""))):
        text = plain_text(block)
        if text:
            sentences.append(text if text[-1] in ".?!:" else text + ".")
    return " ".join(sentences)


@functools.cache
def textstat():
    """textstat, imported at the first measure (the checks', which run
    beside the pages being written: plugins/lib/beside.py).

    textstat 0.7.3 (pinned: later versions fetch NLTK data at run time)
    imports pkg_resources only to open its own word lists with
    `resource_stream`. Importing pkg_resources first scans every installed
    package: 0.15 s, more than textstat and both its dictionaries, and the
    part of a small build's checks a visitor's page waits for. So for that
    one import `pkg_resources` is a stand-in whose `resource_stream` opens
    the same files through the standard library; whoever imports
    pkg_resources afterwards gets the real one. tests/test_readability.py
    reads a word list through it."""
    for lang in HYPHENATION:
        hyphenation(lang)
    if "pkg_resources" in sys.modules:
        return importlib.import_module("textstat")
    stand_in = types.ModuleType("pkg_resources")
    stand_in.resource_stream = resource_stream
    sys.modules["pkg_resources"] = stand_in
    try:
        return importlib.import_module("textstat")
    finally:
        if sys.modules.get("pkg_resources") is stand_in:
            del sys.modules["pkg_resources"]


def hyphenation(lang):
    """Pyphen's dictionary for `lang`, in Pyphen's own cache before textstat
    asks for it (parsing one took 40 ms; plugins/lib/parsed_cache.py keeps
    it parsed)."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    if path not in pyphen.hdcache:
        key = (pyphen.__version__, str(path))
        pyphen.hdcache[path] = parsed_cache.load(
            f"hyphenation-{lang}", key, lambda: pyphen.HyphDict(path)
        )


def resource_stream(package, name):
    return importlib.resources.files(package).joinpath(name).open("rb")


def grade(markup):
    text = readable_text(markup)
    return textstat().flesch_kincaid_grade(text) if text else 0.0


def inflesz(markup):
    """Szigriszt-Pazos score of Spanish text (0-100, higher is easier);
    textstat's shared instance stays English."""
    text = readable_text(markup)
    return spanish().szigriszt_pazos(text) if text else 100.0


@functools.cache
def spanish():
    """textstat's measures in Spanish, in their own instance: setting the
    language loads a hyphenation dictionary (10 ms), which textstat's one
    shared instance would do twice for every Spanish page."""
    measures = textstat().textstat.__class__()
    measures.set_lang(HYPHENATION[1])
    return measures
