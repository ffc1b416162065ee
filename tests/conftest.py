"""Build the real site once per session and read it as a visitor would."""

import datetime
import os
import shutil
import zoneinfo
from pathlib import Path

import pytest

from support import (
    CONTENT,
    FIXTURE_SITE,
    ROOT,
    build_site,
    fetch,
    html_files,
    require_tool,
    running_preview,
    soup_of,
    url_of,
    wait_for,
)

# One launch recipe for Chromium, the release checks' own.
from tools.release_checks import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


@pytest.fixture(scope="session")
def build_day():
    """Today in San Diego: the site as it would be published now, so an
    expired notice fails the banner tests (the build warns 14 days ahead).
    Tests about other days set their date themselves."""
    return datetime.datetime.now(zoneinfo.ZoneInfo("America/Los_Angeles")).date()


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, build_day):
    """The build of the real content (development settings), its warnings
    included: what the editor was told."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = build_site(output, today=build_day)
    assert result.ok, "\n".join(result.lines)
    return result


@pytest.fixture(scope="session")
def site(site_build):
    """The real content, built once with the development settings."""
    return Path(site_build.output)


@pytest.fixture(scope="session")
def pages(all_documents):
    """{url: soup} for every page a search engine may list: not the 404
    page, not the pages left at retired addresses (both are noindex)."""
    return {
        url: soup
        for url, soup in all_documents.items()
        if not soup.find("meta", attrs={"name": "robots", "content": "noindex"})
    }


@pytest.fixture(scope="session")
def production_site(tmp_path_factory, build_day):
    """The real content built with publishconf.py, as staging (the contact
    details are still placeholders, which production proper refuses)."""
    output = tmp_path_factory.mktemp("production") / "output"
    previous = os.environ.get("STAGING")
    os.environ["STAGING"] = "1"
    try:
        result = build_site(output, "publishconf.py", today=build_day)
    finally:
        os.environ.pop("STAGING") if previous is None else os.environ.update(STAGING=previous)
    assert result.ok, "\n".join(result.lines)
    return output


@pytest.fixture(scope="session")
def all_documents(site):
    """{url: soup} for every HTML file, the 404 page included."""
    return {url_of(site, path): soup_of(path) for path in html_files(site)}


@pytest.fixture
def content_copy(tmp_path):
    """A copy of the real content folder that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(autouse=True, scope="session")
def _run_from_root():
    # Problems name files relative to where the build runs: the project root.
    previous = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(previous)


@pytest.fixture(scope="session")
def browser():
    require_tool("chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# The fixture site's home page says this: the preview is up.
PREVIEW_READY = "We help people in San Diego."


@pytest.fixture
def preview(tmp_path):
    """`invoke livereload` on a copy of the fixture site: (content, url, log)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    with running_preview(content, tmp_path) as (url, log):
        assert wait_for(lambda: PREVIEW_READY in fetch(url)), log.read_text()
        yield content, url, log
