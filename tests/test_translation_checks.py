"""Translations stay true to their English page, on the fixture site.

A Spanish page names its English page and the version it matches; when the
English words change, or no medical translator has checked it, the preview
builds it with a band and a warning, and production refuses it, naming the
file and the line. An English page or notice with no Spanish text yet still
publishes (plugins/translations.py, plugins/notices.py).
"""

import datetime
import shutil
import subprocess
import sys

import pytest

from plugins import datafile, to_confirm, translations
from support import FIXTURE_SITE, ROOT, build_site, soup_of, words

# The fixture's holiday notice is up on this day.
HOLIDAY = datetime.date(2026, 12, 21)
STRICT = {"strict": True, "placeholders": "allow", "max_grade": 8.0}
SPANISH_TEXT = "Somos un equipo pequeño. Nos gustan las palabras claras.\n\n## Nuestras salas\n\nSon salas tranquilas.\n"


@pytest.fixture
def content(tmp_path):
    """The fixture site with a checked, current Spanish home and About page."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, folder)
    write_translation(folder, "es/index.md", "index.md", "Inicio de la clínica de prueba")
    write_translation(folder, "es/acerca.md", "about.md", "Acerca de la clínica de prueba")
    return folder


def write_translation(folder, path, english, title, extra="", reviewed=True):
    version = translations.version_of(datafile.read(folder / "pages" / english))
    lines = [
        f"Title: {title}",
        "Summary: Quiénes somos, en pocas palabras.",
        f"Translation-of: {english}",
        f"Translation-version: {version}",
    ]
    if reviewed:
        lines.append("Translation-reviewed-by: Ana Prueba, traductora médica")
    target = folder / "pages" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if extra:
        lines.append(extra)
    target.write_text("\n".join(lines) + "\n\n" + SPANISH_TEXT, encoding="utf-8")
    return target


def build(content, tmp_path, strict=False, day=HOLIDAY, name="output"):
    override = {"PATH": content}
    if strict:
        override["CONTENT_CHECKS"] = STRICT
    return build_site(tmp_path / name, today=day, **override)


def any_line(lines, *parts):
    """True when one line holds every part (a problem names file:line, what, fix)."""
    return any(all(part in line for part in parts) for line in lines)


def lines_about(result, name):
    return [line for line in result.lines if name in line]


def test_a_checked_current_translation_publishes_linked_both_ways(content, tmp_path):
    """Production builds it: lang="es", the switch leads to the twin and back,
    and the section and review date are the English page's."""
    result = build(content, tmp_path, strict=True)
    assert result.ok, result.lines
    assert not lines_about(result, "acerca.md")
    spanish = soup_of(tmp_path / "output" / "es" / "acerca" / "index.html")
    english = soup_of(tmp_path / "output" / "about" / "index.html")
    assert spanish.html["lang"] == "es"
    assert spanish.select_one(".app-header__lang")["href"] == "/about/"
    assert english.select_one(".app-header__lang")["href"] == "/es/acerca/"
    assert spanish.select_one("nav.app-section-menu a")["href"] == "/es/acerca/"
    assert (
        spanish.select_one(".app-review time")["datetime"]
        == english.select_one(".app-review time")["datetime"]
    )


def test_an_english_change_makes_the_translation_out_of_date(content, tmp_path):
    """The preview warns with the new version to copy and shows a band;
    production refuses the page and writes nothing."""
    english = content / "pages" / "about.md"
    english.write_text(english.read_text() + "\nWe also have a garden.\n")
    new = translations.version_of(datafile.read(english))
    preview = build(content, tmp_path)
    assert preview.ok
    [warning] = [line for line in lines_about(preview, "es/acerca.md") if "changed" in line]
    assert warning.startswith("content/pages/es/acerca.md:4: ") or ":4: " in warning
    assert f"set 'Translation-version: {new}'" in warning
    band = soup_of(tmp_path / "output" / "es" / "acerca" / "index.html").select_one(".app-draft")
    assert "out of date" in words(band) and band["lang"] == "en"
    production = build(content, tmp_path, strict=True, name="production")
    assert not production.ok
    assert any("es/acerca.md:4: the English page" in line for line in production.errors)
    assert not (tmp_path / "production").exists()


