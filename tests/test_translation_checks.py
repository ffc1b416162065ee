"""Translations on the fixture site: one page's state never stops the site.

A Spanish page names its English page and carries the medical translator's
check (which English version, when, by whom). Production publishes a
checked page whose English page changed since, as checked, with a band in
Spanish; it holds back a page no translator checked, or whose English page
is gone, and publishes the rest; every build lists both
(plugins/reading/translations.py, plugins/reading/notices.py).
"""

import datetime
import os
import shutil
import subprocess
import sys

import pytest

from plugins.lib import datafile
from plugins.reading import to_confirm, translations
from support import FIXTURE_SITE, ROOT, build_site, require_tool, soup_of, words

# The fixture's holiday notice is up on this day.
HOLIDAY = datetime.date(2026, 12, 21)
STRICT = {"mode": "production", "today": None}
SPANISH_TEXT = (
    "Somos un equipo pequeño. Nos gustan las palabras claras.\n\n"
    "## Nuestras salas\n\nSon salas tranquilas.\n\nVuelva al [inicio]({filename}index.md).\n"
)
TRANSLATOR = "Ana Prueba, traductora médica"


@pytest.fixture
def content(tmp_path):
    """The fixture site with a checked, current Spanish home and About page."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, folder)
    write_translation(folder, "es/index.md", "index.md", "Inicio de la clínica de prueba")
    write_translation(folder, "es/acerca.md", "about.md", "Acerca de la clínica de prueba")
    return folder


def version(folder, english):
    return translations.version_of(datafile.read(folder / "pages" / english))


def write_translation(folder, path, english, title, extra="", checked=True, day="2026-12-01"):
    lines = [
        f"Title: {title}",
        "Summary: Quiénes somos, en pocas palabras.",
        f"Translation-of: {english}",
    ]
    if checked:
        lines.append(f"Translation-checked: {version(folder, english)} on {day} by {TRANSLATOR}")
    if extra:
        lines.append(extra)
    target = folder / "pages" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n\n" + SPANISH_TEXT, encoding="utf-8")
    return target


def link_spanish_home_to_about(content):
    """A link to es/acerca.md on the Spanish home page (its check stays
    valid: the check is of the English words)."""
    index = content / "pages" / "es" / "index.md"
    index.write_text(index.read_text() + "\nLea [quiénes somos]({filename}acerca.md).\n")


def set_day(path, day):
    """Give a file (outside git) the time of noon on a day: its change's day."""
    moment = datetime.datetime.combine(day, datetime.time(12)).timestamp()
    os.utime(path, (moment, moment))


def build(content, tmp_path, strict=False, day=HOLIDAY, name="output"):
    override = {"PATH": content}
    if strict:
        override["BUILD"] = STRICT
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
    assert not spanish.select(".app-translation-band, .app-draft")


def test_an_english_change_publishes_the_translation_as_checked_marked_in_spanish(
    content, tmp_path
):
    """An English typo fix never stops the site: production publishes both,
    the Spanish page as the translator checked it, with a band in Spanish
    naming the day the English page changed and linking to it; the build
    lists it and names the check to write once the translator has updated it."""
    english = content / "pages" / "about.md"
    english.write_text(english.read_text().replace("small team", "small, friendly team"))
    set_day(english, datetime.date(2026, 12, 2))
    new = version(content, "about.md")
    production = build(content, tmp_path, strict=True, name="production")
    assert production.ok, production.errors
    assert any_line(
        production.warnings,
        "es/acerca.md:4: the English page",
        "changed on 2026-12-02",
        f"write 'Translation-checked: {new} on 2026-12-21 by",
    )
    page = soup_of(tmp_path / "production" / "es" / "acerca" / "index.html")
    band = page.select_one("main .app-translation-band")
    assert words(band).startswith(
        "La página en inglés se actualizó el 2 de diciembre de 2026. Esta traducción todavía"
    )
    link = band.select_one("a")
    assert (link["href"], link["hreflang"], words(link)) == (
        "/about/",
        "en",
        "Lea la versión en inglés",
    )
    assert "Somos un equipo pequeño" in words(page.select_one("main"))
    assert not page.select(".app-draft"), "staff notes stay in the preview"
    english_page = soup_of(tmp_path / "production" / "about" / "index.html")
    assert english_page.select_one(".app-header__lang")["href"] == "/es/acerca/"


def test_the_build_summary_lists_marked_and_held_back_pages(content, tmp_path, capsys):
    """After the problem lines, one line per kind names every such page."""
    from tools import sitebuild

    english = content / "pages" / "about.md"
    english.write_text(english.read_text() + "\nWe also have a garden.\n")
    write_translation(content, "es/semana.md", "about/week.md", "Una semana", checked=False)
    result = build(content, tmp_path, strict=True)
    assert result.ok, result.errors
    sitebuild.report(result)
    printed = capsys.readouterr().err.splitlines()
    marked = [line for line in printed if line.startswith("On the live site, marked")]
    held = [line for line in printed if line.startswith("Not on the live site")]
    assert marked == [
        "On the live site, marked as older than the English page (1): "
        f"{tmp_path}/content/pages/es/acerca.md"
    ]
    assert held == [f"Not on the live site (1): {tmp_path}/content/pages/es/semana.md"]


