"""The preview's warm worker (tools/sitebuild.Worker, plugins/lib/warm.py)
builds, after each kind of save, exactly what a fresh process builds: the
same files, byte for byte, and the same problem lines. What it keeps
between builds may make a save faster, never the preview wrong."""

import datetime
import sys
from pathlib import Path

from plugins.reading import translations
from support import ROOT, tree_digest
from tools import sitebuild

DAY = datetime.date(2026, 12, 1)


def add_line(path, line):
    path.write_text(path.read_text() + f"\n{line}\n")


def answer_fact(content):
    fact = content / "facts" / "accessibility-reply-days.txt"
    answer = "Answer: 5 working days\nConfirmed-by: Ana Ruiz, compliance\nConfirmed: 2026-11-20\n"
    fact.write_text(fact.read_text().rstrip("\n") + "\n" + answer)


def change_phone(content):
    center = content / "center.txt"
    lines = center.read_text().splitlines()
    center.write_text(
        "\n".join("Phone: 619-555-0199" if x.startswith("Phone:") else x for x in lines) + "\n"
    )


def break_a_date(content):
    page = content / "pages" / "privacy.md"
    text = page.read_text()
    page.write_text(text.replace("Reviewed: ", "Reviewed: next week ", 1))


def mend_the_date(content):
    page = content / "pages" / "privacy.md"
    page.write_text(page.read_text().replace("Reviewed: next week ", "Reviewed: ", 1))


def retitle_privacy(content):
    page = content / "pages" / "privacy.md"
    page.write_text(page.read_text().replace("Nav-title: Privacy", "Nav-title: Your privacy", 1))


# A translated page without facts (a fact not answered in Spanish holds a
# page back, which would hide the band this is about).
ENGLISH = Path("pages") / "families" / "questions.md"
SPANISH = Path("pages") / "es" / "familias" / "preguntas.md"


def check_the_translation(content):
    """A medical translator checked a Spanish page today."""
    english = (content / ENGLISH).read_text()
    spanish = content / SPANISH
    check = (
        f"Translation-checked: {translations.version_of_text(english)} on {DAY} by Ana Ruiz, CHI"
    )
    spanish.write_text(
        spanish.read_text().replace("Translation-of:", check + "\nTranslation-of:", 1)
    )


NOWHERE = "Read [this]({filename}nowhere.md)."


def remove_nowhere(content):
    page = content / "pages" / "privacy.md"
    page.write_text(page.read_text().replace(NOWHERE, "Read our pages."))


# Saves after which the build stops (and says why): the same in both.
STOPPED = {"a mistake", "a link to nowhere", "a save with the link still there"}

# In order: each save follows the one before, as an editor's do.
SAVES = [
    ("a translation checked", check_the_translation),
    # The Spanish page is marked older than its English page, which changed.
    ("a page's words", lambda c: add_line(c / ENGLISH, "We answer every call.")),
    # The checks of that page find something new: a warning.
    ("a paragraph said twice", lambda c: add_line(c / ENGLISH, "We answer every call.")),
    ("an English page with a translation", lambda c: add_line(c / "pages" / "index.md", "Hello.")),
    ("a fact's answer, used in two pages", answer_fact),
    ("a menu's title, on every page", retitle_privacy),
    ("the center's phone, on every page", change_phone),
    ("a mistake", break_a_date),
    ("the mistake mended", mend_the_date),
    # Pelican logs a repeated warning once per process: each build must say it.
    ("a link to nowhere", lambda c: add_line(c / "pages" / "privacy.md", NOWHERE)),
    ("a save with the link still there", lambda c: add_line(c / "pages" / "privacy.md", "Ok.")),
    ("the link to nowhere taken out", remove_nowhere),
    (
        "a new page",
        lambda c: (c / "pages" / "new-page.md").write_text(
            "Title: A new page\nSummary: A short new page for families.\nReviewed: 2026-11-26\n\n"
            "We help families in San Diego.\n"
        ),
    ),
    ("the new page deleted", lambda c: (c / "pages" / "new-page.md").unlink()),
]


def cold_build(content, output):
    """A build that keeps nothing (no WARM_BUILDS: what `invoke build` runs)."""
    override = {"PATH": str(content)}
    result = sitebuild.build("pelicanconf.py", str(output), override, today=DAY)
    lines, code = sitebuild.report_lines(result)
    return code, lines


def test_each_save_builds_what_a_fresh_process_builds(content_copy, tmp_path):
    worker = sitebuild.Worker("pelicanconf.py", tmp_path / "warm", content_copy, DAY, cwd=ROOT)
    try:
        assert worker.build()[0] == 0
        for name, save in SAVES:
            save(content_copy)
            code, lines = worker.build()
            cold_code, cold_lines = cold_build(content_copy, tmp_path / "cold")
            assert code == cold_code == (1 if name in STOPPED else 0), (name, lines)
            if "link" in name and "taken out" not in name:
                assert any("'nowhere.md'" in line for line in lines), (name, lines)
            warm_lines = [x.replace("/warm/", "/cold/") for x in lines]
            assert warm_lines == cold_lines, (name, set(warm_lines) ^ set(cold_lines))
            warm, cold = tree_digest(tmp_path / "warm"), tree_digest(tmp_path / "cold")
            assert sorted(warm) == sorted(cold), name
            assert [path for path in warm if warm[path] != cold[path]] == [], name
    finally:
        worker.stop()


def test_a_changed_setting_starts_a_fresh_worker(tmp_path):
    """Settings, code and theme are read once per process: a change to any
    of them must reach the next build, so the worker is started again."""
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"from pelicanconf import *\nSITENAME = 'First'\nTHEME = {str(ROOT / 'theme')!r}\n"
    )
    worker = sitebuild.Worker(settings, tmp_path / "out", ROOT / "tests" / "fixtures" / "site", DAY)
    try:
        worker.cwd = ROOT
        assert worker.build()[0] == 0
        first = worker.process.pid
        assert worker.build()[0] == 0
        assert worker.process.pid == first, "nothing changed: the same warm process"
        settings.write_text(settings.read_text() + "SITENAME = 'Second'\n")
        assert worker.build()[0] == 0
        assert worker.process.pid != first
    finally:
        worker.stop()


def test_a_worker_that_died_is_started_again(tmp_path):
    fixture = ROOT / "tests" / "fixtures" / "site"
    worker = sitebuild.Worker("pelicanconf.py", tmp_path / "out", fixture, DAY, cwd=ROOT)
    try:
        assert worker.build()[0] == 0
        worker.process.kill()
        worker.process.wait()
        code, lines = worker.build()
        assert code == 0, lines
    finally:
        worker.stop()
    assert sys.executable in worker.line


def test_a_process_keeps_no_page_of_its_earlier_builds(tmp_path):
    """Pelican's memo of each page's HTML is the class's, for the life of
    the process: a worker that builds at every save grew with each one."""
    from pelican.contents import Content

    fixture = ROOT / "tests" / "fixtures" / "site"
    sizes = []
    for number in range(3):
        result = sitebuild.build(
            "pelicanconf.py", str(tmp_path / str(number)), {"PATH": str(fixture)}
        )
        assert result.ok, result.lines
        sizes.append(len(Content.get_content.cache))
    assert sizes[0] > 0 and sizes[0] == sizes[1] == sizes[2], sizes
