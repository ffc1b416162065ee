"""Live preview, as an editor sees it in a real browser: every save refreshes
the open tab, a save with a mistake shows its problems there, and the
preview runs under the production security policy."""

import pytest

from support import wait_for

pytestmark = pytest.mark.browser


def body_says(page, text):
    """Polled from Python: the page's policy forbids evaluating strings in it."""
    return wait_for(lambda: text in page.inner_text("body"), seconds=60)


@pytest.fixture
def open_preview(browser, preview):
    """(content folder, page open on the preview, console messages, log)."""
    content, url, log = preview
    messages = []
    page = browser.new_page()
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.goto(url)
    # The reload message goes to connected browsers only: wait for ours.
    assert wait_for(lambda: "Browser Connected" in log.read_text()), log.read_text()
    yield content, page, messages, log
    page.close()


def save(content, old, new):
    home = content / "pages" / "index.md"
    home.write_text(home.read_text().replace(old, new))


def test_saving_a_page_refreshes_the_open_browser(open_preview):
    """A saved change shows in the open tab by itself."""
    content, page, _, log = open_preview
    save(content, "Call us to ask a question.", "Is your week full?")
    assert body_says(page, "Is your week full?"), log.read_text()


def test_two_quick_saves_both_reach_the_tab(open_preview):
    """livereload skips reloads within 3 s of the last one; ours never does."""
    content, page, _, log = open_preview
    save(content, "Call us to ask a question.", "First save.")
    assert body_says(page, "First save."), log.read_text()
    save(content, "First save.", "Second save.")
    assert body_says(page, "Second save."), log.read_text()


def test_a_broken_save_shows_its_problems_in_the_tab_until_fixed(open_preview):
    """The editor sees file:line, what and how to fix where they look; the
    site comes back by itself after the fix."""
    content, page, _, log = open_preview
    save(content, "Reviewed: 2026-11-01", "Reviewed: next week")
    assert body_says(page, "The page could not be built"), log.read_text()
    assert "index.md:5: reviewed: 'next week' is not a date" in page.inner_text("main")
    save(content, "Reviewed: next week", "Reviewed: 2026-11-01")
    assert body_says(page, "We help people in San Diego."), log.read_text()


def test_the_preview_runs_livereload_under_the_production_policy(open_preview):
    """The policy allows livereload's script and nothing else: no violation."""
    _, page, messages, log = open_preview
    # Polled: a rebuild may reload the tab just as we look (seen in CI).
    policy = page.locator("meta[http-equiv='Content-Security-Policy']")
    assert wait_for(lambda: policy.count() == 1, seconds=30), log.read_text()
    assert not [m for m in messages if "Content Security Policy" in m], messages
