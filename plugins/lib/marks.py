"""The highlight of an open question: `[[to confirm: ...]]` in a page's HTML.

plugins/reading/facts.py writes an unanswered fact as this marker; the
theme shows it as a <mark> labelled "To confirm:" (the `confirm_marks`
filter, plugins/reading/to_confirm.py), the checks read past it (the
reading level leaves it out), and a marker an editor typed is refused:
each is a fact now.
"""

from .problems import Problem

# [[to confirm: ...]]: the highlight the site draws (plugins/reading/facts.py makes
# it for an open question); the text stops at the first "]]".
OPEN, LABEL_WORDS, CLOSE = "[[", "to confirm", "]]"
# English on every page (lang): it is a note for the center's staff.
LABEL = '<span class="app-confirm__label" lang="en">To confirm:</span>'


def one_line(text):
    return " ".join(text.split())


def mark(text, lang=None):
    """The highlighted form of one open question (text is already HTML);
    `lang` when its words are not the page's (a fact's question is English)."""
    marked = f' lang="{lang}"' if lang else ""
    return f'<mark class="app-confirm"{marked}>{LABEL} {text}</mark>'


def skip_spaces(text, index):
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def markers(text):
    """(start, end, fact) of each [[to confirm: fact]] in a text, in order.

    A scan forward with str.find, never back: the regular expression it
    replaces tried every "[[" and every space, and a long paragraph of them
    took seconds (the time grew with the square of the text)."""
    lowered, found, position = text.lower(), [], 0
    while True:
        start = text.find(OPEN, position)
        if start < 0:
            return found
        label = skip_spaces(text, start + len(OPEN))
        colon = skip_spaces(text, label + len(LABEL_WORDS))
        if not lowered.startswith(LABEL_WORDS, label) or not text.startswith(":", colon):
            position = start + 1
            continue
        end = text.find(CLOSE, colon + 1)
        if end < 0:
            return found
        found.append((start, end + len(CLOSE), text[colon + 1 : end].strip()))
        position = end + len(CLOSE)


def replace_markers(text, replace):
    out, position = [], 0
    for start, end, fact in markers(text or ""):
        out += [text[position:start], replace(fact)]
        position = end
    return "".join(out) + (text or "")[position:]


def mark_html(markup):
    """Rendered HTML with every open question (plugins/reading/facts.py writes them
    in English) turned into a highlighted <mark>."""
    return replace_markers(markup, lambda text: mark(text, "en"))


def strip_markers(text):
    """The plain fact, for places that cannot show a highlight (meta tags)."""
    return replace_markers(text, lambda fact: fact)


def markers_in(text):
    """(line, text) of every marker in a file's text, 1-based lines."""
    return [(text.count("\n", 0, start) + 1, one_line(fact)) for start, _, fact in markers(text)]


def old_marker_problems(text, where):
    """The [[to confirm: ...]] markers an editor wrote: each is a fact now."""
    return [
        Problem(
            where,
            line,
            f"'[[to confirm: {what[:40]}]]' is how a fact was marked before",
            "make it a fact: add content/facts/<key>.txt (Question, Owner) and write "
            "[[fact: key]] here (EDITING.md, 'Facts the center must confirm')",
        )
        for line, what in markers_in(text)
    ]
