"""GitHub Pages: ghp-import puts the site on the gh-pages branch of a
remote (here a local bare repository) and rollback goes back one commit."""

import subprocess

import pytest

from support import require_tool
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
