"""The center's facts: each asked once, answered once for both languages.

A fact only the center knows (the days groups meet, the plans it accepts,
its license number) lives in one file, `content/facts/<key>.txt`:

    Question: The days groups meet
    Owner: admissions
    Answer: Monday, Wednesday and Friday
    Answer-es: lunes, miércoles y viernes
    Confirmed-by: Maria Lopez, Admissions Director
    Confirmed: 2026-12-01

Pages and notices use it by its key, `[[fact: group-days]]`, in English and
in Spanish: the English page shows `Answer`, the Spanish page `Answer-es`.
Answering a fact changes no page, so no translation becomes older for it.

- Unanswered: the preview shows the question, highlighted ("To confirm:");
  production refuses an English page that uses it and holds back a Spanish
  page (or a notice) until it is answered in its language.
- A reference written almost right ("[fact: x]]", "[[fact-x]]",
  "[[fact:&#32;x]]", "[[Fact: Group Days]]") is refused with its line:
  a question or a half-written reference never reaches a family.
- An answer names who confirmed it and when.

`references(text)` finds the references of a text in one forward scan;
`render(text, facts, lang)` puts the answers in. plugins/reading/source_reader.py
renders a page's body before Markdown reads it; plugins/reading/notices.py a
notice's message. plugins/reading/to_confirm.py reports what is still open.
"""

import difflib
import os
import re
from dataclasses import dataclass, replace

from ..lib import datafile, fields
from ..lib.problems import Problem, display_path
from . import center

FOLDER = "facts"
OPEN, LABEL, CLOSE = "[[", "fact", "]]"
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# What the preview shows for an open question: the highlight
# plugins/reading/to_confirm.py draws around "[[to confirm: ...]]" (editors write
# [[fact: key]]; this marker is the site's own, made here).
QUESTION = "[[to confirm: {}]]"
# Spanish words for a fact whose Spanish answer is still missing.
LANG_ANSWER = {"en": "answer", "es": "answer_es"}
# Where an answer gives the center's phone (plugins/reading/center.py fills it in).
PHONE = "{phone}"


@dataclass(frozen=True)
class Fact:
    key: str
    question: str
    owner: str
    answers: dict  # lang: answer text ("" when not answered)
    path: str
    line: int  # the line of the answer (or of the question) to point at


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    key: str  # "" for a reference written almost right
    line: int
    text: str  # as written


def skip_spaces(text, index):
    while index < len(text) and text[index] in " \t":
        index += 1
    return index


def near_miss(text, lowered, start, label):
    """Whether "[" ... "fact" at `label` looks meant as a reference: after
    two brackets always; after one, unless it is a link's words ("[fact
    sheet](...)": the "]" is followed by "(" or "[")."""
    after = label + len(LABEL)
    if text.startswith(OPEN, start):
        return True  # two brackets are the site's own: "[[factx]]" too
    if after < len(text) and text[after].isalnum():
        return False  # "[facts]", "[factor](...)": another word
    end = text.find("]", after, after + 80)
    return end < 0 or not text.startswith(("](", "]["), end)


def references(text):
    """Each [[fact: key]] of a text, and each near miss (key ""), in order.

    A near miss is a "[" followed, within a few characters of brackets,
    spaces or signs, by the word "fact" that is not an exact reference:
    one bracket short, a hyphen for the colon, an entity inside, a key
    with spaces or capitals. One scan forward with str.find (bounded time,
    plugins/lib/markup.py says why)."""
    lowered, found, position = text.lower(), [], 0
    while True:
        start = text.find("[", position)
        if start < 0:
            return found
        label = start
        while label < len(text) and label - start < 4 and not text[label].isalnum():
            label += 1
        position = start + 1
        if not lowered.startswith(LABEL, label) or not near_miss(text, lowered, start, label):
            continue
        line = text.count("\n", 0, start) + 1
        key = parse(text, start, label)
        if key is None:
            end = text.find("]", label)
            written = text[start : len(text) if end < 0 else end + 2].split("\n")[0]
            found.append(Reference(start, start + len(written), "", line, written))
            position = start + max(len(written), 1)
            continue
        close = text.find(CLOSE, label)
        found.append(Reference(start, close + 2, key, line, text[start : close + 2]))
        position = close + 2


def parse(text, start, label):
    """The key of a reference written exactly, or None."""
    if not text.startswith(OPEN, start) or label != start + 2:
        return None
    colon = label + len(LABEL)
    if not text.startswith(":", colon):
        return None
    key_start = skip_spaces(text, colon + 1)
    close = text.find(CLOSE, key_start)
    if close < 0 or close - key_start > 80:
        return None
    key = text[key_start:close].rstrip(" \t")
    return key if KEY.fullmatch(key) else None


# --- The facts folder ------------------------------------------------------------


def folder_of(settings):
    return os.path.join(settings["PATH"], FOLDER)


