"""Property: whatever an editor types, the checks answer cleanly, never crash."""

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins import content_checks
from support import CONTENT, build_site

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
        "Slug",
        "X",
    ]
)
VALUES = st.one_of(
    st.text(max_size=200),
    st.dates().map(str),
    st.sampled_from(["", "2026-02-30", "abc", "12", "<script>", "{filename}x.md"]),
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
        "<form></form>",
        "[[",
        "<div",
        "&amp;",
        "\t    indented",
        "{static}/nope.png",
        "#anchor",
    ]
)
BODY = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=80)), max_size=8).map("\n\n".join)
HEADER = st.lists(st.tuples(KEYS, VALUES), max_size=6)
CLEAN_LINE = re.compile(r"^(\S.*:\d+: .+ - .+|\S.*\.md: .+ - .+|pelican: .+|\S+: .+)$")


def page_text(header, body):
    lines = [f"{key}: {' '.join(value.split())}" for key, value in header]
    return "\n".join(lines) + "\n\n" + body + "\n"


@settings(max_examples=150, deadline=None)
@given(header=HEADER, body=BODY)
def test_source_checks_return_problems_never_raise(header, body):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.md"
        path.write_text(page_text(header, body), encoding="utf-8")
        problems, _ = content_checks.check_source(str(path))
    assert all(str(problem).count(": ") >= 1 for problem in problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=HEADER, body=BODY)
def test_a_build_with_any_page_ends_clean_or_with_clean_errors(header, body):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(CONTENT, content)
        (content / "pages" / "generated.md").write_text(page_text(header, body), encoding="utf-8")
        result = build_site(Path(folder) / "output", PATH=content)
    assert not any(line.startswith("build failed") for line in result.errors), result.errors
    assert all(CLEAN_LINE.match(line) for line in result.lines), result.lines
