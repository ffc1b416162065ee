"""The day a page got its current words, as the band on an older translation
names it: from git's commits in a checkout (where file times are the
checkout's), from the file's time outside git or before a commit."""

import datetime
import os
import subprocess
import zoneinfo

import pytest

from plugins.lib import history
from plugins.reading import translations
from support import require_tool

ZONE = zoneinfo.ZoneInfo("America/Los_Angeles")
PAGE = "Title: About\nSummary: Who we are.\nReviewed: 2026-11-01\n\n{text}\n"


@pytest.fixture
def repo(tmp_path):
    require_tool("git")
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q")
    history.repository.cache_clear()
    return folder


def git(folder, *args, day=None):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
    )
    if day:
        # 10 pm in San Diego: already the next day in UTC.
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = f"{day}T22:00:00-08:00"
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def commit(folder, text, day):
    (folder / "about.md").write_text(PAGE.format(text=text))
    git(folder, "add", "about.md")
    git(folder, "commit", "-q", "-m", f"edit of {day}", day=day)


def changed_on(folder):
    return history.changed_on(folder / "about.md", translations.version_of_text, ZONE)[0]


def test_the_day_is_the_commit_that_brought_the_current_words(repo):
    """Later commits that only re-wrap the text do not move it; the day is
    San Diego's, not UTC's."""
    commit(repo, "We are a small team.", "2026-11-01")
    commit(repo, "We are a small, friendly team.", "2026-12-02")
    commit(repo, "We are a small,\nfriendly team.", "2026-12-09")
    assert history.changed_on(repo / "about.md", translations.version_of_text, ZONE) == (
        datetime.date(2026, 12, 2),
        True,
    )


def test_words_not_committed_yet_changed_on_the_file_s_day(repo):
    """The editor's preview: the edit is today's, whatever git says."""
    commit(repo, "We are a small team.", "2026-11-01")
    page = repo / "about.md"
    page.write_text(PAGE.format(text="We are a bigger team."))
    moment = datetime.datetime(2026, 12, 20, 9, tzinfo=ZONE).timestamp()
    os.utime(page, (moment, moment))
    assert changed_on(repo) == datetime.date(2026, 12, 20)


def test_outside_git_the_file_s_day_is_a_guess(tmp_path):
    """A copy keeps its checkout's time: the day shows, but is not on record."""
    page = tmp_path / "about.md"
    page.write_text(PAGE.format(text="Words."))
    moment = datetime.datetime(2026, 12, 3, 12, tzinfo=ZONE).timestamp()
    os.utime(page, (moment, moment))
    assert history.changed_on(page, translations.version_of_text, ZONE) == (
        datetime.date(2026, 12, 3),
        False,
    )
