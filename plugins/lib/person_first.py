"""Person-first words (NIDA, "Words Matter"): a page never calls a person
by an illness ("an addict"), nor a test result "clean" or "dirty".

A warning, not an error: the words are the editor's, and a quoted name
(the journal "Substance Abuse", NIDA's own former name) is the one place
they belong. Only the page's own words are read, not a link's: a cited
title or an agency's name is someone else's (plugins/lib/sanitize.py `prose`).
Each pattern carries the words to write instead, in the page's language.
"""

import re

from .problems import Refused

LABELED = {
    "en": [
        (r"\baddicts?\b", "a person with a substance use disorder"),
        (r"\b(?:drug|alcohol|substance)?\s*abusers?\b", "a person who uses drugs or alcohol"),
        (r"\b(?:drug|alcohol|substance) abuse\b", "substance use, or misuse"),
        (
            r"\b(?:clean|dirty) (?:urine|tests?|screens?|samples?|results?)\b",
            "a negative or positive test",
        ),
        (
            r"\b(?:stay|stays|staying|stayed|get|gets|getting|got) clean\b",
            "not using, or in recovery",
        ),
    ],
    "es": [
        (r"\b(?:drog)?adict[oa]s?\b", "una persona con un trastorno por consumo de sustancias"),
        (r"\babuso de (?:sustancias|drogas|alcohol)\b", "el consumo de sustancias"),
        (
            r"\b(?:prueba|análisis|resultado)s? (?:limpi|suci)[oa]s?\b",
            "una prueba negativa o positiva",
        ),
    ],
}
PATTERNS = {
    lang: [(re.compile(pattern, re.I), instead) for pattern, instead in found]
    for lang, found in LABELED.items()
}


def problems(prose, lang):
    """[(Refused, [the words as written])] for each label the page's own
    words use, first use only."""
    found = []
    for pattern, instead in PATTERNS.get(lang, PATTERNS["en"]):
        match = pattern.search(prose or "")
        if match:
            said = " ".join(match.group(0).split())
            found.append(
                (
                    Refused(
                        f"'{said}' labels a person by an illness or a test",
                        f"write '{instead}' (person-first words)",
                    ),
                    [said],
                )
            )
    return found
