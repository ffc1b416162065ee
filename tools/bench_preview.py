"""Benchmark: from a save to the page showing it, in a real browser.

    .venv/bin/python -m tools.bench_preview [--saves 5] [--pages 0]

Starts the preview (`invoke livereload`) on a copy of `content/` (with
`--pages` plain pages added, as tools/bench_build.py adds them), opens its
privacy page in Chromium, then saves the page with a new sentence, again
and again, and times each save until the browser tab shows the sentence:
what an editor waits for. Prints each time and the median. Asserts
nothing: timings belong in a benchmark, not in the tests.
"""

import argparse
import contextlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tools.bench_build import add_pages
from tools.release_checks import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def running_preview(content, folder):
    """`invoke livereload` on a content folder; yields its address."""
    port = free_port()
    line = [sys.executable, "-m", "invoke", "livereload", f"--port={port}"]
    line += [f"--content={content}", f"--output={folder / 'output'}"]
    with open(folder / "preview.log", "w") as log:
        server = subprocess.Popen(line, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + 120
            while not answers(url):
                if time.monotonic() > deadline:
                    sys.exit((folder / "preview.log").read_text())
                time.sleep(0.2)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


def timed_saves(url, page, saves):
    """Seconds from each save to the tab showing it."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.goto(url)
        for save in range(saves):
            time.sleep(1.5)  # a person reads between two saves
            words = f"Saved sentence number {save} is here."
            started = time.monotonic()
            page.write_text(page.read_text() + f"\n{words}\n")
            tab.wait_for_function(
                "words => document.body.innerText.includes(words)", arg=words, timeout=30_000
            )
            times.append(time.monotonic() - started)
            print(f"save {save + 1}: {times[-1]:.2f} s", flush=True)
        browser.close()
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--pages", type=int, default=0, help="plain pages added to the copy")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        content = folder / "content"
        shutil.copytree(ROOT / "content", content)
        add_pages(content, args.pages)
        with running_preview(content, folder) as url:
            times = timed_saves(url + "privacy/", content / "pages" / "privacy.md", args.saves)
    print(f"save to page shown: median {statistics.median(times):.2f} s, worst {max(times):.2f} s")


if __name__ == "__main__":
    main()
