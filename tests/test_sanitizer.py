"""HTML from content is held to an allowlist: whatever a browser would run,
load from elsewhere or send elsewhere is refused, however it is spelled."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.lib import sanitize
from support import build_site

HOSTILE_LINKS = [
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java&#10;script:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" &#1;javascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="http://elsewhere.org/">x</a>',
    '<a href="//elsewhere.org/">x</a>',
    '<a href="/\\elsewhere.example/">x</a>',
    '<img src="https://tracker.example/p.gif" alt="x">',
    '<img src="//tracker.example/p.gif" alt="x">',
]
HOSTILE_MARKUP = [
    '<meta http-equiv="refresh" content="2;url=https://elsewhere.example/">',
    '<a referrerpolicy="unsafe-url" href="https://elsewhere.example/">x</a>',
    "<base href='https://elsewhere.example/'>",
    '<link rel="stylesheet" href="https://elsewhere.example/x.css">',
    "<style>body{display:none}</style>",
    '<p style="color:red">x</p>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mi>x</mi></math>",
    '<form action="https://elsewhere.example/"><input name="q"></form>',
    '<iframe src="https://elsewhere.example/"></iframe>',
    '<object data="x.swf"></object>',
    "<script>alert(1)</script>",
    '<img src="/images/x.png" alt="x" onerror="alert(1)">',
    '<a href="/" target="_blank">x</a>',
    '<p class="app-notice">x</p>',
    '<a href="/" lang="es">x</a>',
]
SAFE = [
    '<p>Call <a href="tel:+16195550142">619-555-0142</a> or '
    '<a href="mailto:care@example.org">write</a>.</p>',
    '<p><a href="https://988lifeline.org" title="988">988</a></p>',
    '<h2 id="signs-that-an-iop-may-suit-you">Signs</h2>',
    '<p><a href="/intensive-outpatient/#who">Who</a> <a href="#top">top</a></p>',
    '<p><img src="/images/center.jpg" alt="The center"></p>',
    "<table><thead><tr><th>Day</th></tr></thead><tbody><tr><td>Mo</td></tr></tbody></table>",
    '<p>x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
    '<div class="footnote"><hr><ol><li id="fn:1"><p>note '
    '<a class="footnote-backref" href="#fnref:1" title="Back">&#8617;</a></p></li></ol></div>',
    "<p><abbr title='Intensive Outpatient Program'>IOP</abbr></p>",
    "<!-- an editor's note -->",
    '<p lang="es">ATENCIÓN: si habla español, le ayudamos gratis.</p>',  # WCAG 3.1.2
]


def problems_of(markup, allowlist=sanitize.PAGE):
    return sanitize.check(markup, allowlist, "content/pages/x.md", markup, 1)


@pytest.mark.parametrize("markup", HOSTILE_LINKS + HOSTILE_MARKUP)
def test_hostile_html_is_refused_however_it_is_spelled(markup):
    """Entities, tabs, case and stray characters do not hide a scheme or a tag."""
    found = problems_of(markup)
    assert found, markup
    assert all(problem.what and problem.fix for problem in found)


@pytest.mark.parametrize("markup", SAFE)
def test_what_markdown_writes_for_editors_is_accepted(markup):
    """Links, headings with ids, images of the site, tables, footnotes, abbreviations."""
    assert problems_of(markup) == []


def test_the_site_address_counts_as_the_site():
    """Production links carry SITEURL: images from it are the site's own."""
    markup = '<img src="https://iop.example/images/x.png" alt="x">'
    assert sanitize.check(markup, sanitize.PAGE, "p.md", markup, 1, "https://iop.example") == []


def test_http_and_host_relative_links_are_told_to_use_https():
    """The fix says exactly what to write instead."""
    for markup in HOSTILE_LINKS[8:10]:
        assert [p.fix for p in problems_of(markup)] == ["use https://"]


def test_a_refused_element_names_what_pages_may_use():
    """The fix lists the allowlist, so the editor knows what to write instead."""
    (problem,) = problems_of("<marquee>x</marquee>")
    assert problem.what == "<marquee> in a page"
    assert problem.fix.startswith("remove it; pages may use: a, abbr,")


def test_a_paragraph_may_run_right_to_left_and_nothing_else():
    """Arabic and Persian taglines say dir="rtl"; any other value is refused
    with the values it may have, by our check and by nh3 alike."""
    assert problems_of('<p lang="ar" dir="rtl">x</p>') == []
    (problem,) = problems_of('<p dir="javascript">x</p>')
    assert problem.what == 'dir="javascript" on <p>'
    assert problem.fix == "write dir= as one of: auto, ltr, rtl"
    assert 'dir="rtl"' in sanitize.nh3_clean('<p dir="rtl">x</p>', sanitize.PAGE)
    assert "dir" not in sanitize.nh3_clean('<p dir="up">x</p>', sanitize.PAGE)


def test_notices_allow_only_links_and_emphasis():
    """A banner on every page is one short line: a, strong and em."""
    assert problems_of('<a href="/x/">x</a> <strong>y</strong> <em>z</em>', sanitize.NOTICE) == []
    (problem,) = problems_of("<h2>Big</h2>", sanitize.NOTICE)
    assert problem.fix == "remove it; notices may use: a, em, strong"


