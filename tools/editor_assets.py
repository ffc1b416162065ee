"""The web editor's program, Decap CMS, fetched once from the npm registry.

Decap CMS publishes a ready bundle (dist/decap-cms.js and the chunks it
loads by name) inside its npm package; its npm dependencies (React and
about 630 packages, 380 MB) only matter for building it from source. So
this fetches the one pinned tarball over HTTPS, checks it against the
registry's sha512 recorded here, and keeps the bundle's files in
cache/editor/ (gitignored). Ours because nothing fits: npm itself would
install the 630 packages, and the preview must run with Python alone.

    python -m tools.editor_assets     # fetch (once), print the folder
"""

import base64
import hashlib
import io
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME, VERSION = "decap-cms", "3.16.3"
# `npm view decap-cms@3.16.3 dist.integrity`: the registry's own digest.
INTEGRITY = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
TARBALL = f"https://registry.npmjs.org/{NAME}/-/{NAME}-{VERSION}.tgz"
FOLDER = ROOT / "cache" / "editor" / f"{NAME}-{VERSION}"
# The bundle, the chunks it loads by name, its WebAssembly and licences;
# not the source maps (50 MB) nor the second copy named cms.js.
KEEP = ("decap-cms.js", ".decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")


class Unavailable(RuntimeError):
    """The bundle could not be fetched or did not match its digest."""


def integrity_of(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def wanted(name):
    return "/" not in name and (name == KEEP[0] or name.endswith(KEEP[1:]))


def fetch(url=TARBALL, timeout=120):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (https, pinned)
            return response.read()
    except OSError as error:
        raise Unavailable(f"could not download {url}: {error}") from None


def unpack(data, folder):
    """The bundle's files from the package tarball into `folder`, whole or not at all."""
    if integrity_of(data) != INTEGRITY:
        raise Unavailable(f"{TARBALL} does not match its recorded sha512: not used")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".decap-", dir=folder.parent))
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix("package/dist/")
                if member.isfile() and name != member.name and wanted(name):
                    (staging / name).write_bytes(archive.extractfile(member).read())
        if not (staging / "decap-cms.js").is_file():
            raise Unavailable(f"{TARBALL} has no dist/decap-cms.js")
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def ensure(folder=FOLDER):
    """The folder holding decap-cms.js, fetched on first use."""
    if (folder / "decap-cms.js").is_file():
        return folder
    print(f"Fetching the web editor ({NAME} {VERSION}, 16 MB) ...", flush=True)
    return unpack(fetch(), folder)


if __name__ == "__main__":
    try:
        print(ensure())
    except Unavailable as error:
        sys.exit(f"The web editor is not available: {error}")
