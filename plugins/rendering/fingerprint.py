"""Theme icons under names that carry a hash of their content.

A file whose name changes whenever its bytes change can be cached for a
year: a visitor's browser never asks for it again, and never shows a stale
one. Pelican copies theme files under their own names, so this plugin does
the copying instead (THEME_STATIC_PATHS is empty in pelicanconf.py).

Settings, one dict: FINGERPRINT = {"path": "static/icons", "url": "theme"}:
the folder inside the theme, and the folder of the site they go to.
Templates read `asset_urls["favicon.svg"]`.
"""

import hashlib
import os
import shutil

from pelican import signals

from ..lib.problems import record, settings_of

DEFAULTS = {"path": "static/icons", "url": "theme"}


def fingerprinted(folder):
    """{name: fingerprinted name} for each file in the folder."""
    names = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as asset:
            digest = hashlib.sha256(asset.read()).hexdigest()[:12]
        stem, extension = os.path.splitext(name)
        names[name] = f"{stem}.{digest}{extension}"
    return names


def add_asset_urls(generator):
    if "asset_urls" in generator.context:
        return
    options, problems = settings_of(generator.settings, "fingerprint", DEFAULTS)
    record(generator.context, problems)
    folder = os.path.join(generator.settings["THEME"], options["path"])
    siteurl = generator.settings.get("SITEURL", "")
    generator.context["asset_urls"] = {
        name: f"{siteurl}/{options['url']}/{hashed}"
        for name, hashed in fingerprinted(folder).items()
    }


def copy_assets(generator, writer):
    options, _ = settings_of(generator.settings, "fingerprint", DEFAULTS)
    folder = os.path.join(generator.settings["THEME"], options["path"])
    target = os.path.join(generator.output_path, options["url"])
    os.makedirs(target, exist_ok=True)
    for name, hashed in fingerprinted(folder).items():
        shutil.copyfile(os.path.join(folder, name), os.path.join(target, hashed))


def register():
    signals.generator_init.connect(add_asset_urls)
    # Before `finalized`, where the production build compresses every file.
    signals.page_writer_finalized.connect(copy_assets)
