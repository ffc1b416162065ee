"""Every action EDITING.md describes builds and publishes as written.

A production-ready copy of the fixture site (real-looking details, every
Spanish page checked by a translator) is edited the way the guide tells
staff to, one section after another. After each action the production
build must pass (or refuse exactly where the guide says it will, then pass
once the editor does what the message says); at the end the whole edited
site goes through `invoke publish` to a folder, release checks included.
"""

import datetime
import re
import shutil
import subprocess
import sys

import pytest

from plugins.lib import datafile
from plugins.reading import translations
from support import FIXTURE_SITE, ROOT, build_site, session_phone_photo, soup_of, words

SPANISH = {
    "es/index.md": ("index.md", "Inicio", "Ayudamos a personas en San Diego. Llámenos."),
    "es/acerca.md": ("about.md", "Quiénes somos", "Somos un equipo pequeño."),
    "es/acerca/semana.md": ("about/week.md", "Una semana", "Cada semana tiene un plan."),
}


@pytest.fixture(scope="module")
def day():
    """Today in San Diego: what `invoke new-page` writes as Reviewed."""
    from pelican.settings import read_settings

    from plugins.lib import build

    return build.today(read_settings(str(ROOT / "pelicanconf.py")))


@pytest.fixture
def content(tmp_path, day):
    """The fixture site, production-ready in both languages."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, folder)
    for path, (english, title, text) in SPANISH.items():
        version = translations.version_of(datafile.read(folder / "pages" / english))
        target = folder / "pages" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f"Title: {title}\nSummary: Una página de prueba.\nTranslation-of: {english}\n"
            f"Translation-checked: {version} on {day} by Ana Prueba, CHI\n\n{text}\n"
        )
    return folder


class Walk:
    """The copy being edited, and its production build after each step."""

    def __init__(self, content, tmp_path, day):
        self.content, self.tmp_path, self.day, self.builds = content, tmp_path, day, 0

    def page(self, path):
        return self.content / "pages" / path

    def edit(self, path, old, new):
        file = self.content / path
        text = file.read_text()
        assert old in text, (path, old)
        file.write_text(text.replace(old, new))

    def append(self, path, text):
        file = self.content / path
        file.write_text(file.read_text() + "\n" + text + "\n")

    def production(self, day=None):
        self.builds += 1
        output = self.tmp_path / f"build-{self.builds}"
        return build_site(
            output, "publishconf.py", today=day or self.day, PATH=self.content
        ), output

    def publishes(self, step, day=None):
        result, output = self.production(day)
        assert result.ok, f"{step}: {result.errors}"
        return result, output

    def refuses(self, step, *parts):
        result, _ = self.production()
        assert not result.ok, f"{step}: production should refuse"
        assert any(all(p in line for p in parts) for line in result.errors), (step, result.errors)
        return result

    def invoke(self, *args):
        run = subprocess.run(
            [sys.executable, "-m", "invoke", *args, f"--content={self.content}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        return run


def change_a_page(walk):
    """'Change a page': new words in an English page. The Spanish page stays
    live as the translator checked it, marked in Spanish."""
    walk.edit("pages/about.md", "We like plain words.", "We like plain, short words.")
    _, output = walk.publishes("change a page")
    spanish = soup_of(output / "es" / "acerca" / "index.html")
    assert "actualizó" in words(spanish.select_one(".app-translation-band"))
    assert "plain, short words" in words(soup_of(output / "about" / "index.html"))


def links_pictures_tables_and_languages(walk):
    """'Links and pictures', 'Photos', 'Tables' and 'Another language'."""
    (walk.content / "images").mkdir(exist_ok=True)
    session_phone_photo(walk.content / "images" / "group-room.jpg", size=(1200, 900))
    walk.append(
        "pages/about.md",
        "See [our week]({filename}about/week.md#the-days) and the "
        "[988 Lifeline](https://988lifeline.org).\n\n"
        "![Our group room, with chairs in a circle]({static}/images/group-room.jpg)\n\n"
        "| Day | Times |\n| --- | --- |\n| Monday | 9 am to 12 pm |\n\n"
        'Hablamos español.\n{: lang="es" }',
    )
    _, output = walk.publishes("links, photos, tables, another language")
    page = soup_of(output / "about" / "index.html")
    assert page.select_one("main picture img[alt^='Our group room']")
    assert page.select_one("main table") and page.select_one("main p[lang=es]")


def start_a_new_page(walk):
    """'Start a new page': refused while the guidance is there, then live."""
    walk.invoke("new-page", "--path", "about/parking", "--title", "Parking")
    walk.refuses("new page", "about/parking.md", "guidance")
    page = walk.page("about/parking.md")
    head = page.read_text().split("\n\n")[0]
    head = head.replace(head.splitlines()[4], "Summary: Where to park when you visit us.")
    page.write_text(head + "\n\nPark behind the building. It is free.\n")
    _, output = walk.publishes("new page")
    section = soup_of(output / "about" / "index.html").select_one("nav.app-section-menu")
    assert "Parking" in words(section)


def drafts(walk):
    """'Drafts': never published; live once the line is deleted."""
    walk.page("about/events.md").write_text(
        f"Title: Family nights\nSummary: Evenings for families.\nReviewed: {walk.day}\n"
        "Status: draft\n\nWe hold family nights once a month.\n"
    )
    _, output = walk.publishes("a draft")
    assert not (output / "about" / "events").exists()
    walk.edit("pages/about/events.md", "Status: draft\n", "")
    _, output = walk.publishes("a draft made live")
    assert (output / "about" / "events" / "index.html").exists()


def facts_to_confirm(walk):
    """'Facts the center must confirm': a fact asked in content/facts/,
    refused while unanswered; live, in both languages, once the center's
    answer is written there; a page's To-confirm field the same."""
    (walk.content / "facts").mkdir(exist_ok=True)
    fact = walk.content / "facts" / "group-days.txt"
    fact.write_text("Question: The days groups meet\nOwner: admissions\n")
    walk.append("pages/about/week.md", "Days: [[fact: group-days]].")
    walk.refuses("a fact to confirm", "group-days.txt", "to confirm: The days groups meet")
    fact.write_text(
        fact.read_text()
        + "Answer: Monday and Friday\nAnswer-es: lunes y viernes\n"
        + f"Confirmed-by: Maria Lopez, Admissions Director\nConfirmed: {walk.day}\n"
    )
    _, output = walk.publishes("a fact answered")
    assert "Days: Monday and Friday." in words(soup_of(output / "about" / "week" / "index.html"))
    walk.edit("pages/about/events.md", "Reviewed:", "To-confirm: the dates\nReviewed:")
    walk.refuses("a page to confirm", "events.md", "page to confirm: the dates")
    walk.edit("pages/about/events.md", "To-confirm: the dates\n", "")
    walk.publishes("facts confirmed")


