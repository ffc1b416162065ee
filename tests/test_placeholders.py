"""A value that stands in for a fact is recognised by what it says, in any
spelling, and never reaches a family or a search engine as a fact: the
center's details, a clinician's or a translator's name, a Spanish page."""

import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugins.lib import datafile, fields, placeholders
from plugins.reading import translations
from support import FIXTURE_SITE, build_site

STANDING_IN = [
    "TBC",
    "tbd",
    "T.B.D.",
    "XXXX Main Street",
    "xx",
    "???",
    "n/a",
    "N.A.",
    "-",
    "...",
    "Pendiente",
    "por confirmar",
    "Por Confirmar.",
    "to be confirmed",
    "To be determined",
    "Próximamente",
    "100 Placeholder Street",
    "Lorem ipsum",
    "unknown",
    "none",
    "Name, credential",
]
REAL = [
    "3180 University Avenue",
    "Mental Health Center of San Diego",
    "San Diego",
    "Dr. Ana Ruiz, MD",
    "Marta Gómez, CHI",
    "Tbilisi Street 12",
    "Mendoza",
    "Noneman",
]


@pytest.mark.parametrize("value", STANDING_IN)
def test_a_value_standing_in_for_a_fact_is_recognised(value):
    assert placeholders.reason(value), value


@pytest.mark.parametrize("value", REAL)
def test_a_real_value_is_not_taken_for_a_placeholder(value):
    assert placeholders.reason(value) is None, value


@given(
    phrase=st.sampled_from(sorted(placeholders.SAYS_UNKNOWN)),
    case=st.sampled_from([str.upper, str.lower, str.title, str.capitalize]),
    around=st.sampled_from(["{}", "{}.", "({})", "{} - ask the director", "Street: {}", "¿{}?"]),
)
def test_any_spelling_of_not_known_yet_is_recognised(phrase, case, around):
    """Property: case, punctuation and the words around it never hide it."""
    assert placeholders.reason(around.format(case(phrase)))


@pytest.mark.parametrize("value", ["TBD", "pendiente", "Smith", "Dr. X", "n/a, MD"])
def test_a_person_field_needs_a_real_full_name(value):
    with pytest.raises(fields.Refused):
        fields.parse_person(value)


def fixture_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    return content


@pytest.mark.parametrize(
    "old, new", [("1200 Fixture Avenue", "TBC"), ("1200 Fixture Avenue", "XXXX Main Street")]
)
def test_production_refuses_a_placeholder_street(tmp_path, monkeypatch, old, new):
    monkeypatch.delenv("STAGING", raising=False)
    content = fixture_content(tmp_path)
    center = content / "center.txt"
    center.write_text(center.read_text().replace(old, new))
    result = build_site(tmp_path / "out", "publishconf.py", PATH=content)
    assert not result.ok
    assert any(
        "center.txt:3: the street" in line and "is a placeholder" in line for line in result.errors
    )
    assert build_site(tmp_path / "preview", PATH=content).ok  # the preview shows it


@pytest.mark.parametrize(
    "line", ["Confirmed-by: Maria Lopez, Office Manager\n", "Confirmed: 2026-11-01\n"]
)
def test_details_nobody_confirmed_are_refused_one_by_one(tmp_path, monkeypatch, line):
    """Real-looking hours the center never gave were published as its
    hours: until someone is named with a day, every detail is listed as not
    confirmed, each at its own line, and the preview still shows them."""
    monkeypatch.delenv("STAGING", raising=False)
    content = fixture_content(tmp_path)
    center = content / "center.txt"
    center.write_text(center.read_text().replace(line, ""))
    result = build_site(tmp_path / "out", "publishconf.py", PATH=content)
    assert not result.ok
    text = "\n".join(result.errors)
    assert "center.txt:8: the hours 'Mo-Fr 09:00-17:00; Sa 10:00-12:00' are not confirmed" in text
    assert "center.txt:2: the phone '858-555-0234' is not confirmed" in text
    assert "no one has confirmed these details (Confirmed-by, Confirmed)" in text
    assert "'Confirmed-by: Name, role' and 'Confirmed: YYYY-MM-DD'" in text
    assert build_site(tmp_path / "preview", PATH=content).ok


