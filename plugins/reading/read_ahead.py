"""The second half of the pages, read beside the build while Pelican reads
the first half: reading is a third of a cold build, and the machine has a
second core.

At the first page Pelican is about to read, a forked copy of the build
(plugins/lib/beside.py) reads the last half of Pelican's own list of page
files with the same reader (plugins/reading/source_reader.py). When Pelican
reaches that half, the reader takes each page from there: its HTML, its
metadata, and its text and header for the source index
(plugins/lib/sources.py), so each file is still read once.

Only a page read with nothing to say is taken: one that was refused or
logged a warning is read again in the build's process, where its problems
and log lines belong; so is every page when the copy failed. Never in a
process that builds again (the warm worker keeps what it read), nor where
plugins/lib/beside.py says a fork is unsafe.
"""

import functools
import logging
import os

from pelican import signals

from ..lib import beside, sources, warm

KEY = "_READ_AHEAD"


def read_quietly(reader, paths):
    """{path: (HTML, metadata, text, header)} of the pages read with nothing
    to say."""
    heard = beside.Heard()
    logging.getLogger().addHandler(heard)
    index = sources.of(reader.settings)
    found = {}
    for path in paths:
        heard.lines.clear()
        try:
            content, metadata = reader.read_again(path)
        except Exception:  # noqa: BLE001, S112 - read again, and named, in the build's process
            continue
        if not heard.lines:
            found[path] = (content, metadata, index.text(path), index.data(path))
    return found


class ReadAhead:
    def __init__(self, reader, paths):
        self.paths = set(paths)
        self.running = beside.Beside(functools.partial(read_quietly, reader, paths))
        self.found = None

    def take(self, path):
        """(HTML, metadata) of a page read beside the build, or None."""
        if path not in self.paths:
            return None
        if self.found is None:
            try:
                self.found = self.running.result()
            except beside.Crashed:
                self.found = {}
        return self.found.pop(path, None)


def take(settings, path):
    """(HTML, metadata) of the page, read beside the build and now in the
    source index, or None: read it here."""
    ahead = settings.get(KEY)
    found = ahead.take(path) if ahead else None
    if found is None:
        return None
    content, metadata, text, data = found
    sources.of(settings).keep(path, text, data)
    return content, metadata


def start(generator):
    """Once a build, at the first page: the last half of Pelican's list."""
    settings = generator.settings
    if KEY in settings:
        return
    settings[KEY] = None
    reader = generator.readers.readers.get("md")
    if not beside.possible() or warm.enabled(settings) or reader is None:
        return
    # Pelican's own list, in its order (a set: its order is this process's).
    files = generator.get_files(settings["PAGE_PATHS"], exclude=settings["PAGE_EXCLUDES"])
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in files if f.endswith(".md")]
    if len(paths) > 1:
        settings[KEY] = ReadAhead(reader, paths[len(paths) // 2 :])


def register():
    # Sent before each page is read; the first one starts the read ahead.
    signals.page_generator_preread.connect(start)
