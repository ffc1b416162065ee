"""A real browser (Debian's Chromium, driven by Playwright) reading the built
site from a real web server on 127.0.0.1."""

import pytest

from browser.pages import PHONE
from browser.visits import Visits
from support import active_notices, files_handler, http_server, lang_of_url, theme_word


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on loopback for the whole session."""
    with http_server(files_handler(site)) as url:
        yield url


@pytest.fixture
def open_page(browser, base_url):
    """open_page(url, viewport, **context options) -> a loaded Playwright page."""
    contexts = []

    def opener(url, viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + url)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def visits(browser, base_url, build_day):
    """visits(url, "phone" | "desktop") -> what one visit of that page found
    (tests/browser/visits.py): each page is loaded once per screen."""
    notices = active_notices(build_day)

    def words_of(url):
        lang = lang_of_url(url)
        return {
            "Main": theme_word("Main", lang),
            "In crisis? Get help now": theme_word("In crisis? Get help now", lang),
            "notice_titles": [n["texts"].get(lang, n["texts"]["en"])["title"] for n in notices],
        }

    return Visits(browser, base_url, words_of)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """With tests spread over processes (pytest-xdist, `--dist loadgroup`),
    every test of one page's visit runs in the same process, so each page is
    still visited once."""
    for item in items:
        if "visits" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group(f"visit {item.callspec.params['url']}"))
