"""Which language a page reads as, from its most common small words.

A Spanish page left in English (the text `invoke new-translation` copies
in, never translated over) must not go live at a Spanish address, even
with a translator's check written on it. Small words (articles,
prepositions, pronouns) are most of any text and differ between the two
languages, so counting them tells one from the other in a paragraph.
Words spelled the same in both ("a", "no", "me") are left out.
"""

from .markup import plain_text
from .placeholders import plain_words

ENGLISH = set(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "in",
        "you",
        "your",
        "for",
        "with",
        "are",
        "this",
        "that",
        "it",
        "be",
        "or",
        "we",
        "our",
        "can",
        "not",
        "on",
        "as",
        "at",
        "if",
        "from",
        "have",
        "will",
        "they",
        "what",
        "when",
        "who",
        "how",
        "do",
        "does",
        "about",
        "after",
    ]
)
SPANISH = set(
    [
        "el",
        "la",
        "los",
        "las",
        "y",
        "de",
        "que",
        "en",
        "un",
        "una",
        "es",
        "su",
        "sus",
        "por",
        "para",
        "con",
        "se",
        "lo",
        "usted",
        "le",
        "del",
        "al",
        "como",
        "mas",
        "o",
        "nuestro",
        "nuestra",
        "puede",
        "cuando",
        "quien",
        "sobre",
        "despues",
        "ser",
        "esta",
    ]
)
# Fewer English small words than this, and a page is not called English.
ENOUGH = 8


def english_words(markup):
    """The English small words of some HTML, when it reads as English
    rather than Spanish (else an empty list)."""
    words = plain_words(plain_text(markup))
    english = [word for word in words if word in ENGLISH]
    spanish = sum(1 for word in words if word in SPANISH)
    return english if len(english) >= ENOUGH and len(english) > 2 * spanish else []
