"""Reflow and target size: nothing scrolls sideways at 320 px or at 200 %
zoom, no text is cut off, and the links that matter are easy to tap
(measured in one visit per page: tests/browser/visits.py)."""

import pytest

from browser.pages import URLS
from browser.visits import REFLOW

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", sorted(REFLOW))
@pytest.mark.parametrize("url", URLS)
def test_nothing_scrolls_sideways_and_no_text_is_cut_off(visits, url, viewport):
    """WCAG 1.4.10 reflow: at 320 px and 200 % zoom, no sideways scroll or cut text."""
    found = visits(url, "phone")["reflow"][viewport]
    assert found["sideways"] <= 0, f"{url} scrolls sideways at {viewport}"
    assert found["cut"] == []


@pytest.mark.parametrize("url", URLS)
def test_navigation_banner_and_crisis_links_are_at_least_24_px(visits, url):
    """WCAG 2.5.8: header, notice, crisis and footer links are 24 px targets."""
    targets = visits(url, "phone")["targets"]
    assert targets["small"] == []
    assert targets["count"] >= 8