def clinical_pages(walk):
    """'Clinical pages need a named reviewer'."""
    walk.page("support.md").write_text(
        f"Title: Support for families\nSection: for-families\nNav-order: 20\n"
        f"Summary: How families can get support.\nReviewed: {walk.day}\n\n"
        "Families can join a support group. Ask us when it meets.\n"
    )
    walk.refuses("a clinical page", "support.md", "no reviewer")
    walk.edit("pages/support.md", "Reviewed:", "Reviewed-by: Dr. Ana Ruiz, MD\nReviewed:")
    walk.publishes("a clinical page reviewed")


def center_details(walk):
    """'Change the phone number, address or hours'."""
    walk.edit("center.txt", "858-555-0234", "619-800-4317")
    walk.edit("center.txt", "Hours: Mo-Fr 09:00-17:00; Sa 10:00-12:00", "Hours: Mo-Fr 08:00-19:00")
    _, output = walk.publishes("the center's details")
    footer = words(soup_of(output / "index.html").select_one("footer"))
    assert "619-800-4317" in footer and "Monday to Friday: 8 am to 7 pm" in footer


def notices(walk):
    """'Switch the banner on or off': a new notice, in Spanish too; taken down
    early by its End date; another deleted with its Spanish text left."""
    start, end = walk.day, walk.day + datetime.timedelta(days=3)
    (walk.content / "notices" / "en" / "parking.md").write_text(
        f"Title: Parking lot closed\nLevel: warning\nStart: {start}\nEnd: {end}\n\n"
        "Please park on the street this week.\n"
    )
    (walk.content / "notices" / "es" / "parking.md").write_text(
        "Title: Estacionamiento cerrado\n\nEstacione en la calle esta semana.\n"
    )
    _, output = walk.publishes("a new notice")
    assert "Estacionamiento cerrado" in words(soup_of(output / "es" / "index.html"))
    later, _ = walk.publishes("the site as of another day", walk.day + datetime.timedelta(days=5))
    assert any("parking.md" in line and "ended on" in line for line in later.warnings)
    walk.edit(
        "notices/en/parking.md", f"End: {end}", f"End: {walk.day - datetime.timedelta(days=1)}"
    )
    _, output = walk.publishes("a notice taken down early")
    assert "Parking lot closed" not in words(soup_of(output / "index.html"))
    (walk.content / "notices" / "en" / "holiday.md").unlink()
    result, _ = walk.publishes("a notice deleted, its Spanish text left")
    assert any("es/holiday.md:1: no English notice" in line for line in result.warnings)


