"""Pelican reads a page's header as the checks do (plugins/reading/source_reader.py):
a field the allowlist cannot see is never obeyed, whatever characters a
paste from a word processor brings; and every page reads in bounded time."""

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from plugins.lib import datafile, fields
from plugins.reading import source_reader
from support import FIXTURE_SITE, ROOT, build_site

# Every character str.splitlines() ends a line at, and the \r forms.
LINE_BREAKS = [
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",
    "\u2028",
    "\u2029",
]
# Fields that steer Pelican: obeyed, each would move, re-template or hide a page.
SMUGGLED = {
    "Template": "simple",
    "Url": "//evil.example/",
    "Save_as": ".evil.html",
    "Section": "about-iop",
    "Status": "hidden",
    "Slug": "elsewhere",
}
HEAD = "Title: Smuggling\nSummary: A page.\nReviewed: 2026-11-26"
BODY = "\n\nSome words for a family.\n"


def reader(content):
    return source_reader.SourceReader(
        read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    )


def page(tmp_path, text):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    path = content / "pages" / "smuggling.md"
    path.write_text(text, encoding="utf-8", newline="")
    return content, path


SHAPES = ["{head}{brk}{field}", "{head}{brk}\n{field}", "{head}\n{brk}\n{field}"]


@pytest.mark.parametrize("brk", LINE_BREAKS, ids=[f"U+{ord(c[-1]):04X}" for c in LINE_BREAKS])
@pytest.mark.parametrize("field", sorted(SMUGGLED))
@pytest.mark.parametrize("shape", SHAPES)
def test_no_line_break_smuggles_a_field_past_the_allowlist(tmp_path, brk, field, shape):
    """Pelican gets no field the page's schema does not allow, and none that
    the checks' one reading does not see."""
    text = shape.format(head=HEAD, brk=brk, field=f"{field}: {SMUGGLED[field]}") + BODY
    content, path = page(tmp_path, text)
    _, metadata = reader(content).read(str(path))
    metadata = {k: v for k, v in metadata.items() if k not in source_reader.INTERNAL}
    assert set(metadata) <= set(fields.PAGE_FIELDS), metadata
    seen = datafile.read(path).fields
    # A field is obeyed only if the checks read it too (allowed fields, such
    # as Section, are then checked like any other line).
    assert all(name in seen for name in metadata)
    assert field.lower() not in metadata or field.lower() in fields.PAGE_FIELDS


@pytest.mark.parametrize("brk", LINE_BREAKS[3:], ids=[f"U+{ord(c):04X}" for c in LINE_BREAKS[3:]])
def test_a_build_names_every_line_break_a_paste_brings(tmp_path, brk):
    """The whole build: the character is named with its line, and nothing
    the smuggled fields asked for is written."""
    smuggled = "\n".join(f"{field}: {value}" for field, value in SMUGGLED.items())
    content, _ = page(tmp_path, f"{HEAD}{brk}\n{smuggled}{BODY}")
    result = build_site(tmp_path / "output", PATH=content)
    assert any("smuggling.md:3: an invisible character (U+" in line for line in result.errors), (
        result.errors
    )
    assert not (tmp_path / "output").exists()


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(
        st.tuples(
            st.sampled_from(
                ["Title", "Summary", "Reviewed", "Template", "Url", "Section", "Nav-order", "x"]
            ),
            st.text(alphabet=st.sampled_from("ab :-\t\x0b\x0c\u2028\x85\r\n"), max_size=8),
        ),
        max_size=6,
    ),
    tail=st.text(alphabet=st.sampled_from("ab:\n\x0b\u2028 "), max_size=10),
)
def test_pelican_obeys_exactly_the_fields_the_checks_read(tmp_path_factory, lines, tail):
    """Property: whatever the header, the fields Pelican gets are the
    allowed fields of the one reading the checks make, with their values."""
    text = "\n".join(f"{key}: {value}" for key, value in lines) + tail + BODY
    content, path = page(tmp_path_factory.mktemp("p"), text)
    data = datafile.parse(str(path), datafile.read_text(path))
    try:
        _, metadata = reader(content).read(str(path))
    except source_reader.ContentError:
        return  # refused before Markdown: nothing obeyed
    metadata = {k: v for k, v in metadata.items() if k not in source_reader.INTERNAL}
    allowed = {name for name in data.fields if name in fields.PAGE_FIELDS}
    assert set(metadata) == allowed
    assert all(metadata[name] == data.fields[name] for name in allowed if name != "summary")


def test_a_body_starting_like_a_field_stays_text(tmp_path):
    """Without Markdown's meta extension, "Note: ..." after the blank line is text."""
    content, path = page(tmp_path, HEAD + "\n\nTemplate: simple\n\nWords.\n")
    html, metadata = reader(content).read(str(path))
    assert "template" not in metadata and "<p>Template: simple</p>" in html


@pytest.mark.parametrize(
    "body, what",
    [
        pytest.param("[" * 20_000, "characters long", id="long-unbalanced-brackets"),
        pytest.param("[a](" * 100 + "x" * 100, "100 '['", id="many-open-links"),
        pytest.param(
            "*" * 2500 + "a" + "*" * 2500,
            "the page is nested too deeply",
            id="deep-emphasis",
        ),
    ],
)
def test_a_page_that_would_take_minutes_is_refused_in_a_moment(tmp_path, body, what):
    """A block too long, or with too many brackets, is refused before
    Markdown sees it; one Markdown cannot read (nested too deep) is named,
    never a traceback or "Could not process"."""
    content, _ = page(tmp_path, HEAD + "\n\n" + body + "\n")
    result = build_site(tmp_path / "output", PATH=content)
    assert not result.ok
    assert any("smuggling.md:5: " in line and what in line for line in result.errors), result.errors
    assert not any(
        "Could not process" in line or "bug in the site" in line for line in result.lines
    )


def test_a_heading_never_takes_the_theme_s_ids(tmp_path):
    """'## Crisis help' would have taken #crisis-help, the crisis panel's."""
    content, path = page(tmp_path, HEAD + "\n\n## Crisis help\n\nCall 988.\n\n## Contact\n\nUs.\n")
    html, _ = reader(content).read(str(path))
    assert 'id="crisis-help-1"' in html and 'id="contact-1"' in html
    assert 'id="crisis-help"' not in html and 'id="contact"' not in html
