"""Pelican reads a page exactly as the site's checks do: one reader, one parse.

Pelican's own Markdown reader finds a page's `Key: value` header with
Python-Markdown's `meta` extension, by rules of its own; the checks read it
with plugins/lib/datafile.py. Where the two disagreed, a field could be seen by
one and not the other (a `Template` line after a form feed was obeyed by
Pelican and invisible to the allowlist). This reader replaces Pelican's for
`.md` files:

- the header is the one plugins/lib/datafile.py reads, and only the fields the
  page's schema allows (plugins/lib/fields.py) reach Pelican: a field the
  allowlist refuses is never obeyed, even for a moment;
- the body goes to Markdown without the `meta` extension, so a body that
  starts "Note: ..." stays text;
- time is bounded: a block of text (a paragraph, a list, a table: what
  blank lines separate) longer than `max_block` characters, with more than
  `max_brackets` "[" (links, pictures, facts to confirm) or more than
  `max_tags` "<" is refused before Markdown reads it (Python-Markdown's
  search for a link's closing bracket, and the standard library's HTML
  parser it uses for raw HTML, grow with the square of their input:
  20,000 "[" took a minute; `tools/bench_content.py` measures the rest);
- heading ids never take one of the theme's (`THEME_IDS`: a "## Crisis
  help" heading would have taken the crisis panel's #crisis-help): such a
  heading gets "crisis-help-1";
- a page Markdown cannot read (a list nested 400 deep) is named, with its
  fix, never "Could not process".

Problems go to the build's sink (tools/sitebuild.py) and are logged for the
plain `pelican` command.

Settings, one dict: SOURCE_READER = {"max_block": 6000, "max_brackets": 80, "max_tags": 200}
and the site's THEME_IDS (pelicanconf.py).
"""

import copy
import dataclasses
import html
import logging
import os

import markdown
from markdown.extensions import toc
from pelican import signals
from pelican.readers import MarkdownReader

from ..lib import fields, marks, sources, warm
from ..lib.problems import SINK_KEY, ContentError, Problem, Refused, display_path, settings_of
from . import facts, read_ahead, translations

logger = logging.getLogger("content_checks")
DEFAULTS = {"max_block": 6000, "max_brackets": 80, "max_tags": 200}
META = "markdown.extensions.meta"
# Metadata of the site's own, never an editor's field: a page's facts.
INTERNAL = ("fact_uses", "fact_problems")
TOC = "markdown.extensions.toc"
# Pages read in this process, by everything their reading depends on
# (plugins/lib/warm.py): the preview reads again only what changed.
READ = warm.Memo()


def blocks(body, first_line):
    """(first line, text) of each block of a body: text between blank lines
    (Markdown's blank lines: spaces and tabs at most)."""
    start, current = None, []
    for number, line in enumerate(body.split("\n"), start=first_line):
        if line.strip(" \t"):
            start = start or number
            current.append(line)
        elif current:
            yield start, "\n".join(current)
            start, current = None, []
    if current:
        yield start, "\n".join(current)


def block_problems(data, where, options):
    """Blocks too long, or with too many brackets, to read in bounded time."""
    found = []
    for line, text in blocks(data.body, data.body_line):
        size, brackets, tags = len(text), text.count("["), text.count("<")
        if size > options["max_block"]:
            what = f"this paragraph (or list, or table) is {size:,} characters long"
            fix = f"split it with blank lines: at most {options['max_block']:,} characters each"
        elif brackets > options["max_brackets"]:
            what = f"this paragraph has {brackets} '[' (links, pictures or facts to confirm)"
            fix = f"split it with blank lines: at most {options['max_brackets']} in one paragraph"
        elif tags > options["max_tags"]:
            what = f"this paragraph has {tags} '<' (HTML tags)"
            fix = (
                f"write it in Markdown, or split it: at most {options['max_tags']} in one paragraph"
            )
        else:
            continue
        found.append(Problem(where, line, what, fix))
    line = unclosed_tag(data.body, data.body_line)
    if line:
        what = "an HTML tag that never ends with '>' (or a '<' followed by a letter)"
        fix = "end the tag with '>', or write '&lt;' for a '<' in text"
        found.append(Problem(where, line, what, fix))
    return found


# An HTML tag in a page ends with ">" within this many characters.
TAG_REACH = 400


def unclosed_tag(body, first_line):
    """The line of the first '<tag' with no '>' near after it (before the
    next '<'), or None. The standard library's HTML parser, which Markdown
    uses for raw HTML, looks for that '>' through the whole page, once for
    each such tag: 2,000 of them took seconds, 20,000 minutes."""
    position = 0
    while True:
        start = body.find("<", position)
        if start < 0 or start + 1 >= len(body):
            return None
        position = start + 1
        if not (body[position].isalpha() or body[position] in "/!?"):
            continue  # "5 < 6": text, not a tag
        end = body.find(">", position, position + TAG_REACH)
        following = body.find("<", position, end if end >= 0 else position + TAG_REACH)
        if end < 0 or following >= 0:
            return first_line + body.count("\n", 0, start)


def theme_slugify(reserved):
    """toc's slugify, never giving one of the theme's ids."""

    def slugify(value, separator):
        slug = toc.slugify(value, separator)
        return f"{slug}{separator}1" if slug in reserved else slug

    return slugify


def markdown_config(settings):
    """The site's Markdown settings, without `meta` (the header is ours)."""
    config = dict(settings["MARKDOWN"])
    configs = {name: dict(values) for name, values in config.get("extension_configs", {}).items()}
    reserved = set(settings.get("THEME_IDS", []))
    configs.setdefault(TOC, {})["slugify"] = theme_slugify(reserved)
    config["extension_configs"] = configs
    names = [*config.get("extensions", []), *configs]
    config["extensions"] = [name for name in dict.fromkeys(names) if name != META]
    return config


