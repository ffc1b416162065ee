"""Helpers the tests share: build the site, list and parse its pages."""

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.lib import datafile, fields, wording
from plugins.reading import center, notices
from tools import sitebuild
from tools.phone_photo import phone_photo

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
# Fixed content for tests that need fixed words: a small, complete site.
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"
TIMEZONE = "America/Los_Angeles"


# --- Facts read from a content folder, through the project's own readers -----
# Tests of the real site check what content/ says today, never a copy of it:
# an edit EDITING.md allows must never fail them.


# The languages besides English, each a folder of content/pages/ (pelicanconf.py).
LANGUAGES = ("es",)
HOMES = {"index": "/", **{f"{lang}/index": f"/{lang}/" for lang in LANGUAGES}}


def content_pages(content=CONTENT):
    """{url: DataFile} of every page an editor wrote (drafts left out), at
    the address pelicanconf.py gives it: pages/a/b.md -> /a/b/, and each
    edition's index.md -> its home page (/, /es/)."""
    found = {}
    for path in sorted((Path(content) / "pages").rglob("*.md")):
        slug = path.relative_to(Path(content) / "pages").with_suffix("").as_posix()
        if any(part.startswith(".") for part in Path(slug).parts):
            continue
        data = datafile.read(path)
        if data.fields.get("status", "").lower() == "draft":
            continue
        found[HOMES.get(slug, f"/{slug}/")] = data
    inherit(found, content)
    return found


def inherit(pages, content):
    """A translation takes its section, menu place and review dates from its
    English page, as the build does (plugins/reading/translations.py)."""
    by_source = {
        Path(data.path).relative_to(Path(content) / "pages").as_posix(): data
        for data in pages.values()
    }
    for data in pages.values():
        english = by_source.get(data.fields.get("translation_of", "").strip())
        if english is not None:
            for name in fields.INHERITED:
                if name in english.fields:
                    data.fields.setdefault(name, english.fields[name])


def lang_of_url(url):
    """The edition of an address: /es/... is Spanish, the rest English."""
    first = url.strip("/").split("/")[0]
    return first if first in LANGUAGES else "en"


def home_of(lang):
    return "/" if lang == "en" else f"/{lang}/"


@functools.lru_cache
def theme_word(message, lang):
    """The theme's words in a language, as its catalog (the build's) has them."""
    return wording.load_catalogs(str(ROOT / "theme")).get(lang, {}).get(message, message)


def twins(content=CONTENT):
    """{url: url of the other edition's page} for every translated page, both
    ways, from the Translation-of lines in content/."""
    pages = content_pages(content)
    by_source = {}
    for url, data in pages.items():
        relative = Path(data.path).relative_to(Path(content) / "pages").as_posix()
        by_source[relative] = url
    pairs = {}
    for url, data in pages.items():
        english = by_source.get(data.fields.get("translation_of", "").strip())
        if lang_of_url(url) != "en" and english:
            pairs[url], pairs[english] = english, url
    return pairs


def center_facts(content=CONTENT):
    """The center's details as the build reads them (plugins/reading/center.py)."""
    return center.load_center({"PATH": str(content)})[0]


def active_notices(day, content=CONTENT):
    """The notices a build dated `day` shows (plugins/reading/notices.py)."""
    settings = {
        "PATH": str(content),
        "TIMEZONE": TIMEZONE,
        "BUILD": {"today": day},
        "TRANSLATIONS": {"languages": list(LANGUAGES)},
    }
    return notices.load_notices(settings)[0]


def build_site(output, settings="pelicanconf.py", today=None, **override):
    """Build with the project's settings (and overrides) into `output`."""
    if "PATH" in override:
        override["PATH"] = str(override["PATH"])
    return sitebuild.build(str(ROOT / settings), str(output), override or None, today)


@functools.lru_cache
def _phone_photo_bytes(size, quality):
    with tempfile.TemporaryDirectory() as folder:
        return phone_photo(Path(folder) / "photo.jpg", size, quality).read_bytes()


def session_phone_photo(path, size=(4032, 3024), quality=96):
    """tools.phone_photo, made once per test session and size: its noise is
    random, so each session's first build encodes the variants afresh, and
    every later build of the session finds them in the variant cache (which
    is what an editor's rebuilds do) instead of encoding a new photo."""
    Path(path).write_bytes(_phone_photo_bytes(tuple(size), quality))
    return path


def html_files(output):
    return sorted(Path(output).rglob("*.html"))


def soup_of(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def url_of(output, path):
    """The address a visitor uses for a built file: /x/ for x/index.html."""
    relative = Path(path).relative_to(output).as_posix()
    return "/" + relative.removesuffix("index.html")


def main_of(soup):
    """The page's own content: its <main>, without breadcrumbs and review dates."""
    main = BeautifulSoup(str(soup.find("main")), "html.parser")
    for node in main.select(".app-breadcrumbs, .app-review"):
        node.decompose()
    return main


def words(node):
    return " ".join(node.get_text(" ").split())


def require_tool(*commands):
    """Skip, with the reason, when a tool is missing; in CI, fail instead:
    CI must run every check, never pass one silently."""
    missing = [command for command in commands if shutil.which(command) is None]
    if missing:
        reason = f"not installed: {', '.join(missing)} (python3 run.py test installs it as root)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def tree_digest(path):
    """{relative path: bytes} of a folder, to prove it did not change."""
    return {
        p.relative_to(path).as_posix(): p.read_bytes()
        for p in sorted(Path(path).rglob("*"))
        if p.is_file()
    }


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietFiles(http.server.SimpleHTTPRequestHandler):
    """Serves files without printing a line per request into the test output."""

    def log_message(self, *args):
        pass


def files_handler(folder):
    """A handler for http_server that serves a folder, as a static host does."""
    return functools.partial(QuietFiles, directory=str(folder))


@contextlib.contextmanager
def http_server(handler):
    """A real web server on 127.0.0.1 for the with-block; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # Checks for shutdown every 50 ms (not 0.5 s): each server's end waited for it.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds=60):
    """Poll until condition() holds; a readiness wait, not a timing check."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def running_preview(content, folder, *options):
    """`invoke livereload` on a content folder, its log in `folder`; yields
    (url, log path) once the preview answers."""
    port, log = free_port(), Path(folder) / "preview.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "invoke",
                "livereload",
                f"--port={port}",
                f"--content={content}",
                f"--output={Path(folder) / 'output'}",
                *options,
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: fetch(url)), log.read_text()
        yield url, log
    finally:
        server.terminate()
        server.wait(timeout=10)
