"""Each theme component renders alone from its params (examples table).

The site's templates escape every value as they print it (autoescape, in
pelicanconf.py's JINJA_ENVIRONMENT): these examples prove hostile text stays
text in every component, and that classes and attributes land on the
component's root element.
"""

import datetime
import re

import jinja2
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup
from pelican.settings import read_settings

from support import ROOT

HOSTILE = '<script>alert("x")</script> & "quotes"'
# component: (params, root selector, text that must appear)
EXAMPLES = {
    "skip_link": ({"text": HOSTILE, "href": "#main-content"}, "a.app-skip-link"),
    "notice_banner": (
        {"id": "covid", "title": HOSTILE, "text": HOSTILE, "level": "urgent"},
        "section.app-notice.app-notice--urgent",
    ),
    "crisis_help": (
        {
            "title": HOSTILE,
            "items": [{"text": HOSTILE, "number": "988", "tel": "988", "note": "24/7"}],
            "note": HOSTILE,
        },
        "aside.app-crisis",
    ),
    "site_header": (
        {
            "name": HOSTILE,
            "home_href": "/",
            "phone": {"label": "Call us", "text": "619-555-0142", "tel": "+16195550142"},
            "items": [{"text": HOSTILE, "href": "/", "current": True}],
        },
        "header.app-header",
    ),
    "site_menu": (
        {
            "text": "Menu",
            "label": "Main",
            "items": [{"text": HOSTILE, "href": "/", "current": "page"}],
        },
        "details.app-menu",
    ),
    "crisis_line": (
        {"text": HOSTILE, "number": "988", "tel": "988", "more_text": "More help"},
        "aside.app-crisis-line",
    ),
    "section_menu": (
        {"title": HOSTILE, "items": [{"text": HOSTILE, "href": "/a/", "current": True}]},
        "nav.app-section-menu",
    ),
    "breadcrumbs": ({"items": [{"text": HOSTILE, "href": "/"}]}, "nav.app-breadcrumbs"),
    "review_dates": (
        {
            "reviewed": datetime.date(2026, 11, 26),
            "next_review": datetime.date(2027, 11, 26),
            "reviewed_by": HOSTILE,
        },
        "div.app-review",
    ),
    "translation_band": (
        {"text": HOSTILE, "link": {"text": HOSTILE, "href": "/about/", "lang": "en"}},
        "p.app-translation-band",
    ),
    "site_footer": (
        {
            "name": HOSTILE,
            "address": ["1 Street", "San Diego, CA 92101"],
            "phone": {"text": "619-555-0142", "tel": "+16195550142"},
            "hours": ["Monday to Friday: 8 am to 6 pm"],
            "links": [],
        },
        "footer.app-footer",
    ),
}


def render(component, params):
    options = dict(read_settings(str(ROOT / "pelicanconf.py"))["JINJA_ENVIRONMENT"])
    options.pop("bytecode_cache", None)
    environment = jinja2.Environment(  # as the site sets it
        loader=jinja2.FileSystemLoader(ROOT / "theme" / "templates"), **options
    )
    template = environment.from_string(
        f'{{% from "components/{component}.html" import {component} %}}'
        f"{{{{ {component}(params) }}}}"
    )
    return template.render(params=params)


@pytest.mark.parametrize("component", sorted(EXAMPLES))
def test_component_escapes_its_text(component):
    params, _ = EXAMPLES[component]
    html = render(component, params)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("component", sorted(EXAMPLES))
def test_component_shows_its_text(component):
    """The text it is given reaches the page (escaped, never dropped)."""
    params, selector = EXAMPLES[component]
    soup = BeautifulSoup(render(component, params), "html.parser")
    assert soup.select_one(selector), selector
    assert HOSTILE in soup.get_text()


@pytest.mark.parametrize("component", sorted(EXAMPLES))
def test_component_takes_classes_and_attributes_on_its_root(component):
    params, selector = EXAMPLES[component]
    params = dict(params, classes="app-test-modifier", attributes={"data-test": "yes"})
    soup = BeautifulSoup(render(component, params), "html.parser")
    root = soup.select_one(selector)
    assert "app-test-modifier" in root["class"]
    assert root["data-test"] == "yes"


def test_notice_html_param_wins_and_is_trusted_only_when_marked_safe():
    """The caller says why an `html` value is safe (`|safe` in base.html,
    beside its reason); an unmarked one is escaped like any text."""
    params = {"title": "Update", "text": "plain", "html": Markup("<strong>bold</strong>")}
    html = render("notice_banner", params)
    assert "<strong>bold</strong>" in html and "plain" not in html
    html = render("notice_banner", dict(params, html="<strong>bold</strong>"))
    assert "&lt;strong&gt;bold&lt;/strong&gt;" in html


