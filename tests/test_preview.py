"""The live preview keeps serving the last good site through a bad save,
and shows the new page again after the next good one."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from support import CONTENT, ROOT

GOOD = "Getting care in San Diego does not have to be hard."


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
        time.sleep(0.5)
    return False


@pytest.fixture
def preview(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    port = free_port()
    with open(tmp_path / "preview.log", "w+") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", f"--port={port}",
             f"--content={content}", f"--output={tmp_path / 'output'}"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/"
        try:
            assert wait_for(lambda: GOOD in fetch(url)), (tmp_path / "preview.log").read_text()
            yield content, url, tmp_path / "preview.log"
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_preview_survives_a_bad_save_and_recovers(preview):
    content, url, log = preview
    home = content / "pages" / "index.md"
    original = home.read_text()
    home.write_text(original.replace("Reviewed: 2026-11-26", "Reviewed: next week"))
    assert wait_for(lambda: "index.md:5: reviewed: 'next week' is not a date" in log.read_text())
    assert GOOD in fetch(url), "the last good site must stay served"
    assert "livereload.js" in fetch(url), "the preview tells the browser to reload"
    home.write_text(original.replace(GOOD, "Care in San Diego can be simple."))
    assert wait_for(lambda: "Care in San Diego can be simple." in fetch(url)), log.read_text()
