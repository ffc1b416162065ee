"""A real browser (Debian's Chromium, driven by Playwright) reading the built
site from a real web server on 127.0.0.1."""

import functools
import http.server
import threading

import pytest

from browser.pages import PHONE


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on loopback for the whole session."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


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
