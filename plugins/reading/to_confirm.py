"""What the center must still confirm: shown in review, refused live, and
listed by who answers it.

Editors never invent the center's facts. A fact only the center knows is a
record in content/facts/ (plugins/reading/facts.py), used in pages by its key,
`[[fact: key]]`; a page that needs the center's review as a whole carries
a `To-confirm: what to check` field; a clinical page names its reviewer
(`Reviewed-by: Name, credential`). Until then:

- preview and staging builds show each open question highlighted: a
  <mark class="app-confirm"> with a visible "To confirm:" label (and the
  page's To-confirm field as a box above its text). Staging lists them as
  warnings;
- a production build refuses each one, naming the file and line where it
  is answered (a Spanish page missing a Spanish answer is held back
  instead: plugins/reading/translations.py);
- `checklist(settings)` is what `invoke confirm-list` prints, and what the
  preview's /confirm/ page shows: every item production would refuse or
  hold back, grouped by who answers it (`OWNERS`), with counts.

The `[[to confirm: ...]]` markers editors once wrote inline are refused:
each became a fact (a question written over in place of its answer had
published the question itself).

A page is clinical when its `Section` is one of "clinical_sections", or its
path (under the pages folder) is one of "clinical_pages".

Settings, one dict (defaults below): TO_CONFIRM = {
    "clinical_sections": ["about-iop", "for-families"],  # Section values
    "clinical_pages": ["index.md"],  # other clinical pages, under PAGE_PATHS
    "center_path": "center.txt",     # the center's details, in the content folder
    "notices_path": "notices",       # the notices folder, in the content folder
}
"""

import csv
import html
import io
import os
from dataclasses import dataclass

from markupsafe import Markup, escape
from pelican import contents, signals

from ..lib import build, fields, sources
from ..lib.marks import mark, mark_html, strip_markers
from ..lib.problems import ERROR, WARNING, Problem, display_path, record, settings_of
from . import facts, translations

DEFAULTS = {
    "clinical_sections": ["about-iop", "for-families"],
    "clinical_pages": ["index.md"],
    "center_path": "center.txt",
    "notices_path": "notices",
}
# Who answers, in the order the checklist lists them (fields.OWNERS, and the
# translator for what is asked in Spanish).
OWNERS = (*fields.OWNERS, "translator")
# Who checks a whole page (its To-confirm field), by the page's section.
SECTION_OWNERS = {
    "about-iop": "clinical director",
    "for-families": "clinical director",
    "getting-care": "admissions",
    "about-us": "marketing",
    "footer": "compliance",
}
TRANSLATOR = "a qualified medical translator's check of this translation"
TRANSLATION_KINDS = ("translator", "outdated", "orphan", "fact-es")


@dataclass(frozen=True, order=True)
class Item:
    """One thing the center must confirm: where it is answered, and by whom."""

    owner: str
    path: str
    line: int
    kind: str  # fact, fact-es, field, reviewer, center, translator, outdated, orphan
    text: str
    used: tuple = ()  # the pages or notices that show it (a fact)


# --- What one page needs ------------------------------------------------------


def is_clinical(data, relative, options):
    section = data.fields.get("section", "").strip().lower()
    return section in options["clinical_sections"] or relative in options["clinical_pages"]


def markdown_files(folder):
    """The .md files under a folder, as the build reads them: never in a
    hidden folder, never a hidden file."""
    for directory, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if name.endswith(".md") and not name.startswith("."):
                yield os.path.join(directory, name)


def page_items(path, relative, options, settings, english):
    """The To-confirm field, a missing reviewer and the translation of one page."""
    data = sources.read(settings, path)
    if data is None:
        return []
    where, items = display_path(path), []
    section = english.fields.get("section", "").strip().lower() if english else ""
    field = data.fields.get("to_confirm", "").strip()
    if field:
        owner = SECTION_OWNERS.get(section or data.fields.get("section", "").lower(), "marketing")
        items.append(Item(owner, where, data.lines["to_confirm"], "field", strip_markers(field)))
    if is_clinical(data, relative, options) and not data.fields.get("reviewed_by", "").strip():
        what = "the name and credential of the clinician who reviewed this clinical page"
        items.append(Item("clinical director", where, 1, "reviewer", what))
    languages = settings.get("TRANSLATIONS", {}).get("languages", [])
    if relative.replace(os.sep, "/").split("/")[0] in languages:
        items += translation_items(path, data, settings)
    return items


