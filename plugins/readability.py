"""How easily a family reads a page: Flesch-Kincaid grade for English,
Szigriszt-Pazos (INFLESZ) for Spanish, where 65 or more is "bastante fácil".

Headings and list items carry no full stop, and Flesch-Kincaid would read
a whole list as one endless sentence; each block therefore ends a sentence.
"""

import re

import textstat

from .markup import plain_text

# Alternatives of literals: a linear search.
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|dt|dd|td|th|blockquote)>", re.I)
# Szigriszt-Pazos 65 and above: "bastante fácil" on the INFLESZ scale.
MIN_INFLESZ = 65.0


def readable_text(markup):
    sentences = []
    for block in BLOCK_END.split(markup or ""):
        text = plain_text(block)
        if text:
            sentences.append(text if text[-1] in ".?!:" else text + ".")
    return " ".join(sentences)


def grade(markup):
    text = readable_text(markup)
    return textstat.flesch_kincaid_grade(text) if text else 0.0


def inflesz(markup):
    """Szigriszt-Pazos score of Spanish text (0-100, higher is easier).
    textstat keeps its language in one global, so it is put back at once."""
    text = readable_text(markup)
    if not text:
        return 100.0
    textstat.set_lang("es")
    try:
        return textstat.szigriszt_pazos(text)
    finally:
        textstat.set_lang("en")
