"""Read an editor's file of `Key: value` lines, keeping each key's line number.

Pages, notices and the center's details all start with `Key: value` lines.
This reader is the only one: the site's checks read a page's header with
it, and so does Pelican (plugins/reading/source_reader.py hands Pelican what this
reader found, instead of Python-Markdown's `meta` extension reading the
file a second time by other rules). Keys are case-insensitive, an indented
line (four spaces or a tab) continues the value above, the first blank line
ends the header and the rest is the body.

A line ends at "\\n" only ("\\r\\n" and "\\r" become "\\n" first), as Markdown
reads the body: str.splitlines() would also end a line at a form feed, a
vertical tab or U+2028, which a paste from a word processor brings, and a
field after one would be seen by one reader and not the other. Such
characters, and the other invisible ones that can change what a reader
sees (controls, bidirectional overrides, NUL), are listed with their line
and column: an editor's file may not carry them at all.
"""

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field

KEY_LINE = re.compile(r"^(?P<key>[A-Za-z0-9_-]+):[ \t]*(?P<value>.*)$")
CONTINUATION = re.compile(r"^(?: {4,}|\t)(?P<value>.*)$")
# Invisible characters no editor's text may hold: controls (but tab and
# the line end), the line and paragraph separators, bidirectional marks,
# embeddings, overrides and isolates, a byte-order mark inside the text,
# interlinear annotations, and the characters that show nothing but split
# a word for a check ("98<word joiner>8", "TB<soft hyphen>C", a zero-width
# space, the Hangul fillers). Zero-width joiners stay: emoji use them.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0"
    "\ufff9-\ufffb]"
)
# An editor's text file is at most this big: a page that fits its budget
# is a tenth of it, and every check then runs in bounded time.
MAX_BYTES = 1_000_000


class NotUtf8(ValueError):
    def __init__(self, line):
        super().__init__(f"not UTF-8 text (first bad byte on line {line})")
        self.line = line


class NotReadable(OSError):
    """Not a regular file (a pipe, a device: reading could wait forever),
    or too big to be an editor's text."""

    def __init__(self, what, fix):
        super().__init__(what)
        self.what, self.fix = what, fix


@dataclass
class DataFile:
    path: str
    fields: dict = field(default_factory=dict)  # key -> value
    lines: dict = field(default_factory=dict)  # key -> line number
    body: str = ""
    body_line: int = 1
    stray_lines: list = field(default_factory=list)  # header lines not `Key:`
    repeated: list = field(default_factory=list)  # (key, line, first line)
    invisible: list = field(default_factory=list)  # (line, column, character)


def character_name(char):
    return f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')}"


def regular_file_size(path):
    """The size of a regular file; NotReadable for anything else."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotReadable(
            "this is not a file of text (a pipe, a socket or a device)",
            "delete it: content/ holds pages, pictures and downloads only",
        )
    return info.st_size


def read_text(path):
    """The file's text, its line ends made "\\n"; NotUtf8, NotReadable."""
    size = regular_file_size(path)
    if size > MAX_BYTES:
        raise NotReadable(
            f"the file is {size // 1000} KB",
            f"an editor's text file is at most {MAX_BYTES // 1000} KB: split it into pages",
        )
    try:
        with open(path, "rb") as source:
            raw = source.read(MAX_BYTES + 1)
    except PermissionError:
        raise NotReadable(
            "the file cannot be opened (no permission to read it)",
            "save it again from your editor, or ask for read permission",
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotUtf8(raw[: error.start].count(b"\n") + 1) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def invisible_characters(text):
    """(line, column, character) of each invisible character, 1-based."""
    found = []
    for match in INVISIBLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.append((line, column, match.group()))
    return found


def parse(path, text):
    data = DataFile(path)
    lines = text.split("\n")
    key = None
    for number, line in enumerate(lines, start=1):
        if not line.strip(" \t"):
            data.body_line = number + 1
            break
        match = KEY_LINE.match(line)
        continued = CONTINUATION.match(line)
        if continued and key:
            data.fields[key] += " " + continued["value"].strip()
        elif match:
            key = match["key"].lower().replace("-", "_")
            if key in data.fields:
                data.repeated.append((key, number, data.lines[key]))
                continue
            data.fields[key] = match["value"].strip()
            data.lines[key] = number
        elif number == 1:
            # No header at all: Markdown treats the whole file as body.
            data.body_line = 1
            break
        else:
            data.stray_lines.append(number)
    else:
        data.body_line = len(lines) + 1
    data.body = "\n".join(lines[data.body_line - 1 :])
    data.invisible = invisible_characters(text)
    return data


def read(path):
    return parse(path, read_text(path))