def read_fact(path):
    """(Fact or None, problems) of one fact file."""
    where = display_path(path)
    try:
        data = datafile.read(path)
    except datafile.NotUtf8 as error:
        return None, [Problem(where, error.line, "the file is not UTF-8 text", "save it as UTF-8")]
    except datafile.NotReadable as error:
        return None, [Problem(where, 1, error.what, error.fix)]
    values, problems = fields.check(fields.FACT, data, where)
    if data.body.strip():
        problems.append(
            Problem(
                where,
                data.body_line,
                "a fact has no text below its lines",
                "put the answer on the 'Answer:' line (and 'Answer-es:' for Spanish)",
            )
        )
    answered = [name for name in ("answer", "answer_es") if values.get(name)]
    for name in ("confirmed_by", "confirmed"):
        if answered and not values.get(name):
            problems.append(
                Problem(
                    where,
                    data.lines.get(answered[0], 1),
                    f"an answer without '{fields.label(name)}'",
                    "add who confirmed the answer (Confirmed-by: Name, role) and the day "
                    "(Confirmed: YYYY-MM-DD)",
                )
            )
    problems += tagline_problems(path, data, values, where)
    if "question" not in values or "owner" not in values:
        return None, problems
    key = os.path.splitext(os.path.basename(path))[0]
    answers = {lang: values.get(name, "") for lang, name in LANG_ANSWER.items()}
    if problems:
        answers = dict.fromkeys(answers, "")  # an answer with a problem is no answer
    line = data.lines.get("answer", data.lines.get("question", 1))
    return Fact(key, values["question"], values["owner"], answers, where, line), problems


def is_tagline(key):
    """The language taglines (Section 1557): each gives the center's phone."""
    return key.startswith("tagline-") and key != "tagline-languages"


def tagline_problems(path, data, values, where):
    """A tagline tells a reader of that language which number to call: the
    center's, written {phone} so that one change in center.txt reaches all
    fifteen, and 711 for a deaf caller."""
    if not is_tagline(os.path.splitext(os.path.basename(path))[0]):
        return []
    found = []
    for name in LANG_ANSWER.values():
        answer = values.get(name) or ""
        missing = [slot for slot in (PHONE, "711") if answer and slot not in answer]
        if missing:
            found.append(
                Problem(
                    where,
                    data.lines.get(name, 1),
                    f"the tagline does not give {' or '.join(missing)}",
                    f"write {PHONE} where the center's number goes (the build fills it in "
                    "from center.txt) and 711 for TTY",
                )
            )
    return found


def with_phone(facts, phone):
    """The facts with the center's phone in place of {phone}."""
    return {
        key: replace(
            fact, answers={lang: text.replace(PHONE, phone) for lang, text in fact.answers.items()}
        )
        if PHONE in "".join(fact.answers.values())
        else fact
        for key, fact in facts.items()
    }


def load(settings):
    """({key: Fact}, problems) of the facts folder; read once per build."""
    cached = settings.get("_FACTS")
    if cached is not None:
        return cached
    folder, facts, problems = folder_of(settings), {}, []
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        fact, found = read_fact(path)
        problems += found
        if fact:
            facts[fact.key] = fact
    center_details, _ = center.load_center(settings)
    facts = with_phone(
        facts, center_details.get("phone_display") or center_details.get("phone", "")
    )
    settings["_FACTS"] = (facts, problems)
    return facts, problems


# --- Facts in a text ---------------------------------------------------------------


def reference_problem(reference, facts, where, first_line=1):
    """The Problem of a reference that names no fact, or is written almost
    right, or None."""
    line = first_line + reference.line - 1
    if not reference.key:
        return Problem(
            where,
            line,
            f"a fact reference written almost right: '{reference.text[:50]}'",
            "write it as [[fact: key]] (two brackets each side, a colon, the key of a file "
            "in content/facts/ in lower case with hyphens)",
        )
    if reference.key not in facts:
        close = difflib.get_close_matches(reference.key, facts, n=1, cutoff=0.6)
        fix = (
            f"did you mean '{close[0]}'?"
            if close
            else "add content/facts/<key>.txt, or fix the key"
        )
        return Problem(where, line, f"no fact '{reference.key}' in content/facts/", fix)
    return None


def render(text, facts, lang):
    """The text with each fact's answer in `lang` in place of its reference,
    or its question, highlighted, while that answer is missing; and the
    references found: [(Reference, answered)]."""
    out, position, used = [], 0, []
    for reference in references(text or ""):
        fact = facts.get(reference.key)
        if fact is None:
            continue  # reported by reference_problem; left as written
        answer = fact.answers.get(lang) or ""
        out += [text[position : reference.start], answer or QUESTION.format(fact.question)]
        position = reference.end
        used.append((reference, bool(answer)))
    return "".join(out) + (text or "")[position:], used
