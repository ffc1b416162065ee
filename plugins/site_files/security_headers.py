"""Security headers, defined once, shipped for every kind of host.

One definition (HEADERS and the CSP below) becomes:
- `_headers` in the built site, for Netlify and Cloudflare Pages;
- `deploy/nginx/iop-locations.conf` (through tools/nginx_conf.py) and
  `deploy/_headers` in the repository, rewritten by `invoke headers` (the
  release checks and a test fail when they drift);
- a `<meta http-equiv="Content-Security-Policy">` in every page when
  SECURITY_HEADERS["meta_csp"] is on, for hosts without header control
  (GitHub Pages). A <meta> policy cannot carry frame-ancestors, and a
  browser logs an error when one tries, so that directive is left out there.

The stylesheet is inlined, so the policy allows exactly its hash
(`inline_css_hash`, plugins/rendering/inline_css.py) and no other inline style.

Settings, one dict: SECURITY_HEADERS = {
    "meta_csp": False,      # the policy as a <meta> in every page too
    "preview_script": "",   # the CSP hash of the live preview's one script
}
The preview (pelicanconf.py) carries the production policy as a <meta>, with
only livereload's script allowed on top, so what production would block,
the preview blocks too.
"""

import os

from pelican import signals

from ..lib.problems import record, settings_of

DEFAULTS = {"meta_csp": False, "preview_script": ""}
HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    # Visitors of a health site: never tell another site which page they read.
    "Referrer-Policy": "no-referrer",
    # Only features current browsers recognise, or the console reports
    # "Unrecognized feature" (tests/deploy/test_console.py). Chromium 156 no
    # longer knows join-ad-interest-group or run-ad-auction (the Protected
    # Audience ad APIs are gone); browsing-topics turns off the Topics API.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CACHE = {
    "html": "no-cache",  # revalidate every visit: a changed page shows at once
    "fingerprinted": "public, max-age=31536000, immutable",
}
FINGERPRINTED = "/theme/"


def csp(style_hash, for_meta=False, preview_script=""):
    directives = [
        "default-src 'none'",
        f"style-src '{style_hash}'",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if preview_script:
        # The preview only: livereload's one inline script, by its hash, the
        # script it loads from the preview server, and its websocket.
        directives += [f"script-src '{preview_script}' 'self'", "connect-src 'self'"]
    if not for_meta:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def all_headers(style_hash):
    return {"Content-Security-Policy": csp(style_hash), **HEADERS}


def headers_file(style_hash):
    """Netlify / Cloudflare Pages `_headers`."""
    lines = [
        "# Generated from plugins/site_files/security_headers.py by the build; do not edit.",
        "/*",
    ]
    lines += [f"  {name}: {value}" for name, value in all_headers(style_hash).items()]
    lines += [f"{FINGERPRINTED}*", f"  Cache-Control: {CACHE['fingerprinted']}"]
    return "\n".join(lines) + "\n"


def add_meta_csp(generator):
    if "csp_meta" in generator.context or "inline_css_hash" not in generator.context:
        return
    options, problems = settings_of(generator.settings, "security_headers", DEFAULTS)
    record(generator.context, problems)
    style_hash = generator.context["inline_css_hash"]
    policy = csp(style_hash, for_meta=True, preview_script=options["preview_script"])
    generator.context["csp_meta"] = policy if options["meta_csp"] else ""
    generator.context["headers_file"] = headers_file(style_hash)


def write_headers_file(generator, writer):
    with open(os.path.join(generator.output_path, "_headers"), "w", encoding="utf-8") as out:
        out.write(generator.context["headers_file"])


def register():
    # After inline_css (listed before us in PLUGINS) has hashed the stylesheet.
    signals.generator_init.connect(add_meta_csp)
    signals.page_writer_finalized.connect(write_headers_file)
