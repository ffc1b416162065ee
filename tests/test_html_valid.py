"""The built site is valid HTML: no errors from the W3C Nu Html Checker
(the release check `invoke publish` runs, on the test builds)."""

import pytest

from support import require_tool
from tools import release_checks


# Slow (the W3C checker is a Java program: it starts once, for both builds),
# and worth it: search engines and screen readers read what the HTML says,
# not what a browser repairs.
@pytest.fixture(scope="module")
def errors(site, production_site):
    """The checker's errors in both builds, from one run of it (one Java start)."""
    require_tool("java")
    if not release_checks.VNU.exists():
        require_tool("vnu.jar (npm ci)")
    preview, production = release_checks.html_errors_of([site, production_site])
    return {"preview": preview, "production": production}


@pytest.mark.slow
def test_every_page_is_valid_html(errors):
    """The W3C Nu Html Checker finds no error in any page of the preview build."""
    assert not errors["preview"], "\n".join(errors["preview"])


@pytest.mark.slow
def test_every_minified_production_page_is_valid_html(errors):
    """Minifying keeps every production page valid HTML."""
    assert not errors["production"], "\n".join(errors["production"])
