"""English pages read at Flesch-Kincaid grade 8 or lower, Spanish pages at an
INFLESZ (Szigriszt-Pazos) score of 65 or more, measured as the build does."""

import pytest

from plugins import readability
from support import content_pages, lang_of_url, main_of

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


def test_inflesz_tells_plain_from_dense_spanish():
    """The Spanish measure works: short everyday words score 65 or more, dense
    ones far less; and it leaves textstat measuring English afterwards."""
    plain = "<p>Le podemos ayudar. Llame hoy. Usted no está solo.</p>"
    dense = (
        "<p>La implementación multidisciplinaria de intervenciones psicoterapéuticas "
        "individualizadas constituye nuestra metodología fundamental.</p>"
    )
    assert readability.inflesz(dense) < readability.MIN_INFLESZ <= readability.inflesz(plain)
    assert readability.grade("<p>We can help. Call us today.</p>") < 4


@pytest.mark.parametrize("url", [u for u in sorted(content_pages()) if lang_of_url(u) == "es"])
def test_spanish_page_reads_at_inflesz_65_or_more(pages, url):
    """Every Spanish page of content/ is "bastante fácil" or easier for a family."""
    score = readability.inflesz(str(main_of(pages[url])))
    assert score >= readability.MIN_INFLESZ, f"{url} scores {score:.0f} on INFLESZ"


@pytest.mark.parametrize("url", [u for u in sorted(content_pages()) if lang_of_url(u) == "en"])
def test_page_reads_at_grade_8_or_lower(pages, url):
    """Every page of content/ reads at Flesch-Kincaid grade 8 or lower."""
    grade = readability.grade(str(main_of(pages[url])))
    assert grade <= MAX_GRADE, f"{url} reads at grade {grade:.1f}"
