"""What one process keeps between its builds: the preview's warm builder.

The preview builds again at every save (tools/sitebuild.py Worker). Reading a
page (Markdown) and checking it (the browser's parse, the sanitizer, the
reading level) are functions of what goes in: the page's text and the
settings, for a reading; the page's HTML, its source and the site-wide
things a check looks up (link targets, held-back pages), for the checks.
Their results are kept here under a key made of exactly those inputs, so an
unchanged page is neither read nor checked again; a changed input is a new
key, never a stale result. A fresh process (every `invoke build`, every
publish) starts empty, so what is published is always built from scratch.

Pelican's own content cache (CACHE_CONTENT) keys on file times, and keeps
nothing of our checks; this keys on the text itself.
"""

import collections
import hashlib

# Private build keys of the settings (its indexes, "_..."), its sink of
# problems and its temporary output folder: never what a result depends on.
PRIVATE = "_"
PER_BUILD = ("BUILD_PROBLEMS", "OUTPUT_PATH", "WARM_BUILDS")
PLAIN = (str, int, float, bool, type(None))


# Set by the warm worker (tools/sitebuild.serve) for its builds only: a
# build in a fresh process (`invoke build`, every publish) keeps nothing and
# spends nothing on keys.
SETTING = "WARM_BUILDS"


def enabled(settings):
    return bool(settings.get(SETTING))


def canonical(value):
    """A stable text of plain data, and of values that print what they are
    (dates); any other object is its type's name: a page inside another's
    attributes (a menu's, a translation's twin), which the site's key
    covers, or code, which a restart of the process covers."""
    if isinstance(value, PLAIN):
        return repr(value)
    if isinstance(value, dict):
        items = sorted((str(key), canonical(item)) for key, item in value.items())
        return "{" + ",".join(f"{key}:{item}" for key, item in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(canonical(item) for item in value)) + "}"
    if type(value).__repr__ is not object.__repr__:
        return repr(value)  # a date, a time zone: values that say what they are
    return type(value).__name__


def signature(value):
    return hashlib.sha1(canonical(value).encode("utf-8")).hexdigest()


def settings_signature(settings):
    """One build's settings as a key (worked out once per build)."""
    key = "_SETTINGS_SIGNATURE"
    if key not in settings:
        settings[key] = signature(public(settings))
    return settings[key]


def public(values):
    """Settings (or a context, which holds them too) without what changes
    from one build to the next whatever the content."""
    return {
        name: value
        for name, value in values.items()
        if not str(name).startswith(PRIVATE) and name not in PER_BUILD
    }


class Memo:
    """At most `size` results, the least recently used dropped first."""

    def __init__(self, size=4096):
        self.size, self.kept = size, collections.OrderedDict()

    def get(self, key):
        found = self.kept.get(key)
        if found is not None:
            self.kept.move_to_end(key)
        return found

    def put(self, key, value):
        self.kept[key] = value
        self.kept.move_to_end(key)
        while len(self.kept) > self.size:
            self.kept.popitem(last=False)
        return value
