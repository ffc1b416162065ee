"""Production settings: pelicanconf.py plus what only the live site needs."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# Absolute URLs for canonical links, the sitemap and structured data.
SITEURL = os.environ.get("SITEURL", "https://iop.mhcsandiego.example")
RELATIVE_URLS = False

# The environment is read here, once; plugins only obey their settings.
# Production: warnings are errors too, placeholder contact details are
# refused, pages that are not ready are held back. STAGING=1 says this build
# is for review, not the public: placeholders and warnings are shown but do
# not stop it (and `invoke publish` refuses it).
BUILD = dict(  # noqa: F405
    BUILD,  # noqa: F405
    mode="staging" if os.environ.get("STAGING") == "1" else "production",
)

# Smaller pages: minified, then stored compressed next to themselves so the
# web server sends them without compressing on every request.
MINIFY = {"enabled": True}
PLUGINS = [*PLUGINS, "precompress"]  # noqa: F405
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_MIN_SIZE = 0
PRECOMPRESS_TEXT_EXTENSIONS = {".html", ".xml", ".txt", ".svg"}

# The CSP as a <meta> tag too, for hosts that cannot send headers.
SECURITY_HEADERS = {"meta_csp": True, "preview_script": ""}

# Drafts never go live, in any language: not written, and no list of them.
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
TEMPLATE_PAGES = {  # noqa: F405
    name: path
    for name, path in TEMPLATE_PAGES.items()  # noqa: F405
    if name not in ("drafts.html", "confirm.html")
}