def translation_items(path, data, settings):
    """What a translator (or an editor) must do for one translation."""
    where = display_path(path)
    target = data.fields.get("translation_of", "").strip().lstrip("/")
    english = sources.read(settings, os.path.join(translations.pages_base(settings), target))
    if not target or english is None:
        line = data.lines.get("translation_of", 1)
        what = f"its English page '{target}' is gone: delete this page, or restore the English page"
        return [Item("marketing", where, line, "orphan", what)]
    state, changed, problems = translations.check_state(where, data, english, settings)
    if state == translations.OUTDATED:
        what = f"the English page changed on {changed}: the translator brings this page in line"
        return [Item("translator", where, problems[0].line, "outdated", what)]
    if state == translations.UNCHECKED:
        return [Item("translator", where, problems[0].line, "translator", TRANSLATOR)]
    return []


def fact_uses(settings, options):
    """{key: [(lang, where used)]} of every reference in pages and notices."""
    uses = {}
    base = translations.pages_base(settings)
    notices = os.path.join(settings["PATH"], options["notices_path"])
    for path in [*markdown_files(base), *markdown_files(notices)]:
        data = sources.read(settings, path)
        if data is None:
            continue
        if path.startswith(base):
            lang = translations.language_of(path, settings)
        else:
            parent = os.path.basename(os.path.dirname(path))
            lang = parent if os.path.dirname(path) != notices.rstrip("/") else "en"
        for ref in facts.references(data.body):
            if ref.key:
                uses.setdefault(ref.key, []).append((lang, display_path(path)))
    return uses


def fact_items(settings, options):
    """One item per fact a page or notice shows and the center has not
    answered (in English: its owner; in Spanish only: the translator)."""
    known, _ = facts.load(settings)
    items = []
    for key, uses in sorted(fact_uses(settings, options).items()):
        fact = known.get(key)
        if fact is None:
            continue  # content_checks names the reference to no fact
        langs = {lang for lang, _ in uses}
        used = tuple(sorted({where for _, where in uses}))
        if not fact.answers["en"]:
            items.append(Item(fact.owner, fact.path, fact.line, "fact", fact.question, used))
        elif "es" in langs and not fact.answers["es"]:
            what = f"the Spanish answer to: {fact.question} (English: {fact.answers['en']})"
            items.append(Item("translator", fact.path, fact.line, "fact-es", what, used))
    return items


def center_items(settings, options):
    center_path = os.path.join(settings["PATH"], options["center_path"])
    if not os.path.exists(center_path):
        return []
    from .center import load_center  # the center's own reading of its file

    center, _ = load_center(dict(settings, CENTER={"path": options["center_path"]}))
    lines = center.get("source", {}).get("lines", {})
    return [
        Item("marketing", display_path(center_path), lines.get(key, 1), "center", what)
        for key, what in center.get("placeholders", [])
    ]


def checklist(settings):
    """Every Item the center must confirm: facts, page checks, reviewers,
    translations and the center's own details."""
    options, _ = settings_of(settings, "to_confirm", DEFAULTS)
    base = translations.pages_base(settings)
    items = []
    for path in markdown_files(base):
        relative = os.path.relpath(path, base)
        english = None
        if translations.language_of(path, settings) != translations.default_lang(settings):
            data = sources.read(settings, path)
            target = (data.fields.get("translation_of", "") if data else "").strip().lstrip("/")
            english = sources.read(settings, os.path.join(base, target)) if target else None
        items += page_items(path, relative, options, settings, english)
    items += fact_items(settings, options)
    items += center_items(settings, options)
    # Every field in the key: a set's order changes from one process to the
    # next, and two items at one line must not swap places between builds.
    return sorted(
        set(items),
        key=lambda item: (OWNERS.index(item.owner), item.path, item.line, item.kind, item.text),
    )


LABELS = {
    "fact": "to confirm",
    "fact-es": "Answer-es",
    "field": "page to check",
    "reviewer": "Reviewed-by",
    "center": "contact details",
    "translator": "Translation-checked",
    "outdated": "Translation-checked",
    "orphan": "leftover translation",
}


def grouped(items):
    """[(owner, [Item])] in the checklist's order, owners with items only."""
    return [
        (owner, [item for item in items if item.owner == owner])
        for owner in OWNERS
        if any(item.owner == owner for item in items)
    ]


