"""Question pages carry FAQPage JSON-LD that says what the page says
(plugins/reading/faq.py, theme/templates/structured_data/faq_page.html)."""

import json

from bs4 import BeautifulSoup
from pelican.settings import read_settings

from plugins.reading import faq
from support import ROOT, words


def faq_urls():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    pages = settings.get("FAQ", faq.DEFAULTS)["pages"]
    return ["/" + page.removesuffix(".md").removesuffix("index") + "/" for page in pages]


def json_ld(soup, kind):
    found = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    return [data for data in found if data.get("@type") == kind]


def test_questions_are_the_headings_that_ask():
    markup = "<p>Intro</p><h2>Why?</h2><p>Because <a>so</a>.</p><h2>Sources</h2><p>x</p>"
    assert faq.questions(markup) == [{"question": "Why?", "answer": "Because so ."}]


def test_every_question_page_has_faq_json_ld_matching_its_headings(pages):
    urls = faq_urls()
    assert urls
    for url in urls:
        soup = pages[url]
        (data,) = json_ld(soup, "FAQPage")
        asked = [words(h2) for h2 in soup.select("main h2") if words(h2).endswith("?")]
        assert [item["name"] for item in data["mainEntity"]] == asked
        # An open fact's "To confirm:" label is the preview's, not the answer's.
        main = BeautifulSoup(str(soup.find("main")), "html.parser")
        for label in main.select(".app-confirm__label"):
            label.decompose()
        for mark in main.select("mark.app-confirm"):
            mark.unwrap()
        text = words(BeautifulSoup(str(main), "html.parser"))
        for item in data["mainEntity"]:
            assert item["acceptedAnswer"]["text"] and item["acceptedAnswer"]["text"] in text


def test_only_question_pages_carry_faq_json_ld(pages):
    urls = set(faq_urls())
    for url, soup in pages.items():
        assert bool(json_ld(soup, "FAQPage")) == (url in urls), url
