"""A real browser (Debian's Chromium, driven by Playwright) reading the built
site from a real web server on 127.0.0.1."""

import pytest

from browser.pages import PHONE
from support import files_handler, http_server


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
