"""Facts the center has not confirmed yet, shown in review and refused live.

Editors never invent the center's facts. They write one the center has not
confirmed inline as `[[to confirm: the fact]]` (in a page, a notice or
content/center.txt), and a page that needs the center's review as a whole
carries a `To-confirm: what to check` field. When the center confirms, the
editor deletes the marker's brackets and label (or the field) and nothing
else.

- Preview and staging builds show each one highlighted: a
  <mark class="app-confirm"> with a visible "To confirm:" label (and the
  page's To-confirm field as a box above its text). Staging also lists them
  as warnings.
- A production build (CONTENT_CHECKS "strict" is True and "placeholders" is
  "refuse") refuses each one: `content/file.md:LINE: to confirm: ... - ...`.
- Clinical pages must name their reviewer (`Reviewed-by: Name, credential`)
  before production. A page is clinical when its `Section` is one of
  "clinical_sections", or its path (under the pages folder) is one of
  "clinical_pages". Preview shows a missing reviewer as a to-confirm mark.
- `checklist(settings)` is what `invoke confirm-list` prints for the center.

Settings, one dict (defaults below): TO_CONFIRM = {
    "clinical_sections": ["about-iop", "for-families"],  # Section values
    "clinical_pages": ["index.md"],  # other clinical pages, under PAGE_PATHS
    "center_path": "center.txt",     # the center's details, in the content folder
    "notices_path": "notices",       # the notices folder, in the content folder
}
Like every plugin here, it obeys its settings and never reads os.environ.
"""

import html
import os
from dataclasses import dataclass

from pelican import contents, signals

from . import build, datafile, translations
from .problems import ERROR, WARNING, Problem, display_path, record, settings_of

DEFAULTS = {
    "clinical_sections": ["about-iop", "for-families"],
    "clinical_pages": ["index.md"],
    "center_path": "center.txt",
    "notices_path": "notices",
}
# [[to confirm: ...]] may wrap over lines; the text stops at the first "]]".
OPEN, LABEL_WORDS, CLOSE = "[[", "to confirm", "]]"
# English on every page (lang): it is a note for the center's staff.
LABEL = '<span class="app-confirm__label" lang="en">To confirm:</span>'
FIX = "ask the center; once confirmed, delete the [[to confirm: ]] around the fact"
FIELD_FIX = "ask the center; once it has checked the page, delete the To-confirm line"
REVIEWER_FIX = "add 'Reviewed-by: Name, credential' once a clinician has reviewed the page"
# A translation no medical translator has checked, or one older than its
# English page: on the center's list; plugins/translations.py holds it back
# or marks it in production (so it is not refused here).
TRANSLATOR = "a qualified medical translator's check of this translation"
TRANSLATION_KINDS = ("translator", "outdated", "orphan")


@dataclass(frozen=True, order=True)
class Item:
    """One thing the center must confirm: where it is and what it says."""

    path: str
    line: int
    kind: str  # "marker", "field" or "reviewer"
    text: str


def one_line(text):
    return " ".join(text.split())


def mark(text):
    """The highlighted form of one fact (text is already HTML)."""
    return f'<mark class="app-confirm">{LABEL} {text}</mark>'


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
    """Rendered HTML with every marker turned into a highlighted <mark>."""
    return replace_markers(markup, mark)


def strip_markers(text):
    """The plain fact, for places that cannot show a highlight (meta tags)."""
    return replace_markers(text, lambda fact: fact)


def markers_in(text):
    """(line, text) of every marker in a file's text, 1-based lines."""
    return [(text.count("\n", 0, start) + 1, one_line(fact)) for start, _, fact in markers(text)]


# --- What one page needs ------------------------------------------------------


def page_fields(path):
    """The page's Key: value fields and their lines, or None if unreadable."""
    try:
        return datafile.parse(path, datafile.read_text(path))
    except (datafile.NotUtf8, OSError):
        return None  # content_checks reports it


def is_clinical(data, relative, options):
    section = data.fields.get("section", "").strip().lower()
    return section in options["clinical_sections"] or relative in options["clinical_pages"]


def file_items(path, text):
    return [Item(display_path(path), line, "marker", what) for line, what in markers_in(text)]


def translation_items(path, data, settings):
    """What a translator (or an editor) must do for one translation."""
    where = display_path(path)
    target = data.fields.get("translation_of", "").strip().lstrip("/")
    english = translations.source_data(os.path.join(translations.pages_base(settings), target))
    if not target or english is None:
        line = data.lines.get("translation_of", 1)
        what = f"its English page '{target}' is gone: delete this page, or restore the English page"
        return [Item(where, line, "orphan", what)]
    state, changed, problems = translations.check_state(where, data, english, settings)
    if state == translations.OUTDATED:
        what = f"the English page changed on {changed}: the translator brings this page in line"
        return [Item(where, problems[0].line, "outdated", what)]
    if state == translations.UNCHECKED:
        return [Item(where, problems[0].line, "translator", TRANSLATOR)]
    return []


