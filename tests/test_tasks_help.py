"""`invoke TASK --help` prints the task's help and does nothing else: an
operator asking how to publish must never publish (a required target once
took `--help` as a folder name and published into it)."""

import shutil
import subprocess
import sys

import pytest
from invoke import Collection

import tasks
from support import ROOT, tree_digest

TASKS = sorted(Collection.from_module(tasks).task_names)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project's tracked files: whatever a task would write
    lands here, where the test sees it."""
    folder = tmp_path_factory.mktemp("project")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder


def test_every_task_is_checked():
    assert {"publish", "rollback", "new-page", "publish-status"} <= set(TASKS)


@pytest.mark.parametrize("name", TASKS)
def test_help_prints_help_and_changes_nothing(project, name):
    before = tree_digest(project)
    run = subprocess.run(
        [sys.executable, "-m", "invoke", name, "--help"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"Usage: inv[oke] [--core-opts] {name} "), run.stdout
    assert tree_digest(project) == before


@pytest.mark.parametrize("name", ["publish", "rollback", "publish-status", "new-page"])
def test_a_missing_required_option_is_named_and_nothing_runs(project, name):
    before = tree_digest(project)
    for extra in ([], ["--to", "--help"] if name != "new-page" else ["--path", "--help"]):
        run = subprocess.run(
            [sys.executable, "-m", "invoke", name, *extra],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 1
        assert "Give --" in run.stderr, run.stderr
    assert tree_digest(project) == before
