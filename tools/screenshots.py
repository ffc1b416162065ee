"""Pictures of a built site for people to look at: every page a browser
stays on, whole, at 375 and 1280 px wide, as PNG files.

A picture checks nothing by itself, so the test suite does not take one of
every page (they took a fifth of its browser time); `invoke screenshots`
builds the site and runs this.

    python -m tools.screenshots [--site output] [--to screenshots]
"""

import argparse
import sys
from pathlib import Path

# The screens the release checks measure (phone and desktop), so a picture
# shows what axe saw.
from tools.release_checks import CHROMIUM, CHROMIUM_ARGS, WIDTHS, LoopbackServer, visited_urls


def name_of(url, width):
    """/es/como-empezar/ at 375 px -> es_como-empezar-375.png; / -> home-375.png."""
    return f"{url.strip('/').replace('/', '_').replace('.html', '') or 'home'}-{width}.png"


def save(site, folder, browser=None):
    """Write a picture of every page at each width into `folder`; the paths.
    `browser`: a Playwright browser already running (the tests'), else one
    is started."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with LoopbackServer(site) as server:
        if browser is not None:
            return pictures(browser, server.url, visited_urls(site), folder)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return pictures(browser, server.url, visited_urls(site), folder)
            finally:
                browser.close()


def pictures(browser, base_url, urls, folder):
    saved = []
    for viewport in WIDTHS.values():
        width, page = viewport["width"], browser.new_page(viewport=viewport)
        for url in urls:
            page.goto(base_url + url)
            path = folder / name_of(url, width)
            page.screenshot(path=str(path), full_page=True)
            saved.append(path)
        page.close()
    return saved


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="output", help="a built site (default output/)")
    parser.add_argument("--to", default="screenshots", help="where (default screenshots/)")
    args = parser.parse_args(argv)
    saved = save(args.site, args.to)
    print(f"{len(saved)} pictures in {args.to}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