def test_the_problem_is_on_the_line_that_has_it():
    """Lines are counted in the editor's file, not in the HTML."""
    source = "Title: T\n\nSome words.\n\nMore words <b onclick='x'>here</b>.\n"
    found = sanitize.check(
        "<p>More words <b onclick='x'>here</b>.</p>", sanitize.PAGE, "p", source, 3
    )
    assert {problem.line for problem in found} == {5}


@pytest.mark.parametrize(
    "declaration", ["<!DOCTYPE html>", "<![CDATA[x]]>", '<?xml version="1.0"?>']
)
def test_a_declaration_is_refused_at_its_own_line(declaration):
    """No element, so no count of elements sees it; found by its own text,
    not at the first tag of the page (an <em> on line 5 once took it)."""
    source = (
        "Title: T\n\nSome words.\n\nA line with <em>emphasis</em>.\n\nMore.\n\n"
        f"{declaration}\n\nEnd.\n"
    )
    markup = (
        f"<p>Some words.</p>\n<p>A line with <em>emphasis</em>.</p>\n<p>More.</p>\n{declaration}"
    )
    found = sanitize.check(markup, sanitize.PAGE, "p", source, 3)
    assert [(problem.line, problem.fix) for problem in found] == [
        (9, "delete it: a page holds words and tags only")
    ]


TAGS = st.sampled_from(
    ["a", "p", "img", "script", "svg", "h2", "td", "div", "em", "meta", "iframe", "math", "x-y"]
)
ATTRIBUTES = st.sampled_from(["href", "src", "id", "style", "onclick", "class", "alt", "title"])
URLS = st.sampled_from(
    ["/x/", "#a", "https://e.example", "http://e.example", "javascript:x", "java\tscript:x"]
) | st.text(max_size=20)
ENCODINGS = st.sampled_from([lambda v: v, lambda v: "".join(f"&#{ord(c)};" for c in v)])


@st.composite
def fragments(draw):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        tag = draw(TAGS)
        encode = draw(ENCODINGS)
        attrs = " ".join(
            f'{name}="{encode(draw(URLS)).replace(chr(34), "&quot;")}"'
            for name in draw(st.lists(ATTRIBUTES, max_size=3, unique=True))
        )
        parts.append(f"<{tag} {attrs}>{draw(st.text(max_size=10))}</{tag}>")
    return draw(st.sampled_from(["", "<", "&", "<!--"])).join(parts)


@settings(max_examples=200, deadline=None)
@given(markup=fragments())
def test_what_passes_is_what_ammonia_keeps(markup):
    """Property: the check never crashes, and HTML it accepts loses nothing
    to nh3 with the same allowlist, and holds no script or foreign scheme."""
    found = problems_of(markup)
    if found:
        return
    elements = sanitize.parse(markup, sanitize.PAGE).found
    kept = sanitize.parse(sanitize.nh3_clean(markup, sanitize.PAGE), sanitize.PAGE).found
    assert sanitize.census(elements) - sanitize.census(kept) == {}
    for _, attrs in elements:
        for name, value in attrs:
            assert not name.startswith("on") and name != "style"
            if name in ("href", "src"):
                url = sanitize.normal_url(value).lower()
                assert not url.startswith(("javascript", "data:", "vbscript", "http:", "//"))


def test_preview_and_production_refuse_the_same_html(content_copy, tmp_path, build_day):
    """The allowlists have no setting: the preview is as strict as production."""
    (content_copy / "pages" / "preview.md").write_text(
        "Title: Preview\nSummary: A page.\nReviewed: 2026-11-26\n\n"
        '<a href="java&#x09;script:alert(1)">Read more</a>\n'
    )
    for name in ("pelicanconf.py", "publishconf.py"):
        result = build_site(tmp_path / name, name, today=build_day, PATH=content_copy)
        assert any("preview.md:5: unsafe link 'javascript:alert(1)'" in e for e in result.errors)


@pytest.mark.parametrize(
    "href",
    [
        "https://127.0.0.1:8000/about/",
        "https://localhost/",
        "https://[::1]/",
        "https://10.0.0.7/",
        "https://192.168.1.20:8000/",
        "https://169.254.169.254/latest/",
        "https://printer.local/",
        "https://wiki.internal/",
        "https://files.office.lan/",
        "https://site.example/",
        "https://x.test/",
        "https://co.uk/",
        "https://[::1/",
        "https://0x7f.1/",
        "https://2130706433/",
    ],
)
def test_a_link_must_name_a_public_website(href):
    """An allowlist of hosts, the Public Suffix List: loopback, private and
    reserved addresses are refused, with the {filename} form as the fix."""
    (problem,) = problems_of(f'<a href="{href}">x</a>')
    assert "which is no public website" in problem.what
    assert "{filename}" in problem.fix


@pytest.mark.parametrize(
    "href", ["https://988lifeline.org/", "https://www.samhsa.gov/x", "https://español.es/"]
)
def test_a_link_to_a_public_website_passes(href):
    assert problems_of(f'<a href="{href}">x</a>') == []
