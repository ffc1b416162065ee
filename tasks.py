"""The commands people run. `invoke --list` is the reference; README.md says when."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "settings": "pelicanconf.py",
    "production_settings": "publishconf.py",
    "output": "output",  # the preview's
    "production_output": "publish",  # what publishing deploys; never the preview's
    "host": "127.0.0.1",
    "port": 8000,
    "watch": ["content", "theme", "plugins", "pelicanconf.py"],
    # Where `invoke publish --to NAME` goes; --to also takes a local folder.
    "targets": {
        "server": {
            "kind": "rsync",
            "keep": 5,
            # nginx -t first: a reload signal alone succeeds with a bad configuration.
            "reload": "sudo nginx -t -q && sudo systemctl reload nginx",
            "target": os.environ.get(
                "IOP_DEPLOY_TARGET", "deploy@iop.mhcsandiego.example:/srv/iop"
            ),
        },
        "github": {"kind": "github", "remote": "origin", "branch": "gh-pages"},
    },
    # command or file -> Debian package the tests need (installed as root)
    "system_packages": {
        "chromium": "chromium",
        "nginx": "nginx",
        "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so": "libnginx-mod-http-brotli-static",
        "rsync": "rsync",
        "java": "default-jre-headless",
        "npm": "npm",
        "git": "git",
        "systemd-analyze": "systemd",
    },
}


@task(
    help={
        "production": "use publishconf.py (absolute URLs, strict checks) and write publish/",
        "as_of": "build the site as of this date, YYYY-MM-DD (which notices show)",
        "content": "build this content folder instead of content/",
    }
)
def build(c, production=False, as_of=None, content=None):
    """Build the site into output/ (production: publish/); a failed check keeps the old one."""
    output = CONFIG["production_output" if production else "output"]
    if not run_build(production, content, output, as_of):
        raise Exit(code=1)


@task(
    help={
        "content": "content folder to preview (default content/)",
        "output": "where to build it (default output/)",
        "as_of": "preview the site as of this date, YYYY-MM-DD (which notices show)",
        "lan": "listen on the local network too, to look at the preview on a phone",
    }
)
def livereload(c, port=CONFIG["port"], content=None, output=None, as_of=None, lan=False):
    """Preview on http://127.0.0.1:8000; rebuild and reload on every save."""
    from tools import preview

    output = Path(output or ROOT / CONFIG["output"]).resolve()
    content = Path(content).resolve() if content else None
    watched = [content] if content else []
    watched += [ROOT / path for path in CONFIG["watch"] if not (content and path == "content")]
    site = preview.Preview(output, content, as_of)
    site.rebuild()
    print(f"Preview: http://{CONFIG['host']}:{port}/ (Ctrl+C to stop)", flush=True)
    if lan:
        preview.print_lan_help(port)
    preview.serve(site, watched, "0.0.0.0" if lan else CONFIG["host"], port)


@task
def serve(c, port=CONFIG["port"]):
    """Serve output/ as it is, without rebuilding."""
    c.run(
        f"{sys.executable} -m http.server {port} --bind {CONFIG['host']} "
        f"--directory {ROOT / CONFIG['output']}",
        pty=False,
    )


@task
def setup(c):
    """Install what the tests and release checks drive (browser, nginx, validator)."""
    ensure_system_packages()
    ensure_node_packages(c)


@task(help={"pytest_args": "extra arguments for pytest, e.g. '-k links -x'"})
def test(c, pytest_args=""):
    """Install what the tests need (browser, nginx, validator) and run them all."""
    setup(c)
    # One process per core; each page's browser tests stay in one process
    # (tests/browser/conftest.py), so a page is still loaded once.
    workers = "-n auto"
    result = c.run(f"{sys.executable} -m pytest {workers} {pytest_args}", warn=True, pty=False)
    raise Exit(code=result.exited)


@task
def lint(c):
    """Check the Python code with ruff: its rules, then its formatting (CI runs this first)."""
    with c.cd(ROOT):  # ruff names files relative to where it runs
        checks = [
            c.run(f"{sys.executable} -m ruff {args} .", warn=True, pty=False)
            for args in ("check", "format --check")
        ]
    if any(result.failed for result in checks):
        raise Exit("Lint failed: run `ruff check --fix . && ruff format .`, then commit.", 1)


