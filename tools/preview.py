"""The live preview: rebuild on every save, show the problems in the tab.

livereload (the package Pelican's quickstart uses) watches the folders and
tells the open browser tab to reload. What is ours, and why:

- builds run in a worker process kept warm between saves
  (`tools.sitebuild.Worker`): a page whose text did not change is neither
  read nor checked again, so a save shows in well under a second
  (`tools/bench_build.py`); the worker is started afresh when a plugin,
  the theme or a setting changed, so such an edit reaches the preview
  without a restart (Pelican keeps imported plugin modules for the life of
  a process);
- the site is served by a small WSGI app instead of livereload's static
  handler, so that while the last build failed every page of the tab shows
  the list of problems (file:line, what, how to fix), and gives way to the
  site as soon as a save fixes them;
- every build reloads the tab: livereload skips reloads within 3 s of the
  last one, which lost the second of two quick saves;
- the web editor is served at /admin/ (tools/editor_backend.py), on this
  computer only (never with --lan);
- while the last publish of the configured target did not go live, every
  page carries a band saying so, with its problem lines
  (tools/publishing.py): the editor learns it where they work. It is added
  as the page is served, never built in: the site stays what its content
  makes it.
"""

import contextlib
import html
import mimetypes
import re
import socket
import subprocess
import sys
import time
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


# The band on every page while the last publish did not go live. It uses
# the theme's staff band class (the page's security policy allows the
# inlined stylesheet only, so no style of its own).
PUBLISH_BAND = """<div class="app-draft" id="publish-status" lang="en">
<p><strong>The last publish did not go live.</strong> {when}: {what} The live
site still shows the last good publish. Fix what is listed, and the next
publish puts the site live again:</p><ul>{items}</ul></div>
"""
BODY = re.compile(rb"<body[^>]*>")
# Seconds between two reads of the target's status (it may be over ssh).
STATUS_EVERY = 60
# How often the preview looks for a saved file (livereload's own: 800).
SEEN_EVERY_MS = 200


