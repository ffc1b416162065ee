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
        "node": "nodejs",
        "git": "git",
        "systemd-analyze": "systemd",
    },
}


@task(
    help={
        "production": "use publishconf.py (absolute URLs, strict checks) and write publish/",
        "as_of": "build the site as of this day, e.g. 2026-12-24 or 12/24/2026 (which notices show)",
        "content": "build this content folder instead of content/",
    }
)
def build(c, production=False, as_of=None, content=None):
    """Build the site into output/ (production: publish/); a failed check keeps the old one."""
    output = CONFIG["production_output" if production else "output"]
    if not run_build(production, content, output, as_of).ok:
        raise Exit(code=1)


@task(
    help={
        "content": "content folder to preview (default content/)",
        "output": "where to build it (default output/)",
        "as_of": "preview the site as of this day, e.g. 2026-12-24 or 12/24/2026 (which notices show)",
        "lan": "listen on the local network too, to look at the preview on a phone",
        "status_from": "show a band while the last publish to this target did not go live "
        "(default: IOP_DEPLOY_TARGET, when set)",
    }
)
def livereload(
    c, port=CONFIG["port"], content=None, output=None, as_of=None, lan=False, status_from=None
):
    """Preview on http://127.0.0.1:8000; rebuild and reload on every save."""
    from tools import preview

    output = Path(output or ROOT / CONFIG["output"]).resolve()
    content = Path(content).resolve() if content else None
    watched = [content] if content else []
    watched += [ROOT / path for path in CONFIG["watch"] if not (content and path == "content")]
    as_of = day_of(as_of)
    status_from = status_from or os.environ.get("IOP_DEPLOY_TARGET")
    status_target = target_of(status_from).get("target") if status_from else None
    site = preview.Preview(output, content, as_of, status_target=status_target)
    if not lan:
        from tools import editor_backend

        site.editor = editor_backend.Editor(
            content or ROOT / "content", as_of=as_of, status=lambda: site.status or None
        )
    site.rebuild()
    print(f"Preview: http://{CONFIG['host']}:{port}/ (Ctrl+C to stop)", flush=True)
    if lan:
        preview.print_lan_help(port)
        print("The web editor (/admin/) is off while the preview is open to the network.")
    else:
        print(f"Web editor: http://{CONFIG['host']}:{port}/admin/", flush=True)
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
    from tools import editor_assets

    editor_assets.ensure()  # the web editor's bundle, for its tests


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
    positional=[],
    help={
        "path": "where, e.g. intensive-outpatient/family-support (required)",
        "title": "the page heading (required)",
        "section": "about-iop, getting-care, for-families, about-us or footer "
        "(default: the section of the page above it, else getting-care)",
        "nav_order": "its place in the menu (default: after every other page)",
        "content": "the content folder (default content/)",
    },
)
def new_page(c, path=None, title=None, section=None, nav_order=None, content=None):
    """Start a new page with every field a page needs, in the menu at once."""
    path, title = required("path", path), required("title", title)
    from pelican.settings import read_settings

    from plugins.checks.scaffold import new_page_text
    from plugins.lib import build, datafile, fields

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
    today = build.today(read_settings(str(ROOT / CONFIG["settings"])))
    target.write_text(new_page_text(title, nav_order, section, today), encoding="utf-8")
    print(
        f"Created {os.path.relpath(target)} (menu: {section}, place {nav_order}): "
        "replace the guidance, then preview. Production refuses it until you do."
    )


