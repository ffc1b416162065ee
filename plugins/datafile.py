"""Read an editor's file of `Key: value` lines, keeping each key's line number.

Pages, notices and the center's details all start with `Key: value` lines,
the format of Markdown's `meta` extension that Pelican reads. That extension
drops line numbers, and an editor's error message needs them, so this small
reader follows the same rules and keeps them: keys are case-insensitive,
an indented line continues the value above, the first blank line ends the
header and the rest is the body.
"""

import re
from dataclasses import dataclass, field

KEY_LINE = re.compile(r"^(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
CONTINUATION = re.compile(r"^(?: {4,}|\t)(?P<value>.*)$")


class NotUtf8(ValueError):
    def __init__(self, line):
        super().__init__(f"not UTF-8 text (first bad byte on line {line})")
        self.line = line


@dataclass
class DataFile:
    path: str
    fields: dict = field(default_factory=dict)  # key -> value
    lines: dict = field(default_factory=dict)  # key -> line number
    body: str = ""
    body_line: int = 1
    stray_lines: list = field(default_factory=list)  # header lines not `Key:`
    repeated: list = field(default_factory=list)  # (key, line, first line)


def read_text(path):
    with open(path, "rb") as source:
        raw = source.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotUtf8(raw[: error.start].count(b"\n") + 1) from None


def parse(path, text):
    data = DataFile(path)
    lines = text.splitlines()
    key = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
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
    return data


def read(path):
    return parse(path, read_text(path))
