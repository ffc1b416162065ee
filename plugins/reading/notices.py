"""Site-wide notices (the COVID-19 status banner first) with dates.

Each notice is one file in the notices folder's English folder
(notices/en/covid-19.md): `Title`, `Level`, `Start` and `End` lines, a blank
line, then the message in Markdown. A notice shows on
every page of a build whose date is from its start to its end, inclusive
(San Diego time, or the date given with `--as-of`). The build notes, and
never stops for, a notice that has ended, ends within `warn_days`, or has
not started yet (it is built into no page until its Start date).

Settings, one dict: NOTICES = {
    "path": "notices",   # folder inside the content folder
    "warn_days": 14,     # warn this many days before an end date
}
The day it decides by is the build's (plugins/lib/build.py).
Templates read the active notices as `notices` in the context.

A notice's text in another language is a file of the same name in that
language's folder (notices/es/covid-19.md): a Title and the message only,
since the dates and level are the English file's (one notice, two texts).
One folder per language, English included, is the layout the web editor
(Decap CMS, i18n `multiple_folders`) opens side by side; a file left
directly in notices/ is not shown, and the build says where it belongs.
Each notice gets `texts`: {lang: {title, html}}; a language without its
text shows the English one, with ADVICE while the notice is up.
"""

import os
from html import escape

import markdown
from pelican import signals

from ..lib import build, datafile, fields, marks, sanitize
from ..lib.problems import ADVICE, NOTE, Problem, display_path, not_utf8, record, settings_of
from . import facts

DEFAULTS = {"path": "notices", "warn_days": 14}


def message_html(text):
    """Inline Markdown (bold, links) only: a banner is one short paragraph.
    Raw HTML is shown as text, never run: the banner is on every page."""
    html = markdown.markdown(escape(text.strip(), quote=False), output_format="html5")
    return html.removeprefix("<p>").removesuffix("</p>")


def read_notice(path, where, problems, settings, schema=fields.NOTICE):
    """The notice in one file as a dict, or None when it cannot be used."""
    try:
        text = datafile.read_text(path)
    except datafile.NotUtf8 as error:
        problems.append(not_utf8(where, error))
        return None
    except datafile.NotReadable as error:
        problems.append(Problem(where, 1, error.what, error.fix))
        return None
    data = datafile.parse(path, text)
    values, found = fields.check(schema, data, where)
    if not data.body.strip():
        found.append(
            Problem(
                where,
                data.body_line,
                "the notice has no message",
                "write the message after a blank line",
            )
        )
    lang = "en" if schema is fields.NOTICE else os.path.basename(os.path.dirname(path))
    known, _ = facts.load(settings)
    message, used = facts.render(data.body, known, lang)
    found += [
        problem
        for ref in facts.references(data.body)
        if (problem := facts.reference_problem(ref, known, where, data.body_line))
    ]
    found += [
        Problem(where, data.body_line + p.line - 1, p.what, p.fix)
        for p in marks.old_marker_problems(data.body, where)
    ]
    html = message_html(message)
    # The message as rendered, reference links resolved: what a visitor gets.
    found += sanitize.check(html, sanitize.NOTICE, where, text, data.body_line, kind="a notice")
    problems += found
    if found:
        return None
    open_facts = [ref.key for ref, answered in used if not answered]
    if schema is not fields.NOTICE:
        return {"title": values["title"], "html": html, "open_facts": open_facts}
    return {
        "title": values["title"],
        "level": values["level"],
        "start": values["start"],
        "end": values["end"],
        "html": html,
        "source": {"path": where, "line": data.lines["end"], "start_line": data.lines["start"]},
        "slug": os.path.splitext(os.path.basename(path))[0],
        "open_facts": open_facts,
    }


def date_note(notice, today, warn_days):
    """News about a notice's dates, or None. Always a NOTE: dates must never
    stop a build, or the daily publish could not take an ended notice down."""
    source, end = notice["source"], notice["end"]
    if end < notice["start"]:
        what = f"this notice never shows: its End ({end}) is before its Start ({notice['start']})"
        fix = "nothing to do if it is taken down; to show it, set End on or after Start"
    elif end < today:
        what, fix = (
            f"this notice ended on {end} and is no longer shown",
            ("delete the file, or set a later End date"),
        )
    elif notice["start"] > today:
        source = dict(source, line=source["start_line"])
        what = f"upcoming notice '{notice['title']}' shows from {notice['start']} to {end}"
        fix = "nothing to do: publishing on or after its Start date shows it"
    elif (end - today).days < warn_days:
        what, fix = f"this notice ends soon, on {end}", "set a later End date if it should stay up"
    else:
        return None
    return Problem(source["path"], source["line"], what, fix, NOTE)


