"""The center's facts as data (plugins/reading/facts.py): asked once, answered once
for both languages; an open question is never published as an answer; a
reference written almost right is refused, never shown."""

import datetime
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugins.lib import datafile
from plugins.reading import facts, translations
from support import FIXTURE_SITE, build_site, soup_of, words

DAY = datetime.date(2026, 12, 21)
FACT = "Question: The days groups meet\nOwner: admissions\n"
ANSWERED = FACT + (
    "Answer: Monday, Wednesday and Friday\nAnswer-es: lunes, miércoles y viernes\n"
    "Confirmed-by: Maria Lopez, Admissions Director\nConfirmed: 2026-12-01\n"
)


@pytest.fixture
def content(tmp_path, monkeypatch):
    """The fixture site, its week page using a fact, and a checked Spanish twin."""
    monkeypatch.delenv("STAGING", raising=False)
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, folder)
    (folder / "facts").mkdir()
    (folder / "facts" / "group-days.txt").write_text(FACT)
    week = folder / "pages" / "about" / "week.md"
    week.write_text(
        week.read_text().replace("We meet on three days.", "We meet on [[fact: group-days]].")
    )
    for path, english, title, text in [
        ("es/index.md", "index.md", "Inicio", "Ayudamos a personas en San Diego."),
        (
            "es/acerca/semana.md",
            "about/week.md",
            "Una semana",
            "Nos reunimos los [[fact: group-days]].",
        ),
    ]:
        version = translations.version_of(datafile.read(folder / "pages" / english))
        target = folder / "pages" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f"Title: {title}\nSummary: Prueba.\nTranslation-of: {english}\n"
            f"Translation-checked: {version} on 2026-12-01 by Ana Prueba, CHI\n\n{text}\n"
        )
    return folder


def build(content, tmp_path, production=False, name="out"):
    settings = "publishconf.py" if production else "pelicanconf.py"
    return build_site(tmp_path / name, settings, today=DAY, PATH=content)


def test_an_unanswered_fact_is_a_highlighted_question_in_the_preview(content, tmp_path):
    assert build(content, tmp_path).ok
    mark = soup_of(tmp_path / "out" / "about" / "week" / "index.html").select_one(
        "main mark.app-confirm"
    )
    assert words(mark) == "To confirm: The days groups meet" and mark["lang"] == "en"


def test_production_refuses_an_english_page_with_an_unanswered_fact(content, tmp_path):
    result = build(content, tmp_path, production=True)
    assert not result.ok
    assert any(
        "facts/group-days.txt:1: to confirm: The days groups meet (for the admissions; shown on "
        in line
        and "about/week.md" in line
        for line in result.errors
    ), result.errors


def test_one_answer_fills_both_languages_and_no_translation_becomes_older(content, tmp_path):
    (content / "facts" / "group-days.txt").write_text(ANSWERED)
    result = build(content, tmp_path, production=True)
    assert result.ok, result.errors
    assert not [line for line in result.lines if "changed on" in line or "not published" in line]
    english = soup_of(tmp_path / "out" / "about" / "week" / "index.html")
    spanish = soup_of(tmp_path / "out" / "es" / "acerca" / "semana" / "index.html")
    assert "We meet on Monday, Wednesday and Friday." in words(english.select_one("main"))
    assert "Nos reunimos los lunes, miércoles y viernes." in words(spanish.select_one("main"))
    assert not spanish.select(".app-translation-band")


def test_a_fact_answered_in_english_only_holds_the_spanish_page_back(content, tmp_path):
    (content / "facts" / "group-days.txt").write_text(
        ANSWERED.replace("Answer-es: lunes, miércoles y viernes\n", "")
    )
    result = build(content, tmp_path, production=True)
    assert result.ok, result.errors
    assert any(
        "semana.md:6: not published: the center has not answered in Spanish: group-days" in line
        for line in result.warnings
    )
    assert not (tmp_path / "out" / "es" / "acerca" / "semana").exists()
    assert (tmp_path / "out" / "about" / "week" / "index.html").exists()


def test_a_question_is_never_published_as_an_answer(content, tmp_path):
    """No answer, no page: whatever is deleted or copied in the page, the
    question only ever appears as a highlighted question, and never live."""
    result = build(content, tmp_path, production=True)
    assert not result.ok and not (tmp_path / "out").exists()
    (content / "facts" / "group-days.txt").write_text(ANSWERED)
    assert build(content, tmp_path, production=True, name="live").ok
    for page in (tmp_path / "live").rglob("*.html"):
        assert "The days groups meet" not in page.read_text(), page


def test_an_answer_names_who_confirmed_it(content, tmp_path):
    (content / "facts" / "group-days.txt").write_text(FACT + "Answer: Monday\n")
    result = build(content, tmp_path)
    assert not result.ok
    assert any(
        "group-days.txt:3: an answer without 'Confirmed-by'" in line for line in result.errors
    )