def test_re_wrapping_the_english_page_changes_nothing(content, tmp_path):
    english = content / "pages" / "about.md"
    english.write_text(english.read_text().replace("small team. We", "small team.\nWe"))
    result = build(content, tmp_path, strict=True)
    assert result.ok and not lines_about(result, "acerca.md"), result.lines


def test_production_holds_back_a_translation_no_medical_translator_checked(content, tmp_path):
    """The preview shows it with a staff band; production leaves it out,
    publishes the rest, and links to it lead to its English page."""
    write_translation(content, "es/acerca.md", "about.md", "Acerca", checked=False)
    link_spanish_home_to_about(content)
    preview = build(content, tmp_path)
    assert preview.ok
    assert any_line(lines_about(preview, "acerca.md:3"), "qualified medical translator")
    band = soup_of(tmp_path / "output" / "es" / "acerca" / "index.html").select_one(".app-draft")
    assert "no medical translator" in words(band) and band["lang"] == "en"
    production = build(content, tmp_path, strict=True, name="production")
    assert production.ok, production.errors
    assert not (tmp_path / "production" / "es" / "acerca").exists()
    assert (tmp_path / "production" / "es" / "index.html").exists()
    home = soup_of(tmp_path / "production" / "es" / "index.html")
    assert [a["href"] for a in home.select("main a") if "quiénes" in words(a)] == ["/about/"]
    english = soup_of(tmp_path / "production" / "about" / "index.html")
    assert english.select_one(".app-header__lang")["href"] == "/es/"
    assert '"/es/acerca/"' not in (tmp_path / "production" / "sitemap.xml").read_text()


def commit_all(folder, day):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="editor",
        GIT_AUTHOR_EMAIL="editor@example.invalid",
        GIT_COMMITTER_NAME="editor",
        GIT_COMMITTER_EMAIL="editor@example.invalid",
        GIT_AUTHOR_DATE=f"{day}T12:00:00-08:00",
        GIT_COMMITTER_DATE=f"{day}T12:00:00-08:00",
    )
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", f"edits of {day}"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)


def test_a_check_dated_before_the_english_words_is_no_check(content, tmp_path):
    """Copying the new version into an old check is no translator's check:
    git records that the English words it names were written after it."""
    require_tool("git")
    commit_all(content, "2026-11-01")
    english = content / "pages" / "about.md"
    english.write_text(english.read_text() + "\nWe also have a garden.\n")
    commit_all(content, "2026-12-10")
    write_translation(content, "es/acerca.md", "about.md", "Acerca", day="2026-12-01")
    commit_all(content, "2026-12-11")
    production = build(content, tmp_path, strict=True)
    assert production.ok, production.errors
    assert any_line(
        production.warnings,
        "es/acerca.md:4: not published: the translator's check is dated 2026-12-01",
        "(2026-12-10)",
    )
    assert not (tmp_path / "output" / "es" / "acerca").exists()


def test_outside_git_a_file_s_time_never_holds_a_page_back(content, tmp_path):
    """A copied folder keeps its checkout's time, which says nothing of when
    the words were written: the check stands."""
    english = content / "pages" / "about.md"
    set_day(english, datetime.date(2026, 12, 20))
    write_translation(content, "es/acerca.md", "about.md", "Acerca", day="2026-12-01")
    production = build(content, tmp_path, strict=True)
    assert production.ok and not lines_about(production, "acerca.md"), production.lines


@pytest.mark.parametrize(
    "check, expected",
    [
        (
            "Translation-checked: ok by Ana",
            "translation checked: 'ok by Ana' is not a translator's check",
        ),
        (
            "Translation-checked: 0123456789ab on 2027-01-05 by Ana Prueba",
            "2027-01-05 is in the future",
        ),
        ("Translation-checked: 0123456789ab on 12/01/2026 by Ana Prueba", "is not a date"),
    ],
)
def test_a_badly_written_check_names_its_line(content, tmp_path, check, expected):
    write_translation(content, "es/acerca.md", "about.md", "Acerca", extra=check, checked=False)
    result = build(content, tmp_path)
    assert not result.ok
    assert any_line(result.errors, "es/acerca.md:4: ", expected), result.errors


@pytest.mark.parametrize(
    "old", ["Translation-version: 0123456789ab", "Translation-reviewed-by: Ana"]
)
def test_the_old_bare_version_and_reviewer_lines_point_to_the_check(content, tmp_path, old):
    write_translation(content, "es/acerca.md", "about.md", "Acerca", extra=old)
    result = build(content, tmp_path)
    assert not result.ok
    assert any_line(result.errors, "es/acerca.md:5: ", "Translation-checked")


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
    assert any_line(result.errors, "es/acerca.md:5: ", expected), result.errors