def page_items(path, relative, options, settings):
    """Every marker, the To-confirm field and a missing reviewer (clinician,
    or for a translation, medical translator) of one page."""
    try:
        text = datafile.read_text(path)
    except (datafile.NotUtf8, OSError):
        return []
    data = datafile.parse(path, text)
    where = display_path(path)
    items = file_items(path, text)
    field = data.fields.get("to_confirm", "").strip()
    if field:
        items.append(Item(where, data.lines["to_confirm"], "field", strip_markers(field)))
    if is_clinical(data, relative, options) and not data.fields.get("reviewed_by", "").strip():
        what = "the name and credential of the clinician who reviewed this clinical page"
        items.append(Item(where, 1, "reviewer", what))
    languages = settings.get("TRANSLATIONS", {}).get("languages", [])
    if relative.replace(os.sep, "/").split("/")[0] in languages:
        items += translation_items(path, data, settings)
    return items


def markdown_files(folder):
    for directory, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.endswith(".md") and not name.startswith("."):
                yield os.path.join(directory, name)


def checklist(settings):
    """Every Item the center must confirm, in pages, notices and its details."""
    options, _ = settings_of(settings, "to_confirm", DEFAULTS)
    content = settings["PATH"]
    items = []
    for folder in settings.get("PAGE_PATHS", ["pages"]):
        base = os.path.join(content, folder)
        for path in markdown_files(base):
            items += page_items(path, os.path.relpath(path, base), options, settings)
    for path in markdown_files(os.path.join(content, options["notices_path"])):
        items += file_items(path, datafile.read_text(path))
    center = os.path.join(content, options["center_path"])
    if os.path.exists(center):
        items += file_items(center, datafile.read_text(center))
    return sorted(set(items))


def checklist_text(items):
    """The checklist as the center reads it: grouped by file, one line each."""
    if not items:
        return "Nothing to confirm."
    lines, current = [], None
    labels = {
        "marker": "to confirm",
        "field": "page to check",
        "reviewer": "Reviewed-by",
        "translator": "Translation-checked",
        "outdated": "Translation-checked",
        "orphan": "leftover translation",
    }
    for item in items:
        if item.path != current:
            current = item.path
            lines += ["" if lines else None, item.path]
        lines.append(f"  {item.path}:{item.line}: {labels[item.kind]}: {item.text}")
    return "\n".join(line for line in lines if line is not None)


def problems_of(items, level):
    fixes = {"marker": FIX, "field": FIELD_FIX, "reviewer": REVIEWER_FIX}
    whats = {"marker": "to confirm", "field": "page to confirm", "reviewer": "no reviewer"}
    return [
        Problem(item.path, item.line, f"{whats[item.kind]}: {item.text}", fixes[item.kind], level)
        for item in items
    ]


# --- Pelican -----------------------------------------------------------------


def highlight(instance):
    """Every page's HTML carries its markers as highlighted <mark> elements,
    and the page knows its To-confirm text and whether it is clinical."""
    # Pages only: a static file (an image, even a missing one) has no text.
    if not isinstance(instance, contents.Page):
        return
    instance._content = mark_html(instance._content)
    options, _ = settings_of(instance.settings, "to_confirm", DEFAULTS)
    data = page_fields(instance.source_path) if instance.source_path else None
    instance.to_confirm_html = ""
    instance.clinical = False
    if data is None:
        return
    field = data.fields.get("to_confirm", "").strip()
    instance.to_confirm_html = mark(html.escape(strip_markers(field))) if field else ""
    for folder in instance.settings.get("PAGE_PATHS", ["pages"]):
        base = os.path.join(instance.settings["PATH"], folder)
        relative = os.path.relpath(instance.source_path, base)
        if not relative.startswith(".."):
            instance.clinical = is_clinical(data, relative, options)


def check(generator):
    """Staging warns and production refuses each fact still to confirm."""
    options, problems = settings_of(generator.settings, "to_confirm", DEFAULTS)
    level = {build.PRODUCTION: ERROR, build.STAGING: WARNING}.get(build.mode(generator.settings))
    if level:
        items = [
            item for item in checklist(generator.settings) if item.kind not in TRANSLATION_KINDS
        ]
        problems += problems_of(items, level)
    record(generator.context, problems)


def add_filter(generator):
    """`|confirm_marks` for HTML the theme shows from data (notices)."""
    if hasattr(generator, "env"):
        generator.env.filters["confirm_marks"] = mark_html


def register():
    signals.content_object_init.connect(highlight)
    signals.generator_init.connect(add_filter)
    # Before content_checks (all_generators_finalized) gathers every problem.
    signals.page_generator_finalized.connect(check)
