"""English pages read at Flesch-Kincaid grade 8 or lower, Spanish pages at an
INFLESZ (Szigriszt-Pazos) score of 65 or more, measured as the build does."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.lib import readability
from support import FIXTURE_SITE, ROOT, build_site, content_pages, lang_of_url, main_of

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


# What the preview adds around a page's words (its section's menu, the
# highlight's "To confirm" labels, the draft and checklist notes): the build
# measures the page's own words.
NOT_THE_PAGE = ".app-section-menu, .app-confirm__label, .app-draft, .app-confirm-page"


def own_words(soup):
    main = main_of(soup)
    for node in main.select(NOT_THE_PAGE):
        node.decompose()
    return str(main)


def told(site_build, data, what):
    """Whether the build warned the editor about this page's reading level."""
    name = Path(data.path).name
    return any(name in line and what in line for line in site_build.warnings)


# The reading level is a warning an editor may publish past (EDITING.md), so
# these read content/ as it is today and check that the editor was told
# about every page above the line: an allowed edit never fails them.
@pytest.mark.parametrize("url", [u for u in sorted(content_pages()) if lang_of_url(u) == "es"])
def test_a_spanish_page_below_inflesz_65_is_named_to_its_editor(pages, site_build, url):
    score = readability.inflesz(own_words(pages[url]))
    if score < readability.MIN_INFLESZ:
        assert told(site_build, content_pages()[url], "INFLESZ score"), f"{url}: {score:.0f}"


@pytest.mark.parametrize("url", [u for u in sorted(content_pages()) if lang_of_url(u) == "en"])
def test_a_page_above_grade_8_is_named_to_its_editor(pages, site_build, url):
    grade = readability.grade(own_words(pages[url]))
    if grade > MAX_GRADE:
        assert told(site_build, content_pages()[url], "reading grade"), f"{url}: {grade:.1f}"


def test_the_build_names_a_hard_page_with_its_score(tmp_path):
    """Fixed words (tests/content): a dense English page and a dense Spanish
    one are each named, with the measure and the fix."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    dense = (
        "Multidisciplinary interventions facilitate comprehensive biopsychosocial "
        "rehabilitation, notwithstanding considerable organizational heterogeneity."
    )
    about = content / "pages" / "about.md"
    about.write_text(about.read_text() + f"\n{dense}\n")
    result = build_site(tmp_path / "out", PATH=content)
    assert any("about.md" in line and "reading grade" in line for line in result.warnings)


def test_words_in_another_language_and_open_questions_are_not_measured():
    """A required tagline in Vietnamese, or a question the center has not
    answered yet (in English, on a Spanish page), is not the page's words."""
    from plugins.reading import facts

    tagline = '<p lang="vi">Chú ý: nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ.</p>'
    question = facts.QUESTION.format("The ages the program serves")
    markup = f"<p>We can help.</p>{tagline}<p>Ages: {question}.</p>"
    assert readability.readable_text(markup) == "We can help. Ages: ."


def test_a_page_at_the_limit_passes_and_a_tenth_below_it_warns(tmp_path, build_day):
    """The limit is inclusive and exact. A page of this test scores grade g
    (the warning at a limit of -100 says g, rounded up to a tenth): with
    the limit there the page is fine; a tenth lower, it warns."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "pages" / "grade.md").write_text(
        "Title: Grade\nSummary: A page whose words score a known grade.\n"
        "Reviewed: 2026-11-01\n\nOur program meets three mornings a week, and each "
        "session lasts about three hours. Family members are welcome at the weekly "
        "meeting, where counselors explain what treatment involves.\n"
    )

    def warning(limit):
        result = build_site(
            tmp_path / str(limit),
            today=build_day,
            PATH=content,
            CONTENT_CHECKS={"max_grade": limit},
        )
        assert result.ok, result.lines
        found = [x for x in result.warnings if "grade.md" in x and "reading grade" in x]
        return found[0] if found else None

    score = float(re.search(r"reading grade (-?[\d.]+) is above -100", warning(-100))[1])
    assert score > 4
    assert warning(score) is None
    assert f"reading grade {score:.1f} is above {score - 0.1:g}" in warning(round(score - 0.1, 1))


MEASURE = """
import json, sys
if sys.argv[1] == "real":
    import pkg_resources  # noqa: F401
from plugins.lib import readability
measures = readability.textstat()
text = "Multidisciplinary interventions help. We can help you today."
print(json.dumps({
    "real_imported": type(sys.modules.get("pkg_resources")).__name__ == "module"
    and hasattr(sys.modules.get("pkg_resources"), "working_set"),
    "difficult": measures.difficult_words(text),
    "grade": measures.flesch_kincaid_grade(text),
}))
"""


def test_textstat_reads_its_word_lists_without_pkg_resources():
    """textstat is imported with a stand-in for pkg_resources (0.15 s saved
    per build): its word lists still open, and it measures exactly as with
    the real pkg_resources, which the stand-in never replaces for anyone else."""
    found = {}
    for how in ("stand-in", "real"):
        run = subprocess.run(
            [sys.executable, "-c", MEASURE, how], cwd=ROOT, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        found[how] = json.loads(run.stdout)
    assert found["stand-in"]["real_imported"] is False
    assert found["real"]["real_imported"] is True
    assert found["stand-in"]["difficult"] == found["real"]["difficult"] > 0
    assert found["stand-in"]["grade"] == found["real"]["grade"]
