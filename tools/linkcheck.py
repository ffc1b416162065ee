"""Check links to other websites in the built site, on demand only.

Never part of the normal build or tests: other sites are slow or down at
times, and that must not stop an editor. Each URL gets a timeout and one
retry; results are cached for a few hours so a second run is quick.
"""

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

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


def external_links(output):
    """{url: [pages that link to it]} for every page in the built site."""
    links = {}
    for page in sorted(Path(output).rglob("*.html")):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.found:
            links.setdefault(url, []).append(str(page.relative_to(output)))
    return links


def status_of(url):
    """The HTTP status of a URL, or the reason it could not be reached."""
    for attempt in range(RETRIES + 1):
        request = urllib.request.Request(url, method="GET", headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = str(getattr(error, "reason", error))
            if attempt == RETRIES:
                return reason
            time.sleep(1)
    return "unreachable"


def load_cache(path, max_age):
    try:
        entries = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return {}
    now = time.time()
    return {url: entry for url, entry in entries.items() if now - entry["at"] < max_age}


def check_site(output, cache_path, cache_hours=24, site_url=None):
    """One line per broken external link: the page, the URL and the problem."""
    links = external_links(output)
    cache = load_cache(cache_path, cache_hours * 3600)
    todo = [
        url for url in links if url not in cache and not (site_url and url.startswith(site_url))
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for url, status in zip(todo, pool.map(status_of, todo), strict=True):
            cache[url] = {"status": status, "at": time.time()}
    Path(cache_path).write_text(json.dumps(cache, indent=1, sort_keys=True))
    broken = []
    for url, pages in sorted(links.items()):
        status = cache.get(url, {}).get("status", 200)
        if not (isinstance(status, int) and status < 400):
            broken.append(f"{pages[0]}: {url} - {status}")
    return broken
