"""The live preview: rebuild on every save, show the problems in the tab.

livereload (the package Pelican's quickstart uses) watches the folders and
tells the open browser tab to reload. What is ours, and why:

- each build runs in a fresh process (`python -m tools.sitebuild`), so an
  edited plugin or setting reaches the preview without a restart (Pelican
  keeps imported plugin modules for the life of a process);
- the site is served by a small WSGI app instead of livereload's static
  handler, so that while the last build failed every page of the tab shows
  the list of problems (file:line, what, how to fix), and gives way to the
  site as soon as a save fixes them;
- every build reloads the tab: livereload skips reloads within 3 s of the
  last one, which lost the second of two quick saves.
"""

import contextlib
import html
import mimetypes
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ERROR_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The preview is waiting for a fix</title>
<style>body{{font:1.125rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:46rem;
padding:0 1rem;color:#1b262c}}h1{{color:#a4161a}}li{{margin:.5rem 0}}
code{{background:#fbe0e0;padding:.1rem .3rem;overflow-wrap:anywhere}}</style>
</head><body><main>
<h1>The page could not be built</h1>
<p>The last save has {count} problem(s). Fix each one and save again: this
tab shows the site again by itself.</p>
<ul>{items}</ul>
<p>The live site is not affected.</p>
</main></body></html>
"""


class Preview:
    """The preview's state: the last build's problem lines, if it failed."""

    def __init__(self, output, content=None, as_of=None, settings="pelicanconf.py"):
        self.output, self.content, self.as_of = Path(output), content, as_of
        self.settings, self.problems = settings, []

    def command(self):
        command = [
            sys.executable,
            "-m",
            "tools.sitebuild",
            "--settings",
            self.settings,
            "--output",
            str(self.output),
        ]
        if self.content:
            command += ["--content", str(self.content)]
        if self.as_of:
            command += ["--as-of", str(self.as_of)]
        return command

    def rebuild(self):
        """Build in a fresh process; print what it says; remember a failure."""
        run = subprocess.run(self.command(), cwd=ROOT, capture_output=True, text=True)
        printed = [line for line in run.stderr.splitlines() if line.strip()]
        for line in printed:
            print(line, flush=True)
        self.problems = [] if run.returncode == 0 else problem_lines(printed)
        return run.returncode == 0

    def __call__(self, environ, start_response):
        """WSGI: the problems while the build is broken, else the built file."""
        path = environ.get("PATH_INFO", "/")
        if self.problems and (path.endswith("/") or path.endswith(".html")):
            return respond(start_response, "200 OK", "text/html", error_page(self.problems))
        file = self.file_for(path)
        if file is None:
            missing = self.output / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"Not found"
            return respond(start_response, "404 Not Found", "text/html", body)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return respond(start_response, "200 OK", kind, file.read_bytes())

    def file_for(self, path):
        """The built file for a URL path, never outside the output folder."""
        target = (self.output / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        inside = target.is_relative_to(self.output.resolve())
        return target if inside and target.is_file() else None


def problem_lines(printed):
    """The lines of a failed build that name a problem (not its summary)."""
    return [line for line in printed if not line.startswith(("Build stopped", "Built the site"))]


def error_page(problems):
    items = "".join(f"<li><code>{html.escape(line, quote=False)}</code></li>" for line in problems)
    return ERROR_PAGE.format(count=len(problems), items=items).encode("utf-8")


def respond(start_response, status, kind, body):
    if kind.startswith("text/") or kind.endswith(("xml", "svg+xml")):
        kind += "; charset=utf-8"
    start_response(status, [("Content-Type", kind), ("Cache-Control", "no-store")])
    return [body]


def lan_addresses():
    """This machine's IPv4 addresses other than loopback: from its name, or
    (when the name only maps to 127.0.0.1, as on Debian) from `hostname -I`."""
    try:
        found = {i[4][0] for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    except OSError:
        found = set()
    with contextlib.suppress(OSError):
        found |= set(
            subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
        )
    return sorted(a for a in found if "." in a and not a.startswith("127."))


def print_lan_help(port):
    """The address to type on a phone, and a QR code of it (segno)."""
    import segno

    addresses = lan_addresses()
    if not addresses:
        print("No network address found: the preview is on this computer only.", flush=True)
        return
    url = f"http://{addresses[0]}:{port}/"
    print(f"On a phone on the same network, open {url} or scan:", flush=True)
    segno.make(url).terminal(compact=True)
    sys.stdout.flush()


def serve(preview, watched, host, port):
    """Serve the preview with livereload until Ctrl+C."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0  # every build reloads the tab
    server = Server(app=preview)
    for path in watched:
        server.watch(str(path), preview.rebuild)
    server.serve(host=host, port=int(port), debug=False, open_url_delay=None)
