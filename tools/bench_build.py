"""Benchmark: our build beside plain Pelican, on the same added pages.

    .venv/bin/python -m tools.bench_build [--pages 0,100,1000] [--runs 3]

For each size, a copy of `content/` gets that many plain added pages
(`pages/bench/page-N.md`, a few paragraphs, a heading and a link each).
Then, each in a fresh process started from here (the same process tree):

- plain Pelican: `pelican` itself on that copy, its default theme, the
  menu off, no plugins;
- ours, cold: `tools.sitebuild` with pelicanconf.py, as `invoke build`;
- ours, rebuild after one edit: the preview's warm worker
  (`tools.sitebuild.Worker`) after one added page is edited, as a save in
  the preview is.

Prints the best of `--runs` seconds of each (plain and ours taken in
turns), the ratio of the bests, and the median ratio of the pairs (each
pair run side by side: the figure a noisy machine moves least). Asserts nothing:
timings belong in a benchmark, not in the tests, on a shared machine.
Goals: cold within 1.3x plain Pelican; a rebuild after one edit
well under a second, and faster than plain Pelican's cold build at 1000.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DAY = "2026-12-01"

PAGE = """Title: Bench page {n}
Summary: A plain page added for the build benchmark, number {n} of the set.
Reviewed: 2026-11-26

This page is here to time the build. It says a few plain things in short
sentences, as our pages do. Call us when you are ready to talk.

## What happens first

We ask a few questions on the phone. Then we set a time to meet. You can
bring a family member with you if you like.

Read [how to get started]({{filename}}../getting-started.md) for the steps.

## What to bring

Bring a list of the medicines you take. Bring your insurance card if you
have one. We can help if you do not.
"""

# Plain Pelican: its defaults, on the same content folder, nothing of ours.
# PLUGINS = [], not unset: unset, Pelican loads every namespace plugin
# installed (precompress, here), which is not plain Pelican.
PLAIN = """PATH = {content!r}
PLUGINS = []
OUTPUT_PATH = {output!r}
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
STATIC_PATHS = ["images", "files"]
DISPLAY_PAGES_ON_MENU = False
TIMEZONE = "America/Los_Angeles"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def add_pages(content, count):
    folder = content / "pages" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"page-{n}.md").write_text(PAGE.format(n=n))


def timed(command, env=None):
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    took = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}")
    return took


def plain_command(folder, content):
    settings = folder / "plainconf.py"
    settings.write_text(PLAIN.format(content=str(content), output=str(folder / "plain")))
    return [sys.executable, "-m", "pelican", "-s", str(settings), "-q"]


def ours_command(folder, content):
    build = [sys.executable, "-m", "tools.sitebuild", "--content", str(content)]
    return build + ["--output", str(folder / "ours"), "--as-of", DAY]


def cold(folder, content, runs):
    """(plain Pelican, ours, the median ratio of a pair): the best of `runs`
    each, taken in turns, so a machine that slows down for a while slows
    both; each pair's ratio is of two runs side by side."""
    commands = [plain_command(folder, content), ours_command(folder, content)]
    times = [[], []]
    for _ in range(runs):
        for command, kept in zip(commands, times, strict=True):
            kept.append(timed(command))
    ratios = sorted(o / p for p, o in zip(*times, strict=True))
    return min(times[0]), min(times[1]), ratios[len(ratios) // 2]


def rebuild(folder, content, runs):
    """The preview's save-to-site time: its worker's build after one edit."""
    from tools.sitebuild import Worker

    page = content / "pages" / "bench" / "page-0.md"
    if not page.exists():
        page = content / "pages" / "privacy.md"
    worker = Worker("pelicanconf.py", folder / "warm", content, DAY, cwd=ROOT)
    try:
        code, lines = worker.build()
        times = []
        for run in range(runs):
            page.write_text(page.read_text() + f"\nOne more sentence, number {run}.\n")
            started = time.perf_counter()
            code, lines = worker.build()
            times.append(time.perf_counter() - started)
            if code:
                sys.exit("the rebuild failed:\n" + "\n".join(lines))
    finally:
        worker.stop()
    return min(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="0,100,1000", help="added pages, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs of each; the best is kept")
    args = parser.parse_args(argv)
    rows = []
    for count in [int(part) for part in args.pages.split(",")]:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            content = folder / "content"
            shutil.copytree(ROOT / "content", content)
            add_pages(content, count)
            row = {"added": count}
            row["plain"], row["ours"], row["pairs"] = cold(folder, content, args.runs)
            row["rebuild"] = rebuild(folder, content, args.runs)
        rows.append(row)
        print(
            f"{count:5d} added pages: plain Pelican {row['plain']:.2f} s, "
            f"ours {row['ours']:.2f} s ({row['ours'] / row['plain']:.2f}x; "
            f"median of pairs {row['pairs']:.2f}x), "
            f"rebuild after one edit {row['rebuild']:.2f} s "
            f"({row['rebuild'] / row['plain']:.2f}x plain's cold build)",
            flush=True,
        )
    if os.environ.get("BENCH_JSON"):
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
