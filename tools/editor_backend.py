"""The web editor at /admin/ of the live preview: Decap CMS, its
configuration, and the local backend that reads and writes content/.

Decap CMS talks to a "proxy" backend over one JSON endpoint (the protocol
of its own decap-server, fs mode). Ours is written here, not decap-server,
because the save must pass through our checks: a save runs the real build
on the content as it would be (tools/editor_checks.py), and an error stops
it with our lines, before anything is written. decap-server is also Node,
which the preview does not need.

What it may touch is listed, never guessed (ALLOWED below): pages, notices,
facts, the center's details, the old addresses and photos, each under
content/; nothing hidden, no link, no parent folder. Requests must come
from this machine's own page: the Host is the loopback address, a POST is
JSON, from the same origin (a website the editor's browser visits cannot
post here). With --lan the editor is not served at all: the preview is
then open to the network, and an editor must not be.

On the center's server (tools/editor_service.py) the same app serves the
editor with the GitHub backend: saves go to GitHub as pull requests, so
/admin/api/v1 is not served; sign-in is /admin/oauth/ (tools/editor_oauth.py),
and the checks answer people with write access only.

Routes (all under /admin/):
  /admin/                  the editor page (its own security policy)
  /admin/config.yml        the configuration, from tools/editor_config.py
  /admin/decap-cms.js ...  the pinned bundle (tools/editor_assets.py)
  /admin/iop-*.js, .css    our formats, preview pane, checks and status
  /admin/api/v1            Decap's proxy backend (POST JSON)
  /admin/api/check         the build's problems for unsaved files
  /admin/api/status        the last publish (tools/publishing.py)
  /admin/preview/N/...     the scratch build a preview pane shows
"""

import base64
import hashlib
import json
import mimetypes
import os
import re
import secrets
import urllib.parse
from pathlib import Path

from tools import editor_assets, editor_checks, editor_config, editor_oauth

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "editor"
PREFIX = "/admin"
# What the editor may write, as paths under the project: one rule per
# kind of file the configuration offers.
ALLOWED = [
    re.compile(r"content/pages/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\.md"),
    re.compile(r"content/notices/(?:en|es)/[a-z0-9]+(?:-[a-z0-9]+)*\.md"),
    re.compile(r"content/facts/[a-z0-9]+(?:-[a-z0-9]+)*\.txt"),
    re.compile(r"content/center\.txt"),
    re.compile(r"content/redirects\.txt"),
    re.compile(r"content/images/[a-z0-9]+(?:-[a-z0-9]+)*\.(?:jpg|jpeg|png|webp|avif|gif|svg)"),
]
# Facts are answered, not made or removed, from the editor (a developer
# adds a fact with the pages that ask it).
NOT_DELETED = re.compile(r"content/(?:facts/|center\.txt|redirects\.txt)")
MAX_REQUEST = 30_000_000  # a photo of 20 MB, base64
# The editor page's own policy: everything from here; Decap's styles are
# written by its script (emotion) and its config is checked with ajv,
# which compiles validators (unsafe-eval); previews in frames of our own.
ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' blob:; "
    "frame-src 'self' blob:; worker-src 'self' blob:; font-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)


