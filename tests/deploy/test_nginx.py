"""The production site behind a real nginx with the repository's configuration."""

import gzip
import re
from pathlib import Path

import brotli
import pytest

from deploy.nginx_server import get
from plugins.site_files import security_headers
from support import html_files, soup_of, url_of

pytestmark = pytest.mark.nginx


def expected_headers(release):
    style_hash = re.search(r"'(sha256-[^']+)'", (Path(release) / "_headers").read_text())[1]
    return security_headers.all_headers(style_hash)


def site_urls(release):
    return [
        url_of(release, path)
        for path in html_files(release)
        if path.name != "404.html"
        and not soup_of(path).find("meta", attrs={"http-equiv": "refresh"})
    ]


def test_every_page_answers_200_with_every_security_header(served, release_a):
    server, _ = served
    expected = expected_headers(release_a)
    for url in site_urls(release_a):
        status, headers, _ = get(server.url + url)
        assert status == 200, url
        for name, value in expected.items():
            assert headers.get(name) == value, f"{url}: {name}"
        assert headers["Cache-Control"] == "no-cache"
        assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_unknown_url_gets_the_404_page_with_status_404(served, release_a):
    server, _ = served
    status, headers, body = get(server.url + "/no-such-page/")
    assert status == 404
    assert b"Page not found" in body and b"tel:988" in body
    assert (
        headers["Content-Security-Policy"] == expected_headers(release_a)["Content-Security-Policy"]
    )


@pytest.mark.parametrize(
    ("encoding", "suffix", "decode"),
    [("br", ".br", brotli.decompress), ("gzip", ".gz", gzip.decompress)],
)
def test_precompressed_files_are_served_for_each_encoding(
    served, release_a, encoding, suffix, decode
):
    server, _ = served
    for url in ["/", "/about/week/", "/sitemap.xml"]:
        status, headers, body = get(server.url + url, {"Accept-Encoding": encoding})
        assert status == 200 and headers["Content-Encoding"] == encoding, url
        file = Path(release_a) / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
        assert body == Path(str(file) + suffix).read_bytes(), url
        assert decode(body) == file.read_bytes(), url


def test_fingerprinted_assets_are_cached_for_a_year(served, release_a):
    server, _ = served
    [icon] = (Path(release_a) / "theme").glob("favicon.*.svg")
    status, headers, _ = get(f"{server.url}/theme/{icon.name}")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_old_addresses_redirect_with_301_and_every_security_header(served, release_a):
    """A redirect is a response like any other: CSP, HSTS, nosniff and the rest."""
    server, _ = served
    status, headers, _ = get(server.url + "/old-about/")
    assert status == 301 and headers["Location"] == "/about/"
    for name, value in expected_headers(release_a).items():
        assert headers.get(name) == value, name


def test_no_response_sets_a_cookie(served, release_a):
    server, _ = served
    for url in [*site_urls(release_a), "/sitemap.xml", "/robots.txt", "/missing", "/old-about/"]:
        _, headers, _ = get(server.url + url)
        assert "Set-Cookie" not in headers, url


def test_build_files_for_other_hosts_and_dotfiles_are_not_served(served):
    """_headers, _redirects, redirects.map and any dotfile answer 404."""
    server, target = served
    (target / "current" / ".env").write_text("SECRET=1\n")
    for url in ["/_headers", "/_redirects", "/redirects.map", "/.env", "/theme/.DS_Store"]:
        assert get(server.url + url)[0] == 404, url


def test_no_page_references_a_third_party_origin(release_a, served):
    server, _ = served
    for path in html_files(release_a):
        soup = soup_of(path)
        # Resources the browser fetches by itself; links a visitor chooses may go anywhere.
        for node in soup.find_all(["link", "script", "img", "iframe", "source", "object"]):
            address = node.get("href") or node.get("src") or ""
            if address.startswith(("http:", "https:", "//")):
                assert address.startswith(server.url), f"{path}: {address}"


# The gap a browser renders between the notice's title and its message:
# from the right edge of the title's last letter to the left edge of the
# message's first one.
GAP = """() => {
  const title = document.querySelector(".app-notice__title").firstChild;
  const message = document.querySelector(".app-notice__message").firstChild;
  const end = document.createRange();
  end.setStart(title, title.length - 1);
  end.setEnd(title, title.length);
  const start = document.createRange();
  start.setStart(message, 0);
  start.setEnd(message, 1);
  return start.getBoundingClientRect().left - end.getBoundingClientRect().right;
}"""


def test_the_live_banner_reads_with_its_space(served, browser):
    """The minified production page, as a browser draws it: "Holiday hours:
    We close early", never "hours:We" (the minifier drops the space between
    two block elements; the preview, not minified, keeps it)."""
    server, _ = served
    page = browser.new_page()
    try:
        page.goto(server.url + "/")
        gap = page.evaluate(GAP)
        font_size = float(
            page.eval_on_selector(".app-notice__message", "e => getComputedStyle(e).fontSize")[:-2]
        )
    finally:
        page.close()
    assert gap >= font_size / 5, f"{gap:.1f} px between the title and the message"
