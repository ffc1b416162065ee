"""Rules every page's words follow, whatever an editor writes.

Where each fact of the center's original page went, and what was corrected,
is recorded in docs/seed-facts.md: facts are content, so tests do not pin them.
"""

import re

from support import main_of, words

# Words NIDA's "Words Matter" asks us not to use of people.
STIGMA = re.compile(r"\b(abuse|abuser|addict|addicts|clean|dirty)\b", re.I)


def test_no_paragraph_is_repeated_on_a_page(pages):
    """The seed repeated a paragraph; no page of ours says the same thing twice."""
    for url, soup in pages.items():
        paragraphs = [words(p) for p in main_of(soup).find_all("p")]
        assert len(paragraphs) == len(set(paragraphs)), url


def test_pages_use_person_first_words(all_documents):
    """No page, theme text included, calls a person an addict or abuser."""
    for url, soup in all_documents.items():
        found = STIGMA.findall(words(soup.body))
        assert not found, f"{url}: {found}"