@task(
    help={
        "path": "where, e.g. intensive-outpatient/family-support",
        "title": "the page heading",
        "section": "about-iop, getting-care, for-families, about-us or footer "
        "(default: the section of the page above it, else getting-care)",
        "nav_order": "its place in the menu (default: after every other page)",
        "content": "the content folder (default content/)",
    }
)
def new_page(c, path, title, section=None, nav_order=None, content=None):
    """Start a new page with every field a page needs, in the menu at once."""
    from pelican.settings import read_settings

    from plugins import datafile, fields
    from plugins.notices import build_date
    from plugins.scaffold import new_page_text

    pages = Path(content or ROOT / "content").resolve() / "pages"
    target = pages / f"{path.strip('/')}.md"
    if target.exists():
        raise Exit(f"{target} already exists - choose another path", 1)
    parent = target.parent.with_suffix(".md")
    if section is None:
        above = datafile.read(parent).fields.get("section") if parent.is_file() else None
        section = above or "getting-care"
    if section not in fields.SECTIONS:
        raise Exit(f"unknown section '{section}' - use one of: {', '.join(fields.SECTIONS)}", 1)
    if nav_order is None:
        orders = [datafile.read(p).fields.get("nav_order", "") for p in pages.rglob("*.md")]
        nav_order = max([int(o) for o in orders if o.strip().isdigit()] or [0]) + 1
    target.parent.mkdir(parents=True, exist_ok=True)
    # Reviewed: today where the center is (the build's today), not on this machine.
    today = build_date({"today": None}, read_settings(str(ROOT / CONFIG["settings"])))
    target.write_text(new_page_text(title, nav_order, section, today), encoding="utf-8")
    print(
        f"Created {os.path.relpath(target)} (menu: {section}, place {nav_order}): "
        "replace the guidance, then preview. Production refuses it until you do."
    )


@task(
    help={
        "of": "the English page, under content/pages/, e.g. getting-started.md",
        "path": "the Spanish page's path under content/pages/, e.g. es/como-empezar",
        "content": "another content folder (default: content/)",
    }
)
def new_translation(c, of, path, content=None):
    """Start the Spanish page of an English page: its fields, and the English
    text to translate over. The build then names the version to copy."""
    from plugins import datafile

    pages = Path(content or ROOT / "content").resolve() / "pages"
    english = pages / of.strip("/")
    target = pages / f"{path.strip('/').removesuffix('.md')}.md"
    if not english.is_file():
        raise Exit(f"{english} does not exist - name an English page under content/pages/", 1)
    if target.exists():
        raise Exit(f"{target} already exists - choose another path", 1)
    if target.relative_to(pages).parts[0] != "es":
        raise Exit("a Spanish page lives in content/pages/es/ - start the path with es/", 1)
    data = datafile.read(english)
    lines = [f"Title: {data.fields.get('title', '')}", f"Summary: {data.fields.get('summary', '')}"]
    if data.fields.get("nav_title"):
        lines.append(f"Nav-title: {data.fields['nav_title']}")
    lines.append(f"Translation-of: {english.relative_to(pages).as_posix()}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n\n" + data.body.strip() + "\n", encoding="utf-8")
    print(
        f"Created {os.path.relpath(target)}: translate the title, summary and text, then "
        "preview. The build names the Translation-version to add, and production needs "
        "Translation-reviewed-by (a qualified medical translator)."
    )


@task
def messages(c):
    """Update the theme's Spanish catalog after changing the theme's words."""
    c.run(f"{sys.executable} -m tools.messages", pty=False)


@task(help={"cache_hours": "reuse results younger than this (default 24)"})
def linkcheck(c, cache_hours=24):
    """Check the links to other websites in the built site (needs internet)."""
    from pelican.settings import read_settings

    from tools import linkcheck as checker

    # Our own address is never "another website": the build checks those links.
    siteurl = read_settings(str(ROOT / CONFIG["production_settings"]))["SITEURL"]
    broken = checker.check_site(
        ROOT / CONFIG["output"],
        ROOT / ".linkcheck-cache.json",
        siteurl,
        cache_hours=float(cache_hours),
    )
    for line in broken:
        print(line)
    if broken:
        raise Exit(code=1)


@task(
    help={
        "to": "a target name (server, github) or a local folder",
        "content": "publish this content folder instead of content/",
        "as_of": "build the site as of this date, YYYY-MM-DD (default: today in San Diego)",
        "output": "where the production build goes (default publish/)",
    }
)
def publish(c, to, content=None, as_of=None, output=None):
    """Build for production, check that exact build, then deploy it; refuse if either fails."""
    from tools import deploy

    if os.environ.get("STAGING") == "1":
        raise Exit("Publish refused: STAGING=1 builds are for review and never go live.", 1)
    target, clock = target_of(to), Stopwatch()
    output = Path(output or ROOT / CONFIG["production_output"]).resolve()
    if not run_build(True, content, output, as_of):
        raise Exit("Publish stopped: the production build failed. Nothing was deployed.", 1)
    clock.lap("build")
    if not release_checks_pass(output):
        raise Exit("Publish stopped: the release checks failed. Nothing was deployed.", 1)
    clock.lap("release checks")
    try:
        where = deploy_to(target, output)
    except deploy.TargetBusy as error:
        raise Exit(f"Publish not started: {error}", 1) from None
    except deploy.DeployError as error:
        raise Exit(f"Publish failed, the live site is unchanged: {error}", 1) from None
    clock.lap("deploy")
    print(f"Published {where} in {clock.total():.1f} s ({clock}).", flush=True)


