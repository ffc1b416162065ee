"""`invoke publish` refuses to deploy when the production build or the
tests fail, and deploys when both pass."""

import os
import subprocess
import sys

import pytest

from support import ROOT, require_tool

pytestmark = pytest.mark.nginx


def publish(target, output, *extra, staging):
    env = dict(os.environ)
    env.pop("STAGING", None)
    if staging:
        env["STAGING"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "invoke", "publish", f"--to={target}", f"--output={output}", *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_publish_refuses_when_the_production_build_fails(tmp_path):
    """The real content still has placeholder contact details, which a
    production (not staging) build refuses."""
    require_tool("rsync")
    run = publish(tmp_path / "target", tmp_path / "output", staging=False)
    assert run.returncode == 1
    assert "fictional placeholders" in run.stderr
    assert "Nothing was deployed" in run.stderr
    assert not (tmp_path / "target").exists()


def test_publish_refuses_when_the_tests_fail(tmp_path):
    require_tool("rsync")
    run = publish(
        tmp_path / "target",
        tmp_path / "output",
        "--pytest-args=tests/deploy/no_such_test_file.py",
        staging=True,
    )
    assert run.returncode == 1
    assert "the tests failed" in run.stderr
    assert not (tmp_path / "target").exists()


def test_publish_deploys_when_build_and_tests_pass(tmp_path):
    require_tool("rsync")
    run = publish(
        tmp_path / "target", tmp_path / "output", "--pytest-args=tests/test_budget.py", staging=True
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "target" / "current" / "index.html.br").is_file()
