"""Pages read at Flesch-Kincaid grade 8 or lower, measured as the build does."""

import pytest

from plugins import readability
from support import content_pages, main_of

MAX_GRADE = 8.0


def test_grade_measure_tells_plain_from_dense_words():
    """The measure itself works: a dense sentence scores far above a plain one."""
    plain = "<p>We can help. Call us today. You are not alone.</p>"
    dense = (
        "<p>Multidisciplinary interventions facilitate comprehensive biopsychosocial "
        "rehabilitation, notwithstanding considerable organizational heterogeneity.</p>"
    )
    assert readability.grade(plain) < 4 < MAX_GRADE < readability.grade(dense)


def test_list_items_count_as_sentences():
    markup = "<ul><li>one thing</li><li>another thing</li></ul>"
    assert readability.readable_text(markup) == "one thing. another thing."


@pytest.mark.parametrize("url", sorted(content_pages()))
def test_page_reads_at_grade_8_or_lower(pages, url):
    """Every page of content/ reads at Flesch-Kincaid grade 8 or lower."""
    grade = readability.grade(str(main_of(pages[url])))
    assert grade <= MAX_GRADE, f"{url} reads at grade {grade:.1f}"
