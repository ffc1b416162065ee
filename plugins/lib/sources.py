"""The build's one reading of each content file: the source index.

Pages, their translations' English pages, the checklist and the checks all
need a page's header, body and line numbers. Each asks here, with the
build's settings: a file is read from disk once per build and parsed once
(plugins/lib/datafile.py), however many plugins ask.

A process that builds again (the preview's warm builder,
tools/sitebuild.py Worker) parses again only the files whose text changed:
the parse is a function of the text alone, and its result is never changed
by those who read it.
"""

import os

from . import datafile, warm

KEY = "_SOURCES"
# Across builds of one process: abspath -> (text, DataFile), the newest
# files only (a test session builds thousands of copies).
_PARSED = warm.Memo()


class Sources:
    """One build's texts, by absolute path (or the error reading gave)."""

    def __init__(self):
        self.texts = {}

    def text(self, path):
        """The file's text; NotUtf8, NotReadable or OSError as datafile gives them."""
        full = os.path.abspath(path)
        if full not in self.texts:
            try:
                self.texts[full] = datafile.read_text(full)
            except (datafile.NotUtf8, datafile.NotReadable, OSError) as error:
                self.texts[full] = error
        found = self.texts[full]
        if isinstance(found, Exception):
            raise found
        return found

    def keep(self, path, text, data):
        """A file read, and parsed, in a copy of this build (plugins/reading/read_ahead.py)."""
        full = os.path.abspath(path)
        self.texts[full] = text
        _PARSED.put(full, (text, data))

    def data(self, path):
        """The file's DataFile (header fields, their lines, the body)."""
        text = self.text(path)
        full = os.path.abspath(path)
        cached = _PARSED.get(full)
        if cached is None or cached[0] != text:
            cached = _PARSED.put(full, (text, datafile.parse(full, text)))
        return cached[1]


def of(settings):
    """This build's index (settings are one build's: a new build, a new index)."""
    index = settings.get(KEY)
    if index is None:
        index = settings[KEY] = Sources()
    return index


def read(settings, path):
    """The file's DataFile, or None when it cannot be read (content_checks
    names that problem, at its file)."""
    try:
        return of(settings).data(path)
    except (datafile.NotUtf8, datafile.NotReadable, OSError):
        return None