@task(help={"to": "a target name (server, github) or a local folder"})
def rollback(c, to):
    """Go back to the previous release of a target."""
    from tools import deploy

    target = target_of(to)
    try:
        if target["kind"] == "github":
            deploy.rollback_github(target["remote"], target["branch"], ROOT)
            print(f"Rolled {target['branch']} back one commit.")
        else:
            release = deploy.rollback_rsync(target["target"], target.get("reload"))
            print(f"Now serving release {release}.")
    except deploy.TargetBusy as error:
        raise Exit(f"Rollback not started: {error}", 1) from None
    except deploy.DeployError as error:
        raise Exit(f"Rollback failed: {error}", 1) from None


@task
def headers(c):
    """Rewrite the generated files in deploy/ (run after changing the stylesheet)."""
    from tools import nginx_conf

    for path, text in nginx_conf.repository_files().items():
        (ROOT / path).write_text(text, encoding="utf-8")
        print(f"Wrote {path}")


@task
def confirm_list(c):
    """Print, grouped by page, every fact the center must still confirm (file:line: text)."""
    from pelican.settings import read_settings

    from plugins import to_confirm

    settings = read_settings(str(ROOT / CONFIG["settings"]))
    print(to_confirm.checklist_text(to_confirm.checklist(settings)))


@task
def screenshots(c):
    """Build the site, then save a picture of every page at 375 and 1280 px in screenshots/."""
    ensure_system_packages()
    if not run_build(False):
        raise Exit(code=1)
    from tools import screenshots as pictures

    saved = pictures.save(ROOT / CONFIG["output"], ROOT / "screenshots")
    print(f"{len(saved)} pictures in screenshots/")


# --- Helpers -----------------------------------------------------------------


class Stopwatch:
    """Seconds per step of a publish, printed at the end (the benchmark)."""

    def __init__(self):
        self.start = self.last = time.monotonic()
        self.laps = []

    def lap(self, name):
        now = time.monotonic()
        self.laps.append((name, now - self.last))
        self.last = now

    def total(self):
        return self.last - self.start

    def __str__(self):
        return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.laps)


def release_checks_pass(output):
    """Run every release check on the build; print each problem."""
    from pelican.settings import read_settings

    from tools import release_checks

    siteurl = read_settings(str(ROOT / CONFIG["production_settings"]))["SITEURL"]
    ok = True
    for name, problems, seconds in release_checks.run_all(output, siteurl):
        print(f"Release check, {name}: {len(problems)} problem(s) ({seconds:.1f} s)", flush=True)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        ok = ok and not problems
    return ok


def deploy_to(target, output):
    """Deploy a checked build to a target; what was published, in words."""
    from tools import deploy, nginx_conf

    if target["kind"] == "github":
        deploy.deploy_github(output, target["remote"], target["branch"], ROOT)
        return f"to {target['remote']} {target['branch']}"
    check = deploy.nginx_check(ROOT / nginx_conf.LOCATIONS_FILE)
    release = deploy.deploy_rsync(
        output,
        target["target"],
        target.get("keep", deploy.KEEP),
        target.get("reload"),
        check=check,
    )
    return f"release {release} to {target['target']}"


def target_of(name):
    if name in CONFIG["targets"]:
        return CONFIG["targets"][name]
    return {"kind": "rsync", "target": str(Path(name).resolve())}


def run_build(production, content=None, output=None, as_of=None):
    """Build safely and print every problem; True when the site was replaced."""
    import datetime

    from tools import sitebuild

    settings = CONFIG["production_settings" if production else "settings"]
    override = {"PATH": str(Path(content).resolve())} if content else None
    today = datetime.date.fromisoformat(as_of) if as_of else None
    os.chdir(ROOT)
    result = sitebuild.build(settings, output or CONFIG["output"], override, today)
    code = sitebuild.report(result)
    sys.stderr.flush()
    return code == 0


def ensure_system_packages():
    """apt-get the tools the tests drive, when root; otherwise they skip."""
    missing = [
        pkg
        for probe, pkg in CONFIG["system_packages"].items()
        if not (Path(probe).exists() if probe.startswith("/") else shutil.which(probe))
    ]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        print(
            f"Not installing {', '.join(missing)} (needs root and apt-get): "
            "the tests that need them will be skipped.",
            flush=True,
        )
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
    )


def ensure_node_packages(c):
    """The HTML validator (vnu.jar) comes pinned from the npm registry."""
    if shutil.which("npm") is None:
        print("npm not found: the HTML validation test will be skipped.", flush=True)
        return
    if not (ROOT / "node_modules" / "vnu-jar").exists():
        c.run("npm ci --no-audit --no-fund --loglevel=error", pty=False)
