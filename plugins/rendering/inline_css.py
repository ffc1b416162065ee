"""Inline the theme's one stylesheet into every page, with its CSP hash.

An inlined stylesheet costs no request, so a page paints from its first
round trip (docs/architecture.md, "Fast by construction"). The CSS is minified once
here (rcssmin) and hashed, so a Content-Security-Policy can allow exactly
this stylesheet and no other inline style.

Settings, one dict: INLINE_CSS = {"path": "static/css/main.css"}, the path
inside the theme. Templates read `inline_css` and `inline_css_hash`.
"""

import base64
import hashlib
import os

import rcssmin
from pelican import signals

from ..lib.problems import record, settings_of

DEFAULTS = {"path": "static/css/main.css"}


def csp_hash(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def load_stylesheet(theme, path=DEFAULTS["path"]):
    """(minified CSS, its CSP hash) of the theme's stylesheet."""
    with open(os.path.join(theme, path), encoding="utf-8") as stylesheet:
        css = rcssmin.cssmin(stylesheet.read())
    return css, csp_hash(css)


def add_inline_css(generator):
    if "inline_css" in generator.context:
        return
    options, problems = settings_of(generator.settings, "inline_css", DEFAULTS)
    record(generator.context, problems)
    css, digest = load_stylesheet(generator.settings["THEME"], options["path"])
    generator.context["inline_css"] = css
    generator.context["inline_css_hash"] = digest


def register():
    signals.generator_init.connect(add_inline_css)