@pytest.mark.parametrize(
    "written",
    [
        "[fact: group-days]]",
        "[[fact: group-days]",
        "[[fact-group-days]]",
        "[[fact group-days]]",
        "[[fact:&#32;group-days]]",
        "[[ fact: group-days]]",
        "[[fact: group days]]",
        "[[fact: Group-Days]]",
        "[fact: group-days]",
        "[[to confirm: the days groups meet]]",
    ],
)
def test_a_reference_written_almost_right_is_refused_never_shown(content, tmp_path, written):
    (content / "facts" / "group-days.txt").write_text(ANSWERED)
    week = content / "pages" / "about" / "week.md"
    week.write_text(week.read_text().replace("[[fact: group-days]]", written))
    result = build(content, tmp_path)
    assert not result.ok
    assert any("about/week.md:13: " in line for line in result.errors), result.errors


def test_a_reference_to_no_fact_suggests_the_nearest(content, tmp_path):
    week = content / "pages" / "about" / "week.md"
    week.write_text(week.read_text().replace("[[fact: group-days]]", "[[fact: group-day]]"))
    result = build(content, tmp_path)
    assert any(
        "week.md:13: no fact 'group-day' in content/facts/ - did you mean 'group-days'?" in line
        for line in result.errors
    )


@given(
    before=st.sampled_from(["[", "[[", "[ [", "[[ ", "(["]),
    label=st.sampled_from(["fact", "Fact", "FACT", "fakt", "fact "]),
    sign=st.sampled_from([":", "-", " ", ": ", "_", "::", ""]),
    key=st.sampled_from(
        ["group-days", "group days", "Group-Days", "group-days ", "&#32;group-days"]
    ),
    after=st.sampled_from(["]]", "]", "] ]", "]]]", ""]),
)
def test_every_spelling_of_a_reference_is_exact_or_refused(before, label, sign, key, after):
    """Property: a reference is either read exactly, with its key, or named
    as written almost right; never left as text for a family to read."""
    text = f"We meet on {before}{label}{sign}{key}{after}."
    found = facts.references(text)
    exact = before == "[[" and label.lower() == "fact" and sign in (":", ": ")
    exact = exact and after.startswith("]]") and facts.KEY.fullmatch(key.strip()) is not None
    if exact:
        assert [ref.key for ref in found] == [key.strip()]
    elif label.lower().startswith("fact") and (
        before.strip().endswith("[[") or sign or label.endswith(" ")
    ):
        assert found and not found[0].key, text


def test_a_notice_with_an_unanswered_fact_is_not_shown_live(content, tmp_path):
    """A notice never stops the site: its open question keeps it off the
    live site, with a note, until the center answers it."""
    notice = content / "notices" / "en" / "holiday.md"
    notice.write_text(
        notice.read_text().replace("early on", "early on [[fact: group-days]] and on")
    )
    preview = build(content, tmp_path)
    assert preview.ok
    banner = soup_of(tmp_path / "out" / "index.html").select_one(".app-notice")
    assert "To confirm: The days groups meet" in words(banner)
    page = content / "pages" / "about" / "week.md"
    page.write_text(page.read_text().replace("[[fact: group-days]]", "three days"))
    es = content / "pages" / "es" / "acerca" / "semana.md"
    es.write_text(es.read_text().replace("[[fact: group-days]]", "tres días"))
    live = build(content, tmp_path, production=True, name="live")
    assert live.ok, live.errors
    assert any(
        "holiday.md:1: notice 'Holiday hours' is not shown" in line for line in live.warnings
    )
    assert not soup_of(tmp_path / "live" / "index.html").select("section.app-notice")


TAGLINE = (
    "Question: The Vietnamese tagline\nOwner: compliance\n"
    "Answer: {answer}\nConfirmed-by: Maria Lopez, Compliance Officer\nConfirmed: 2026-12-01\n"
)


def test_a_tagline_gives_the_centers_phone_from_center_txt(content, tmp_path):
    """Fifteen taglines, one phone: an answer writes {phone} and the build
    fills in center.txt's number, so a new number reaches every language."""
    (content / "facts" / "tagline-vi.txt").write_text(
        TAGLINE.format(answer="Xin gọi số {phone} (TTY: 711).")
    )
    week = content / "pages" / "about" / "week.md"
    week.write_text(week.read_text() + '\n[[fact: tagline-vi]]\n{: lang="vi" }\n')
    assert build(content, tmp_path).ok
    tagline = soup_of(tmp_path / "out" / "about" / "week" / "index.html").select_one("p[lang=vi]")
    assert words(tagline) == "Xin gọi số 858-555-0234 (TTY: 711)."


@pytest.mark.parametrize("answer", ["Xin gọi số 858-555-0234 (TTY: 711).", "Xin gọi số {phone}."])
def test_a_tagline_without_the_phone_slot_or_711_is_refused(content, tmp_path, answer):
    (content / "facts" / "tagline-vi.txt").write_text(TAGLINE.format(answer=answer))
    result = build(content, tmp_path)
    assert not result.ok
    assert any(
        "facts/tagline-vi.txt:3: the tagline does not give" in line for line in result.errors
    )
    assert any("write {phone} where the center's number goes" in line for line in result.errors)
