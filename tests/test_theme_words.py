"""Words a plugin writes for visitors come from Babel (CLDR's names of days,
times and languages) and the theme's catalog, in the page's language:
never from Python (plugins/lib/wording.py)."""

from types import SimpleNamespace

import jinja2
import pytest
from pelican.settings import read_settings

from plugins.lib import wording
from plugins.reading import center
from plugins.rendering import tables, theme_i18n
from support import ROOT, theme_word

NNBSP = "\u202f"  # CLDR keeps "8:00 a.m." on one line


def line(hours, lang):
    return wording.hours_line(hours, lang, lambda words: theme_word(words, lang))


@pytest.mark.parametrize(
    ("group", "english", "spanish"),
    [
        (
            ("MoTuWeThFr", "08:00", "18:00"),
            "Monday to Friday: 8 am to 6 pm",
            "Lunes a viernes: de 8:00{n}a.m. a 6:00{n}p.m.",
        ),
        (
            ("Sa", "09:30", "12:00"),
            "Saturday: 9:30 am to 12 pm",
            "Sábado: de 9:30{n}a.m. a 12:00{n}p.m.",
        ),
        (
            ("Su", "20:00", "24:00"),
            "Sunday: 8 pm to 12 am",
            "Domingo: de 8:00{n}p.m. a 12:00{n}a.m.",
        ),
    ],
)
def test_opening_hours_in_each_language(group, english, spanish):
    days, opens, closes = group
    hours = center.hours_group([days[i : i + 2] for i in range(0, len(days), 2)], opens, closes)
    assert line(hours, "en") == english
    assert line(hours, "es") == spanish.format(n=NNBSP)
    assert hours["schema"]["dayOfWeek"][0] in ("Monday", "Saturday", "Sunday")


def test_each_language_is_named_in_itself_and_in_english():
    assert wording.language_name("es") == "Español"
    assert wording.language_name("en") == "English"
    assert wording.language_name("es", "en") == "Spanish"


def test_a_table_region_is_named_in_the_page_s_language():
    table = "<table><tr><th>Día</th></tr><tr><td>lunes</td></tr></table>"
    spanish = tables.box_all(table, lambda words: theme_word(words, "es"))
    assert 'aria-label="Tabla: Día"' in spanish
    assert 'aria-label="Table: Día"' in tables.box_all(table)
    assert 'aria-label="Tabla"' in tables.box_all("<table></table>", lambda w: theme_word(w, "es"))


def test_a_translators_words_are_text_even_in_an_attribute(tmp_path):
    """Autoescape prints what gettext gives as HTML: the theme's gettext
    escapes the catalog's words, so a translator's '"', '&' or '<' stays
    text, in an attribute too."""
    folder = tmp_path / "translations" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Breadcrumb"\nmsgstr "Ruta \\"de\\" navegación & <b>"\n'
    )
    options = dict(read_settings(str(ROOT / "pelicanconf.py"))["JINJA_ENVIRONMENT"])
    options.pop("bytecode_cache", None)
    generator = SimpleNamespace(
        env=jinja2.Environment(**options), settings={"THEME": str(tmp_path)}
    )
    theme_i18n.install(generator)
    page = generator.env.from_string(
        '<nav aria-label="{{ _("Breadcrumb") }}">{{ _("Breadcrumb") }}</nav>'
    )
    html = page.render(lang="es")
    assert html == (
        '<nav aria-label="Ruta &#34;de&#34; navegación &amp; &lt;b&gt;">'
        "Ruta &#34;de&#34; navegación &amp; &lt;b&gt;</nav>"
    )