def checklist_text(items):
    """The checklist as the center reads it: by who answers, with counts."""
    if not items:
        return "Nothing to confirm."
    lines = [
        f"{len(items)} {'item' if len(items) == 1 else 'items'} to confirm, by who answers them:"
    ]
    for owner, mine in grouped(items):
        lines += ["", f"{owner.capitalize()} ({len(mine)})"]
        for item in mine:
            used = f" (shown on {', '.join(item.used)})" if item.used else ""
            lines.append(f"  {item.path}:{item.line}: {LABELS[item.kind]}: {item.text}{used}")
    return "\n".join(lines)


def checklist_csv(items):
    """One row per item, for a spreadsheet the center can share."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["owner", "kind", "question", "file", "line", "shown on"])
    for item in items:
        writer.writerow(
            [item.owner, LABELS[item.kind], item.text, item.path, item.line, "; ".join(item.used)]
        )
    return out.getvalue()


def problems_of(items, level):
    """The production refusals of page checks and reviewers."""
    fixes = {
        "field": "once the center has checked the page, delete the To-confirm line",
        "reviewer": "add 'Reviewed-by: Name, credential' once a clinician has reviewed the page",
    }
    whats = {"field": "page to confirm", "reviewer": "no reviewer"}
    return [
        Problem(item.path, item.line, f"{whats[item.kind]}: {item.text}", fixes[item.kind], level)
        for item in items
        if item.kind in fixes
    ]


def open_fact_problems(pages, settings, level):
    """One refusal per fact an English page shows unanswered, at the line
    of the fact's file where it is answered, naming the pages."""
    known, _ = facts.load(settings)
    shown = {}
    for page in pages:
        if page.lang != translations.default_lang(settings):
            continue  # a Spanish page is held back instead (plugins/reading/translations.py)
        for key, _, answered in getattr(page, "fact_uses", []):
            if not answered and key in known:
                shown.setdefault(key, set()).add(display_path(page.source_path))
    return [
        Problem(
            known[key].path,
            known[key].line,
            f"to confirm: {known[key].question} (for the {known[key].owner}; shown on "
            f"{', '.join(sorted(where))})",
            "write the center's answer: 'Answer:', 'Answer-es:', 'Confirmed-by:', 'Confirmed:'",
            level,
        )
        for key, where in sorted(shown.items())
    ]


# --- Pelican -----------------------------------------------------------------


def highlight(instance):
    """The page knows its To-confirm text and whether it is clinical. (Its
    open questions are highlighted as it is written: page.html's
    `confirm_marks`, after every check read the page as Markdown made it.)"""
    # Pages only: a static file (an image, even a missing one) has no text.
    if not isinstance(instance, contents.Page):
        return
    options, _ = settings_of(instance.settings, "to_confirm", DEFAULTS)
    data = sources.read(instance.settings, instance.source_path) if instance.source_path else None
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
    """Every build names the references that are wrong; staging warns and
    production refuses each English page's open question; the preview's
    /confirm/ page gets the checklist."""
    settings = generator.settings
    options, problems = settings_of(settings, "to_confirm", DEFAULTS)
    _, fact_problems = facts.load(settings)
    problems += fact_problems
    everything = generator.pages + generator.hidden_pages + generator.draft_pages
    for page in everything:
        problems += getattr(page, "fact_problems", [])
    level = {build.PRODUCTION: ERROR, build.STAGING: WARNING}.get(build.mode(settings))
    items = checklist(settings)
    if level:
        problems += problems_of(items, level)
        problems += open_fact_problems(generator.pages + generator.hidden_pages, settings, level)
    generator.context["confirm_items"] = grouped(items)
    record(generator.context, problems)


def confirm_marks(markup):
    """`|confirm_marks`: a page's or notice's open questions, highlighted.
    HTML the template marked safe stays safe with the highlights in it;
    anything else is escaped first (the highlight is the theme's markup)."""
    if not isinstance(markup, Markup):
        markup = escape(markup)
    return Markup(mark_html(str(markup)))


def add_filter(generator):
    if hasattr(generator, "env"):
        generator.env.filters["confirm_marks"] = confirm_marks


def register():
    signals.content_object_init.connect(highlight)
    signals.generator_init.connect(add_filter)
    # Before content_checks (all_generators_finalized) gathers every problem.
    signals.page_generator_finalized.connect(check)
