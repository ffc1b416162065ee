"""What HTML content may contain: an allowlist, never a list of bad things.

Every piece of HTML that comes from content (a page body as Markdown
rendered it, a page's summary, a notice's message) is compared with an
allowlist of elements, attributes and URL schemes. Anything the allowlist
would remove is a problem naming the file, the line and the fix; the HTML is
never changed here (checks never change what they check), so a build either
publishes exactly what the editor wrote or stops.

Why nh3: it is the Python binding of ammonia, the Rust sanitizer built on
html5ever (the HTML5 parsing algorithm browsers use), maintained and fuzzed;
bleach, the usual Python choice, is deprecated. Our own walk over the HTML
(the standard library's parser, entities decoded) names each problem and its
fix; nh3, given the same allowlist, is the backstop: whatever it would drop
that the walk let through is reported too, so a parser trick cannot pass.

No settings: the allowlists are the same in every build (preview and
production), so what the preview accepts, production accepts.
"""

import re
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3
from publicsuffixlist import PublicSuffixList

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
PUBLIC_SUFFIXES = PublicSuffixList(accept_unknown=False, only_icann=True)
ALIGNED_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Allowlist:
    name: str  # who it is for, in messages: "pages may use: ..."
    attributes: dict  # tag: attributes it may carry
    classes: dict = field(default_factory=dict)  # tag: class names (Markdown's own)
    images: bool = False

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
        "p": {"lang"},
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
)
NOTICE = Allowlist("notices", {"a": {"href", "title"}, "strong": set(), "em": set()})
SUMMARY = Allowlist("summaries", {"p": set(), "a": {"href", "title"}, "strong": set(), "em": set()})


class Elements(HTMLParser):
    """Every start tag of a fragment with its attributes, entities decoded."""

    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.odd = []  # <!DOCTYPE ...>, <?...>: nothing content should hold
        self.feed(markup or "")
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, [(name, value or "") for name, value in attrs]))

    def handle_decl(self, decl):
        self.odd.append("<!" + decl.split()[0] if decl.split() else "<!")

    def handle_pi(self, data):
        self.odd.append("<?" + data[:20])

    def unknown_decl(self, data):
        self.odd.append("<![" + data[:20])


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
    return PUBLIC_SUFFIXES.privatesuffix(name.lower().rstrip(".")) is not None


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
    if name in allowed:
        return None
    may = ", ".join(sorted(allowed)) or "no attributes"
    if name.startswith("on"):
        return Refused(f"inline event handler '{name}'", f"remove it; <{tag}> may have: {may}")
    return Refused(f"'{name}' attribute on <{tag}>", f"remove it; <{tag}> may have: {may}")


def element_problems(tag, attrs, allowlist, kind, siteurl, page_files=None):
    """[(Refused, patterns to find its line, best first)] for one element."""
    if tag not in allowlist.attributes:
        return [(tag_problem(tag, allowlist, kind), [rf"<{tag}\b"])]
    found = []
    for name, value in attrs:
        where = [rf"<{tag}\b[^>]*\b{re.escape(name)}\s*=", rf"\b{re.escape(name)}\s*="]
        refused = attribute_problem(tag, name, value, allowlist)
        if refused:
            found.append((refused, where))
            continue
        if name in ("href", "src"):
            try:
                check_url(value, tag, siteurl, page_files)
            except Refused as url_refused:
                found.append((url_refused, [re.escape(value), *where]))
    return found


# --- The backstop: what nh3 would remove ------------------------------------------


def nh3_clean(markup, allowlist):
    attributes = {
        tag: set(names) | ({"class"} if tag in allowlist.classes else set())
        for tag, names in allowlist.attributes.items()
    }
    return nh3.clean(
        markup,
        tags=allowlist.tags,
        attributes=attributes,
        url_schemes=set(SCHEMES),
        link_rel=None,
        strip_comments=False,
    )


def census(elements):
    """How many of each element, and of each attribute, a fragment has."""
    counts = Counter()
    for tag, attrs in elements.found:
        counts[(tag, "")] += 1
        counts.update((tag, name) for name, _ in attrs)
    return counts


def dropped_by_nh3(markup, allowlist, elements):
    """What ammonia would remove that the walk above let through."""
    kept = census(Elements(nh3_clean(markup, allowlist)))
    lost = census(elements) - kept
    return [
        (
            Refused(
                f"<{tag}{' ' + name if name else ''}> would be removed by the sanitizer",
                f"remove it; {allowlist.name} may use: {', '.join(sorted(allowlist.tags))}",
            ),
            [rf"\b{re.escape(name)}\s*=" if name else rf"<{tag}\b"],
        )
        for tag, name in sorted(lost)
    ]


# --- A whole fragment -----------------------------------------------------------


def line_of(source, patterns, default):
    """The first line of the source matching the first pattern that matches."""
    for pattern in patterns:
        match = re.search(pattern, source, re.I)
        if match:
            return source.count("\n", 0, match.start()) + 1
    return default


def divider_line(source, default):
    for number, text in enumerate(source.splitlines(), start=1):
        if ":" in text and "-" in text and ALIGNED_DIVIDER.match(text):
            return number
    return default


def locate(refused, patterns, source, default):
    if refused.what.startswith("column alignment"):
        return divider_line(source, default)
    return line_of(source, patterns, default)


def check(
    markup, allowlist, where, source, default_line, siteurl="", kind="a page", page_files=None
):
    """One `Problem` for each thing in `markup` the allowlist would remove.

    `source` is the editor's file, to find the line each problem is on.
    """
    elements = Elements(markup)
    found = [(Refused(f"{odd} in {kind}", "remove it"), odd) for odd in elements.odd]
    for tag, attrs in elements.found:
        found += element_problems(tag, attrs, allowlist, kind, siteurl, page_files)
    if not found:
        # Links to the site itself are internal whatever SITEURL's scheme
        # (tests serve production builds from http://127.0.0.1:PORT).
        local = (
            re.sub(rf'(href|src)="{re.escape(siteurl)}/', r'\1="/', markup) if siteurl else markup
        )
        found = dropped_by_nh3(local, allowlist, Elements(local))
    problems = {
        Problem(where, locate(refused, patterns, source, default_line), refused.what, refused.fix)
        for refused, patterns in found
    }
    return sorted(problems)
