"""plugins/ shows the build's flow, and imports run one way: a package
imports only from itself and the packages before it (docs/architecture.md,
"The plugins")."""

import ast

import pytest

from support import ROOT

# In the order of the flow; each may import from those before it.
FLOW = ["lib", "reading", "checks", "rendering", "site_files"]
PLUGINS = ROOT / "plugins"


def imported_packages(path, own):
    """The packages of plugins/ a module imports from."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                found.add(own)
            elif node.level == 2:
                found.add((node.module or "").split(".")[0])
            elif (node.module or "").startswith("plugins."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("plugins.")}
    return found


def test_every_module_is_in_a_package_of_the_flow():
    assert sorted(p.name for p in PLUGINS.glob("*.py")) == ["__init__.py"]
    packages = {p.name for p in PLUGINS.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert packages == set(FLOW)


@pytest.mark.parametrize("package", FLOW)
def test_a_package_imports_only_from_itself_and_earlier_ones(package):
    allowed = set(FLOW[: FLOW.index(package) + 1])
    for module in sorted((PLUGINS / package).glob("*.py")):
        wrong = imported_packages(module, package) - allowed
        assert not wrong, f"plugins/{package}/{module.name} imports from {sorted(wrong)}"


def test_the_libraries_are_no_plugins():
    """lib/ has no register(): what hooks into Pelican's signals is in the
    other packages, each listed in PLUGINS."""
    for module in sorted((PLUGINS / "lib").glob("*.py")):
        assert "def register(" not in module.read_text(), module.name
