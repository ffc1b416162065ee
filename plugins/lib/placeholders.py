"""Values that stand in for a fact nobody has given yet, in any spelling.

"TBC", "XXXX Main Street", "n/a", "Reviewed-by: TBD", "por confirmar",
"pendiente", "???": each says "not known yet", and none may reach a family
or a search engine as a fact. A value is recognised by what it means, not
by one spelling: it is reduced to plain lower-case words (accents,
punctuation and case aside), then it is a placeholder when

- it has no letter or digit at all ("-", "...", "?");
- a word of it is a filler: a run of one character that stands for
  something to fill in ("xxx", "XXXX", "??", "###", "___");
- a word or phrase of it says "not known yet" in English or Spanish
  (`SAYS_UNKNOWN`; whole words only, so "Tbilisi" or "Mendoza" pass); or
- the whole value is a word that only stands in for one (`STAND_INS`:
  "none", "unknown", "same"), which a real value may still contain.

`name_problem` holds a person's name to a shape as well: at least two
words of letters ("Dr. Ana Ruiz, MD"), so a single word never passes for a
clinician or a translator.
"""

import re
import unicodedata

# Words and phrases that only ever mean "not known yet" (English, Spanish).
SAYS_UNKNOWN = {
    "tbc",
    "tbd",
    "tba",
    "tbh",
    "todo",
    "fixme",
    "placeholder",
    "lorem",
    "ipsum",
    "dummy",
    "pendiente",
    "pendientes",
    "to be confirmed",
    "to be determined",
    "to be announced",
    "to confirm",
    "not yet known",
    "not known yet",
    "coming soon",
    "por confirmar",
    "a confirmar",
    "sin confirmar",
    "por determinar",
    "por definir",
    "proximamente",
    "example",
    "ejemplo",
    "sample",
    "fake",
}
# Whole values that stand in for one, though a real value may contain them.
STAND_INS = {
    "n a",
    "na",
    "none",
    "null",
    "nil",
    "unknown",
    "pending",
    "same",
    "later",
    "ask",
    "test",
    "name",
    "credential",
    "name credential",
    "first last",
    "first name last name",
    "ninguno",
    "ninguna",
    "desconocido",
    "no aplica",
    "nombre",
    "nombre apellido",
    "center name",
    "clinic name",
    "city",
    "state",
    "street",
    "address",
    "main street",
    "123 main street",
    "123 main st",
    "1234 main street",
    "nombre del centro",
    "ciudad",
    "calle",
}
# Words no person's name has (in a Reviewed-by or a translator's check).
NAME_STAND_INS = {
    "name",
    "names",
    "first",
    "last",
    "firstname",
    "lastname",
    "surname",
    "unknown",
    "test",
    "tester",
    "reviewer",
    "translator",
    "someone",
    "somebody",
    "person",
    "staff",
    "nombre",
    "apellido",
    "alguien",
    "persona",
    "traductor",
    "traductora",
    "revisor",
}
FILLER = re.compile(r"^(x{2,}|\?+|#+|_+|\*+|\.{2,}|-{2,}|…+)$")
WORD = re.compile(r"[^\W_]+")


def plain_words(value):
    """Lower-case words of a value, accents and punctuation aside."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return WORD.findall(bare)


def acronyms_joined(words):
    """Runs of one-letter words as one word: "T.B.D." reads "tbd"."""
    joined = []
    for word in words:
        if len(word) == 1 and joined and joined[-1][1]:
            joined[-1] = (joined[-1][0] + word, True)
        else:
            joined.append((word, len(word) == 1))
    return [word for word, _ in joined]


def other_alphabet(value):
    """The name of a script other than Latin in a value ("ТВС" in Cyrillic
    looks like "TBC"), or None: the center's details and the names of its
    clinicians and translators are written in the Latin alphabet."""
    for char in value:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if not name.startswith("LATIN"):
                return name.split()[0].capitalize() if name else "unknown"
    return None


def reason(value):
    """Why a value is a placeholder, in words, or None when it is not."""
    text = value.strip()
    script = other_alphabet(text)
    if script:
        return f"it has letters of another alphabet ({script})"
    tokens = text.casefold().split()
    for token in tokens:
        if FILLER.match(token):
            return f"'{token}' stands for something to fill in"
    words = acronyms_joined(plain_words(text))
    if not words:
        return "it has no letter or digit"
    joined = " ".join(words)
    for phrase in SAYS_UNKNOWN:
        if f" {phrase} " in f" {joined} ":
            return f"'{phrase}' says it is not known yet"
    if joined in STAND_INS:
        return f"'{text}' stands in for a value"
    return None


def name_problem(value):
    """Why a value is no person's name ("Dr. Ana Ruiz, MD"), or None."""
    name = value.split(",")[0]
    found = reason(value) or reason(name)
    if found:
        return found
    stand_in = sorted(set(plain_words(name)) & NAME_STAND_INS)
    if stand_in:
        return f"'{stand_in[0]}' stands in for a name"
    words = [word for word in plain_words(name) if len(word) >= 2 and word.isalpha()]
    if len(words) < 2:
        return f"'{name.strip()}' is not a full name"
    return None
