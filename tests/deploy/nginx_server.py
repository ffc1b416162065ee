"""A real nginx (Debian's package) on 127.0.0.1, with the repository's
configuration, serving a deploy target's `current` release."""

import atexit
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from support import ROOT
from tools import nginx_conf

LOCATIONS = ROOT / nginx_conf.LOCATIONS_FILE


def worker_user():
    """Workers run unprivileged, as on a Debian server (www-data), so a
    release the web server cannot read fails here as it would there."""
    if os.geteuid() != 0:
        return None  # nginx can only switch users as root; it runs as us
    try:
        pwd.getpwnam("www-data")
        return "www-data"
    except KeyError:
        return "nobody"


def served_folder():
    """A folder a web-server worker may enter, like /srv/iop: pytest's own
    temporary folders are private (0700) to the user running the tests."""
    folder = Path(tempfile.mkdtemp(prefix="iop-www-", dir="/tmp"))
    folder.chmod(0o755)
    atexit.register(shutil.rmtree, folder, True)  # removed when the tests end
    return folder


class Nginx:
    def __init__(self, root, tmp, port, includes=()):
        self.root, self.tmp, self.port = Path(root), Path(tmp), port
        self.includes = includes
        self.url = f"http://127.0.0.1:{port}"
        self.process = None

    def start(self):
        self.tmp.mkdir(parents=True, exist_ok=True)
        conf = self.tmp / "nginx.conf"
        conf.write_text(
            nginx_conf.standalone(
                self.root, self.port, self.tmp, LOCATIONS, worker_user(), self.includes
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