@task(
    positional=[],
    help={
        "of": "the English page, under content/pages/, e.g. getting-started.md (required)",
        "path": "the Spanish page's path under content/pages/, e.g. es/como-empezar (required)",
        "content": "another content folder (default: content/)",
    },
)
def new_translation(c, of=None, path=None, content=None):
    """Start the Spanish page of an English page, with the English text to translate over."""
    of, path = required("of", of), required("path", path)
    from plugins.lib import datafile

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
        "preview. It goes live once a qualified medical translator has checked it: the "
        "build names the Translation-checked line to write then."
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
    positional=[],
    help={
        "to": "a target name (server, github) or a local folder (required)",
        "content": "publish this content folder instead of content/",
        "as_of": "build the site as of this date, YYYY-MM-DD (default: today in San Diego)",
        "output": "where the production build goes (default publish/)",
        "summary": "also append the outcome, in Markdown, to this file (a GitHub job summary)",
        "lift_hold": "publish even the source a rollback took off the site",
    },
)
def publish(c, to=None, content=None, as_of=None, output=None, summary=None, lift_hold=False):
    """Build for production, check that exact build, deploy it; every run records how it ended."""
    from tools import publishing

    if production_mode() != "production":
        raise Exit("Publish refused: STAGING=1 builds are for review and never go live.", 1)
    target, clock = target_of(required("to", to)), Stopwatch()
    output = Path(output or ROOT / CONFIG["production_output"]).resolve()
    source = publishing.source_of(Path(content or ROOT / "content"))
    steps = publishing.Steps(
        build=lambda: clock.timed("build", production_build, content, output, as_of),
        check=lambda: clock.timed("release checks", release_checks, output),
        deploy=lambda locked: clock.timed("deploy", deploy_step, target, output, source),
    )
    if target["kind"] == "github":
        repo = target.get("repo", ROOT)
        status = publishing.publish_github(target["remote"], repo, source, steps, lift_hold)
    else:
        status = publishing.publish_rsync(target["target"], source, steps, lift_hold)
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(status.markdown())
    if status.result == "published":
        print(f"Published release {status.release} in {clock.total():.1f} s ({clock}).", flush=True)
        return
    print(status.text(), file=sys.stderr if not status.ok else sys.stdout, flush=True)
    if not status.ok:
        raise Exit(code=1)


@task(positional=[], help={"to": "a target name (server, github) or a local folder (required)"})
def rollback(c, to=None):
    """Go back to the previous release of a target; it stays until a new commit is published."""
    from tools import deploy, publishing

    target = target_of(required("to", to))
    try:
        if target["kind"] == "github":
            held = deploy.rollback_github(
                target["remote"], target["branch"], target.get("repo", ROOT)
            )
            print(f"Rolled {target['branch']} back one commit.")
        else:
            fallback = publishing.source_of(ROOT / "content")
            live, held = publishing.rollback_rsync(target["target"], target.get("reload"), fallback)
            print(f"Now serving release {live}.")
    except deploy.TargetBusy as error:
        raise Exit(f"Rollback not started: {error}", 1) from None
    except deploy.DeployError as error:
        raise Exit(f"Rollback failed: {error}", 1) from None
    if held:
        print(
            "Scheduled publishes of the same commit leave this rollback live; "
            "the next new commit on main goes live as usual."
        )


@task(positional=[], help={"to": "a target name (server) or a local folder (required)"})
def publish_status(c, to=None):
    """Print how the last publish to a target ended (exit 1 if it did not publish)."""
    status = read_status_of(target_of(required("to", to)))
    print(status.text())
    if not status.ok:
        raise Exit(code=1)


@task(positional=[], help={"to": "a target name (server) or a local folder (required)"})
def publish_alert(c, to=None):
    """Mail the last publish's problems to IOP_ALERT_EMAIL (systemd runs it when a publish fails)."""
    import smtplib

    from tools import alert

    target = target_of(required("to", to))
    try:
        status = read_status_of(target)
        text = status.text()
        if status.ok:
            text += "\n(That run published: the run that failed stopped before it could publish.)"
    except Exit as error:
        text = f"The publish stopped before it could record why: {error.message}"
    text += "\nWhat the run printed: journalctl -u iop-publish"
    try:
        print(alert.send(text, os.environ))
    except (OSError, smtplib.SMTPException) as error:
        raise Exit(f"Could not mail the status ({error}):\n{text}", 1) from None


@task
def headers(c):
    """Rewrite the generated files in deploy/ (run after changing the stylesheet)."""
    from tools import nginx_conf

    for path, text in nginx_conf.repository_files().items():
        (ROOT / path).write_text(text, encoding="utf-8")
        print(f"Wrote {path}")


@task(
    help={
        "format": "text (default), or csv: one row per item with an owner column",
        "content": "the content folder (default content/)",
    }
)
def confirm_list(c, format="text", content=None):
    """List what the center must confirm before the site goes live, by who answers it."""
    import contextlib
    import io
    import tempfile

    from pelican.settings import read_settings

    from plugins.reading import to_confirm
    from tools import sitebuild

    override = {"PATH": str(Path(content).resolve())} if content else {}
    settings = read_settings(str(ROOT / CONFIG["settings"]), override=override)
    items = to_confirm.checklist(settings)
    if format == "csv":
        sys.stdout.write(to_confirm.checklist_csv(items))
        return
    if format != "text":
        raise Exit("--format: use text or csv", 2)
    if items:
        print(to_confirm.checklist_text(items))
        print("The preview lists the same at http://127.0.0.1:8000/confirm/")
        return
    # "Nothing to confirm" means production builds: ask the production build.
    with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(io.StringIO()):
        os.chdir(ROOT)
        result = sitebuild.build(
            CONFIG["production_settings"], os.path.join(folder, "site"), override or None
        )
    if result.ok:
        print("Nothing to confirm: production builds.")
        return
    print("\nNothing for the center to confirm, but production refuses these editors' problems:")
    for line in result.errors:
        print(f"  {line}")
    raise Exit(code=1)


