"""The web editor as the center's server runs it: a real nginx with the
repository's configuration (deploy/nginx/iop-editor.conf included, as
iop-site.conf is told to) passes /admin/ to tools/editor_service.py's app,
with the editor's own security policy; the site keeps its own."""

import threading
import urllib.request
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from deploy.nginx_server import Nginx, served_folder
from support import FIXTURE_SITE, ROOT, free_port, require_tool
from tools import deploy, editor_backend, editor_oauth

pytestmark = pytest.mark.nginx


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory, release_a):
    require_tool("nginx")
    target = served_folder() / "target"
    deploy.deploy_rsync(release_a, target)
    editor_port, port = free_port(), free_port()
    conf = tmp_path_factory.mktemp("editor-conf") / "iop-editor.conf"
    text = (ROOT / "deploy" / "nginx" / "iop-editor.conf").read_text()
    conf.write_text(text.replace("127.0.0.1:8088", f"127.0.0.1:{editor_port}"))
    public = f"http://127.0.0.1:{port}"
    access = editor_oauth.Access(repo="center/iop-site", client_id="id", client_secret="secret")
    app = editor_backend.Editor(str(FIXTURE_SITE), access=access, public_url=public)
    editor = make_server("127.0.0.1", editor_port, app, handler_class=Quiet)
    threading.Thread(target=editor.serve_forever, daemon=True).start()
    server = Nginx(
        target / "current", tmp_path_factory.mktemp("nginx-editor"), port, [conf]
    ).start()
    yield public
    server.stop()
    editor.shutdown()
    app.checker.close()


def test_admin_is_the_editor_with_its_own_policy(site):
    with urllib.request.urlopen(site + "/admin/", timeout=10) as response:
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self' 'unsafe-eval'" in policy
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")
        assert response.headers["Cache-Control"] == "no-store"
        assert "decap-cms.js" in response.read().decode()
    with urllib.request.urlopen(site + "/admin/config.yml", timeout=10) as response:
        assert b'"name": "github"' in response.read()


def test_the_site_keeps_its_own_policy(site):
    with urllib.request.urlopen(site + "/", timeout=10) as response:
        policy = response.headers["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'") and "unsafe-eval" not in policy
