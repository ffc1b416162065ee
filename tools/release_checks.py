"""Release checks: the exact build about to be deployed, read as visitors,
browsers and validators will read it.

`invoke publish` runs these on the production build instead of the test
suite: they are bounded (no nested test runs, no network), they check the
files that will go live (not a development build), and each problem is one
line naming the file. The test suite calls the same functions, so a rule is
written once.

    checks = run_all(output)   # [(name, problems, seconds)]
"""

import functools
import gzip
import http.server
import json
import os
import posixpath
import shutil
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
# Headless on a machine with no network: no sandbox (root), no GPU, and no
# background connections to Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The validator runs for seconds, not hours: the quick compiler only (the
# optimising one spent more time compiling than it saved, 10 s against 4 s
# for the site's pages on two cores), with the deeper stack the checker
# then needs, and the simplest collector.
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
# Every page fits the first round trip of a connection (14 KB, gzip).
BUDGET_BYTES = 14 * 1024
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# target-size (WCAG 2.2, 2.5.8) is off by default in axe 4.12; switch it on.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}


class ToolMissing(Exception):
    """A checker this machine lacks: the release cannot be checked."""


# --- The pages of a build -------------------------------------------------------


def html_files(output):
    return sorted(Path(output).rglob("*.html"))


def url_of(output, path):
    """The address a visitor uses for a built file: /x/ for x/index.html."""
    return "/" + Path(path).relative_to(output).as_posix().removesuffix("index.html")


def documents(output):
    """{url: soup} of every HTML file of a build."""
    return {
        url_of(output, path): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in html_files(output)
    }


def visited_urls(output):
    """Every page a browser stays on: all HTML but the retired-address pages."""
    return [
        url
        for url, soup in documents(output).items()
        if not soup.find("meta", attrs={"http-equiv": "refresh"})
    ]


# --- Links and fragments --------------------------------------------------------


def internal_links(soup, siteurl=""):
    """Addresses inside the site (site-absolute URLs made relative)."""
    for tag, attribute in LINK_ATTRIBUTES.items():
        for node in soup.find_all(tag):
            address = node.get(attribute)
            if address and siteurl and address.startswith(siteurl + "/"):
                address = address[len(siteurl) :]
            external = address and (urllib.parse.urlsplit(address).scheme or address[:2] == "//")
            if address and not external:
                yield address


def target_path(page_url, address):
    path = urllib.parse.urlsplit(address).path
    if not path:
        return page_url
    absolute = posixpath.normpath(urllib.parse.urljoin(page_url, path))
    return absolute + "/" if path.endswith("/") and not absolute.endswith("/") else absolute


def file_for(output, url_path):
    target = Path(output) / url_path.lstrip("/")
    return target / "index.html" if url_path.endswith("/") else target


def broken_links(output, siteurl=""):
    """One line per internal link, asset or #fragment that leads nowhere."""
    docs, broken = documents(output), []
    for url, soup in docs.items():
        for address in internal_links(soup, siteurl):
            target = target_path(url, address)
            fragment = urllib.parse.urlsplit(address).fragment
            if not file_for(output, target).is_file():
                broken.append(f"{url}: link to a missing file {address}")
            elif fragment and target in docs and not docs[target].find(id=fragment):
                broken.append(f"{url}: link to a missing #{fragment} ({address})")
    return broken


# --- Size, files ----------------------------------------------------------------


def over_budget(output):
    """Pages heavier than the first round trip: {file: gzip bytes}."""
    sizes = {
        path.relative_to(output).as_posix(): len(gzip.compress(path.read_bytes(), 9))
        for path in html_files(output)
    }
    return [
        f"{name}: {size} bytes gzip (budget {BUDGET_BYTES})"
        for name, size in sizes.items()
        if size > BUDGET_BYTES
    ]


def stray_files(output):
    """Dotfiles never go live (.env, .DS_Store, ._x): one line per file found."""
    return [
        f"{path.relative_to(output).as_posix()}: a dotfile in the build"
        for path in sorted(Path(output).rglob(".*"))
    ]


