"""The commands people run. `invoke --list` is the reference; README.md says when."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "settings": "pelicanconf.py",
    "production_settings": "publishconf.py",
    "output": "output",
    "host": "127.0.0.1",
    "port": 8000,
    "watch": ["content", "theme", "plugins", "pelicanconf.py"],
    # Where `invoke publish --to NAME` goes; --to also takes a local folder.
    "targets": {
        "server": {
            "kind": "rsync",
            "keep": 5,
            "reload": "sudo systemctl reload nginx",
            "target": os.environ.get(
                "IOP_DEPLOY_TARGET", "deploy@iop.mhcsandiego.example:/srv/iop"
            ),
        },
        "github": {"kind": "github", "remote": "origin", "branch": "gh-pages"},
    },
    "headers_files": {"nginx": "deploy/nginx/iop-locations.conf", "netlify": "deploy/_headers"},
    # command or file -> Debian package the tests need (installed as root)
    "system_packages": {
        "chromium": "chromium",
        "nginx": "nginx",
        "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so": "libnginx-mod-http-brotli-static",
        "rsync": "rsync",
        "java": "default-jre-headless",
        "npm": "npm",
        "git": "git",
    },
}


@task(help={"production": "use publishconf.py: absolute URLs, strict checks"})
def build(c, production=False):
    """Build the site into output/ (the old output stays if a check fails)."""
    if not run_build(production):
        raise Exit(code=1)


@task(
    help={
        "content": "content folder to preview (default content/)",
        "output": "where to build it (default output/)",
    }
)
def livereload(c, port=CONFIG["port"], content=None, output=None):
    """Preview on http://127.0.0.1:8000; rebuild and reload on every save."""
    from livereload import Server

    output = str(Path(output or ROOT / CONFIG["output"]).resolve())
    watched = [str(Path(content).resolve())] if content else []
    watched += [str(ROOT / path) for path in CONFIG["watch"] if not (content and path == "content")]

    def rebuild():
        run_build(production=False, content=content, output=output)

    rebuild()
    server = Server()
    for path in watched:
        server.watch(path, rebuild)
    print(f"Preview: http://{CONFIG['host']}:{port}/ (Ctrl+C to stop)", flush=True)
    server.serve(
        host=CONFIG["host"],
        port=int(port),
        root=output,
        default_filename="index.html",
        open_url_delay=None,
    )


@task
def serve(c, port=CONFIG["port"]):
    """Serve output/ as it is, without rebuilding."""
    c.run(
        f"{sys.executable} -m http.server {port} --bind {CONFIG['host']} "
        f"--directory {ROOT / CONFIG['output']}",
        pty=False,
    )


@task(help={"pytest_args": "extra arguments for pytest, e.g. '-k links -x'"})
def test(c, pytest_args=""):
    """Install what the tests need (browser, nginx, validator) and run them all."""
    ensure_system_packages()
    ensure_node_packages(c)
    result = c.run(f"{sys.executable} -m pytest {pytest_args}", warn=True, pty=False)
    raise Exit(code=result.exited)


@task(help={"path": "where, e.g. intensive-outpatient/family-support", "title": "the page heading"})
def new_page(c, path, title):
    """Start a new page with every required field filled in with guidance."""
    from tools.scaffold import new_page_text

    target = ROOT / "content" / "pages" / f"{path.strip('/')}.md"
    if target.exists():
        raise Exit(f"{target.relative_to(ROOT)} already exists - choose another path", 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(new_page_text(title), encoding="utf-8")
    print(f"Created {target.relative_to(ROOT)}: fill in each line, then preview.")


@task(help={"cache_hours": "reuse results younger than this (default 24)"})
def linkcheck(c, cache_hours=24):
    """Check the links to other websites in the built site (needs internet)."""
    from tools import linkcheck as checker

    broken = checker.check_site(
        ROOT / CONFIG["output"], ROOT / ".linkcheck-cache.json", cache_hours=float(cache_hours)
    )
    for line in broken:
        print(line)
    if broken:
        raise Exit(code=1)


@task(
    help={
        "to": "a target name (server, github) or a local folder",
        "pytest_args": "which tests must pass first (default: all)",
        "output": "where to build (default output/)",
    }
)
def publish(c, to, pytest_args="", output=None):
    """Build for production, run the tests, then deploy; refuse if either fails."""
    from tools import deploy

    target, output = target_of(to), output or CONFIG["output"]
    if not run_build(production=True, output=output):
        raise Exit("Publish stopped: the production build failed. Nothing was deployed.", 1)
    tests = c.run(f"{sys.executable} -m pytest -q {pytest_args}", warn=True, pty=False)
    if tests.failed:
        raise Exit("Publish stopped: the tests failed. Nothing was deployed.", 1)
    try:
        if target["kind"] == "github":
            deploy.deploy_github(Path(output).resolve(), target["remote"], target["branch"], ROOT)
            print(f"Published to {target['remote']} {target['branch']}.")
        else:
            release = deploy.deploy_rsync(
                Path(output).resolve(),
                target["target"],
                target.get("keep", deploy.KEEP),
                target.get("reload"),
            )
            print(f"Published release {release} to {target['target']}.")
    except deploy.DeployError as error:
        raise Exit(f"Publish failed, the live site is unchanged: {error}", 1) from None


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
    except deploy.DeployError as error:
        raise Exit(f"Rollback failed: {error}", 1) from None


@task
def headers(c):
    """Rewrite deploy/nginx/iop-locations.conf and deploy/_headers from
    plugins/security_headers.py (run after changing the stylesheet)."""
    for path, text in headers_files().items():
        (ROOT / path).write_text(text, encoding="utf-8")
        print(f"Wrote {path}")


@task
def screenshots(c):
    """Save a picture of every page at 375 and 1280 px wide in screenshots/."""
    ensure_system_packages()
    result = c.run(
        f"{sys.executable} -m pytest tests/browser/test_screenshots.py", warn=True, pty=False
    )
    raise Exit(code=result.exited)


# --- Helpers -----------------------------------------------------------------


def target_of(name):
    if name in CONFIG["targets"]:
        return CONFIG["targets"][name]
    return {"kind": "rsync", "target": str(Path(name).resolve())}


def headers_files():
    """{repository path: text} of the header files, from the one definition."""
    from plugins import inline_css, security_headers

    _, style_hash = inline_css.load_stylesheet(str(ROOT / "theme"))
    return {
        CONFIG["headers_files"]["nginx"]: security_headers.nginx_locations(style_hash),
        CONFIG["headers_files"]["netlify"]: security_headers.headers_file(style_hash),
    }


def run_build(production, content=None, output=None):
    """Build safely and print every problem; True when the site was replaced."""
    from tools import sitebuild

    settings = CONFIG["production_settings" if production else "settings"]
    override = {"PATH": str(Path(content).resolve())} if content else None
    os.chdir(ROOT)
    result = sitebuild.build(settings, output or CONFIG["output"], override)
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