def test_current_navigation_item_is_marked_for_screen_readers():
    params, _ = EXAMPLES["site_header"]
    soup = BeautifulSoup(render("site_header", params), "html.parser")
    assert soup.select_one("nav a[aria-current='page']")


def test_the_menu_is_a_disclosure_that_needs_no_javascript():
    params, _ = EXAMPLES["site_menu"]
    soup = BeautifulSoup(render("site_menu", params), "html.parser")
    assert soup.select_one("details > summary").get_text(strip=True) == "Menu"
    assert soup.select_one("details nav[aria-label='Main'] a[aria-current='page']")


def test_the_crisis_line_calls_and_leads_to_the_full_panel():
    params, _ = EXAMPLES["crisis_line"]
    soup = BeautifulSoup(render("crisis_line", params), "html.parser")
    assert soup.select_one("a[href='tel:988']")
    assert soup.select_one("a[href='#crisis-help']")


def test_the_section_menu_is_named_and_marks_the_current_page():
    params, _ = EXAMPLES["section_menu"]
    soup = BeautifulSoup(render("section_menu", params), "html.parser")
    nav = soup.select_one("nav.app-section-menu")
    assert (
        soup.find(id=nav["aria-labelledby"])
        .get_text(" ", strip=True)
        .startswith("In this section:")
    )
    assert nav.select_one("a[aria-current='page']")


def test_review_dates_flag_a_missing_clinical_reviewer():
    params = {"reviewed": datetime.date(2026, 11, 26), "reviewer_to_confirm": True}
    soup = BeautifulSoup(render("review_dates", params), "html.parser")
    assert soup.select_one("mark.app-confirm .app-confirm__label").get_text() == "To confirm:"


def test_components_take_their_words_as_params():
    """Components never translate: the page passes its language's words in
    (theme/README.md, "Words in two languages"), and they show them."""
    header = BeautifulSoup(
        render(
            "site_header",
            {
                "name": "Centro",
                "home_href": "/es/",
                "items": [],
                "menu_text": "Menú",
                "menu_label": "Principal",
                "language": {"text": "English", "href": "/about/", "lang": "en"},
            },
        ),
        "html.parser",
    )
    switch = header.select_one(".app-header__lang")
    assert (switch["href"], switch["lang"], switch["hreflang"]) == ("/about/", "en", "en")
    assert header.select_one("nav")["aria-label"] == "Principal"
    assert header.select_one("summary").get_text() == "Menú"
    day = datetime.date(2026, 11, 26)
    review = BeautifulSoup(
        render(
            "review_dates",
            {
                "reviewed": day,
                "reviewed_text": "26 de noviembre de 2026",
                "reviewed_label": "Última revisión de la página",
            },
        ),
        "html.parser",
    )
    assert " ".join(review.get_text().split()) == (
        "Última revisión de la página: 26 de noviembre de 2026"
    )
    crumbs = BeautifulSoup(render("breadcrumbs", {"items": [], "label": "Ruta"}), "html.parser")
    assert crumbs.nav["aria-label"] == "Ruta"


def test_the_translation_band_links_to_the_newer_page_in_its_language():
    """The link's words are the page's language; hreflang names the target's."""
    params = {
        "text": "La versión en inglés se actualizó.",
        "link": {"text": "Lea la versión en inglés", "href": "/about/", "lang": "en"},
    }
    soup = BeautifulSoup(render("translation_band", params), "html.parser")
    band = soup.select_one("p.app-translation-band[role=note]")
    assert (band.a["href"], band.a["hreflang"]) == ("/about/", "en")
    assert "lang" not in band.a.attrs


def test_the_theme_readme_names_every_param_each_component_reads():
    """theme/README.md's table is the components' contract: a param a macro
    reads that the table does not name is drift (`classes` and `attributes`
    are every component's, said once above the table)."""
    readme = (ROOT / "theme" / "README.md").read_text()
    folder = ROOT / "theme" / "templates" / "components"
    for template in sorted(folder.glob("[!_]*.html")):
        name = template.stem
        row = next((x for x in readme.splitlines() if x.startswith(f"| `{name}(params)`")), "")
        assert row, f"theme/README.md has no row for {name}"
        read = set(re.findall(r"params\.([a-z_]+)", template.read_text()))
        missing = sorted(read - {"classes", "attributes"} - set(re.findall(r"`([a-z_]+)`", row)))
        assert missing == [], f"{name}: {missing}"


def test_every_safe_filter_says_why_beside_it():
    """Autoescape is on; each `|safe` is trusted HTML whose reason is a
    `safe:` comment at most three lines above it (docs/architecture.md)."""
    for template in sorted((ROOT / "theme" / "templates").rglob("*.html")):
        lines = template.read_text().splitlines()
        for number, line in enumerate(lines):
            if "|safe" in line:
                above = " ".join(lines[max(0, number - 3) : number + 1])
                assert "safe:" in above, f"{template.name}:{number + 1} has no reason"