def spanish_pages(walk):
    """'Add the Spanish page of a new English page': not live until the
    translator's check, then live with the line the build gave."""
    walk.invoke(
        "new-translation", "--of", "about/parking.md", "--path", "es/acerca/estacionamiento"
    )
    result, output = walk.publishes("a new Spanish page")
    assert not (output / "es" / "acerca" / "estacionamiento").exists()
    line = next(p for p in result.problems if "estacionamiento.md" in p.path)
    check = re.search(r"write '(Translation-checked: .*)'", line.fix)[1]
    check = check.replace("<the translator's name, credential>", "Ana Prueba, CHI")
    walk.edit("pages/es/acerca/estacionamiento.md", "Translation-of:", f"{check}\nTranslation-of:")
    _, output = walk.publishes("a Spanish page checked")
    assert (output / "es" / "acerca" / "estacionamiento" / "index.html").exists()


def old_addresses(walk):
    """'Keep an old address working' and 'Take a page off the site'."""
    walk.append("redirects.txt", "/parking/ /about/parking/")
    (walk.page("about/week.md")).unlink()
    (walk.page("es/acerca/semana.md")).unlink()
    walk.append("redirects.txt", "/about/week/ /about/\n/es/acerca/semana/ /es/acerca/")
    walk.refuses("a page taken off", "link to a missing file")
    walk.edit("pages/index.md", " or [our week]({filename}about/week.md#the-days)", "")
    walk.edit("pages/about.md", "[our week]({filename}about/week.md#the-days)", "our week")
    _, output = walk.publishes("a page taken off")
    assert re.search(r"url=[^\"]*/about/\"", (output / "about" / "week" / "index.html").read_text())


GUIDE = [
    change_a_page,
    links_pictures_tables_and_languages,
    start_a_new_page,
    drafts,
    facts_to_confirm,
    clinical_pages,
    center_details,
    notices,
    spanish_pages,
    old_addresses,
]


def test_every_section_of_the_guide_is_walked():
    """Each action above names the section of EDITING.md it follows."""
    guide = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    for step in GUIDE:
        for section in re.findall(r"'([^']+)'", step.__doc__.split(":")[0]):
            assert section.split(" on or off")[0] in guide, (step.__name__, section)


# Slow (about twenty production builds, then a whole publish with its
# release checks), and worth it: it is the guide staff follow, done as they
# would, against the build that decides what goes live.
@pytest.mark.slow
def test_the_editing_guide_builds_and_publishes_as_written(content, tmp_path, day, monkeypatch):
    monkeypatch.delenv("STAGING", raising=False)
    walk = Walk(content, tmp_path, day)
    for step in GUIDE:
        step(walk)
    target = tmp_path / "target"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "publish",
            f"--to={target}",
            f"--content={content}",
            f"--as-of={day}",
            f"--output={tmp_path / 'publish'}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert (target / "current" / "about" / "parking" / "index.html").exists()