class SourceReader(MarkdownReader):
    """Pelican's Markdown reader, given the header plugins/lib/datafile.py read."""

    def read(self, source_path):
        """(HTML, metadata) of a page: kept from an earlier build of this
        process when its text, the facts and the settings are the same."""
        if not warm.enabled(self.settings):
            return read_ahead.take(self.settings, source_path) or self.read_again(source_path)
        text = sources.of(self.settings).text(source_path)  # NotUtf8...: content_checks
        key = (os.path.abspath(source_path), text, facts_signature(self.settings))
        key += (warm.settings_signature(self.settings),)
        kept = READ.get(key)
        if kept is None:
            content, metadata = self.read_again(source_path)
            READ.put(key, (content, copy.deepcopy(metadata)))  # Pelican's copy is its own
            return content, metadata
        content, metadata = kept
        return content, copy.deepcopy(metadata)

    def read_again(self, source_path):
        self._source_path = source_path
        options, _ = settings_of(self.settings, "source_reader", DEFAULTS)
        where = display_path(source_path)
        data = sources.of(self.settings).data(source_path)  # NotUtf8, NotReadable: content_checks
        refuse(self.settings, block_problems(data, where, options))
        body, uses, problems = self.with_facts(data, where)
        self._md = self.markdown()
        try:
            content = self._md.convert(body)
        except RecursionError:
            what = "the page is nested too deeply to read (lists or quotes inside each other)"
            fix = "use at most a few levels of lists and quotes"
            refuse(self.settings, [Problem(where, data.body_line, what, fix)])
        content = with_photo(content, data.fields)
        metadata = self.metadata(data)
        # Not an editor's fields: what plugins/reading/to_confirm.py and
        # plugins/reading/translations.py need to know of the page's facts.
        metadata.update(zip(INTERNAL, (uses, problems), strict=True))
        return content, metadata

    def markdown(self):
        """One Markdown per reader, reset between pages: making one (its
        extensions, its patterns) cost more than reading a page."""
        if getattr(self, "_markdown", None) is None:
            self._markdown = markdown.Markdown(**markdown_config(self.settings))
        self._markdown.reset()
        return self._markdown

    def with_facts(self, data, where):
        """The body with the center's answers in place of [[fact: key]]
        (plugins/reading/facts.py), before Markdown reads it; each fact used, and
        each reference that names no fact or is written almost right."""
        known, _ = facts.load(self.settings)
        lang = translations.language_of(self._source_path, self.settings)
        body, used = facts.render(data.body, known, lang)
        uses = [(ref.key, data.body_line + ref.line - 1, answered) for ref, answered in used]
        problems = [
            problem
            for ref in facts.references(data.body)
            if (problem := facts.reference_problem(ref, known, where, data.body_line))
        ]
        for problem in marks.old_marker_problems(data.body, where):
            line = data.body_line + problem.line - 1
            problems.append(Problem(problem.path, line, problem.what, problem.fix))
        for name, value in data.fields.items():
            for ref in facts.references(value):
                what = f"a fact in the '{fields.label(name)}' line: '{ref.text[:40]}'"
                fix = "use facts in the page's text only (search results show this line as written)"
                problems.append(Problem(where, data.lines[name], what, fix))
        return body, uses, problems

    def metadata(self, data):
        """The fields the page's schema allows, as Pelican's reader gives them."""
        allowed = translations.schema_for(self._source_path, self.settings).fields
        output = {}
        for name, value in data.fields.items():
            if name not in allowed:
                continue  # refused by content_checks; never obeyed
            if name in self.settings["FORMATTED_FIELDS"]:
                self._md.reset()
                value = self._md.convert(value)
            output[name] = self.process_metadata(name, value)
        return output


def facts_signature(settings):
    """The facts and their answers, as a key (once per build)."""
    key = "_FACTS_SIGNATURE"
    if key not in settings:
        known, _ = facts.load(settings)
        settings[key] = warm.signature([dataclasses.asdict(known[name]) for name in sorted(known)])
    return settings[key]


def with_photo(content, values):
    """The page's `Photo` placed after its first paragraph (the heading and
    the first words stay on a phone's first screen), as the Markdown
    `![alt](photo)` would write it: the checks, the sanitizer and
    plugins/rendering/images.py (responsive AVIF/WebP/JPEG) then treat it like any
    photo of the text. A photo field that is not valid is not placed; the
    field check names it."""
    photo = values.get("photo", "").strip()
    try:
        fields.parse_photo(photo)
    except Refused:
        return content
    alt = html.escape(values.get("photo_alt", "").strip())
    tag = f'<p><img alt="{alt}" src="{html.escape(photo)}" /></p>'
    end = content.find("</p>")
    if end < 0:
        return tag + "\n" + content
    end += len("</p>")
    return f"{content[:end]}\n{tag}{content[end:]}"


def refuse(settings, problems):
    """Record problems that stop this page from being read, then stop it
    (Pelican goes on with the other pages; the build fails on these)."""
    if not problems:
        return
    settings.get(SINK_KEY, []).extend(problems)
    for problem in problems:
        logger.error("%s", problem, extra={"problem": problem})
    raise ContentError(f"{problems[0].path}: cannot be read")


def use_our_reader(readers):
    readers.reader_classes["md"] = SourceReader


def register():
    # readers_init: before any file is read, the `.md` reader is ours.
    signals.readers_init.connect(use_our_reader)
