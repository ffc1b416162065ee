"""`invoke publish` as an operator runs it, on the fixture site: it checks the
exact production build (never by starting the test suite), deploys it, says
how long it took, and refuses staging builds and failed builds."""

import os
import random
import shutil
import subprocess
import sys

import pytest

from deploy.conftest import DAY
from support import FIXTURE_SITE, ROOT, require_tool

pytestmark = pytest.mark.nginx


def publish(target, content=FIXTURE_SITE, staging=False, *extra):
    env = {key: value for key, value in os.environ.items() if key != "STAGING"}
    if staging:
        env["STAGING"] = "1"
    command = [
        sys.executable,
        "-m",
        "invoke",
        "publish",
        f"--to={target}",
        f"--content={content}",
        f"--as-of={DAY}",
        f"--output={target}-build",
        *extra,
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


# Slow (a whole publish: build, HTML validator, axe at two widths, rsync),
# and worth it: it is the command that puts the site live, run as operators run it.
@pytest.mark.slow
def test_publish_checks_the_build_deploys_it_and_prints_its_time(tmp_path):
    """The release checks run on the build that ships, then it goes live."""
    require_tool("rsync", "chromium", "java")
    run = publish(tmp_path / "target")
    assert run.returncode == 0, run.stdout + run.stderr
    for check in (
        "links and fragments",
        "HTML validity",
        "accessibility (axe, 375 and 1280 px)",
        "page weight",
        "security header files",
    ):
        assert f"Release check, {check}: 0 problem(s)" in run.stdout, run.stdout
    assert "test session starts" not in run.stdout + run.stderr  # never the test suite
    assert "Published release " in run.stdout and " s (build " in run.stdout
    assert (tmp_path / "target" / "current" / "index.html.br").is_file()


def test_publish_refuses_a_staging_build(tmp_path):
    """STAGING=1 allows placeholders: such a build never goes live."""
    run = publish(tmp_path / "target", staging=True)
    assert run.returncode == 1
    assert "STAGING=1" in run.stderr and "never go live" in run.stderr
    assert not (tmp_path / "target").exists()


def test_publish_refuses_when_the_production_build_fails(tmp_path):
    """A placeholder detail stops the production build; nothing is deployed."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    center = content / "center.txt"
    center.write_text(center.read_text().replace("1200 Fixture Avenue", "100 Placeholder Street"))
    run = publish(tmp_path / "target", content)
    assert run.returncode == 1
    assert "center.txt:3: the street '100 Placeholder Street' is a placeholder" in run.stderr
    assert "Nothing was deployed" in run.stderr
    assert [p.name for p in (tmp_path / "target").iterdir()] == ["publish-status.json"]


# Slow for the same reason, and worth it: it proves a failed release check
# ships nothing, the promise that keeps a broken page off the live site.
@pytest.mark.slow
def test_publish_refuses_a_build_that_fails_a_release_check(tmp_path):
    """A page past the 14 KB budget builds, but never ships."""
    require_tool("rsync", "chromium", "java")
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    # Short sentences of made-up words (gzip cannot shrink them) in twenty
    # paragraphs: over the budget, easy to read, and few elements for the
    # checkers to walk.
    words = random.Random(7)

    def syllable():
        return words.choice("bcdfghjklmnprstvwz") + words.choice("aeiou")

    sentences = [" ".join(syllable() + syllable() for _ in range(6)) + "." for _ in range(1000)]
    # Paragraphs of 50 sentences: a paragraph may hold at most 6,000 characters.
    text = "\n\n".join(" ".join(sentences[i : i + 50]) for i in range(0, 1000, 50))
    page = content / "pages" / "about.md"
    page.write_text(page.read_text() + "\n" + text + "\n")
    run = publish(tmp_path / "target", content)
    assert run.returncode == 1, run.stdout
    assert "Release check, page weight: 1 problem(s)" in run.stdout
    assert "about/index.html: " in run.stderr and "(budget 14336)" in run.stderr
    assert "The release checks failed. Nothing was deployed." in run.stderr
    assert [p.name for p in (tmp_path / "target").iterdir()] == ["publish-status.json"]
