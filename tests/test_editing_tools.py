"""The editors' tools: a scaffolded page builds, the link checker finds dead links."""

import http.server
import threading

import pytest

from support import build_site
from tools import linkcheck
from tools.scaffold import new_page_text


def test_a_scaffolded_page_builds_and_has_every_required_field(content_copy, tmp_path, build_day):
    page = content_copy / "pages" / "intensive-outpatient" / "family-support.md"
    page.write_text(new_page_text("Family support", today=build_day))
    result = build_site(tmp_path / "output", today=build_day, PATH=content_copy)
    assert result.ok, result.lines
    built = tmp_path / "output" / "intensive-outpatient" / "family-support" / "index.html"
    assert "Family support" in built.read_text()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_link_checker_reports_dead_external_links_and_caches(tmp_path, web_server):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text(
        f'<a href="{web_server}/ok">fine</a> <a href="{web_server}/gone">dead</a>'
    )
    cache = tmp_path / "cache.json"
    broken = linkcheck.check_site(output, cache)
    assert broken == [f"index.html: {web_server}/gone - 404"]
    assert linkcheck.check_site(output, cache) == broken  # served from the cache
    assert f"{web_server}/ok" in cache.read_text()
