"""Production builds deployed to a folder and served by a real nginx."""

import os
import shutil

import pytest

from deploy.nginx_server import Nginx, free_port
from support import CONTENT, build_site, require_tool
from tools import deploy


def production_build(output, content, siteurl, today):
    """publishconf.py as staging (placeholders allowed), served at siteurl."""
    saved = {key: os.environ.get(key) for key in ("STAGING", "SITEURL")}
    os.environ.update(STAGING="1", SITEURL=siteurl)
    try:
        result = build_site(output, "publishconf.py", today=today, PATH=content)
    finally:
        for key, value in saved.items():
            os.environ.pop(key) if value is None else os.environ.update({key: value})
    assert result.ok, result.lines
    return output


@pytest.fixture(scope="session")
def nginx_port():
    require_tool("nginx", "rsync")
    return free_port()


@pytest.fixture(scope="session")
def release_a(tmp_path_factory, nginx_port, build_day):
    out = tmp_path_factory.mktemp("release_a") / "output"
    return production_build(out, CONTENT, f"http://127.0.0.1:{nginx_port}", build_day)


@pytest.fixture(scope="session")
def release_b(tmp_path_factory, nginx_port, build_day):
    """The same site with one sentence changed on every page's footer."""
    folder = tmp_path_factory.mktemp("release_b")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    center = content / "center.txt"
    center.write_text(
        center.read_text().replace("100 Placeholder Street", "200 Placeholder Street")
    )
    return production_build(folder / "output", content, f"http://127.0.0.1:{nginx_port}", build_day)


@pytest.fixture(scope="session")
def served(tmp_path_factory, nginx_port, release_a):
    """Release A deployed to a target folder, served by nginx on loopback."""
    target = tmp_path_factory.mktemp("target")
    deploy.deploy_rsync(release_a, target)
    server = Nginx(target / "current", tmp_path_factory.mktemp("nginx"), nginx_port).start()
    yield server, target
    server.stop()
