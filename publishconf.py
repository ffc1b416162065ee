"""Production settings: pelicanconf.py plus what only the live site needs."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# Absolute URLs for canonical links, the sitemap and structured data.
SITEURL = os.environ.get("SITEURL", "https://iop.mhcsandiego.example")
RELATIVE_URLS = False

# Warnings are errors too, and placeholder contact details are refused,
# unless STAGING=1 says this build is for review, not the public.
CONTENT_CHECKS = dict(CONTENT_CHECKS, strict=True, allow_placeholders=False)  # noqa: F405

# Smaller pages: minified, then stored compressed next to themselves so the
# web server sends them without compressing on every request.
MINIFY = {"enabled": True}
PLUGINS = [*PLUGINS, "precompress"]  # noqa: F405
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_MIN_SIZE = 0
PRECOMPRESS_TEXT_EXTENSIONS = {".html", ".xml", ".txt", ".svg"}

# The CSP as a <meta> tag too, for hosts that cannot send headers.
SECURITY_HEADERS = {"meta_csp": True}