def test_a_translation_whose_english_page_is_gone_is_held_back_with_a_note(content, tmp_path):
    """Deleting an English page as EDITING.md says leaves its Spanish page
    behind: production holds it back and publishes the rest; a link to it is
    refused by name, until its address is redirected."""
    (content / "pages" / "about.md").unlink()
    for english in ("index.md", "about/week.md"):
        page = content / "pages" / english
        text = page.read_text().replace("[about us]({filename}about.md) or ", "")
        page.write_text(text.replace("Go back to [about us]({filename}../about.md#our-rooms).", ""))
    link_spanish_home_to_about(content)
    (content / "redirects.txt").write_text("/old-about/ /\n")
    preview = build(content, tmp_path)
    assert preview.ok, preview.errors
    assert any_line(
        preview.warnings,
        "es/acerca.md:3: not published: its English page 'about.md' is gone",
        "delete this page and add its address to content/redirects.txt",
    )
    (content / "redirects.txt").write_text("/about/ /\n")
    production = build(content, tmp_path, strict=True, name="production")
    assert not production.ok
    assert any_line(
        production.errors,
        "content/pages/es/index.md:14: link to ",
        "content/pages/es/acerca.md '/es/acerca/', which is not published: "
        "its English page is gone - remove the link, or redirect that address",
    ), production.errors
    (content / "redirects.txt").write_text("/about/ /\n/es/acerca/ /es/\n")
    production = build(content, tmp_path, strict=True, name="production")
    assert production.ok, production.errors
    redirect = (tmp_path / "production" / "es" / "acerca" / "index.html").read_text()
    assert "Somos un equipo" not in redirect and 'content="0; url=' in redirect


def test_a_misspelt_english_page_suggests_an_untranslated_page_only(content, tmp_path):
    """The hint never names a page that another translation already has."""
    write_translation(content, "es/semana.md", "about/week.md", "Semana")
    target = content / "pages" / "es" / "semana.md"
    target.write_text(target.read_text().replace("about/week.md", "about/wek.md"))
    result = build(content, tmp_path)
    assert any_line(
        result.warnings,
        "es/semana.md:3: ",
        "'about/wek.md' is gone",
        "did you mean 'about/week.md'?",
    )
    target.write_text(target.read_text().replace("about/wek.md", "abot.md"))
    result = build(content, tmp_path, name="again")
    assert not any_line(result.warnings, "es/semana.md:3: ", "did you mean 'about.md'")


def test_a_second_translation_of_one_page_is_held_back(content, tmp_path):
    write_translation(content, "es/otra.md", "about.md", "Otra acerca")
    result = build(content, tmp_path, strict=True)
    assert result.ok, result.errors
    assert any_line(result.warnings, "es/otra.md:3: ", "already translates about.md")
    assert not (tmp_path / "output" / "es" / "otra").exists()
    assert (tmp_path / "output" / "es" / "acerca" / "index.html").exists()


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


def test_a_spanish_notice_left_after_its_english_notice_is_deleted_is_a_note(content, tmp_path):
    """EDITING.md takes a notice down by deleting its file: the Spanish text
    left behind is not shown, and production publishes."""
    (content / "notices" / "en" / "holiday.md").unlink()
    result = build(content, tmp_path, strict=True)
    assert result.ok, result.errors
    assert any_line(
        result.warnings, "es/holiday.md:1: no English notice 'holiday.md': this text is not shown"
    )
    assert not soup_of(tmp_path / "output" / "es" / "index.html").select(".app-notice")


def test_new_translation_starts_a_spanish_page_the_build_guides(content, tmp_path):
    """`invoke new-translation` writes the fields and the English text; the
    build then names the check to write, and the page is in the preview."""
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
    current = version(content, "about.md")
    assert any_line(result.warnings, "es/acerca.md:", f"write 'Translation-checked: {current} on")
    assert (tmp_path / "output" / "es" / "acerca" / "index.html").exists()


def test_the_center_s_checklist_lists_translations_to_check(content, tmp_path):
    """`invoke confirm-list` names each translation no medical translator has
    checked, each one older than its English page and each leftover; the
    production build lists each once."""
    write_translation(content, "es/acerca.md", "about.md", "Acerca", checked=False)
    week = content / "pages" / "about" / "week.md"
    write_translation(content, "es/semana.md", "about/week.md", "Semana")
    week.write_text(week.read_text() + "\nWe rest on Sundays.\n")
    write_translation(content, "es/vieja.md", "gone.md", "Vieja", checked=False)
    settings = {
        "PATH": str(content),
        "PAGE_PATHS": ["pages"],
        "TRANSLATIONS": {"languages": ["es"]},
    }
    text = to_confirm.checklist_text(to_confirm.checklist(settings))
    assert "es/acerca.md:3: Translation-checked: a qualified medical translator" in text
    assert "es/semana.md:4: Translation-checked: the English page changed on" in text
    assert "es/vieja.md:3: leftover translation: its English page 'gone.md' is gone" in text
    assert "es/index.md" not in text
    production = build(content, tmp_path, strict=True)
    assert production.ok, production.errors
    assert len([line for line in production.lines if "es/acerca.md:" in line]) == 1
