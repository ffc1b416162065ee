"""The live preview keeps serving the last good site through a bad save,
and shows the new page again after the next good one."""

from support import fetch, wait_for

GOOD = "We help people in San Diego."


def test_preview_survives_a_bad_save_and_recovers(preview):
    """A save with a mistake prints file:line and keeps the last good site served."""
    content, url, log = preview
    home = content / "pages" / "index.md"
    original = home.read_text()
    home.write_text(original.replace("Reviewed: 2026-11-01", "Reviewed: next week"))
    assert wait_for(lambda: "index.md:5: reviewed: 'next week' is not a date" in log.read_text())
    assert GOOD in fetch(url), "the last good site must stay served"
    assert "livereload.js" in fetch(url), "the preview tells the browser to reload"
    home.write_text(original.replace(GOOD, "Care in San Diego can be simple."))
    assert wait_for(lambda: "Care in San Diego can be simple." in fetch(url)), log.read_text()
