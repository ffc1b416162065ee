"""The plugins' order: every dependency declared in plugins/checks/order.py holds
in the settings, a list that breaks one is refused with a line naming it,
and Pelican really runs a signal's receivers in PLUGINS order (as Pelican
tests its generators' order)."""

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest
from pelican.settings import read_settings

from plugins.checks import order
from support import FIXTURE_SITE, ROOT

SETTINGS = ["pelicanconf.py", "publishconf.py"]


@pytest.mark.parametrize("settings_file", SETTINGS)
def test_the_settings_keep_every_rule(settings_file):
    plugins = read_settings(str(ROOT / settings_file))["PLUGINS"]
    assert order.order_problems(plugins) == []


def test_every_rule_is_about_plugins_the_production_build_lists():
    plugins = read_settings(str(ROOT / "publishconf.py"))["PLUGINS"]
    for first, then, _, _ in order.RULES:
        assert first in plugins and then in plugins, (first, then)


def moved_before(plugins, then, first):
    """The list with `then` moved to just before `first`."""
    names = [name for name in plugins if name != then]
    names.insert(names.index(first), then)
    return names


@pytest.mark.parametrize("rule", order.RULES, ids=lambda rule: f"{rule[0]}-{rule[1]}")
def test_each_broken_rule_is_named_with_its_reason(rule):
    first, then, signal, why = rule
    plugins = read_settings(str(ROOT / "publishconf.py"))["PLUGINS"]
    (problem,) = order.order_problems(moved_before(plugins, then, first))
    assert f"lists {then} before {first}" in problem.what
    assert signal in problem.what and why in problem.what
    assert problem.fix == f"list {first} before {then} in PLUGINS"


# A build with its plugins in another order, in a fresh process: Pelican's
# signals keep the order of a process's first build, so one here would
# have left the session's later builds in the wrong order (their Spanish
# menus were built before the translations were paired).
ELSEWHERE = """
import json, sys
from tools import sitebuild
settings, output, override = json.loads(sys.argv[1])
result = sitebuild.build(settings, output, override)
print(json.dumps({"ok": result.ok, "errors": result.errors, "lines": result.lines}))
"""


def build_elsewhere(settings, output, override):
    run = subprocess.run(
        [sys.executable, "-c", ELSEWHERE, json.dumps([settings, output, override])],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    return SimpleNamespace(**json.loads(run.stdout.strip().splitlines()[-1]))


def test_a_build_with_the_menus_before_the_translations_stops_naming_the_rule(tmp_path):
    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    override = {
        "PATH": str(FIXTURE_SITE),
        "PLUGINS": moved_before(
            plugins, "plugins.reading.page_meta", "plugins.reading.translations"
        ),
    }
    result = build_elsewhere("pelicanconf.py", str(tmp_path / "out"), override)
    assert not result.ok
    assert any(
        "lists plugins.reading.page_meta before plugins.reading.translations" in x
        for x in result.errors
    )
    assert not any("bug in the site" in line for line in result.lines)
    assert not (tmp_path / "out").exists(), "nothing was built"


def test_a_namespace_plugin_listed_too_early_is_refused_as_pelican_names_it(tmp_path):
    """By `initialized`, Pelican names "precompress" by its module,
    "pelican.plugins.precompress": the rule still holds in a real build."""
    plugins = read_settings(str(ROOT / "publishconf.py"))["PLUGINS"]
    override = {
        "PATH": str(FIXTURE_SITE),
        "PLUGINS": moved_before(plugins, "precompress", "plugins.site_files.minify"),
    }
    result = build_elsewhere("publishconf.py", str(tmp_path / "out"), override)
    assert any("lists precompress before plugins.site_files.minify" in x for x in result.errors)


RECEIVERS = """
import json, sys, weakref
from pelican import Pelican, signals
from pelican.settings import read_settings
Pelican(read_settings(sys.argv[1]))
print(json.dumps({
    name: [
        (r() if isinstance(r, weakref.ref) else r).__module__
        for r in getattr(signals, name).receivers.values()
    ]
    for name in sys.argv[2:]
}))
"""


def test_pelican_runs_a_signals_receivers_in_plugins_order():
    """In a fresh process: a process keeps the order of its first build."""
    signals = sorted({rule[2] for rule in order.RULES if " " not in rule[2]})
    line = [sys.executable, "-c", RECEIVERS, "pelicanconf.py", *signals]
    run = subprocess.run(line, cwd=ROOT, capture_output=True, text=True, check=True)
    receivers = json.loads(run.stdout)
    for first, then, signal, _ in order.RULES:
        if signal in receivers:
            modules = receivers[signal]
            assert modules.index(first) < modules.index(then), (first, then, signal)
