"""Benchmark: the worst build time per KB of hostile page text.

Each pattern below once made a build take seconds to minutes (long
unbalanced paragraphs for regular expressions and Python-Markdown, many
redirects). Every one is built here, in a copy of the fixture site, at the
sizes an editor's page may have (up to the 100 KB a page may be), as its
own page; the build time of each is printed, per KB of the page, and the
worst last. A build that refuses the page counts too: refusing must be
fast as well.

    python -m tools.bench_content [--sizes 10,50,100]
"""

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from tools import sitebuild

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
HEAD = "Title: Bench\nSummary: A page of hostile text.\nReviewed: 2026-11-26\n\n"
# name: one paragraph of about `size` characters. The first ones stay just
# inside what plugins/reading/source_reader.py lets a paragraph have (80 "[", 200
# "<"), so they are built; the others go past it, and are refused.
PATTERNS = {
    "80 open brackets, then words": lambda size: "[" * 80 + "word " * ((size - 80) // 5),
    "80 open links, then words": lambda size: "[a](" * 80 + "word " * ((size - 320) // 5),
    "80 facts never closed": lambda size: "[[to confirm: " * 40 + "word " * ((size - 560) // 5),
    "200 tags never closed": lambda size: "<span " * 200 + "word " * ((size - 1200) // 5),
    "200 images never closed": lambda size: "<img src=x " * 200 + "w " * ((size - 2200) // 2),
    "open brackets": lambda size: "[" * size,
    "open links": lambda size: "[a](" * (size // 4),
    "open images": lambda size: "![" * (size // 2),
    "facts never closed": lambda size: "[[to confirm: " * (size // 14),
    "tags never closed": lambda size: "<span " * (size // 6),
    "h2 and tables never closed": lambda size: "<h2><table><th>" * (size // 15),
    "images never closed": lambda size: "<img src=x " * (size // 11),
    "stars": lambda size: "*a " * (size // 3),
    "spaces in facts": lambda size: "[[to confirm:" + " " * size,
}
# Paragraphs a family page may have: bounded blocks, many of them.
BLOCK = 5000


def page_text(pattern, kilobytes):
    """One page of about `kilobytes` KB: the pattern, in blocks."""
    blocks, total = [], kilobytes * 1000
    while sum(len(block) + 2 for block in blocks) < total:
        blocks.append(PATTERNS[pattern](BLOCK))
    return HEAD + "\n\n".join(blocks) + "\n"


def build_seconds(text, redirects=0):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURE, content)
        (content / "pages" / "bench.md").write_text(text, encoding="utf-8")
        if redirects:
            lines = [f"/old-{number}/ /about/" for number in range(redirects)]
            (content / "redirects.txt").write_text("\n".join(lines) + "\n")
        start = time.perf_counter()
        result = sitebuild.build(
            str(ROOT / "pelicanconf.py"), str(Path(folder) / "out"), {"PATH": str(content)}
        )
        return time.perf_counter() - start, result.ok


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,100", help="page sizes in KB")
    args = parser.parse_args(argv)
    build_seconds(HEAD + "Plain words.\n")  # imports, caches: not the page's time
    baseline, _ = build_seconds(HEAD + "Plain words.\n")
    print(f"{'the fixture site, one plain page':40} {baseline:6.2f} s")
    worst = (0.0, "")
    for pattern in PATTERNS:
        for kilobytes in [int(size) for size in args.sizes.split(",")]:
            seconds, ok = build_seconds(page_text(pattern, kilobytes))
            per_kb = max(seconds - baseline, 0) / kilobytes
            print(
                f"{pattern:28} {kilobytes:4} KB {seconds:6.2f} s  "
                f"{per_kb * 1000:7.1f} ms/KB  {'built' if ok else 'refused'}"
            )
            worst = max(worst, (per_kb, f"{pattern}, {kilobytes} KB"))
    seconds, _ = build_seconds(HEAD + "Plain words.\n", redirects=10_000)
    print(f"{'10,000 redirects':40} {seconds:6.2f} s")
    print(f"Worst: {worst[0] * 1000:.1f} ms per KB of page text ({worst[1]})")


if __name__ == "__main__":
    main()