@task
def screenshots(c):
    """Build the site, then save a picture of every page at 375 and 1280 px in screenshots/."""
    ensure_system_packages()
    if not run_build(False).ok:
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

    def timed(self, name, step, *args):
        """Run one step and time it."""
        self.last = time.monotonic()
        result = step(*args)
        self.lap(name)
        return result

    def __str__(self):
        return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.laps)


def production_mode():
    """The mode publishconf.py gives a production build (it reads STAGING)."""
    from pelican.settings import read_settings

    return read_settings(str(ROOT / CONFIG["production_settings"]))["BUILD"]["mode"]


def production_build(content, output, as_of):
    """(ok, the lines that stopped it, the summary of pages held back or marked)."""
    from tools import sitebuild

    result = run_build(True, content, output, as_of)
    return result.ok, result.errors, sitebuild.summary_lines(result.problems)


def release_checks(output):
    """Run every release check on the build; print each problem; (ok, lines, [])."""
    from pelican.settings import read_settings

    from tools import release_checks as checks

    siteurl = read_settings(str(ROOT / CONFIG["production_settings"]))["SITEURL"]
    lines = []
    for name, problems, seconds in checks.run_all(output, siteurl):
        print(f"Release check, {name}: {len(problems)} problem(s) ({seconds:.1f} s)", flush=True)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        lines += [f"{name}: {line}" for line in problems]
    return not lines, lines, []


def deploy_step(target, output, source):
    """Deploy a checked build (the target's lock is held); the release's name."""
    from tools import deploy, nginx_conf, publishing

    name = deploy.release_name()
    if target["kind"] == "github":
        message = f"Publish {name} of {publishing.source_key(source)}"
        repo = target.get("repo", ROOT)
        deploy.deploy_github(output, target["remote"], target["branch"], repo, message)
        return name
    deploy.nginx_check(ROOT / nginx_conf.LOCATIONS_FILE)(output)
    return deploy.deploy_locked(
        output, target["target"], target.get("keep", deploy.KEEP), target.get("reload")
    )


def read_status_of(target):
    """The last publish's status of a folder or server target, or Exit."""
    from tools import deploy, publishing

    if target["kind"] == "github":
        raise Exit("GitHub Pages keeps no status file: see the workflow's runs on GitHub.", 1)
    try:
        status = publishing.read_status(target["target"])
    except deploy.DeployError as error:
        raise Exit(f"Could not read the status of {target['target']}: {error}", 1) from None
    if status is None:
        raise Exit(f"No publish has run to {target['target']} yet.", 1)
    return status


def day_of(as_of):
    """The day an --as-of names, in the forms people type; Exit otherwise."""
    from plugins.lib.build import NotADay, parse_day

    try:
        return parse_day(as_of) if as_of else None
    except NotADay as error:
        raise Exit(f"--as-of: {error}", 2) from None


def required(name, value):
    """Invoke has no required options: a missing one is named, and an option
    given where a value should be (--to --help) is never taken as one."""
    if not value or str(value).startswith("-"):
        raise Exit(f"Give --{name.replace('_', '-')} (see `invoke --help <task>`).", 1)
    return value


def target_of(name):
    if name in CONFIG["targets"]:
        return CONFIG["targets"][name]
    return {"kind": "rsync", "target": str(Path(name).resolve())}


def run_build(production, content=None, output=None, as_of=None):
    """Build safely and print every problem; the build's Result."""

    from tools import sitebuild

    settings = CONFIG["production_settings" if production else "settings"]
    override = {"PATH": str(Path(content).resolve())} if content else None
    today = day_of(as_of)
    os.chdir(ROOT)
    # alone: an invoke process builds once (plugins/lib/beside.py).
    result = sitebuild.build(settings, output or CONFIG["output"], override, today, alone=True)
    sitebuild.report(result)
    sys.stderr.flush()
    return result


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
