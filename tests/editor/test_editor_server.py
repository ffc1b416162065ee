"""The web editor on the center's server (tools/editor_service.py): GitHub
sign-in without Netlify, the checks for people who may write only, and no
local saving. GitHub itself cannot run here: a stand-in answers GitHub's
OAuth and REST calls on loopback, as GitHub documents them."""

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from support import FIXTURE_SITE, free_port
from tools import editor_backend, editor_oauth

TOKENS = {"tok-writer": ("maria", "write"), "tok-reader": ("sam", "read")}


class GitHub(BaseHTTPRequestHandler):
    """OAuth: the code "good-code" is worth the writer's token. REST: /user
    and a collaborator's permission, for a Bearer token."""

    def log_message(self, *args):
        pass

    def answer(self, data, status=200):
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        if self.path == "/login/oauth/access_token" and form.get("client_secret") == ["s3cret"]:
            if form.get("code") == ["good-code"]:
                return self.answer({"access_token": "tok-writer", "token_type": "bearer"})
            return self.answer({"error": "bad_verification_code", "error_description": "bad code"})
        return self.answer({"message": "Not Found"}, 404)

    def do_GET(self):
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in TOKENS:
            return self.answer({"message": "Bad credentials"}, 401)
        login, permission = TOKENS[token]
        if self.path == "/api/user":
            return self.answer({"login": login})
        if self.path == f"/api/repos/center/iop-site/collaborators/{login}/permission":
            return self.answer({"permission": permission})
        return self.answer({"message": "Not Found"}, 404)


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(the editor's public URL, the stand-in GitHub's URL)."""
    github = ThreadingHTTPServer(("127.0.0.1", 0), GitHub)
    threading.Thread(target=github.serve_forever, daemon=True).start()
    github_url = f"http://127.0.0.1:{github.server_port}"
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    access = editor_oauth.Access(
        repo="center/iop-site",
        client_id="client-1",
        client_secret="s3cret",
        web=github_url,
        api=github_url + "/api",
    )
    app = editor_backend.Editor(str(FIXTURE_SITE), access=access, public_url=public)
    httpd = make_server("127.0.0.1", port, app, handler_class=Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield public, github_url
    httpd.shutdown()
    github.shutdown()
    app.checker.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def get(url, headers=None, data=None):
    """(status, headers, body text)."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_sign_in_goes_to_github_with_a_state_only_this_browser_holds(server):
    public, github = server
    status, headers, _ = get(public + "/admin/oauth/auth?provider=github&site_id=x&scope=repo")
    assert status == 302
    location = urllib.parse.urlsplit(headers["Location"])
    query = urllib.parse.parse_qs(location.query)
    assert (
        f"{location.scheme}://{location.netloc}{location.path}" == github + "/login/oauth/authorize"
    )
    assert query["client_id"] == ["client-1"] and query["scope"] == ["repo"]
    assert query["redirect_uri"] == [public + "/admin/oauth/callback"]
    cookie = headers["Set-Cookie"]
    assert cookie.startswith(f"{editor_oauth.STATE_COOKIE}={query['state'][0]};")
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie


def test_the_callback_hands_the_token_to_our_own_origin_only(server):
    public, _ = server
    cookie = {"Cookie": f"{editor_oauth.STATE_COOKIE}=abc"}
    status, headers, page = get(public + "/admin/oauth/callback?code=good-code&state=abc", cookie)
    assert status == 200
    assert 'authorization:github:success:{\\"token\\": \\"tok-writer\\"' in page
    assert f"var origin = {json.dumps(public)};" in page
    nonce = page.split('nonce="', 1)[1].split('"', 1)[0]
    assert headers["Content-Security-Policy"].startswith(
        f"default-src 'none'; script-src 'nonce-{nonce}'"
    )


@pytest.mark.parametrize(
    "query, cookie, words",
    [
        ("code=good-code&state=abc", "other", "was not started here"),  # a forged callback
        ("code=good-code&state=abc", "", "was not started here"),
        ("code=bad&state=abc", "abc", "GitHub refused: bad code"),
    ],
)
def test_a_callback_not_started_here_or_refused_gives_no_token(server, query, cookie, words):
    public, _ = server
    headers = {"Cookie": f"{editor_oauth.STATE_COOKIE}={cookie}"} if cookie else {}
    _, _, page = get(public + "/admin/oauth/callback?" + query, headers)
    assert "tok-writer" not in page and words in page
    assert "authorization:github:error:" in page


def check(public, token=None):
    text = (
        (FIXTURE_SITE / "pages" / "about.md")
        .read_text()
        .replace("Reviewed: 2026-11-01", "Reviewed: 2099-01-01")
    )
    headers = {"Content-Type": "application/json", "Origin": public}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    body = json.dumps({"files": [{"path": "content/pages/about.md", "text": text}]}).encode()
    return get(public + "/admin/api/check", headers, body)


@pytest.mark.parametrize("token", [None, "tok-reader", "tok-unknown"])
def test_the_checks_answer_only_people_who_may_write(server, token):
    public, _ = server
    status, _, answer = check(public, token)
    assert status == 401 and "sign in with GitHub" in answer


def test_a_writer_gets_the_builds_lines(server):
    public, _ = server
    status, _, answer = check(public, "tok-writer")
    assert status == 200
    data = json.loads(answer)
    assert not data["ok"]
    assert any(
        "about.md:6: reviewed: 2099-01-01 is in the future" in line for line in data["new_errors"]
    )


def test_saves_go_to_github_as_pull_requests_not_to_this_server(server):
    public, _ = server
    headers = {"Content-Type": "application/json", "Authorization": "Bearer tok-writer"}
    body = json.dumps({"action": "persistEntry", "params": {}}).encode()
    status, _, _ = get(public + "/admin/api/v1", headers, body)
    assert status == 404
    _, _, text = get(public + "/admin/config.yml")
    config = json.loads(text)
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "center/iop-site"
    assert config["backend"]["base_url"] == public
    assert config["publish_mode"] == "editorial_workflow"


def test_it_answers_at_its_own_address_only(server):
    public, _ = server
    status, _, _ = get(public + "/admin/config.yml", {"Host": "evil.example"})
    assert status == 403


@pytest.mark.browser
def test_decaps_handshake_receives_the_token_in_a_real_browser(server, browser):
    """The sign-in window, opened by a page of our origin as Decap opens it,
    answers Decap's 'authorizing:github' with the token, to that page only."""
    public, _ = server
    context = browser.new_context()
    context.add_cookies(
        [{"name": editor_oauth.STATE_COOKIE, "value": "xyz", "url": public + "/admin/oauth/"}]
    )
    page = context.new_page()
    page.goto(public + "/admin/config.yml")  # any page of our origin
    token = page.evaluate(
        """url => new Promise(resolve => {
             const popup = window.open(url, 'auth');
             window.addEventListener('message', event => {
               if (event.data === 'authorizing:github') popup.postMessage(event.data, event.origin);
               else if (String(event.data).startsWith('authorization:github:success:'))
                 resolve(JSON.parse(event.data.slice('authorization:github:success:'.length)).token);
             });
           })""",
        public + "/admin/oauth/callback?code=good-code&state=xyz",
    )
    assert token == "tok-writer"
    context.close()
