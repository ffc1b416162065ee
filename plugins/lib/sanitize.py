"""What HTML content may contain: an allowlist, never a list of bad things.

Every piece of HTML that comes from content (a page body as Markdown
rendered it, a page's summary, a notice's message) is compared with an
allowlist of elements, attributes and URL schemes. Anything the allowlist
would remove is a problem naming the file, the line and the fix; the HTML is
never changed here (checks never change what they check), so a build either
publishes exactly what the editor wrote or stops.

Read as a browser reads it. The HTML is parsed with the HTML5 parsing
algorithm browsers use, in the place the page puts it (a page's text inside
`<main><div>`, a notice's message inside a `<p>`): selectolax's Lexbor
engine, maintained and fast (C). Python's own html.parser disagreed with
browsers (`<!-->` is a whole comment to a browser and an open one to it, so
a `<meta>` after it was invisible to the check and run by the browser).
Content that the browser's parse puts outside its place (a stray `</main>`
or `</div>` closing the page's layout early) is refused.

Why nh3 too: it is the Python binding of ammonia, the Rust sanitizer built
on html5ever (a second implementation of the same algorithm), maintained
and fuzzed; bleach, the usual Python choice, is deprecated. It runs first,
on every fragment, with the same allowlist: whatever it would remove is a
problem even if the walk over Lexbor's tree missed it. The walk names each
problem and its fix.

Lines are found by plain text search in the editor's file (no regular
expression with backtracking: the time stays linear in the file's size).

No settings: the allowlists are the same in every build (preview and
production), so what the preview accepts, production accepts.
"""

import functools
import html
import re
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

import nh3
import publicsuffixlist
from publicsuffixlist import PublicSuffixList
from selectolax.lexbor import LexborHTMLParser

from . import datafile, parsed_cache
from .problems import Problem, Refused

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SCHEMES = ("https", "mailto", "tel")
# Browsers drop tabs and newlines anywhere in a URL, and spaces and control
# characters at its ends, before they read the scheme: so do we.
URL_NOISE = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)


# A link to another website names a public website: a host under a public
# suffix of the Public Suffix List (publicsuffixlist bundles it; no network).
# An allowlist: loopback and private addresses (a link copied from the
# preview, 127.0.0.1:8000 or a --lan address), names that only exist on one
# network (localhost, printer.local, intranet.lan) and reserved names
# (site.example, x.test) are no public website.
@functools.cache
def public_suffixes():
    """The public suffix list, loaded at the first web address (parsing it
    took 50 ms, kept parsed by plugins/lib/parsed_cache.py)."""
    options = {"accept_unknown": False, "only_icann": True}
    key = (publicsuffixlist.__version__, sorted(options.items()))
    return parsed_cache.load("public-suffixes", key, lambda: PublicSuffixList(**options))


# Start and end tags' names, for a stray closing tag's name (linear).
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")


@dataclass(frozen=True)
class Allowlist:
    name: str  # who it is for, in messages: "pages may use: ..."
    attributes: dict  # tag: attributes it may carry
    classes: dict = field(default_factory=dict)  # tag: class names (Markdown's own)
    images: bool = False
    values: dict = field(default_factory=dict)  # tag: {attribute: the values it may have}

    @property
    def tags(self):
        return set(self.attributes)


PAGE = Allowlist(
    "pages",
    {
        "a": {"href", "title"},
        "abbr": {"title"},
        "blockquote": set(),
        "br": set(),
        "code": set(),
        "dd": set(),
        "div": set(),
        "dl": set(),
        "dt": set(),
        "em": set(),
        "hr": set(),
        "img": {"src", "alt", "title"},
        "li": {"id"},  # footnotes
        "ol": {"start"},
        # lang: a paragraph in another language (a tagline in Spanish) is read
        # aloud in that language (WCAG 3.1.2); written `{: lang="es" }`.
        # dir: Arabic and Persian run right to left, `{: lang="ar" dir="rtl" }`,
        # or their full stops land at the wrong end of the line.
        "p": {"lang", "dir"},
        "pre": set(),
        "strong": set(),
        "sup": {"id"},  # footnote references
        "table": set(),
        "tbody": set(),
        "td": set(),
        "th": set(),
        "thead": set(),
        "tr": set(),
        "ul": set(),
        # Headings keep the id the toc extension gives them (#fragments).
        **{heading: {"id"} for heading in HEADINGS},
    },
    # What Markdown's footnotes write; no other class (the theme's classes
    # would let a page dress up as the crisis box or a notice).
    {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}},
    images=True,
    values={"p": {"dir": {"rtl", "ltr", "auto"}}},
)
NOTICE = Allowlist("notices", {"a": {"href", "title"}, "strong": set(), "em": set()})
SUMMARY = Allowlist("summaries", {"p": set(), "a": {"href", "title"}, "strong": set(), "em": set()})


