"""Live preview, as an editor sees it: save a Markdown file and the open
browser tab shows the change by itself."""

import time

import pytest
from livereload.handlers import LiveReloadHandler

from support import wait_for

pytestmark = pytest.mark.browser


def wait_quiet(log, seconds, limit=60):
    """Until the log has not grown for `seconds` (at most `limit` seconds)."""
    deadline, size, since = time.monotonic() + limit, -1, time.monotonic()
    while time.monotonic() < deadline:
        if log.stat().st_size != size:
            size, since = log.stat().st_size, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return
        time.sleep(0.2)


def test_saving_a_page_refreshes_the_open_browser(browser, preview):
    content, url, log = preview
    page = browser.new_page()
    try:
        page.goto(url)
        # The reload message goes to connected browsers only: wait for ours.
        assert wait_for(lambda: "Browser Connected" in log.read_text()), log.read_text()
        # livereload sends no reload within DEFAULT_RELOAD_TIME (3 s) of its
        # start or of its last reload (it makes one or two as it first scans
        # the watched folders): a save that early rebuilds but stays unseen.
        # Wait until the server has been quiet that long, as an editor would.
        wait_quiet(log, LiveReloadHandler.DEFAULT_RELOAD_TIME + 0.5)
        home = content / "pages" / "index.md"
        home.write_text(home.read_text().replace("Call us to ask a question.", "Is your week full?"))
        page.wait_for_function(
            "document.body.innerText.includes('Is your week full?')", timeout=60000
        )
    finally:
        page.close()