# --- HTML validity (the W3C Nu checker) -----------------------------------------


def html_errors(output):
    """One line per error the Nu Html Checker finds in the build's pages."""
    return html_errors_of([output])[0]


def html_errors_of(outputs):
    """html_errors of several builds, one list each, from one run of the
    checker (Java starts once: the tests check two builds)."""
    if shutil.which("java") is None or not VNU.exists():
        raise ToolMissing("the HTML validator (java and node_modules/vnu-jar: run `npm ci`)")
    files = [str(path) for output in outputs for path in html_files(output)]
    run = subprocess.run(
        ["java", *JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    # vnu writes file:/path, not file:///path
    bases = [str(Path(output).resolve()) + "/" for output in outputs]
    found = [[] for _ in outputs]
    for m in messages:
        if m.get("type") != "error":
            continue
        url = m.get("url", "")
        at = next((i for i, base in enumerate(bases) if base in url), 0)
        found[at].append(
            f"{url.split(bases[at], 1)[-1].lstrip('/')}:{m.get('lastLine')}: {m['message']}"
        )
    return found


# --- Accessibility (axe-core in Chromium) ---------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class LoopbackServer:
    """A folder served on 127.0.0.1 for as long as the `with` block runs."""

    def __init__(self, folder):
        handler = lambda *a, **k: QuietHandler(*a, directory=str(folder), **k)  # noqa: E731
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self):
        # A shutdown check every 50 ms, not 0.5 s: each check's end waited for it.
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@functools.cache
def axe_source():
    """axe-core's script, as axe-playwright-python bundles it (pinned)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def axe_violations(page):
    """axe-core's WCAG 2.x A/AA violations on a loaded Playwright page.

    axe is put into a document once: parsing its 500 KB took as long as a
    run, and a document resized to another width is checked again with the
    copy it already has. Only the violations cross back to Python.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    violations = page.evaluate(f"axe.run({json.dumps(AXE_OPTIONS)}).then(r => r.violations)")
    return [f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})" for v in violations]


def accessibility_problems(output):
    """axe on every page at phone and desktop width, the site served on
    loopback: each page is loaded at phone width, then widened."""
    if not os.path.exists(CHROMIUM):
        raise ToolMissing(f"Chromium ({CHROMIUM}: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    problems = []
    with LoopbackServer(output) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for url in visited_urls(output):
            for number, (name, viewport) in enumerate(WIDTHS.items()):
                page.set_viewport_size(viewport)
                if number == 0:
                    page.goto(server.url + url)
                problems += [f"{url} ({name}): {v}" for v in axe_violations(page)]
        browser.close()
    return problems


# --- Header files in the repository ---------------------------------------------


def header_drift(output):
    """The deploy/ files must be what the one definition generates today."""
    from tools import nginx_conf

    drift = [
        f"{path}: differs from plugins/site_files/security_headers.py - run `invoke headers` and commit it"
        for path, text in nginx_conf.repository_files().items()
        if (ROOT / path).read_text(encoding="utf-8") != text
    ]
    built = Path(output) / "_headers"
    if built.exists() and built.read_text() != (ROOT / "deploy" / "_headers").read_text():
        drift.append("_headers: the build's differs from deploy/_headers - run `invoke headers`")
    return drift


# --- All of them ----------------------------------------------------------------

CHECKS = {
    "links and fragments": broken_links,
    "page weight": over_budget,
    "stray files": stray_files,
    "security header files": header_drift,
    "HTML validity": html_errors,
    "accessibility (axe, 375 and 1280 px)": accessibility_problems,
}


def run_all(output, siteurl=""):
    """[(check name, problem lines, seconds)] of every release check."""
    results = []
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            found = check(output, siteurl) if check is broken_links else check(output)
        except ToolMissing as missing:
            found = [f"cannot run: {missing}"]
        results.append((name, found, time.monotonic() - started))
    return results