# Where each kind of content sits in a page (theme/templates): the fragment
# is parsed there, as the browser parses the whole page.
# No closing tags of ours after the fragment: the parser closes them at the
# end, and a stray one of the editor's is then the only one.
PLACES = {
    "pages": "<main data-layout><div id=app-content>{}",
    "summaries": "<main data-layout><div id=app-content>{}",
    "notices": "<section data-layout><p id=app-content>{}",
}
SKELETON = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body data-layout>{}'


@dataclass
class Parsed:
    """A fragment as a browser's parser builds it, in its place."""

    found: list  # (tag, [(name, value)]) of each element
    escaped: bool  # content the parser put outside its place
    paragraphs: list  # the text of each <p>
    links: list = field(default_factory=list)  # (href, text, image alt) of each <a>
    prose: str = ""  # the fragment's own words: its text outside links


def parse(markup, allowlist):
    """Every element of a fragment, with its attributes (entities decoded),
    wherever the parse put it, and whether some of it left its place."""
    place = PLACES.get(allowlist.name, PLACES["pages"])
    tree = LexborHTMLParser(SKELETON.format(place.format(markup or "")))
    container = tree.css_first("#app-content")
    mine = {node.mem_id for node in container.traverse(include_text=True)}
    found, escaped = [], False
    for node in tree.body.traverse(include_text=True):
        if node.mem_id == container.mem_id or node.is_empty_text_node:
            continue
        outside = node.mem_id not in mine
        if node.is_element_node and "data-layout" in node.attributes:
            continue  # the page's own layout around the content
        escaped = escaped or (
            outside and (node.is_element_node or bool((node.text_content or "").strip()))
        )
        if node.is_element_node:
            found.append((node.tag, list(node.attributes.items())))
    paragraphs = [node.text() for node in container.css("p")]
    links = [
        (
            node.attributes.get("href") or "",
            node.text(),
            " ".join(image.attributes.get("alt") or "" for image in node.css("img")),
        )
        for node in container.css("a")
    ]
    found = [(tag, [(n, v or "") for n, v in attrs]) for tag, attrs in found]
    # A link's words are often someone else's (a cited title, an agency's
    # name): the page's own words are the rest.
    for node in container.css("a"):
        node.decompose()
    prose = container.text(separator=" ")
    return Parsed(found, escaped, paragraphs, links, prose)


# --- URLs ------------------------------------------------------------------------


def normal_url(value, siteurl=""):
    """The URL as a browser reads it: no tabs or newlines, ends trimmed,
    backslashes as slashes, and our own absolute address made relative."""
    url = URL_NOISE.sub("", value).strip("".join(map(chr, range(33))))
    url = url.replace("\\", "/")
    if siteurl and url.lower().startswith(siteurl.lower().rstrip("/") + "/"):
        url = url[len(siteurl.rstrip("/")) :]
    return url


def host_of(url):
    try:
        return urllib.parse.urlsplit(url).hostname
    except ValueError:  # e.g. an unclosed [IPv6 address
        return None


def public_host(host):
    """True when a link's host is a public website's name."""
    try:
        name = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return public_suffixes().privatesuffix(name.lower().rstrip(".")) is not None


def local_fix(url, page_files):
    """How to link to the site itself: with {filename}, naming the page's
    file when the address is one of the site's pages."""
    try:
        path = urllib.parse.urlsplit(url).path.lstrip("/")
    except ValueError:
        path = None
    if path in (page_files or {}):
        return f"to link to that page of this site, write ({{filename}}/pages/{page_files[path]})"
    return (
        "to link to a page of this site, write ({filename}/pages/path/to/page.md); "
        "to another website, use its public https:// address"
    )


def check_url(value, tag, siteurl="", page_files=None):
    """Refused when a link or image address is not one a page may use.

    `page_files` ({address: file under content/pages/}) lets the fix name
    the file of a page linked by a copied preview address."""
    url = normal_url(value, siteurl)
    if url.startswith(("{filename}", "{static}", "{attach}")):
        return  # Pelican's own links; a missing file is reported elsewhere
    scheme = SCHEME.match(url)
    external = url.startswith("//") or scheme
    if tag == "img" and external:
        raise Refused(
            f"image from another website '{value[:60]}'",
            "put the picture in content/images/ and use {static}/images/file.jpg",
        )
    web = url.startswith("//") or (scheme and scheme[1].lower() in ("http", "https"))
    host = host_of(url) if web else None
    if web and not (host and public_host(host)):
        raise Refused(
            f"link to '{(host or url)[:60]}', which is no public website (a preview, "
            "this computer or a private network)",
            local_fix(url, page_files),
        )
    if url.startswith("//") or (scheme and scheme[1].lower() == "http"):
        raise Refused(f"insecure link '{value[:60]}'", "use https://")
    if scheme and scheme[1].lower() not in SCHEMES:
        raise Refused(
            f"unsafe link '{url[:40]}'",
            "link to a page of the site, or to an https://, mailto: or tel: address",
        )


