"""Deterministic: the same content gives a byte-identical site."""

from support import build_site, tree_digest


def test_two_builds_are_byte_identical(site, tmp_path, build_day):
    """Building the same content twice gives the same bytes: a diff shows real changes only."""
    result = build_site(tmp_path / "again", today=build_day)
    assert result.ok, result.lines
    assert tree_digest(tmp_path / "again") == tree_digest(site)