def test_re_wrapping_the_english_page_changes_nothing(content, tmp_path):
    english = content / "pages" / "about.md"
    english.write_text(english.read_text().replace("small team. We", "small team.\nWe"))
    assert build(content, tmp_path, strict=True).ok


def test_production_refuses_a_translation_no_medical_translator_checked(content, tmp_path):
    """Without Translation-reviewed-by the preview shows it, marked; production refuses it."""
    write_translation(content, "es/acerca.md", "about.md", "Acerca", reviewed=False)
    preview = build(content, tmp_path)
    assert preview.ok
    assert any("qualified medical translator" in line for line in lines_about(preview, "acerca"))
    band = soup_of(tmp_path / "output" / "es" / "acerca" / "index.html").select_one(".app-draft")
    assert "medical translator" in words(band)
    production = build(content, tmp_path, strict=True, name="production")
    assert not production.ok
    assert any_line(
        production.errors,
        "es/acerca.md:1: this translation has not been checked",
        "Translation-reviewed-by",
    )


def test_an_english_page_without_translation_still_publishes(content, tmp_path):
    """Advice, never an error: its switch leads to the Spanish home page."""
    (content / "pages" / "es" / "acerca.md").unlink()
    result = build(content, tmp_path, strict=True)
    assert result.ok, result.errors
    assert any("about.md:1: no Spanish translation yet" in line for line in result.warnings)
    english = soup_of(tmp_path / "output" / "about" / "index.html")
    assert english.select_one(".app-header__lang")["href"] == "/es/"


def test_without_a_spanish_home_page_no_switch_leads_nowhere(tmp_path):
    """An edition with no home page yet gets no language link (never a 404)."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, folder)
    result = build(folder, tmp_path)
    assert result.ok
    assert not soup_of(tmp_path / "output" / "index.html").select(".app-header__lang")


@pytest.mark.parametrize(
    "extra, expected",
    [
        ("Section: about-us", "'Section' is not an editor's field"),
        ("Reviewed: 2026-11-01", "'Reviewed' is not an editor's field"),
        ("Nav-order: 4", "'Nav-order' is not an editor's field"),
        ("Lang: en", "'Lang' is not an editor's field"),
    ],
)
def test_a_translation_may_not_set_what_the_english_page_decides(
    content, tmp_path, extra, expected
):
    """Section, menu place, review dates and language come from the English
    page and the folder: one line in a translation could make them disagree."""
    write_translation(content, "es/acerca.md", "about.md", "Acerca", extra=extra)
    result = build(content, tmp_path)
    assert not result.ok
    assert any_line(result.errors, "es/acerca.md:6: ", expected), result.errors


def test_a_translation_of_a_missing_page_names_the_line(content, tmp_path):
    write_translation(content, "es/otra.md", "about.md", "Otra")
    target = content / "pages" / "es" / "otra.md"
    target.write_text(
        target.read_text().replace("Translation-of: about.md", "Translation-of: abot.md")
    )
    result = build(content, tmp_path)
    assert not result.ok
    assert any_line(
        result.errors,
        "es/otra.md:3: translation of a page that does not exist 'abot.md'",
        "did you mean 'about.md'?",
    )


def test_two_translations_of_one_page_are_refused(content, tmp_path):
    write_translation(content, "es/otra.md", "about.md", "Otra acerca")
    result = build(content, tmp_path)
    assert not result.ok
    assert any("already translates about.md" in line for line in result.errors)


def test_a_hard_spanish_page_is_a_warning_on_the_inflesz_scale(content, tmp_path):
    """Spanish is measured with Szigriszt-Pazos (65 or more), not Flesch-Kincaid."""
    hard = (
        "La implementación multidisciplinaria de intervenciones psicoterapéuticas "
        "individualizadas, fundamentadas en la evidencia científica contemporánea, "
        "constituye el eje metodológico fundamental de nuestra organización asistencial.\n"
    )
    target = content / "pages" / "es" / "acerca.md"
    target.write_text(target.read_text().replace(SPANISH_TEXT, hard))
    result = build(content, tmp_path)
    assert any_line(result.warnings, "acerca.md", "INFLESZ score")
    assert not any_line(result.warnings, "acerca.md", "reading grade")


def test_the_notice_shows_its_spanish_text_on_spanish_pages(content, tmp_path):
    """One notice, two texts, the same dates: the English notice's."""
    assert build(content, tmp_path).ok
    spanish = soup_of(tmp_path / "output" / "es" / "acerca" / "index.html")
    english = soup_of(tmp_path / "output" / "about" / "index.html")
    assert words(spanish.select_one(".app-notice h2")) == "Horario de fiestas:"
    assert words(english.select_one(".app-notice h2")) == "Holiday hours:"
    after = build(content, tmp_path, day=datetime.date(2026, 12, 28), name="after")
    assert after.ok
    assert not soup_of(tmp_path / "after" / "es" / "index.html").select(".app-notice")