# --- One element against the allowlist -------------------------------------------


def tag_problem(tag, allowlist, kind):
    return Refused(
        f"<{tag}> in {kind}",
        f"remove it; {allowlist.name} may use: {', '.join(sorted(allowlist.tags))}",
    )


def attribute_problem(tag, name, value, allowlist):
    """Refused for one attribute the allowlist does not have, or None."""
    allowed = allowlist.attributes[tag]
    if name == "style" and tag in ("td", "th") and "text-align" in value:
        return Refused(
            'column alignment in a table (style="text-align...")',
            "remove the colons from the table's divider line: |---|---| not |:--|--:|",
        )
    if name == "class" and tag in allowlist.classes:
        extra = set(value.split()) - allowlist.classes[tag]
        if not extra:
            return None
        return Refused(f"class '{' '.join(sorted(extra))}' on <{tag}>", "remove the class")
    choices = allowlist.values.get(tag, {}).get(name)
    if name in allowed and choices and value not in choices:
        return Refused(
            f'{name}="{value}" on <{tag}>', f"write {name}= as one of: {', '.join(sorted(choices))}"
        )
    if name in allowed:
        return None
    may = ", ".join(sorted(allowed)) or "no attributes"
    if name.startswith("on"):
        return Refused(f"inline event handler '{name}'", f"remove it; <{tag}> may have: {may}")
    return Refused(f"'{name}' attribute on <{tag}>", f"remove it; <{tag}> may have: {may}")


def element_problems(tag, attrs, allowlist, kind, siteurl, page_files=None):
    """[(Refused, texts to find its line by, best first, (tag, attribute))]
    for one element; the attribute is "" for the element itself."""
    if tag not in allowlist.attributes:
        return [(tag_problem(tag, allowlist, kind), [f"<{tag}"], (tag, ""))]
    found = []
    for name, value in attrs:
        where = [f"{name}=", f"{name} ="]
        refused = attribute_problem(tag, name, value, allowlist)
        if refused:
            found.append((refused, where, (tag, name)))
            continue
        if name in ("href", "src"):
            try:
                check_url(value, tag, siteurl, page_files)
            except Refused as url_refused:
                found.append((url_refused, [value, *where], (tag, name)))
    return found


def escape_problem(markup):
    """Content the browser's parse put outside its place: a closing tag
    with no opening tag in the content closed the page's layout."""
    opened, closed = Counter(), Counter()
    stray = None
    for match in TAG_NAME.finditer(markup or ""):
        name = match[2].lower()
        if match[1]:
            closed[name] += 1
            if closed[name] > opened[name] and stray is None:
                stray = name
        else:
            opened[name] += 1
    what = f"a closing </{stray}> with no opening tag" if stray else "a stray closing tag"
    refused = Refused(
        f"{what}: it ends the page's layout early, and what follows falls out of it",
        "remove it",
    )
    return refused, [f"</{stray}" if stray else "</"]


# --- nh3, the sanitizer: what it would remove ---------------------------------------


def nh3_clean(markup, allowlist):
    # An attribute allowed by value is given to nh3 only that way (nh3 takes
    # one or the other).
    attributes = {
        tag: (set(names) - set(allowlist.values.get(tag, {})))
        | ({"class"} if tag in allowlist.classes else set())
        for tag, names in allowlist.attributes.items()
    }
    return nh3.clean(
        markup,
        tags=allowlist.tags,
        attributes=attributes,
        tag_attribute_values=allowlist.values or None,
        url_schemes=set(SCHEMES),
        link_rel=None,
        strip_comments=False,
    )


def census(elements):
    """How many of each element, and of each attribute, a fragment has."""
    counts = Counter()
    for tag, attrs in elements:
        counts[(tag, "")] += 1
        counts.update((tag, name) for name, _ in attrs)
    return counts