def notice_files(folder):
    """The Markdown files directly in a folder (language folders aside)."""
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    return [
        name
        for name in names
        if not name.startswith(".") and os.path.isfile(os.path.join(folder, name))
    ]


def add_texts(notice, name, folder, languages, problems, settings):
    """The notice's title and message in each language that has them."""
    notice["texts"] = {"en": {"title": notice["title"], "html": notice["html"]}}
    for lang in languages:
        path = os.path.join(folder, lang, name)
        if os.path.isfile(path):
            text = read_notice(
                path, display_path(path), problems, settings, fields.NOTICE_TRANSLATION
            )
            if text:
                notice["texts"][lang] = text


def orphan_texts(folder, languages, names):
    """A translated notice with no English notice of its name: a leftover
    (EDITING.md takes a notice down by deleting its file), never an error."""
    return [
        Problem(
            display_path(os.path.join(folder, lang, name)),
            1,
            f"no English notice '{name}': this text is not shown",
            f"delete it, or name it like its English notice in "
            f"{display_path(os.path.join(folder, 'en'))}/",
            NOTE,
        )
        for lang in languages
        for name in notice_files(os.path.join(folder, lang))
        if name not in names
    ]


def held_for_facts(notice, mode):
    """Production shows no notice whose facts are not answered in every
    language it shows in: a note, not a stop (the rest of the site goes
    live). The preview shows it, the open questions highlighted."""
    keys = sorted(
        set(notice["open_facts"]).union(
            *(t.get("open_facts", []) for t in notice["texts"].values())
        )
    )
    if not keys or mode != build.PRODUCTION:
        return None
    source = notice["source"]
    return Problem(
        source["path"],
        1,
        f"notice '{notice['title']}' is not shown: the center has not answered {', '.join(keys)}",
        "answer them in content/facts/ (Answer and Answer-es), and the next publish shows it",
        ADVICE,
        "held back",
    )


def untranslated(notice, languages):
    source = notice["source"]
    return [
        Problem(
            source["path"],
            1,
            f"notice '{notice['title']}' has no {lang} text: {lang} pages show it in English",
            f"add {os.path.dirname(os.path.dirname(source['path']))}/{lang}/{notice['slug']}.md "
            "(Title and message)",
            ADVICE,
        )
        for lang in languages
        if lang not in notice["texts"]
    ]


def misplaced(folder, english):
    """A notice written straight into notices/ (the old layout): not shown,
    and the build says where it goes, so nothing vanishes silently."""
    return [
        Problem(
            display_path(os.path.join(folder, name)),
            1,
            "this notice is not shown: notices live in a folder per language",
            f"move it to {display_path(english)}/ (its Spanish text goes in "
            f"{display_path(folder)}/es/)",
            ADVICE,
            "held back",
        )
        for name in notice_files(folder)
    ]


def load_notices(settings):
    """(active notices, problems) for this build's date."""
    options, problems = settings_of(settings, "notices", DEFAULTS)
    folder = os.path.join(settings["PATH"], options["path"])
    languages = settings.get("TRANSLATIONS", {}).get("languages", [])
    today = build.today(settings)
    active = []
    english = os.path.join(folder, settings.get("DEFAULT_LANG", "en"))
    names = notice_files(english)
    problems += misplaced(folder, english)
    problems += orphan_texts(folder, languages, names)
    for name in names:
        path = os.path.join(english, name)
        notice = read_notice(path, display_path(path), problems, settings)
        if notice is None:
            continue
        add_texts(notice, name, folder, languages, problems, settings)
        note = date_note(notice, today, options["warn_days"])
        if note:
            problems.append(note)
        if notice["start"] <= today <= notice["end"]:
            held = held_for_facts(notice, build.mode(settings))
            if held:
                problems.append(held)
                continue
            active.append(notice)
            problems += untranslated(notice, languages)
    return active, problems


def add_notices(generator):
    """Decide once per build which notices show, before any page is written."""
    if "notices" in generator.context:
        return
    active, problems = load_notices(generator.settings)
    generator.context["notices"] = active
    record(generator.context, problems)


def register():
    # generator_init: the shared context is filled before any template renders.
    signals.generator_init.connect(add_notices)
