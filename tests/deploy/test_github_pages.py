"""GitHub Pages: ghp-import puts the site on the gh-pages branch of a
remote (here a local bare repository) and rollback goes back one commit."""

import json
import shutil
import subprocess
import sys

import pytest

from deploy.conftest import DAY
from support import FIXTURE_SITE, ROOT, require_tool
from tools import deploy


def git(*args, cwd):
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def project_repo(tmp_path):
    """A working repository (as the project's own) and a bare remote."""
    require_tool("git")
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    git("init", "-q", cwd=work)
    git(
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "start",
        cwd=work,
    )
    git("remote", "add", "origin", str(remote), cwd=work)
    return work, remote


def test_publish_to_pages_and_roll_back(project_repo, release_a, release_b, monkeypatch):
    work, remote = project_repo
    monkeypatch.setenv("GIT_AUTHOR_NAME", "publisher")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "publisher@example.invalid")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "publisher")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "publisher@example.invalid")
    deploy.deploy_github(release_a, "origin", "gh-pages", work, "release A")
    deploy.deploy_github(release_b, "origin", "gh-pages", work, "release B")
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
    assert {"index.html", "404.html", ".nojekyll", "sitemap.xml", "_headers"} <= set(files)
    page = git("show", "gh-pages:index.html", cwd=remote)  # git() strips the end
    assert page == (release_b / "index.html").read_text().strip()
    deploy.rollback_github("origin", "gh-pages", work)
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=remote) == "release A"


# Publishes from a process of its own, as `invoke publish` runs: the release
# checks drive Chromium through Playwright's sync API, which one process runs
# once (the browser tests may hold it in this one).
PUBLISH = """
import json, sys
from pathlib import Path
import tasks
from tools import publishing
content, output, day, work, source = sys.argv[1:6]
target = {"kind": "github", "remote": "origin", "branch": "gh-pages", "repo": work}
source = json.loads(source)
steps = publishing.Steps(
    build=lambda: tasks.production_build(content, Path(output), day),
    check=lambda: tasks.release_checks(Path(output)),
    deploy=lambda locked: tasks.deploy_step(target, Path(output), source),
)
status = publishing.publish_github("origin", work, source, steps)
print(json.dumps({"result": status.result, "message": status.message}))
"""


# Slow (three real publishes: builds, the HTML validator, axe), and worth it:
# the daily workflow would otherwise undo an operator's rollback overnight.
@pytest.mark.slow
def test_a_rollback_on_pages_holds_until_a_new_source(project_repo, tmp_path, monkeypatch):
    """A rollback tags the source it took off; publishing that source again
    leaves the rollback live; a new source goes live and lifts the hold."""
    require_tool("chromium", "java")
    work, remote = project_repo
    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "publisher")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "publisher@example.invalid")
    monkeypatch.delenv("STAGING", raising=False)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)

    def publish(commit):
        source = json.dumps({"commit": commit * 40, "content": "x"})
        run = subprocess.run(
            [sys.executable, "-c", PUBLISH, str(content), str(tmp_path / "build"), str(DAY)]
            + [str(work), source],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr
        return json.loads(run.stdout.splitlines()[-1])

    assert publish("a")["result"] == "published"
    assert publish("b")["result"] == "published"
    assert deploy.rollback_github("origin", "gh-pages", work) == "b" * 40
    tip = git("rev-parse", "gh-pages", cwd=remote)
    held = publish("b")
    assert held["result"] == "held" and "was rolled back" in held["message"]
    assert git("rev-parse", "gh-pages", cwd=remote) == tip
    assert publish("c")["result"] == "published"
    assert deploy.github_holds("origin", work) == set()
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=remote).endswith(" of " + "c" * 40)
