"""The editors' tools: a scaffolded page builds (the link checker: test_linkcheck.py)."""

from support import build_site
from tools.scaffold import new_page_text


def test_a_scaffolded_page_builds_and_has_every_required_field(content_copy, tmp_path, build_day):
    """`invoke new-page` gives a page the build accepts as it is."""
    page = content_copy / "pages" / "intensive-outpatient" / "family-support.md"
    page.write_text(new_page_text("Family support", today=build_day))
    result = build_site(tmp_path / "output", today=build_day, PATH=content_copy)
    assert result.ok, result.lines
    built = tmp_path / "output" / "intensive-outpatient" / "family-support" / "index.html"
    assert "Family support" in built.read_text()
