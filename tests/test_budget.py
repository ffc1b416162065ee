"""Each page fits the first round trip: HTML with its CSS at most 14 KB gzip."""

import gzip

from support import html_files

BUDGET_BYTES = 14 * 1024


def test_every_page_is_at_most_14_kb_gzip(site):
    """Fast by construction: each page with its CSS fits the first round trip."""
    sizes = {
        path.relative_to(site).as_posix(): len(gzip.compress(path.read_bytes(), 9))
        for path in html_files(site)
    }
    over = {name: size for name, size in sizes.items() if size > BUDGET_BYTES}
    assert not over, over
    print("gzip bytes per page:", sizes)


def test_pages_request_nothing_from_other_origins(all_documents):
    """Private by construction: no third-party fonts, scripts, images or frames."""
    for url, soup in all_documents.items():
        for node in soup.find_all(["link", "script", "img", "iframe", "source"]):
            address = node.get("href") or node.get("src") or ""
            assert (
                not address.startswith(("http:", "https:", "//"))
                or node.name == "link"
                and node.get("rel") == ["canonical"]
            ), f"{url}: {address}"
