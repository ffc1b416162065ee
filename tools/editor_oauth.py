"""Sign-in to the web editor with GitHub, on the center's own server.

Decap CMS's GitHub backend opens a window at `<site>/admin/oauth/auth`; this
sends the person to GitHub, takes GitHub's answer at
`/admin/oauth/callback`, trades its one-time code for a token (with the
OAuth App's secret, which never leaves the server) and hands the token to
the editor's window by Decap's message handshake, to our own origin only.
Netlify Identity (deprecated) is not needed, and no third party sees the
token. Ours because it is this small: the community OAuth servers for
Decap are whole web apps to run beside it.

Who may then save is GitHub's decision (write access to the repository),
and every save is a pull request the tests run on; `Access.allows` below
asks GitHub the same for the editor's checks.

Settings (environment, /etc/iop-editor.env): IOP_GITHUB_CLIENT_ID,
IOP_GITHUB_CLIENT_SECRET; tests point IOP_GITHUB_URL and IOP_GITHUB_API at a
stand-in on loopback (GitHub itself cannot run here).
"""

import hashlib
import html
import json
import secrets
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

STATE_COOKIE = "iop_oauth_state"
# A token GitHub confirmed is trusted this long before it is asked again.
TRUST_SECONDS = 600
WRITERS = ("admin", "maintain", "write")


@dataclass
class Access:
    """GitHub, as the editor's server talks to it."""

    repo: str  # owner/name
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    web: str = "https://github.com"
    api: str = "https://api.github.com"
    known: dict = field(default_factory=dict, repr=False)  # token digest -> (login, until)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def request(self, url, data=None, token=None):
        headers = {"Accept": "application/json", "User-Agent": "iop-editor"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers)
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 (configured https)
            return json.loads(response.read() or b"null")

    def authorize_url(self, redirect_uri, state, scope="repo"):
        query = urllib.parse.urlencode(
            {
                "client_id": self.client_id,
                "redirect_uri": redirect_uri,
                "scope": scope,
                "state": state,
            }
        )
        return f"{self.web}/login/oauth/authorize?{query}"

    def token_for(self, code, redirect_uri):
        answer = self.request(
            f"{self.web}/login/oauth/access_token",
            {
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "code": code,
                "redirect_uri": redirect_uri,
            },
        )
        if not isinstance(answer, dict) or not answer.get("access_token"):
            raise PermissionError((answer or {}).get("error_description") or "GitHub gave no token")
        return answer["access_token"]

    def allows(self, token):
        """The login of a token that may write to the repository, else None."""
        if not token:
            return None
        digest = hashlib.sha256(token.encode()).hexdigest()
        with self.lock:
            login, until = self.known.get(digest, (None, 0.0))
        if login and until > time.monotonic():
            return login
        try:
            login = self.request(f"{self.api}/user", token=token)["login"]
            quoted = urllib.parse.quote(login)
            permission = self.request(
                f"{self.api}/repos/{self.repo}/collaborators/{quoted}/permission", token=token
            )["permission"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if permission not in WRITERS:
            return None
        with self.lock:
            self.known[digest] = (login, time.monotonic() + TRUST_SECONDS)
        return login


HANDSHAKE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Signing in</title></head>
<body><p>{words}</p>
<script nonce="{nonce}">
(function () {{
  var origin = {origin};
  var message = {message};
  function answer(event) {{
    if (event.origin !== origin || event.data !== 'authorizing:github') return;
    window.removeEventListener('message', answer);
    window.opener.postMessage(message, origin);
  }}
  window.addEventListener('message', answer);
  if (window.opener) window.opener.postMessage('authorizing:github', origin);
}})();
</script></body></html>
"""


def handshake_page(origin, token=None, error=None):
    """(page, its security policy): Decap's handshake, to `origin` only."""
    if token:
        message = "authorization:github:success:" + json.dumps(
            {"token": token, "provider": "github"}
        )
        words = "Signed in. This window closes by itself."
    else:
        message = "authorization:github:error:" + json.dumps({"message": error or "not signed in"})
        words = "Not signed in: " + html.escape(error or "GitHub said no") + ". Close this window."
    nonce = secrets.token_urlsafe(16)
    page = HANDSHAKE.format(
        words=words,
        nonce=nonce,
        origin=json.dumps(origin),
        message=json.dumps(message).replace("</", "<\\/"),
    )
    policy = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; base-uri 'none'; frame-ancestors 'none'"
    )
    return page.encode(), policy


def cookie_value(environ, name):
    for part in environ.get("HTTP_COOKIE", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""