class Preview:
    """The preview's state: the last build's problem lines, if it failed,
    and the last publish's status of the configured target."""

    def __init__(
        self, output, content=None, as_of=None, settings="pelicanconf.py", status_target=None
    ):
        self.output, self.content, self.as_of = Path(output), content, as_of
        self.settings, self.problems = settings, []
        self.status_target, self.status, self.status_read = status_target, None, 0.0
        self.editor = None  # the web editor at /admin/ (tools/editor_backend.py), if served
        self.reload_script = b""  # livereload's, put into the preview's pages (serve())
        self.worker = None

    def rebuild(self):
        """Build in the warm worker; print what it says; remember a failure."""
        from tools import sitebuild

        if self.worker is None:
            self.worker = sitebuild.Worker(
                self.settings, self.output, self.content, self.as_of, cwd=ROOT
            )
        started = time.monotonic()
        code, printed = self.worker.build()
        printed = [line for line in printed if line.strip()]
        for line in printed:
            print(line, flush=True)
        print(f"(the build took {time.monotonic() - started:.2f} s)", flush=True)
        self.problems = [] if code == 0 else problem_lines(printed)
        self.read_status()
        return code == 0

    def read_status(self, force=False):
        """The configured target's last publish status, read again at most
        once a minute; a target that cannot be read is said once, no band."""
        from tools import deploy, publishing

        if not self.status_target or (
            time.monotonic() - self.status_read < STATUS_EVERY and not force
        ):
            return
        self.status_read = time.monotonic()
        try:
            self.status = publishing.read_status(self.status_target)
        except deploy.DeployError as error:
            if self.status is not False:
                print(f"Could not read the last publish's status: {error}", flush=True)
            self.status = False

    def band(self, body):
        """The page with livereload's script (the tab reloads after each
        build) and, when the last publish did not go live, the publish band
        after <body>."""
        if self.reload_script:
            body = body.replace(b"</head>", self.reload_script + b"</head>", 1)
        if not self.status or self.status.ok:
            return body
        return BODY.sub(lambda m: m.group(0) + publish_band(self.status), body, count=1)

    def __call__(self, environ, start_response):
        """WSGI: the problems while the build is broken, else the built file."""
        path = environ.get("PATH_INFO", "/")
        if self.editor and (path == "/admin" or path.startswith("/admin/")):
            return self.editor(environ, start_response)
        if self.problems and (path.endswith("/") or path.endswith(".html")):
            page = self.band(error_page(self.problems))
            return respond(start_response, "200 OK", "text/html", page)
        file = self.file_for(path)
        if file is None:
            missing = self.output / "404.html"
            body = self.band(missing.read_bytes()) if missing.is_file() else b"Not found"
            return respond(start_response, "404 Not Found", "text/html", body)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        body = file.read_bytes()
        if kind == "text/html":
            body = self.band(body)
        return respond(start_response, "200 OK", kind, body)

    def file_for(self, path):
        """The built file for a URL path: never outside the output folder,
        never a hidden file (the preview serves the built site and nothing else)."""
        if any(part.startswith(".") for part in path.split("/")):
            return None
        target = (self.output / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        inside = target.is_relative_to(self.output.resolve())
        return target if inside and target.is_file() else None


def problem_lines(printed):
    """The lines of a failed build that name a problem (not its summary)."""
    return [line for line in printed if not line.startswith(("Build stopped", "Built the site"))]


def publish_band(status):
    from tools import publishing

    when = f"{publishing.local_time(status.finished or status.started)}"
    what = html.escape(status.message or status.text().splitlines()[0], quote=False)
    lines = status.problems or [status.text().splitlines()[0]]
    items = "".join(f"<li><code>{html.escape(line, quote=False)}</code></li>" for line in lines)
    return PUBLISH_BAND.format(when=when, what=what, items=items).encode("utf-8")


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


# What --lan shows to every device on the network, said before it does.
LAN_WARNING = (
    "Warning: everyone on this network can open this preview, not only your phone. "
    "It shows what is not public yet: drafts, facts the center has not confirmed, "
    "Spanish pages no translator has checked, and the staff notes on them. Use --lan on "
    "a network you trust (not a guest or public Wi-Fi), and stop it with Ctrl+C when done."
)


def print_lan_help(port):
    """The warning, the address to type on a phone, and a QR code of it (segno)."""
    import segno

    print(LAN_WARNING, flush=True)
    addresses = lan_addresses()
    if not addresses:
        print("No network address found: the preview is on this computer only.", flush=True)
        return
    url = f"http://{addresses[0]}:{port}/"
    print(f"On a phone on the same network, open {url} or scan:", flush=True)
    segno.make(url).terminal(compact=True)
    sys.stdout.flush()


def prompt_watcher():
    """livereload's file watcher, as the preview needs it (below)."""
    from livereload.watcher import Watcher
    from tornado import ioloop

    class PromptWatcher(Watcher):
        """livereload looks for saved files every 0.8 s (its fallback when
        pyinotify is missing, as on macOS and Windows): longer than the warm
        build itself. Every 0.2 s a save is seen at once; one look at the
        content folder's file times costs about a millisecond.

        A tab reloads for a save only. livereload also reloads every tab 2 s
        after it starts (for tabs left open by an earlier run), and after its
        first look at the files (it knew none yet): a tab just opened then
        reloaded, and the reload for a save made meanwhile found no tab
        connected, and was lost (the tab kept the old page). So the files'
        times are read before the preview serves, and that start-up reload is
        dropped: the preview has just built the site anyway."""

        def start(self, callback):
            self._changes.clear()
            self.examine()
            ioloop.PeriodicCallback(callback, SEEN_EVERY_MS).start()
            return True

    return PromptWatcher()


RELOAD = {"command": "reload", "path": "*", "liveCSS": True, "liveImg": True}


class ReloadLatch:
    """A build no tab heard of reloads the next tab that connects.

    livereload tells the tabs connected when a build ends, and nobody else:
    a tab reloading at that moment (after the save before, a second apart)
    came back with the older page and stayed on it. So a build that ended
    with no tab connected is remembered, and the next tab to connect is
    told to reload (once: a tab that already has the new page reloads for
    nothing, a tenth of a second)."""

    def __init__(self):
        self.pending = False

    def built(self, connected):
        self.pending = self.pending or not connected

    def connected(self, tab):
        if self.pending:
            self.pending = False
            tab.write_message(RELOAD)


def serve(preview, watched, host, port):
    """Serve the preview with livereload until Ctrl+C."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado import web
    from tornado.wsgi import WSGIContainer

    class PreviewServer(Server):
        """livereload's WSGI container writes its reload script before every
        b"</head>" of every response, whatever its type (livereload 2.7.1):
        it broke the editor's script (decap-cms.js holds that string). The
        preview puts the script into its own pages instead (Preview.band),
        and tornado's plain container serves the rest untouched."""

        def get_web_handlers(self, script):
            preview.reload_script = script
            return [(r".*", web.FallbackHandler, {"fallback": WSGIContainer(self.app)})]

    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0  # every build reloads the tab
    latch = ReloadLatch()
    handshake = LiveReloadHandler.on_message

    def on_message(tab, message):
        handshake(tab, message)
        if tab in LiveReloadHandler.waiters:
            latch.connected(tab)

    LiveReloadHandler.on_message = on_message

    def rebuild():
        preview.rebuild()
        latch.built(bool(LiveReloadHandler.waiters))

    server = PreviewServer(app=preview, watcher=prompt_watcher())
    for path in watched:
        server.watch(str(path), rebuild)
    server.serve(host=host, port=int(port), debug=False, open_url_delay=None)
