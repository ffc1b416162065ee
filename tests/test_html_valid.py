"""The built site is valid HTML: no errors from the W3C Nu Html Checker
(the release check `invoke publish` runs, on the test builds)."""

import pytest

from support import require_tool
from tools import release_checks


# Slow (the W3C checker is a Java program that starts per run), and worth
# it: search engines and screen readers read what the HTML says, not what
# a browser repairs.
@pytest.mark.slow
def test_every_page_is_valid_html(site):
    """The W3C Nu Html Checker finds no error in any page of the preview build."""
    assert_valid(site)


@pytest.mark.slow
def test_every_minified_production_page_is_valid_html(production_site):
    """Minifying keeps every production page valid HTML."""
    assert_valid(production_site)


def assert_valid(output):
    require_tool("java")
    if not release_checks.VNU.exists():
        require_tool("vnu.jar (npm ci)")
    errors = release_checks.html_errors(output)
    assert not errors, "\n".join(errors)
