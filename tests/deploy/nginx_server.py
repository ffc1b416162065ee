"""A real nginx (Debian's package) on 127.0.0.1, with the repository's
configuration, serving a deploy target's `current` release."""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from support import ROOT

LOCATIONS = ROOT / "deploy" / "nginx" / "iop-locations.conf"
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
# The http-level part of deploy/nginx/iop-site.conf, pointed at a test
# folder and a loopback port; the server's rules are the repository's file.
MAIN_CONF = """\
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
load_module {brotli};
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    map $uri $iop_redirect {{
        default "";
        include {root}/redirects.map;
    }}
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include {locations};
    }}
}}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    def __init__(self, root, tmp, port):
        self.root, self.tmp, self.port = Path(root), Path(tmp), port
        self.url = f"http://127.0.0.1:{port}"
        self.process = None

    def start(self):
        self.tmp.mkdir(parents=True, exist_ok=True)
        conf = self.tmp / "nginx.conf"
        conf.write_text(
            MAIN_CONF.format(
                user="user root;" if os.geteuid() == 0 else "",
                tmp=self.tmp,
                port=self.port,
                root=self.root,
                locations=LOCATIONS,
                brotli=BROTLI_MODULE,
            )
        )
        check = subprocess.run(
            ["nginx", "-t", "-c", str(conf), "-p", str(self.tmp)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen(
            ["nginx", "-c", str(conf), "-p", str(self.tmp), "-g", "daemon off;"],
            stderr=subprocess.PIPE,
        )
        self.wait_until_up()
        return self

    def wait_until_up(self, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2).close()
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError((self.tmp / "error.log").read_text())

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


def get(url, headers=None):
    """(status, headers, body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
