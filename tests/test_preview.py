"""The live preview: a bad save shows its problems instead of the site and
leaves the last good build on disk; the next good save brings the site back;
`--lan` prints an address and a QR code for a phone."""

import time
import urllib.error

from support import FIXTURE_SITE, ROOT, fetch, running_preview, tree_digest, wait_for
from tools import preview

GOOD = "We help people in San Diego."


def test_a_bad_save_shows_its_problems_and_keeps_the_last_good_build(preview, tmp_path):
    """Every page of the preview lists file:line - fix; output/ is untouched."""
    content, url, log = preview
    output = tmp_path / "output"
    before = tree_digest(output)
    home = content / "pages" / "index.md"
    original = home.read_text()
    home.write_text(original.replace("Reviewed: 2026-11-01", "Reviewed: next week"))
    assert wait_for(lambda: "index.md:5: reviewed: 'next week' is not a date" in fetch(url))
    assert "is not a date - write it as YYYY-MM-DD" in fetch(url + "about/")
    assert "livereload.js" in fetch(url), "the preview tells the browser to reload"
    assert tree_digest(output) == before, "the last good build stays on disk"
    home.write_text(original.replace(GOOD, "Care in San Diego can be simple."))
    assert wait_for(lambda: "Care in San Diego can be simple." in fetch(url)), log.read_text()


def test_a_plugin_edit_reaches_the_next_preview_build(tmp_path):
    """Each preview build runs in a fresh process: Pelican keeps imported
    plugin modules for the life of a process, so an edit would go unseen."""
    plugin = tmp_path / "stamp.py"
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"from pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT)!r}, {str(tmp_path)!r}]\n"
        f"PLUGINS = [*PLUGINS, 'stamp']\n"
    )
    site = preview.Preview(tmp_path / "output", FIXTURE_SITE, settings=str(settings))
    for word in ("first", "second"):
        plugin.write_text(
            "from pelican import signals\n"
            "def stamp(page):\n"
            f"    page._content += '<p>{word} version</p>'\n"
            "def register():\n"
            "    signals.content_object_init.connect(stamp)\n"
        )
        assert site.rebuild(), site.problems
        assert f"{word} version" in (tmp_path / "output" / "index.html").read_text()


def test_lan_preview_prints_an_address_and_a_qr_code(tmp_path):
    """`--lan` listens beyond this computer and shows how to reach it."""
    with running_preview(FIXTURE_SITE, tmp_path, "--lan") as (url, log):
        assert wait_for(lambda: GOOD in fetch(url)), log.read_text()
        printed = log.read_text()
        port = url.rsplit(":", 1)[-1].strip("/")
        assert f"Serving on http://0.0.0.0:{port}" in printed
        assert f":{port}/ or scan:" in printed or "No network address found" in printed
        assert "\u2588" in printed or "No network address found" in printed  # the QR code
        # What the whole network now sees is said before the address.
        warning = printed.index("Warning: everyone on this network can open this preview")
        assert "drafts, facts the center has not confirmed" in printed
        assert warning < printed.index("Serving on")


def test_the_preview_serves_the_built_site_and_nothing_else(preview):
    """No hidden file, nothing outside the output folder, whatever the address."""
    content, url, _ = preview
    for path in ("../pelicanconf.py", ".git/config", "%2e%2e/pelicanconf.py", ".env"):
        try:
            page = fetch(url + path)
        except urllib.error.HTTPError as error:
            assert error.code == 404, path
        else:
            assert "SITENAME" not in page and "[core]" not in page, path


def test_the_watcher_signals_a_save_and_nothing_else(tmp_path):
    """livereload reloads every tab 2 s after it starts, and after its first
    look at the files: a tab just opened reloaded then, and the reload of a
    save made meanwhile found no tab and was lost. The preview's watcher
    knows the files before serving and drops that start-up reload; after
    that, only a save is a change."""
    page = tmp_path / "content" / "page.md"
    page.parent.mkdir()
    page.write_text("Before.\n")
    watcher = preview.prompt_watcher()
    builds = []
    watcher.watch(str(tmp_path / "content"), lambda: builds.append(1))
    watcher._changes.append(("__livereload__", 2))  # as livereload's serve() does
    watcher.start(lambda: None)
    assert watcher.examine() == (None, None), "no reload before a save"
    time.sleep(0.01)
    page.write_text("After.\n")
    assert watcher.examine() == (str(page), None)
    assert builds == [1]


class Tab:
    """A tab's end of livereload's socket: what it was told."""

    def __init__(self):
        self.told = []

    def write_message(self, message):
        self.told.append(message)


def test_a_build_no_tab_heard_of_reloads_the_next_tab_once():
    """A tab reloading as a build ended missed it, and kept the older page."""
    latch = preview.ReloadLatch()
    latch.built(connected=True)
    first = Tab()
    latch.connected(first)
    assert first.told == [], "every tab heard of that build"
    latch.built(connected=False)
    second, third = Tab(), Tab()
    latch.connected(second)
    latch.connected(third)
    assert second.told == [preview.RELOAD] and third.told == []