class Refused(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status, self.message = status, message


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class Editor:
    """The /admin/ app. `status`: a callable answering the last publish's
    status (tools/publishing.Status) or None."""

    def __init__(
        self,
        content,
        settings="pelicanconf.py",
        as_of=None,
        status=None,
        checker=None,
        access=None,
        public_url="",
    ):
        """`access` (tools/editor_oauth.Access) and `public_url` make it the
        center's server (tools/editor_service.py): the editor saves to
        GitHub as pull requests, people sign in with GitHub, and the checks
        answer only those who may write to the repository. Without them it
        is the local editor of the live preview."""
        # Paths the editor names start "content/": the content folder,
        # wherever it is (the preview's --content).
        self.content = Path(content).resolve()
        self.checker = checker or editor_checks.Checker(self.content, settings, as_of)
        self.status = status or (lambda: None)
        self.assets = None
        self.access, self.public_url = access, public_url.rstrip("/")
        self.previews = {}  # scratch build number -> the secret in its address

    # --- HTTP ------------------------------------------------------------------

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "/")
        try:
            self.guard(environ)
            if path.startswith(f"{PREFIX}/oauth/") and self.access:
                return self.oauth(environ, start_response, path)
            if environ.get("REQUEST_METHOD") == "POST":
                body = self.read_json(environ)
                if path == f"{PREFIX}/api/v1" and not self.access:
                    return self.json(start_response, self.api(body))
                if path == f"{PREFIX}/api/check":
                    self.signed_in(environ)
                    return self.json(start_response, self.check(body))
                raise Refused("404 Not Found", "no such address")
            if path in (PREFIX, f"{PREFIX}/"):
                return self.file(start_response, STATIC / "index.html", policy=True)
            if path == f"{PREFIX}/config.yml":
                return self.send(start_response, "200 OK", "text/yaml", self.config_text().encode())
            if path == f"{PREFIX}/api/status":
                self.signed_in(environ)
                return self.json(start_response, self.publish_status())
            if path.startswith(f"{PREFIX}/preview/"):
                return self.preview_file(start_response, path)
            return self.static(start_response, path.removeprefix(f"{PREFIX}/"))
        except Refused as refused:
            return self.json(start_response, {"error": refused.message}, refused.status)

    def guard(self, environ):
        """Only the editor's own page may use the editor: the local one on
        this machine's loopback Host (no DNS rebinding), the server's on its
        public host; a POST is same-origin JSON."""
        host = environ.get("HTTP_HOST", "")
        if self.public_url:
            if host != urllib.parse.urlsplit(self.public_url).netloc:
                raise Refused("403 Forbidden", "the editor answers at its own address only")
        elif host.rsplit(":", 1)[0].strip("[]") not in ("127.0.0.1", "localhost", "::1"):
            raise Refused("403 Forbidden", "the editor answers on this computer only")
        if environ.get("REQUEST_METHOD") != "POST":
            return
        if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            raise Refused("415 Unsupported Media Type", "send JSON")
        origin = environ.get("HTTP_ORIGIN")
        if origin and origin.split("://", 1)[-1] != host:
            raise Refused("403 Forbidden", "the editor takes requests from its own page only")

    def signed_in(self, environ):
        """On the server: the person's GitHub token may write to the repository."""
        if not self.access:
            return
        token = environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").removeprefix("token ")
        if not self.access.allows(token.strip()):
            raise Refused("401 Unauthorized", "sign in with GitHub (write access to the site)")

    def config_text(self):
        if not self.access:
            return editor_config.as_yaml(editor_config.config(str(self.content)))
        settings = editor_config.config(
            str(self.content),
            "github",
            repo=self.access.repo,
            base_url=self.public_url,
            site_url=self.public_url,
        )
        return editor_config.as_yaml(settings)

    def oauth(self, environ, start_response, path):
        """GitHub sign-in (tools/editor_oauth.py): /admin/oauth/auth sends
        the person to GitHub; /admin/oauth/callback hands the token over."""
        callback = f"{self.public_url}{PREFIX}/oauth/callback"
        if path == f"{PREFIX}/oauth/auth":
            state = secrets.token_urlsafe(24)
            cookie = (
                f"{editor_oauth.STATE_COOKIE}={state}; Path={PREFIX}/oauth/; Max-Age=600; "
                "HttpOnly; Secure; SameSite=Lax"
            )
            location = self.access.authorize_url(callback, state)
            start_response(
                "302 Found",
                [("Location", location), ("Set-Cookie", cookie), ("Cache-Control", "no-store")],
            )
            return [b""]
        if path != f"{PREFIX}/oauth/callback":
            raise Refused("404 Not Found", "no such address")
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        state = (query.get("state") or [""])[0]
        expected = editor_oauth.cookie_value(environ, editor_oauth.STATE_COOKIE)
        token, error = None, None
        if not state or not expected or not secrets.compare_digest(state, expected):
            error = "the sign-in was not started here (or took over 10 minutes): try again"
        else:
            try:
                token = self.access.token_for((query.get("code") or [""])[0], callback)
            except (OSError, ValueError, PermissionError) as refused:
                error = f"GitHub refused: {refused}"
        page, policy = editor_oauth.handshake_page(self.public_url, token, error)
        headers = [
            ("Content-Security-Policy", policy),
            (
                "Set-Cookie",
                f"{editor_oauth.STATE_COOKIE}=; Path={PREFIX}/oauth/; Max-Age=0; HttpOnly; Secure",
            ),
        ]
        return self.send(start_response, "200 OK", "text/html", page, headers)

    def read_json(self, environ):
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_REQUEST:
            raise Refused("413 Content Too Large", "too big: a photo is at most 20 MB")
        try:
            return json.loads(environ["wsgi.input"].read(length) or b"{}")
        except ValueError:
            raise Refused("400 Bad Request", "not JSON") from None

    def send(self, start_response, status, kind, body, headers=()):
        if kind.startswith("text/") or kind.endswith(("json", "javascript")):
            kind += "; charset=utf-8"
        start_response(
            status,
            [
                ("Content-Type", kind),
                ("Cache-Control", "no-store"),
                ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", "no-referrer"),
                ("X-Robots-Tag", "noindex"),
                *headers,
            ],
        )
        return [body]

    def json(self, start_response, data, status="200 OK"):
        return self.send(start_response, status, "application/json", json.dumps(data).encode())

    def file(self, start_response, path, policy=False):
        if not path.is_file():
            raise Refused("404 Not Found", "no such file")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".wasm":
            kind = "application/wasm"
        headers = [("Content-Security-Policy", ADMIN_CSP)] if policy else []
        return self.send(start_response, "200 OK", kind, path.read_bytes(), headers)

    def static(self, start_response, name):
        """Our files in editor/, else the bundle's (fetched on first use)."""
        if "/" in name or name.startswith(".") or not name:
            raise Refused("404 Not Found", "no such file")
        if (STATIC / name).is_file():
            return self.file(start_response, STATIC / name)
        if self.assets is None:
            try:
                self.assets = editor_assets.ensure()
            except editor_assets.Unavailable as error:
                raise Refused("503 Service Unavailable", str(error)) from None
        return self.file(start_response, self.assets / name)

    def preview_file(self, start_response, path):
        """A file of a scratch build (/admin/preview/N/a/b/), never outside it."""
        parts = path.removeprefix(f"{PREFIX}/preview/").split("/", 1)
        number, _, secret = parts[0].partition("-")
        known = self.previews.get(number, "")
        if not known or not secrets.compare_digest(secret, known) or ".." in path.split("/"):
            raise Refused("404 Not Found", "no such preview")
        output = (self.checker.work / f"build-{number}" / "output").resolve()
        target = (output / (parts[1] if len(parts) > 1 else "")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(output) or not target.is_file():
            raise Refused("404 Not Found", "this preview is gone: type again to make a new one")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return self.send(start_response, "200 OK", kind, target.read_bytes())

    # --- Paths -------------------------------------------------------------------

    def allowed(self, relative, for_delete=False):
        """The file under the project for a path the editor names, if the
        editor may write it; else Refused."""
        if not isinstance(relative, str) or not any(r.fullmatch(relative) for r in ALLOWED):
            raise Refused("403 Forbidden", f"the editor may not write {relative!r}")
        if for_delete and NOT_DELETED.match(relative):
            raise Refused("403 Forbidden", f"{relative} is not deleted from the editor")
        target = self.on_disk(relative)
        for parent in [target, *target.parents]:
            if parent == self.content:
                break
            if parent.is_symlink():
                raise Refused("403 Forbidden", f"{relative} goes through a link")
        return target

    def on_disk(self, relative):
        return self.content / relative.removeprefix("content/")

    def named(self, path):
        return "content/" + path.relative_to(self.content).as_posix()

    def readable(self, relative):
        """A file the editor may read: one it may write, or a folder's files."""
        target = self.allowed(relative)
        return target if target.is_file() else None

    # --- Decap's proxy backend -------------------------------------------------------

    def api(self, body):
        action, params = body.get("action"), body.get("params") or {}
        handler = getattr(self, f"action_{action}", None) if isinstance(action, str) else None
        if handler is None:
            raise Refused("422 Unprocessable Entity", f"Unknown action {action}")
        return handler(params)

    def action_info(self, params):
        return {"repo": self.content.name, "publish_modes": ["simple"], "type": "local_fs"}

    def entry(self, relative):
        # A path it may not write reads as missing: Decap asks whether an
        # entry exists before it names a new one.
        try:
            target = self.readable(relative)
        except Refused:
            target = None
        if target is None:
            return {"data": None, "file": {"path": relative, "id": None}}
        data = target.read_bytes()
        return {
            "data": data.decode("utf-8", "replace"),
            "file": {"path": relative, "id": sha256(data)},
        }

    def folder_files(self, folder, extension, depth):
        if not folder.startswith("content/") or ".." in folder.split("/"):
            return []
        base = self.on_disk(folder)
        if not base.is_dir():
            return []
        found = []
        for here, folders, files in os.walk(base):
            level = Path(here).relative_to(base).parts
            folders[:] = (
                sorted(f for f in folders if not f.startswith("."))
                if len(level) + 1 < depth
                else []
            )
            for name in sorted(files):
                relative = self.named(Path(here) / name)
                if name.endswith(extension) and any(r.fullmatch(relative) for r in ALLOWED):
                    found.append(relative)
        return found

    def action_entriesByFolder(self, params):
        files = self.folder_files(
            str(params.get("folder", "")),
            str(params.get("extension", "")),
            int(params.get("depth") or 1),
        )
        return [self.entry(path) for path in files]

    def action_entriesByFiles(self, params):
        return [
            dict(
                self.entry(f.get("path")),
                file=dict(self.entry(f.get("path"))["file"], label=f.get("label")),
            )
            for f in params.get("files", [])
        ]

    def action_getEntry(self, params):
        return self.entry(params.get("path"))

    def media_file(self, relative):
        target = self.readable(relative)
        if target is None:
            raise Refused("404 Not Found", f"no photo {relative}")
        data = target.read_bytes()
        return {
            "id": sha256(data),
            "content": base64.b64encode(data).decode(),
            "encoding": "base64",
            "path": relative,
            "name": target.name,
        }

    def action_getMedia(self, params):
        folder = str(params.get("mediaFolder", ""))
        return [self.media_file(path) for path in self.folder_files(folder, "", 1)]

    def action_getMediaFile(self, params):
        return self.media_file(params.get("path"))

    def decoded_assets(self, assets):
        found = {}
        for asset in assets or []:
            relative = asset.get("path")
            self.allowed(relative)
            try:
                found[relative] = base64.b64decode(asset.get("content", ""), validate=True)
            except ValueError:
                raise Refused("400 Bad Request", f"{relative}: not base64") from None
        return found

    def gate(self, changes):
        """Refused with the build's own lines when the change brings an error."""
        checked = self.checker.check(
            {path.removeprefix("content/"): data for path, data in changes.items()}
        )
        if checked.ok:
            return checked
        lines = [problem_line(p) for p in checked.new_errors] + checked.other_errors
        raise Refused("422 Unprocessable Entity", "Not saved: " + " | ".join(lines))

    def action_persistEntry(self, params):
        files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
        changes = {}
        moves = []
        for data_file in files:
            self.allowed(data_file.get("path"))
            raw = data_file.get("raw")
            if not isinstance(raw, str):
                raise Refused("400 Bad Request", "no text to save")
            changes[data_file["path"]] = raw.encode("utf-8")
            if data_file.get("newPath"):
                self.allowed(data_file["newPath"])
                moves.append((data_file["path"], data_file["newPath"]))
        for old, new in moves:
            changes[new] = changes.pop(old)
            changes[old] = None
        changes.update(self.decoded_assets(params.get("assets")))
        self.gate(changes)
        self.write(changes)
        return {"message": "entry persisted"}

    def action_persistMedia(self, params):
        """A photo uploaded from the media library, named as content/images/
        requires (lowercase letters, digits, hyphens): the editor then uses
        the name this answers with."""
        asset = dict(params.get("asset") or {})
        asset["path"] = media_name(str(asset.get("path", "")))
        changes = self.decoded_assets([asset])
        self.gate(changes)
        self.write(changes)
        return self.media_file(asset["path"])

    def action_deleteFile(self, params):
        return self.action_deleteFiles({"paths": [params.get("path")]})

    def action_deleteFiles(self, params):
        paths = params.get("paths") or []
        changes = {}
        for relative in paths:
            self.allowed(relative, for_delete=True)
            changes[relative] = None
        self.gate(changes)
        self.write(changes)
        return {"message": f"deleted files {', '.join(paths)}"}

    def action_getDeployPreview(self, params):
        return None

    def write(self, changes):
        """Each file whole (a temporary file renamed over it), or removed."""
        for relative, data in changes.items():
            target = self.allowed(relative)
            if data is None:
                if target.is_file():
                    target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.saving")
            temporary.write_bytes(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)

    # --- Our own endpoints -----------------------------------------------------------

    def check(self, body):
        """The problems of unsaved files, and the preview of the page."""
        files = body.get("files") or []
        changes = {}
        for item in files:
            self.allowed(item.get("path"))
            if not isinstance(item.get("text"), str):
                raise Refused("400 Bad Request", "no text to check")
            changes[item["path"]] = item["text"].encode("utf-8")
        # Photos chosen for the entry but not saved yet, as Decap will save them.
        media = [
            {"path": m.get("path"), "content": m.get("content", "")}
            for m in body.get("media") or []
        ]
        changes.update(self.decoded_assets(media))
        checked = self.checker.check(
            {path.removeprefix("content/"): data for path, data in changes.items()}
        )
        preview = None
        if checked.output is not None and files:
            url = editor_checks.url_of(files[0]["path"])
            if (checked.output / url.lstrip("/") / "index.html").is_file():
                # An address nobody can guess: a preview shows what is not public.
                number = checked.output.parent.name.split("-")[1]
                self.previews = {n: t for n, t in self.previews.items() if int(n) > int(number) - 8}
                self.previews[number] = secrets.token_urlsafe(16)
                preview = f"{PREFIX}/preview/{number}-{self.previews[number]}{url}"
        mine = {item["path"] for item in files}
        return {
            "ok": checked.ok,
            "problems": [
                dict(p, text=problem_line(p))
                for p in checked.problems
                if p["path"] in mine or p in checked.new_errors
            ],
            "new_errors": [problem_line(p) for p in checked.new_errors] + checked.other_errors,
            "preview": preview,
        }

    def publish_status(self):
        status = self.status()
        if not status:
            return {"known": False}
        return {
            "known": True,
            "ok": status.ok,
            "message": status.message,
            "problems": list(status.problems or []),
            "text": status.text(),
        }


def media_name(path):
    """content/images/Group_Room 2.JPG -> content/images/group-room-2.jpg."""
    folder, _, name = path.rpartition("/")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "photo"
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())
    return f"{folder}/{stem}.{extension}" if extension else f"{folder}/{stem}"


def problem_line(problem):
    where = f"{problem['path']}:{problem['line']}" if problem["line"] else problem["path"]
    return f"{where}: {problem['what']} - {problem['fix']}"
