"""The day an editor's file reached its current words: from git, else its file time.

A Spanish page whose English page changed after the translator's check says,
in Spanish, on what day the English page changed (plugins/reading/translations.py),
and a translator's check may not be dated before the day the English words
it names were written.

Why git: the nightly publish builds a fresh git checkout, where every file's
time is the time of the checkout; git remembers the day each change was
committed. So a file's day is the day of the oldest commit in the newest run
of commits that keep its current words (`version`: a re-wrapped paragraph is
no change). A file with changes not committed yet (an editor's preview)
changed on the day of its file time. Outside a git repository (a copy of
the content folder) the file time is only a guess: a copy keeps the time it
was checked out at. So `changed_on` says whether its day is on record (git,
or an edit in a git work tree), and a translator's check is judged against
a day on record only. Days are San Diego days (the build's zone).
"""

import datetime
import functools
import os
import subprocess

# A page's history is read back this far at most: enough for any page, and
# a bound on the time one build spends in git.
MAX_COMMITS = 50


def git(folder, *args):
    """git's output in a folder, or None when git fails or is missing."""
    try:
        run = subprocess.run(
            ["git", "-C", folder, *args],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return run.stdout if run.returncode == 0 else None


@functools.lru_cache(maxsize=64)
def repository(folder):
    """The top folder of the git work tree holding `folder`, or None."""
    top = git(folder, "rev-parse", "--show-toplevel")
    return top.strip() if top else None


def file_day(path, zone):
    return datetime.datetime.fromtimestamp(os.stat(path).st_mtime, zone).date()


def committed_texts(top, relative):
    """(commit time, text) of the file at each commit that changed it, newest first."""
    log = git(top, "log", f"-{MAX_COMMITS}", "--format=%H %ct", "--", relative) or ""
    for line in log.splitlines():
        commit, seconds = line.split()
        text = git(top, "show", f"{commit}:{relative}")
        yield int(seconds), text.removeprefix("\ufeff") if text is not None else None


def past_versions(path, version):
    """(the versions of the file's words in its committed history, whether
    there is a history to ask): a translator's check names one of them, or
    it names words the page never had."""
    path = os.path.abspath(path)
    top = repository(os.path.dirname(path))
    if top is None:
        return set(), False
    relative = os.path.relpath(path, top)
    return {version(text) for _, text in committed_texts(top, relative) if text is not None}, True


def changed_on(path, version, zone):
    """(the day the file at `path` got the words it has now, whether that
    day is on record rather than a guess from a copied file's time).

    `version(text)` names a text's words; `zone` is the build's time zone.
    """
    path = os.path.abspath(path)
    top = repository(os.path.dirname(path))
    if top is None:
        return file_day(path, zone), False
    relative = os.path.relpath(path, top)
    if git(top, "status", "--porcelain", "--", relative) != "":
        return file_day(path, zone), True  # edited since the last commit
    with open(path, encoding="utf-8-sig") as source:
        current = version(source.read())
    day = None
    for seconds, text in committed_texts(top, relative):
        if text is None or version(text) != current:
            break
        day = datetime.datetime.fromtimestamp(seconds, zone).date()
    return (day, True) if day else (file_day(path, zone), False)
