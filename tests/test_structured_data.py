"""Structured data (JSON-LD): valid, from the same data the pages show,
and claiming nothing the content does not say."""

import json

import pytest
from pyld import jsonld

from support import build_site, center_facts, content_pages, home_of, lang_of_url, soup_of

SCHEMA = "https://schema.org/"


def offline_loader(url, options=None):
    """schema.org's context, reduced to its vocabulary: no network here."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def blocks(soup):
    return [json.loads(node.string) for node in soup.find_all("script", type="application/ld+json")]


def of_type(soup, kind):
    return [block for block in blocks(soup) if block["@type"] == kind]


@pytest.fixture(autouse=True)
def _no_network():
    previous = jsonld.get_document_loader()
    jsonld.set_document_loader(offline_loader)
    yield
    jsonld.set_document_loader(previous)


def test_every_block_is_valid_json_ld(all_documents):
    """Every JSON-LD block expands to the schema.org type it names."""
    for url, soup in all_documents.items():
        for block in blocks(soup):
            expanded = jsonld.expand(block)
            assert expanded and f"{SCHEMA}{block['@type']}" in expanded[0]["@type"], url


def test_every_page_describes_the_center_as_a_medical_clinic(all_documents):
    """Every page gives search engines the center: name, phone, address, hours, specialty."""
    for url, soup in all_documents.items():
        [clinic] = of_type(soup, "MedicalClinic")
        for key in (
            "name",
            "url",
            "telephone",
            "address",
            "openingHoursSpecification",
            "medicalSpecialty",
        ):
            assert clinic.get(key), f"{url}: {key}"
        address = clinic["address"]
        assert address["@type"] == "PostalAddress"
        assert {
            "streetAddress",
            "addressLocality",
            "addressRegion",
            "postalCode",
            "addressCountry",
        } <= set(address)


def test_clinic_data_is_what_the_footer_shows(all_documents):
    """The data's phone, address and hours are content/center.txt's, as the footer shows."""
    soup = all_documents["/"]
    [clinic] = of_type(soup, "MedicalClinic")
    footer = soup.find(id="contact")
    assert footer.find("a", href=f"tel:{clinic['telephone']}")
    assert clinic["address"]["streetAddress"] in footer.get_text()
    expected = [hours["schema"] for hours in center_facts()["hours"]]
    assert clinic["openingHoursSpecification"] == expected


def test_every_content_page_is_a_medical_web_page_with_its_review_date(pages):
    """Each page's data has the heading and review date it shows, and no reviewer it does not name."""
    for url, soup in pages.items():
        [page] = of_type(soup, "MedicalWebPage")
        shown = soup.select_one(".app-review time")["datetime"]
        assert page["lastReviewed"] == shown, url
        assert page["about"]["@type"] == "MedicalTherapy", url
        assert page["name"] == soup.find("h1").get_text(), url
        reviewer = content_pages()[url].fields.get("reviewed_by")
        assert page.get("reviewedBy", {}).get("name") == reviewer, url


def test_reviewed_by_appears_only_when_the_page_names_a_reviewer(content_copy, tmp_path, build_day):
    """A reviewer named with Reviewed-by is in the data and in the page's review line."""
    url = next(url for url in content_pages() if url != "/")
    page = content_copy / "pages" / f"{url.strip('/')}.md"
    page.write_text(
        "\n".join(
            line for line in page.read_text().splitlines() if not line.startswith("Reviewed-by:")
        ).replace("Summary:", "Reviewed-by: Dr. Jane Rivera\nSummary:", 1)
    )
    assert build_site(tmp_path / "out", today=build_day, PATH=content_copy).ok
    soup = soup_of(tmp_path / "out" / url.strip("/") / "index.html")
    [data] = of_type(soup, "MedicalWebPage")
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr. Jane Rivera"}
    assert "by Dr. Jane Rivera" in soup.select_one(".app-review").get_text()


def test_breadcrumbs_on_every_page_below_home(pages):
    """Below home, the breadcrumb data is the trail the page shows."""
    for url, soup in pages.items():
        home = home_of(lang_of_url(url))
        if url == home:
            assert not of_type(soup, "BreadcrumbList"), url
            continue
        [trail] = of_type(soup, "BreadcrumbList")
        items = trail["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[0]["item"] == home and items[-1]["item"] == url
        visible = [a["href"] for a in soup.select(".app-breadcrumbs a")]
        assert visible == [item["item"] for item in items[:-1]], url


def test_production_structured_data_uses_absolute_urls(production_site):
    """In production, the data's addresses are absolute, on the site's address."""
    url = next(url for url in content_pages() if url.count("/") > 2)  # a page with a parent
    soup = soup_of(production_site / url.strip("/") / "index.html")
    [trail] = of_type(soup, "BreadcrumbList")
    assert all(item["item"].startswith("https://") for item in trail["itemListElement"])
    [page] = of_type(soup, "MedicalWebPage")
    assert page["url"] == f"https://iop.mhcsandiego.example{url}"
