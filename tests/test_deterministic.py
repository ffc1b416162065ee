"""Deterministic: the same content gives a byte-identical site."""

import os
import subprocess

from support import ROOT, build_site, tree_digest
from tools import sitebuild


def test_two_builds_are_byte_identical(site, tmp_path, build_day):
    """Building the same content twice gives the same bytes: a diff shows real changes only."""
    result = build_site(tmp_path / "again", today=build_day)
    assert result.ok, result.lines
    assert tree_digest(tmp_path / "again") == tree_digest(site)


def test_builds_in_two_processes_are_byte_identical(tmp_path, build_day):
    """Python orders a set differently in each process (its string hashes
    are seeded anew): a list written from a set, or sorted on part of its
    items only, would change from one build to the next. Two processes with
    different seeds, as the preview's and a publish's are."""
    trees = []
    for seed in ("1", "2"):
        output = tmp_path / seed
        line = sitebuild.command("pelicanconf.py", output, None, build_day.isoformat())
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run(line, cwd=ROOT, capture_output=True, text=True, env=env)
        assert run.returncode == 0, run.stderr
        trees.append(tree_digest(output))
    assert trees[0] == trees[1]
