"""Live preview, as an editor sees it: save a Markdown file and the open
browser tab shows the change by itself."""

import pytest

from support import wait_for

pytestmark = pytest.mark.browser


def test_saving_a_page_refreshes_the_open_browser(browser, preview):
    content, url, log = preview
    page = browser.new_page()
    try:
        page.goto(url)
        # The reload message goes to connected browsers only: wait for ours.
        assert wait_for(lambda: "Browser Connected" in log.read_text()), log.read_text()
        home = content / "pages" / "index.md"
        home.write_text(home.read_text().replace("Do you have a busy life?", "Is your week full?"))
        page.wait_for_function("document.body.innerText.includes('Is your week full?')",
                               timeout=60000)
    finally:
        page.close()
