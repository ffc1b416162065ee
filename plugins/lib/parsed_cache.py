"""Data files of libraries, parsed once per version and kept in cache/parsed/.

Each build process parsed the public suffix list (50 ms) and the English
and Spanish hyphenation dictionaries (40 ms each) again, before its checks
could measure or judge a link: a third of a small site's checks, which a
build alone waits for at its end (plugins/lib/beside.py). Each is now
pickled the first time, under a key of the library's version and its
options, and read back in a few milliseconds (`tests/test_parsed_cache.py`).

Why our own: the libraries keep their parse for the life of one process
only. The folder is the build's own, beside the compiled templates
(cache/, gitignored), never an editor's; a file that cannot be read is
parsed again, and a cache that cannot be written is simply not kept.
"""

import hashlib
import os
import pickle
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "cache" / "parsed"


def load(name, key, parse):
    """parse(), or what it gave before for the same `key` (a repr-able value
    naming everything the result depends on: versions, options)."""
    digest = hashlib.sha256(repr((name, key)).encode("utf-8")).hexdigest()[:16]
    path = FOLDER / f"{name}-{digest}.pickle"
    try:
        with open(path, "rb") as kept:
            return pickle.load(kept)
    except Exception:  # noqa: BLE001 - missing, partial or from another Python: parse again
        pass
    value = parse()
    try:
        FOLDER.mkdir(parents=True, exist_ok=True)
        # A part file of this process's own, renamed when whole: builds
        # running at once (tests in parallel) share the folder.
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        with open(part, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, path)
    except OSError:
        pass
    return value
