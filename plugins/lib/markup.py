"""Reading the HTML the site makes from Markdown, in time linear in its size.

The plugins that read a page's HTML after the checks (questions for FAQ
data, tables to box, photos to turn into pictures, words to measure) once
did it with regular expressions like `<[^>]+>` and `<table\\b.*?</table>`:
on a page with many "<" and no ">" each such pattern tries every start and
scans to the end, and a 200 KB page took a minute. These functions scan
forward with str.find and never go back.
"""

import html


def strip_tags(markup, between=" "):
    """The text of some HTML, tags replaced by `between`, entities kept."""
    out, position = [], 0
    while True:
        start = markup.find("<", position)
        if start < 0:
            out.append(markup[position:])
            break
        out.append(markup[position:start])
        end = markup.find(">", start)
        if end < 0:
            out.append(markup[start:])
            break
        out.append(between)
        position = end + 1
    return "".join(out)


def plain_text(markup):
    """Words of some HTML as a visitor reads them: tags gone, entities
    decoded, white space collapsed."""
    return " ".join(html.unescape(strip_tags(markup or "")).split())


def spans(markup, opening, closing):
    """(start, end) of each `opening ... closing` span, not nested, in
    order; `opening` and `closing` are lower-case text such as "<table" and
    "</table>". A span with no closing ends the search."""
    lowered, found, position = markup.lower(), [], 0
    while True:
        start = lowered.find(opening, position)
        if start < 0:
            break
        end = lowered.find(closing, start + len(opening))
        if end < 0:
            break
        found.append((start, end + len(closing)))
        position = end + len(closing)
    return found


def tags(markup, name):
    """(start, end) of each start tag `<name ...>`, in order."""
    lowered, found, position = markup.lower(), [], 0
    opening = f"<{name}"
    while True:
        start = lowered.find(opening, position)
        if start < 0:
            break
        after = start + len(opening)
        if after < len(lowered) and (lowered[after].isalnum() or lowered[after] in "-_"):
            position = after  # <imgx>, <h2x>: another tag
            continue
        end = lowered.find(">", after)
        if end < 0:
            break
        found.append((start, end + 1))
        position = end + 1
    return found
