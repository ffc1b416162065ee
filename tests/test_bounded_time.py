"""Every check reads an editor's text in time bounded by its size: long,
unbalanced inputs are read through, or refused by name, never left to run
for minutes. (Times are measured by `python -m tools.bench_content`, not
asserted here: these machines are shared.)"""

import shutil

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.lib import datafile, marks, markup, readability, sanitize
from plugins.reading import source_reader
from support import FIXTURE_SITE, build_site
from tools import bench_content

# The pieces the slow paths were made of: brackets, tags, markers, spaces.
TOKENS = st.sampled_from(
    [
        "[",
        "](",
        "![",
        "]",
        ")",
        "<",
        ">",
        "<span ",
        "<img src=x ",
        "<h2>",
        "<table>",
        "<th>",
        "[[to confirm: ",
        "]]",
        "*",
        "_",
        "`",
        " ",
        "\n",
        "\n\n",
        "word ",
        "<!--",
        "&",
        "#",
    ]
)
LONG = st.lists(TOKENS, min_size=500, max_size=4000).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=LONG)
def test_long_unbalanced_text_is_read_through_or_refused(text):
    """The reader's bounds, the marker scan and the HTML readers take any
    text: a page either passes the bounds and Markdown reads it, or the
    bounds refuse it with its line, before Markdown sees it."""
    data = datafile.parse("x.md", "Title: x\n\n" + text)
    problems = source_reader.block_problems(data, "x.md", source_reader.DEFAULTS)
    assert all(problem.line >= data.body_line for problem in problems)
    marks.markers_in(text)
    marks.mark_html(text)
    markup.spans(text, "<table", "</table>")
    markup.tags(text, "img")
    markup.plain_text(text)
    if not problems:
        html = markdown.markdown(data.body, extensions=["markdown.extensions.extra"])
        sanitize.check(html, sanitize.PAGE, "x.md", text, 1)
        readability.readable_text(html)


@pytest.mark.parametrize("pattern", sorted(bench_content.PATTERNS))
def test_each_hostile_page_of_the_benchmark_builds_or_is_refused_by_name(tmp_path, pattern):
    """The benchmark's pages, at 30 KB: a build that finishes, and never a
    'bug in the site'."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "pages" / "bench.md").write_text(bench_content.page_text(pattern, 30))
    result = build_site(tmp_path / "output", PATH=content)
    assert not any(
        "bug in the site" in line or "Could not process" in line for line in result.lines
    )
    if not result.ok:
        assert any("bench.md:" in line for line in result.errors), result.errors
