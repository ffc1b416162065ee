"""Property: whatever an editor types or drops into content/, the build
answers cleanly: it builds, or it stops with `content/...:LINE: what - fix`
lines and leaves the last good site as it was. Never a traceback, never a
"build failed". The random pages and files go into the fixture site, a
small complete site, so each example is a quick build."""

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.checks import content_checks
from plugins.lib import datafile, fields
from support import FIXTURE_SITE, build_site, tree_digest

KEYS = st.sampled_from(
    [
        "Title",
        "Summary",
        "Reviewed",
        "Tilte",
        "Next-review",
        "Nav-order",
        "Reviewed-by",
        "Status",
        "Section",
        "To-confirm",
        "Slug",
        "Template",
        "Save_as",
        "Date",
        "Lang",
        "X",
    ]
)
VALUES = st.one_of(
    st.text(max_size=200),
    st.dates().map(str),
    st.sampled_from(
        [
            "",
            "2026-02-30",
            "9999-12-31",
            "0001-01-01",
            "26 - 11 - 2026",
            "abc",
            "12",
            "-1",
            "99999999999999999999",
            "draft",
            "footer",
            "<script>",
            "{filename}x.md",
            "Su 25:00-29:30",
            "Mo-Fr 08:00-24:00",
        ]
    ),
)
MARKDOWN_BITS = st.sampled_from(
    [
        "Plain words.",
        "## Heading",
        "- item",
        "[link]({filename}intensive-outpatient.md#x)",
        "![](x.png)",
        "<script>x</script>",
        "<a onclick='x'>y</a>",
        "[j](javascript:x)",
        '<a href="java&#x09;script:alert(1)">x</a>',
        "[more][x]\n\n[x]: javascript:alert(1)",
        '<meta http-equiv="refresh" content="0;url=https://e.example/">',
        '<a referrerpolicy="unsafe-url" href="https://e.example/">x</a>',
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        "[h](http://e.example/)",
        "<form></form>",
        "<svg><circle/></svg>",
        "{: style='color:red' }",
        "[[",
        "<div",
        "&amp;",
        "\t    indented",
        "{static}/nope.png",
        "#anchor",
        "a[^1]\n\n[^1]: note",
    ]
)
BODY = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=80)), max_size=8).map("\n\n".join)
HEADER = st.lists(st.tuples(KEYS, VALUES), max_size=6)
CONTENT_LINE = re.compile(r"content/\S.*:\d+: .+ - .+")
SCHEMAS = [fields.PAGE, fields.NOTICE, fields.CENTER, fields.REDIRECT]


def page_text(header, body):
    lines = [f"{key}: {' '.join(value.split())}" for key, value in header]
    return "\n".join(lines) + "\n\n" + body + "\n"


def assert_clean(result, site):
    """Built, or stopped with content lines and the old site intact."""
    assert not any("build failed" in line or "Traceback" in line for line in result.lines)
    if result.ok:  # a good build replaced the site: the new baseline
        site.files = tree_digest(site.output)
        return
    assert any(CONTENT_LINE.search(line) for line in result.errors), result.errors
    assert tree_digest(site.output) == site.files


class Site:
    """The last good site and its files, kept short in Hypothesis' reports."""

    def __init__(self, output):
        self.output = output
        self.files = tree_digest(output)

    def __repr__(self):
        return f"Site({self.output})"


@pytest.fixture(scope="module")
def good_output(tmp_path_factory):
    output = tmp_path_factory.mktemp("good") / "output"
    assert build_site(output, PATH=FIXTURE_SITE).ok
    return Site(output)


@settings(max_examples=150, deadline=None)
@given(header=HEADER, body=BODY)
def test_source_checks_return_problems_never_raise(header, body):
    """Any page text gives problems as data, each with a line of 1 or more."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.md"
        path.write_text(page_text(header, body), encoding="utf-8")
        problems, _ = content_checks.check_source(str(path))
    assert all(problem.line >= 1 and problem.what and problem.fix for problem in problems)


@settings(max_examples=200, deadline=None)
@given(schema=st.sampled_from(SCHEMAS), header=HEADER, today=st.dates())
def test_every_schema_answers_any_values_with_problems_as_data(schema, header, today):
    """The one field checker never raises, whatever the values (' - ' included)."""
    data = datafile.parse("x", page_text(header, "Text."))
    values, problems = fields.check(schema, data, "content/x", today)
    assert all(problem.line >= 1 and problem.what and problem.fix for problem in problems)
    assert set(values) <= set(schema.fields)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(header=HEADER, body=BODY)
def test_a_build_with_any_page_ends_clean_or_with_clean_errors(header, body, good_output):
    """Random fields and HTML in a page: a site, or content lines and the old site."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURE_SITE, content)
        (content / "pages" / "generated.md").write_text(page_text(header, body), encoding="utf-8")
        result = build_site(good_output.output, PATH=content)
        assert_clean(result, good_output)


FOLDERS = st.sampled_from(["pages", "pages/sub", "images", "files", "notices", "", "odd"])
NAMES = st.one_of(
    st.sampled_from(
        [
            ".env",
            ".DS_Store",
            "._photo.jpg",
            ".draft.md",
            "new page.md",
            "Page.md",
            "page.markdown",
            "raw.html",
            "photo.JPG",
            "logo.svg",
            "doc.pdf",
            "café.md",
            "ok.md",
            "x.png",
        ]
    ),
    st.text(alphabet="abcXYZ -_.é", min_size=1, max_size=12),
)
KINDS = st.sampled_from(["text", "latin1", "link-to-root", "link-to-passwd", "folder"])


def make_entry(content, folder, name, kind):
    """One file, link or folder in the content tree (quietly skipped when the
    name cannot exist: '.', '..', or a path already taken)."""
    if name in (".", "..") or "/" in name:
        return
    parent = content / folder if folder else content
    parent.mkdir(parents=True, exist_ok=True)
    target = parent / name
    if os.path.lexists(target):
        return
    if kind == "link-to-root":
        os.symlink("/", target)
    elif kind == "link-to-passwd":
        os.symlink("/etc/passwd", target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "latin1":
        target.write_bytes("Title: Caf\xe9\n\nCaf\xe9.\n".encode("latin-1"))
    else:
        target.write_text("Title: T\nSummary: S.\nReviewed: 2026-11-26\n\nWords.\n")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(entries=st.lists(st.tuples(FOLDERS, NAMES, KINDS), min_size=1, max_size=4))
def test_a_build_with_any_files_ends_clean_or_with_clean_errors(entries, good_output):
    """Random trees (links, dotfiles, odd names, odd encodings): clean answers,
    and no dotfile is ever published."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURE_SITE, content)
        for entry in entries:
            make_entry(content, *entry)
        result = build_site(good_output.output, PATH=content)
        assert_clean(result, good_output)
    published = [p.relative_to(good_output.output).parts for p in good_output.output.rglob("*")]
    assert not [p for p in published if any(part.startswith(".") for part in p)]