def test_a_notice_without_spanish_text_shows_in_english_marked(content, tmp_path):
    (content / "notices" / "es" / "holiday.md").unlink()
    result = build(content, tmp_path, strict=True)
    assert result.ok, result.errors
    assert any("has no es text" in line for line in result.warnings)
    banner = soup_of(tmp_path / "output" / "es" / "index.html").select_one(".app-notice")
    assert banner["lang"] == "en" and "Holiday hours" in words(banner)


@pytest.mark.parametrize("line", ["End: 2027-01-31", "Level: urgent"])
def test_a_spanish_notice_may_not_set_its_own_dates_or_level(content, tmp_path, line):
    notice = content / "notices" / "es" / "holiday.md"
    notice.write_text(notice.read_text().replace("\n\n", f"\n{line}\n\n", 1))
    result = build(content, tmp_path)
    assert not result.ok
    assert any(
        "es/holiday.md:2: " in error and "English file's value applies" in error
        for error in result.errors
    )


def test_a_spanish_notice_with_no_english_notice_is_refused(content, tmp_path):
    (content / "notices" / "es" / "otra.md").write_text("Title: Otra\n\nTexto.\n")
    result = build(content, tmp_path)
    assert not result.ok
    assert any("es/otra.md:1: no English notice 'otra.md'" in error for error in result.errors)


def test_new_translation_starts_a_spanish_page_the_build_guides(content, tmp_path):
    """`invoke new-translation` writes the fields and the English text; the
    build then names the version to copy, and the page is in the preview."""
    (content / "pages" / "es" / "acerca.md").unlink()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "new-translation",
            "--of",
            "about.md",
            "--path",
            "es/acerca",
            f"--content={content}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    target = content / "pages" / "es" / "acerca.md"
    assert "Translation-of: about.md" in target.read_text()
    result = build(content, tmp_path)
    assert result.ok, result.errors
    version = translations.version_of(datafile.read(content / "pages" / "about.md"))
    assert any(
        "es/acerca.md:" in line and f"set 'Translation-version: {version}'" in line
        for line in result.warnings
    )
    assert (tmp_path / "output" / "es" / "acerca" / "index.html").exists()


def test_the_center_s_checklist_lists_translations_to_check(content, tmp_path):
    """`invoke confirm-list` names each translation no medical translator has
    checked; the production build refuses it once (plugins/translations.py)."""
    write_translation(content, "es/acerca.md", "about.md", "Acerca", reviewed=False)
    settings = {
        "PATH": str(content),
        "PAGE_PATHS": ["pages"],
        "TRANSLATIONS": {"languages": ["es"]},
    }
    text = to_confirm.checklist_text(to_confirm.checklist(settings))
    assert "es/acerca.md:1: Translation-reviewed-by: a qualified medical translator" in text
    assert "es/index.md:1: Translation-reviewed-by" not in text
    production = build(content, tmp_path, strict=True)
    assert len([line for line in production.errors if "es/acerca.md:1:" in line]) == 1
