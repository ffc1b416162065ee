"""In a build alone, the pages render in two processes at once.

Rendering is the longest part of a cold build (1,000 pages: 1.3 s), and
once the checks beside the build (plugins/checks/content_checks.py) are
done, the second core waits. This writer keeps the pages Pelican hands it
one by one; when the last is handed over (`page_writer_finalized`) this
process and a forked copy of it (plugins/lib/beside.py) render them, each
taking the next page no one has taken yet (a counter in shared memory), so
a process slowed by other work simply renders fewer. Every other file
(template pages, statics, redirects) is written at once, as Pelican's
writer does.

Each page's links are resolved here before the pages are shared out, so
Pelican's warnings about them are this process's, as in a build in line.
What the copy did comes back with it: the files it wrote (Pelican's writer
refuses to write one twice) and any warning it logged, logged again here.

Only where plugins/lib/beside.py allows a copy and the build keeps nothing
(the warm worker has its own writer, plugins/rendering/warm_writer.py).
"""

import functools
import logging
import multiprocessing
import os

from pelican import signals
from pelican.writers import Writer

from ..lib import beside, warm


class SplitWriter(Writer):
    """Pelican's writer; pages are kept until all are handed over."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = []

    def write_file(self, name, template, context, relative_urls=False, *args, **kwargs):
        if kwargs.get("page") is None or args or not name:
            return super().write_file(name, template, context, relative_urls, *args, **kwargs)
        self.kept.append((name, template, context, relative_urls, kwargs))
        return None

    def write_kept(self):
        kept, self.kept = self.kept, []
        for *_, kwargs in kept:
            resolve_links(kwargs["page"])
        taken = multiprocessing.Value("l", 0)
        copy = beside.Beside(
            functools.partial(self.copy_writes, kept, taken), os.path.abspath(self.settings["PATH"])
        )
        self.write_taken(kept, taken)
        written, overridden, lines = copy.result()
        # Pelican's writer refuses a file written twice by what it remembers.
        self._written_files |= written
        self._overridden_files |= overridden
        beside.log_again(lines)

    def copy_writes(self, kept, taken):
        heard = beside.Heard()
        logging.getLogger().addHandler(heard)
        self.write_taken(kept, taken)
        return self._written_files, self._overridden_files, heard.lines

    def write_taken(self, kept, taken):
        while (index := take(taken)) < len(kept):
            name, template, context, relative_urls, kwargs = kept[index]
            # `page` named here: a failure names its file (plugins/lib/culprit.py).
            page, others = kwargs["page"], {k: v for k, v in kwargs.items() if k != "page"}
            super().write_file(name, template, context, relative_urls, page=page, **others)


def resolve_links(page):
    """The page's text and summary with their links resolved, here, before
    the pages are shared out (Pelican keeps the result): what Pelican says
    of a link it cannot resolve is logged by this process, in the number a
    build in line logs it (it merges many of a kind)."""
    page.get_content(page.get_siteurl())
    page.get_summary(page.get_siteurl())


def take(taken):
    with taken.get_lock():
        index = taken.value
        taken.value += 1
    return index


def writer_class(pelican):
    if beside.possible() and not warm.enabled(pelican.settings):
        return SplitWriter
    return None


def write_kept(generator, writer):
    if isinstance(writer, SplitWriter):
        writer.write_kept()


def register():
    signals.get_writer.connect(writer_class)
    # Every page handed over. Pelican sends this signal once the pages are
    # written, so this writer writes them first on it (PLUGINS order,
    # plugins/checks/order.py).
    signals.page_writer_finalized.connect(write_kept)
