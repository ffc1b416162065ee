"""`invoke linkcheck`: links to other websites are checked, our own never;
a dead link is reported with its page; a failure is never remembered.

Other websites are real http.server instances on 127.0.0.1, so the checker
makes real requests with no internet and no mocks.
"""

import http.server

import pytest

from support import free_port, http_server
from tools import linkcheck


def recording_handler(statuses, requested):
    """Answers each path with statuses[path] (404 if absent) and notes it."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            requested.append(self.path)
            self.send_response(statuses.get(self.path, 404))
            self.end_headers()

        def log_message(self, *args):
            pass

    return Handler


class Site:
    """A website on loopback: its address, what it answers, what it was asked."""

    def __init__(self, url, statuses, requested):
        self.url, self.statuses, self.requested = url, statuses, requested


@pytest.fixture
def other_site():
    statuses, requested = {"/ok": 200}, []
    with http_server(recording_handler(statuses, requested)) as url:
        yield Site(url, statuses, requested)


@pytest.fixture
def own_site():
    requested = []
    with http_server(recording_handler({}, requested)) as url:
        yield Site(url, {}, requested)


@pytest.fixture
def built(tmp_path):
    """write(*urls): a built site whose home page links to each URL."""
    output = tmp_path / "output"
    output.mkdir()

    def write(*urls):
        links = " ".join(f'<a href="{url}">link</a>' for url in urls)
        (output / "index.html").write_text(f"<!doctype html><p>{links}</p>")
        return output

    return write


def check(output, own_site, tmp_path):
    return linkcheck.check_site(output, tmp_path / "cache.json", own_site.url)


def test_a_dead_link_is_reported_with_its_page_and_status(built, other_site, own_site, tmp_path):
    """One line per dead link: page, address, why."""
    output = built(f"{other_site.url}/gone")
    assert check(output, own_site, tmp_path) == [f"index.html: {other_site.url}/gone - 404"]


def test_a_good_link_passes(built, other_site, own_site, tmp_path):
    """A link that answers 200 is not reported."""
    output = built(f"{other_site.url}/ok")
    assert check(output, own_site, tmp_path) == []
    assert other_site.requested == ["/ok"]


def test_a_site_that_is_down_is_reported_with_the_reason(built, own_site, tmp_path):
    """Nothing listening at the address: reported, not a crash."""
    dead = f"http://127.0.0.1:{free_port()}/page"
    [line] = check(built(dead), own_site, tmp_path)
    assert line.startswith(f"index.html: {dead} - ") and "refused" in line.lower()


def test_a_failure_is_not_cached_so_a_fixed_link_passes_at_once(
    built, other_site, own_site, tmp_path
):
    """A link that failed is asked again on the next run, never remembered."""
    other_site.statuses["/flaky"] = 503
    output = built(f"{other_site.url}/flaky")
    assert check(output, own_site, tmp_path) == [f"index.html: {other_site.url}/flaky - 503"]
    other_site.statuses["/flaky"] = 200
    assert check(output, own_site, tmp_path) == []
    assert other_site.requested == ["/flaky", "/flaky"]  # asked again on the second run


def test_a_good_result_is_reused_within_the_cache_hours(built, other_site, own_site, tmp_path):
    """A second run soon after does not ask a good link again."""
    output = built(f"{other_site.url}/ok")
    assert check(output, own_site, tmp_path) == []
    assert check(output, own_site, tmp_path) == []
    assert other_site.requested == ["/ok"]


def test_the_site_s_own_address_is_never_requested(built, other_site, own_site, tmp_path):
    """Our own pages are checked by the build and the release checks, not here."""
    own = own_site.url.replace("http://", "https://")  # any scheme of our host
    output = built(f"{own_site.url}/intensive-outpatient/", f"{own}/gone/", f"{other_site.url}/ok")
    assert check(output, own_site, tmp_path) == []
    assert own_site.requested == []
    assert other_site.requested == ["/ok"]
