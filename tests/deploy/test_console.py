"""In a real browser, behind nginx's real headers, the production pages
apply their stylesheet and log nothing: no CSP violation, no unknown
Permissions-Policy feature, no failed request."""

import pytest

from deploy.test_nginx import site_urls

pytestmark = [pytest.mark.nginx, pytest.mark.browser]


def test_pages_log_no_console_errors_or_warnings(browser, served, release_a):
    server, _ = served
    context = browser.new_context()
    problems = []
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            problems.append(f"{message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        for url in site_urls(release_a) + ["/no-such-page/"]:
            requests.clear()
            page.goto(server.url + url)
            page.wait_for_load_state("networkidle")
            # Budget: the page itself and, at most, its icon.
            assert len(requests) <= 2, f"{url}: {requests}"
            assert all(request.startswith(server.url) for request in requests)
            brand = page.evaluate(
                "getComputedStyle(document.querySelector('.app-header')).backgroundColor"
            )
            assert brand == "rgb(11, 79, 108)", f"{url}: the stylesheet was blocked"
    finally:
        context.close()
    # The one message expected: the browser noting the 404 status it was sent.
    expected = (
        "error: Failed to load resource: the server responded with a status of 404 (Not Found)"
    )
    assert problems == [expected]