def removed_by_nh3(markup, allowlist, parsed, siteurl):
    """[(Refused, texts, (tag, attribute))] for what ammonia would remove."""
    # Links to the site itself are internal whatever SITEURL's scheme
    # (tests serve production builds from http://127.0.0.1:PORT).
    local = markup.replace(f'="{siteurl}/', '="/') if siteurl else markup
    kept = census(parse(nh3_clean(local, allowlist), allowlist).found)
    lost = census(parsed.found) - kept
    return [
        (
            Refused(
                f"<{tag}{' ' + name if name else ''}> would be removed by the sanitizer",
                f"remove it; {allowlist.name} may use: {', '.join(sorted(allowlist.tags))}",
            ),
            [f"{name}=" if name else f"<{tag}"],
            (tag, name),
        )
        for tag, name in sorted(lost)
    ]


# --- A whole fragment -----------------------------------------------------------


@functools.lru_cache(maxsize=8)
def lowered(source):
    """The source in lower case, once per source (a page with thousands of
    refused elements asked for it thousands of times)."""
    return source.lower()


def line_of(source, needles, default):
    """The first line of the source holding the first needle found (plain
    text, any case: linear in the source's size)."""
    lowered_source = lowered(source)
    for needle in needles:
        index = lowered_source.find(needle.lower()) if needle else -1
        if index >= 0:
            return source.count("\n", 0, index) + 1
    return default


def divider_line(source, default):
    """A table's divider line with a colon in it (|:--|--:|)."""
    for number, text in enumerate(source.split("\n"), start=1):
        if ":" in text and "-" in text and not text.strip(" \t|:-"):
            return number
    return default


def locate(refused, needles, source, default):
    if refused.what.startswith("column alignment"):
        return divider_line(source, default)
    return line_of(source, needles, default)


# A character reference (&#x202E;, &#0;, &shy;): what it stands for is what
# a browser shows, so it is held to the same rule as the character itself.
REFERENCE = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?")


# A markup declaration (<!DOCTYPE html>, <![CDATA[...]]>) or a processing
# instruction (<?xml ...?>): no element, so no census counts it, yet it is
# not text either (a browser drops it or makes it a comment, the validator
# calls it stray). A comment (<!--) is allowed.
DECLARATION = re.compile(r"<(?:!(?!--)|\?)")


def declarations(markup):
    """[(Refused, needles)] for each declaration or instruction in a fragment,
    found at its own line (by its text as written)."""
    found = []
    for match in DECLARATION.finditer(markup or ""):
        end = markup.find(">", match.start(), match.start() + 80)
        text = markup[match.start() : end + 1 if end >= 0 else match.start() + 20]
        what = f"'{text[:40]}' is no part of a page's text"
        found.append((Refused(what, "delete it: a page holds words and tags only"), [text]))
    return found


def invisible_references(markup):
    """[(Refused, needles)] for each character reference to an invisible
    character (plugins/lib/datafile.py's list) or to NUL."""
    found = []
    for match in REFERENCE.finditer(markup or ""):
        text = match[0]
        number = match[1][1:].lower()
        code = (
            int(number[1:], 16)
            if number.startswith("x")
            else int(number)
            if number.isdigit()
            else None
        )
        char = html.unescape(text if text.endswith(";") else text + ";")
        if code == 0 or (len(char) == 1 and datafile.INVISIBLE.fullmatch(char)):
            what = f"an invisible character written as '{text}'"
            found.append((Refused(what, "delete it: it would change what the words show"), [text]))
    return found


def check(
    markup,
    allowlist,
    where,
    source,
    default_line,
    siteurl="",
    kind="a page",
    page_files=None,
    parsed=None,
):
    """One `Problem` for each thing in `markup` the allowlist would remove.

    `source` is the editor's file, to find the line each problem is on;
    `parsed`: the markup's parse(), when the caller has it already.
    """
    parsed = parsed or parse(markup, allowlist)
    removed = removed_by_nh3(markup, allowlist, parsed, siteurl)
    found = [escape_problem(markup)] if parsed.escaped else []
    found += invisible_references(markup)
    found += declarations(markup)
    covered = set()
    for tag, attrs in parsed.found:
        for refused, needles, key in element_problems(
            tag, attrs, allowlist, kind, siteurl, page_files
        ):
            found.append((refused, needles))
            covered.add(key)
    if found[1:] and parsed.escaped:
        found = found[1:]  # the refused element is what left its place
    # The walk names each problem and its fix; what nh3 would remove beyond
    # it is a problem too (a parser trick never passes both).
    for refused, needles, (tag, name) in removed:
        if (tag, name) not in covered and (tag, "") not in covered and not parsed.escaped:
            found.append((refused, needles))
    problems = {
        Problem(where, locate(refused, needles, source, default_line), refused.what, refused.fix)
        for refused, needles in found
    }
    return sorted(problems)
