"""Every internal link, #fragment and asset of the built site resolves."""

import posixpath
import urllib.parse
from pathlib import Path

from support import main_of

ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}
IOP_PAGES = [
    "/intensive-outpatient/",
    "/intensive-outpatient/who-should-attend/",
    "/intensive-outpatient/what-to-expect/",
    "/intensive-outpatient/benefits/",
]


def internal_links(soup):
    for tag, attribute in ATTRIBUTES.items():
        for node in soup.find_all(tag):
            address = node.get(attribute)
            if (
                address
                and not urllib.parse.urlsplit(address).scheme
                and not address.startswith("//")
            ):
                yield address


def file_for(output, url_path):
    target = Path(output) / url_path.lstrip("/")
    return target / "index.html" if url_path.endswith("/") else target


def test_every_internal_link_and_asset_resolves(site, all_documents):
    """Each href and src inside the site names a file that was built."""
    broken = []
    for url, soup in all_documents.items():
        for address in internal_links(soup):
            path = urllib.parse.urlsplit(address).path
            absolute = posixpath.normpath(urllib.parse.urljoin(url, path)) if path else url
            if path.endswith("/") and not absolute.endswith("/"):
                absolute += "/"
            if not file_for(site, absolute).is_file():
                broken.append(f"{url} -> {address}")
    assert not broken, broken


def test_every_fragment_names_an_id_on_its_page(all_documents):
    """A link to #part lands on an element with that id."""
    broken = []
    for url, soup in all_documents.items():
        for address in internal_links(soup):
            parts = urllib.parse.urlsplit(address)
            if not parts.fragment:
                continue
            target = urllib.parse.urljoin(url, parts.path) if parts.path else url
            target_soup = all_documents.get(target)
            if target_soup is None or not target_soup.find(id=parts.fragment):
                broken.append(f"{url} -> {address}")
    assert not broken, broken


def test_each_iop_page_links_to_the_others_in_its_text(pages):
    """The IOP pages lead to one another from their own words, not only the menu."""
    for url in IOP_PAGES:
        linked = {a["href"] for a in main_of(pages[url]).find_all("a", href=True)}
        others = set(IOP_PAGES) - {url}
        assert others <= linked, f"{url} does not link to {others - linked}"


def test_home_page_links_to_every_iop_page(pages):
    linked = {a["href"] for a in main_of(pages["/"]).find_all("a", href=True)}
    assert set(IOP_PAGES) <= linked