@pytest.mark.parametrize(
    "value, why",
    [("Confirmed-by: TBD", "confirmed by: 'TBD'"), ("Confirmed: 2099-01-01", "confirmed: 2099")],
)
def test_a_made_up_confirmation_is_refused(tmp_path, monkeypatch, value, why):
    monkeypatch.delenv("STAGING", raising=False)
    content = fixture_content(tmp_path)
    center = content / "center.txt"
    key = value.split(":")[0]
    text = "".join(
        f"{value}\n" if line.startswith(f"{key}:") else line
        for line in center.read_text().splitlines(keepends=True)
    )
    center.write_text(text)
    result = build_site(tmp_path / "out", "publishconf.py", PATH=content)
    assert not result.ok
    assert any(
        "center.txt:9: " + why in line or "center.txt:10: " + why in line for line in result.errors
    )


def test_a_placeholder_reviewer_is_refused_with_its_line(tmp_path):
    """'Reviewed-by: TBD' was shown as "by TBD" and told to search engines."""
    content = fixture_content(tmp_path)
    page = content / "pages" / "about.md"
    page.write_text(page.read_text().replace("Dr. Lena Ortiz, MD", "TBD"))
    result = build_site(tmp_path / "out", PATH=content)
    assert not result.ok
    assert any(
        "about.md:7: reviewed by: 'TBD' is not a person's name" in line for line in result.errors
    )


def test_a_placeholder_translator_is_no_check(tmp_path):
    content = fixture_content(tmp_path)
    version = translations.version_of(datafile.read(content / "pages" / "index.md"))
    (content / "pages" / "es").mkdir()
    (content / "pages" / "es" / "index.md").write_text(
        "Title: Inicio\nSummary: Inicio.\nTranslation-of: index.md\n"
        f"Translation-checked: {version} on 2026-11-20 by pendiente\n\nAyudamos a personas.\n"
    )
    result = build_site(tmp_path / "out", PATH=content)
    assert not result.ok
    assert any(
        "es/index.md:4: translation checked: 'pendiente' is not a person's name" in line
        for line in result.errors
    )


def test_a_spanish_page_left_in_english_is_held_back(tmp_path, monkeypatch):
    """Even with a translator's check written on it, it never goes live."""
    monkeypatch.delenv("STAGING", raising=False)
    content = fixture_content(tmp_path)
    english = content / "pages" / "index.md"
    version = translations.version_of(datafile.read(english))
    (content / "pages" / "es").mkdir()
    (content / "pages" / "es" / "index.md").write_text(
        "Title: Inicio\nSummary: Inicio.\nTranslation-of: index.md\n"
        f"Translation-checked: {version} on 2026-11-20 by Ana Prueba, CHI\n\n"
        "We help people in San Diego. Call us to ask a question about the program, "
        "what it is for, and how you can start it with your family.\n"
    )
    result = build_site(tmp_path / "out", "publishconf.py", PATH=content)
    assert result.ok, result.errors
    assert any(
        "es/index.md:6: not published: this page reads as English" in line
        for line in result.warnings
    )
    assert not (tmp_path / "out" / "es" / "index.html").exists()


def test_status_placeholder_alone_is_refused(tmp_path, monkeypatch):
    """Real-looking details, confirmed by a named person on a day: the
    `Status: placeholder` line alone still keeps them off the live site,
    named at its own line, with every detail it marks as not confirmed."""
    monkeypatch.delenv("STAGING", raising=False)
    content = fixture_content(tmp_path)
    center = content / "center.txt"
    center.write_text(center.read_text().replace("Phone: 858-555-0234", "Phone: 858-694-3900"))
    assert build_site(tmp_path / "real", "publishconf.py", PATH=content).ok
    text = center.read_text()
    center.write_text(text.replace("Country: US\n", "Country: US\nStatus: placeholder\n"))
    result = build_site(tmp_path / "out", "publishconf.py", PATH=content)
    assert not result.ok
    assert any("center.txt:8: 'Status: placeholder' marks the details" in x for x in result.errors)
    assert any(
        "center.txt:2: the phone '858-694-3900' is not confirmed" in x for x in result.errors
    )
    assert not any("fictional" in line for line in result.lines)
