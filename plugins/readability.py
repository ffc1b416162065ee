"""Reading grade of a page's text (Flesch-Kincaid), as a family reads it.

Headings and list items carry no full stop, and Flesch-Kincaid would read
a whole list as one endless sentence; each block therefore ends a sentence.
"""

import html
import re

import textstat

BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|dt|dd|td|th|blockquote)>", re.I)
TAGS = re.compile(r"<[^>]+>")


def readable_text(markup):
    sentences = []
    for block in BLOCK_END.split(markup or ""):
        text = " ".join(html.unescape(TAGS.sub(" ", block)).split())
        if text:
            sentences.append(text if text[-1] in ".?!:" else text + ".")
    return " ".join(sentences)


def grade(markup):
    text = readable_text(markup)
    return textstat.flesch_kincaid_grade(text) if text else 0.0
