"""Minify every HTML page of a production build (minify-html).

Runs on pelican-granular-signals' `minify` signal, which fires after every
page is written and before pelican-precompress's `compress`, so the
compressed copies are of the minified pages. The stylesheet is left exactly
as inlined: its CSP hash is of those bytes (plugins/rendering/inline_css.py), and so
are the JSON-LD blocks, which are data.

Settings, one dict: MINIFY = {"enabled": False}; publishconf.py enables it.
"""

import pathlib

import blinker
import minify_html
import pelican.plugins.granular_signals

DEFAULTS = {"enabled": False}
OPTIONS = {
    "minify_css": False,
    "minify_js": False,
    # Closing tags and <html>/<head> stay: some validators and old screen
    # readers stumble over the omissions HTML allows.
    "keep_closing_tags": True,
    "keep_html_and_head_opening_tags": True,
}


def minify_pages(pelican):
    options = dict(DEFAULTS, **pelican.settings.get("MINIFY", {}))
    if not options["enabled"]:
        return
    for path in sorted(pathlib.Path(pelican.settings["OUTPUT_PATH"]).rglob("*.html")):
        path.write_text(
            minify_html.minify(path.read_text(encoding="utf-8"), **OPTIONS), encoding="utf-8"
        )


def register():
    # granular_signals defines the minify -> compress order; make sure it runs.
    pelican.plugins.granular_signals.register()
    blinker.signal("minify").connect(minify_pages)
