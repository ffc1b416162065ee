"""The built site is valid HTML: no errors from the W3C Nu Html Checker."""

import json
import subprocess

from support import ROOT, html_files, require_tool

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site):
    """The W3C Nu Html Checker finds no error in any page of the preview build."""
    assert_valid(site)


def test_every_minified_production_page_is_valid_html(production_site):
    """Minifying keeps every production page valid HTML."""
    assert_valid(production_site)


def assert_valid(output):
    require_tool("java")
    if not VNU.exists():
        require_tool("vnu.jar (npm ci)")
    files = [str(path) for path in html_files(output)]
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
    assert run.returncode == 0
