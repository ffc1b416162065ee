"""The production build: minified, precompressed, absolute, with its
security policy, and header files generated from one definition."""

import gzip
import re
from pathlib import Path

import brotli

from plugins.rendering import inline_css
from plugins.site_files import security_headers
from support import FIXTURE_SITE, ROOT, build_site, html_files, soup_of, tree_digest
from tools import nginx_conf, release_checks

TEXT = (".html", ".xml", ".txt", ".svg")


def test_two_production_builds_are_byte_identical(
    production_site, tmp_path, build_day, monkeypatch
):
    """The production build is deterministic too (minified, compressed, hashed)."""
    monkeypatch.setenv("STAGING", "1")
    result = build_site(tmp_path / "again", "publishconf.py", today=build_day)
    assert result.ok, result.lines
    assert tree_digest(tmp_path / "again") == tree_digest(production_site)


def test_pages_are_minified(production_site):
    """Fast by construction: production pages carry no indentation."""
    for path in html_files(production_site):
        text = path.read_text()
        assert "\n  " not in text, path
        assert re.match(r"<!doctype html><html lang=(en|es)>", text), path


def test_every_text_file_has_gzip_and_brotli_copies_of_itself(production_site):
    """The server sends stored .gz and .br copies that decode to the very file."""
    for path in Path(production_site).rglob("*"):
        if path.suffix not in TEXT:
            continue
        data = path.read_bytes()
        for suffix, decode in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            copy = Path(str(path) + suffix)
            if copy.exists():
                assert decode(copy.read_bytes()) == data, copy
            else:  # skipped only when compressing would not make it smaller
                assert len(data) < 200 and suffix == ".gz", copy


def test_each_page_carries_its_csp_with_the_hash_of_its_stylesheet(production_site):
    """The <meta> CSP allows the page's own inlined CSS by hash, nothing unsafe."""
    for path in html_files(production_site):
        text = path.read_text()
        css = re.search(r"<style>(.*?)</style>", text, re.S)[1]
        meta = re.search(r'<meta content="([^"]+)" http-equiv=Content-Security-Policy>', text)[1]
        assert f"style-src '{inline_css.csp_hash(css)}'" in meta, path
        assert "frame-ancestors" not in meta  # ignored in <meta>, with a console error
        assert "unsafe-inline" not in meta


def test_preview_pages_carry_the_production_policy_plus_only_livereload(site, production_site):
    """What production would block, the preview blocks too: the same <meta>
    policy, with livereload's script (by hash) and websocket added, nothing else."""
    preview, production = (
        soup_of(Path(folder) / "index.html").find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"}
        )["content"]
        for folder in (site, production_site)
    )
    extra = [d for d in preview.split("; ") if d not in production.split("; ")]
    assert [d.split()[0] for d in extra] == ["script-src", "connect-src"], extra
    assert "unsafe" not in preview and "'self'" in extra[0]


def test_header_files_in_the_repository_match_the_one_definition(production_site):
    """deploy/ files are generated (`invoke headers`): fail when they drift
    (the same release check `invoke publish` runs)."""
    assert release_checks.header_drift(production_site) == []
    for path, text in nginx_conf.repository_files().items():
        assert (ROOT / path).read_text() == text, f"{path}: run `invoke headers`"


def test_headers_name_no_unsafe_source_and_forbid_framing():
    """The one security policy allows nothing by default and no framing."""
    policy = security_headers.csp("sha256-x")
    assert "unsafe" not in policy and "frame-ancestors 'none'" in policy
    assert "default-src 'none'" in policy


def test_a_production_build_writes_publish_and_leaves_the_preview_s_output(tmp_path):
    """`invoke build --production` writes publish/; output/ (the preview's) is untouched."""
    import subprocess
    import sys

    output = ROOT / "output"
    before = tree_digest(output) if output.exists() else None
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "build",
            "--production",
            f"--content={FIXTURE_SITE}",
            "--as-of=2026-12-21",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "Built the site in publish/" in run.stderr
    assert (ROOT / "publish" / "index.html.br").is_file()
    assert (tree_digest(output) if output.exists() else None) == before
