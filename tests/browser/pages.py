"""The addresses every browser test visits: every page of the built site."""

from support import LANGUAGES, content_pages, home_of, lang_of_url
from tools.release_checks import WIDTHS as SCREENS

# Every page content/ holds today, the 404 page and the preview's drafts and
# to-confirm lists: read when the tests are
# collected, so pytest names each test after its page and a new page is
# visited without editing a test (test_every_built_page_is_visited checks
# this list against the build).
URLS = [*content_pages(), "/404.html", "/drafts/", "/confirm/"]


def whole_walk_pages(urls):
    """Where Tab walks the whole page: each language's home page and deepest
    page (its section marked in the menu), and the pages with templates of
    their own. The header and footer are the same on every page of a
    language, so on the others the walk starts where the skip link leads
    and covers the main content (tests/browser/test_keyboard.py)."""
    pages = {"/404.html", "/drafts/", "/confirm/"}
    for lang in ("en", *LANGUAGES):
        edition = [url for url in urls if lang_of_url(url) == lang and url not in pages]
        if edition:
            pages |= {home_of(lang), max(edition, key=lambda url: url.count("/"))}
    return pages


WHOLE_WALK = whole_walk_pages(URLS)
# The screens `invoke publish` checks, named by their width for test ids.
PHONE, DESKTOP = SCREENS["phone"], SCREENS["desktop"]
WIDTHS = {str(screen["width"]): screen for screen in (PHONE, DESKTOP)}
