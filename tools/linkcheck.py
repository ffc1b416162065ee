"""Check links to other websites in the built site, on demand only.

Ours or a maintained checker? Ours, for now. lychee is a Rust binary that is
not on PyPI (installing it means downloading from GitHub, which our machines
and CI cannot rely on). LinkChecker is on PyPI, but it crawls the whole site
(our own links are already checked, with their #fragments, by every build and
the release checks), adds GPL code and its own dependencies, and reports in its
own format. What we need is small: the <a href> of other sites in the built
pages, one request each with a timeout and a retry, never our own address,
and one line per problem in the project's `file: what - why` form. That is
this file, tested against real servers on loopback (tests/test_linkcheck.py).
Revisit if we need robots.txt manners, rate limits per host, or anchors on
other sites.

Never part of the normal build or tests: other sites are slow or down at
times, and that must not stop an editor. Good results are remembered for a
few hours so a second run is quick; failures never are, so a link that was
fixed (or a site that came back) is seen at once.
"""

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

TIMEOUT = 10
RETRIES = 1
USER_AGENT = "mhcsd-iop-linkcheck/1.0"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href and href.startswith(("http://", "https://")):
            self.found.append(href)


def is_own(url, site_url):
    """True for an address of our own site (any scheme): not another website."""
    return bool(site_url) and urlsplit(url).netloc.lower() == urlsplit(site_url).netloc.lower()


def external_links(output, site_url=None):
    """{url: [pages that link to it]} for every link to another website."""
    links = {}
    for page in sorted(Path(output).rglob("*.html")):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.found:
            if not is_own(url, site_url):
                links.setdefault(url, []).append(page.relative_to(output).as_posix())
    return links


def status_of(url):
    """The HTTP status of a URL, or the reason it could not be reached."""
    reason = None
    for attempt in range(RETRIES + 1):
        if attempt:
            time.sleep(1)
        request = urllib.request.Request(url, method="GET", headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = str(getattr(error, "reason", error))
    return reason


def is_good(status):
    return isinstance(status, int) and status < 400


def load_cache(path, max_age):
    """The good results younger than max_age seconds; failures are never kept."""
    try:
        entries = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return {}
    now = time.time()
    return {
        url: entry
        for url, entry in entries.items()
        if is_good(entry.get("status")) and now - entry.get("at", 0) < max_age
    }


def check_site(output, cache_path, site_url, cache_hours=24):
    """One line per broken link to another website: the page, the URL and the problem."""
    links = external_links(output, site_url)
    good = load_cache(cache_path, cache_hours * 3600)
    todo = [url for url in links if url not in good]
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = dict(zip(todo, pool.map(status_of, todo), strict=True))
    now = time.time()
    good.update({url: {"status": s, "at": now} for url, s in statuses.items() if is_good(s)})
    Path(cache_path).write_text(json.dumps(good, indent=1, sort_keys=True))
    return [
        f"{links[url][0]}: {url} - {status}"
        for url, status in sorted(statuses.items())
        if not is_good(status)
    ]
