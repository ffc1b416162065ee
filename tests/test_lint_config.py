"""One version of the lint rules everywhere: pre-commit, CI and editors."""

import re

from ruamel.yaml import YAML

from support import ROOT


def pinned(package):
    text = (ROOT / "requirements.txt").read_text()
    return re.search(rf"^{re.escape(package)}==(\S+)", text, re.M)[1]


def hook_revs():
    config = YAML(typ="safe").load(ROOT / ".pre-commit-config.yaml")
    return {repo["repo"].rsplit("/", 1)[-1]: repo["rev"] for repo in config["repos"]}


def test_pre_commit_runs_the_ruff_that_requirements_txt_pins():
    """The ruff hook's rev is v + the pinned ruff: a commit and CI judge alike."""
    assert hook_revs()["ruff-pre-commit"] == f"v{pinned('ruff')}"


def test_every_pre_commit_hook_is_pinned_to_a_release():
    """No hook follows a branch: the same checks on every machine."""
    for repo, rev in hook_revs().items():
        assert re.fullmatch(r"v\d+\.\d+\.\d+", rev), f"{repo}: {rev}"
