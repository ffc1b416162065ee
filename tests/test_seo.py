"""What search engines read: one description and canonical per page;
absolute, agreeing URLs in production; sitemap, robots.txt, 404.

Titles and headings (one of each, "Page - Center") are test_pages.py's."""

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from plugins.reading import redirects
from support import CONTENT, center_facts, content_pages, html_files, lang_of_url, soup_of, url_of

SITEURL = "https://iop.mhcsandiego.example"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def meta(soup, **attrs):
    return soup.find_all("meta", attrs=attrs)


def test_every_page_names_its_language_and_has_one_description_and_canonical(pages):
    """Search engines read the edition's lang ("en", "es"), one summary of 160
    characters at most, one address."""
    for url, soup in pages.items():
        assert soup.html["lang"] == lang_of_url(url), url
        descriptions = meta(soup, name="description")
        assert len(descriptions) == 1 and 0 < len(descriptions[0]["content"]) <= 160, url
        assert len(soup.find_all("link", rel="canonical")) == 1, url


def test_descriptions_are_unique(pages):
    """Each search result reads differently: no two pages share a description."""
    descriptions = [meta(soup, name="description")[0]["content"] for soup in pages.values()]
    assert len(set(descriptions)) == len(descriptions)


def test_every_page_has_open_graph_and_twitter_card_tags(pages):
    """A shared link shows the page's own title, summary and address."""
    for url, soup in pages.items():
        for name in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert len(meta(soup, property=name)) == 1, f"{url}: {name}"
        assert meta(soup, name="twitter:card")[0]["content"] == "summary", url


def test_title_reads_page_then_center(pages):
    """The tab shows the page's own title first, then the center's name."""
    center = center_facts()
    for url, data in content_pages().items():
        title = " ".join(data.fields["title"].split())
        assert pages[url].title.get_text() == f"{title} - {center['name']}", url


def production_pages(output):
    return {
        url_of(output, p): soup_of(p)
        for p in html_files(output)
        if not soup_of(p).find("meta", attrs={"name": "robots", "content": "noindex"})
    }


def sitemap_urls(output):
    tree = ElementTree.parse(Path(output) / "sitemap.xml")
    return {
        node.findtext("s:loc", namespaces=SITEMAP_NS): node.findtext(
            "s:lastmod", namespaces=SITEMAP_NS
        )
        for node in tree.getroot().findall("s:url", SITEMAP_NS)
    }


def test_production_canonical_og_url_and_sitemap_agree_with_the_page_address(production_site):
    """One absolute address per page, the same in canonical, og:url and the sitemap."""
    pages = production_pages(production_site)
    sitemap = sitemap_urls(production_site)
    for url, soup in pages.items():
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == SITEURL + url, url
        assert meta(soup, property="og:url")[0]["content"] == canonical
        assert canonical in sitemap, url
    assert set(sitemap) == {SITEURL + url for url in pages}


def test_every_sitemap_url_exists_in_the_output(production_site):
    """The sitemap lists no page that was not built."""
    for loc in sitemap_urls(production_site):
        path = loc.removeprefix(SITEURL)
        built = Path(production_site) / path.lstrip("/")
        assert (built / "index.html" if path.endswith("/") else built).is_file(), loc


def test_sitemap_dates_are_the_review_dates(production_site):
    """A page's lastmod in the sitemap is the review date it shows."""
    for loc, lastmod in sitemap_urls(production_site).items():
        page = soup_of(Path(production_site) / loc.removeprefix(SITEURL).lstrip("/") / "index.html")
        assert page.select_one(".app-review time")["datetime"] == lastmod, loc


def test_robots_txt_points_to_the_absolute_sitemap(production_site):
    """robots.txt lets every crawler in and names the sitemap by its full address."""
    robots = (Path(production_site) / "robots.txt").read_text()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots
    assert re.search(r"^User-agent: \*$", robots, re.M)


def test_not_found_page_is_not_indexed_and_offers_help_and_a_way_home(all_documents, site):
    """The 404 page stays out of search and still offers 988 and a way home."""
    soup = all_documents["/404.html"]
    assert meta(soup, name="robots", content="noindex")
    assert soup.find(id="crisis-help").find("a", href="tel:988")
    assert soup.find("main").find("a", href="/")
    assert "404.html" not in (Path(site) / "sitemap.xml").read_text()


def redirects_in_content():
    """The redirects content/redirects.txt declares, as the build reads them."""
    known = {"/" + url.lstrip("/") for url in content_pages()}
    return redirects.read_redirects(str(CONTENT / "redirects.txt"), known)[0]


def test_old_addresses_redirect_for_every_kind_of_host(site, all_documents):
    """Each retired address leads to a live page on Netlify, nginx and plain hosting."""
    netlify = (Path(site) / "_redirects").read_text().splitlines()
    nginx = (Path(site) / "redirects.map").read_text().splitlines()
    assert len(netlify) == len(nginx) == len(redirects_in_content())
    for line in netlify:
        old, new, status = line.split()
        assert status == "301" and nginx.count(f"{old} {new};") == 1
        stub = all_documents[old]
        assert meta(stub, name="robots", content="noindex"), old
        refresh = meta(stub, **{"http-equiv": "refresh"})[0]["content"]
        assert refresh == f"0; url={new}"
        assert stub.find("link", rel="canonical")["href"] == new
        assert new in all_documents, f"{old} leads to a missing page {new}"


def test_the_iop_page_keeps_its_address(pages, site):
    """The center's IOP page stays at /intensive-outpatient/ (links and search
    rankings carry over): as a page, or as a redirect if it ever moves."""
    netlify = (Path(site) / "_redirects").read_text().split()
    assert "/intensive-outpatient/" in pages or "/intensive-outpatient/" in netlify
