"""Production builds deployed to a folder and served by a real nginx."""

import datetime
import os
import shutil

import pytest

from deploy.nginx_server import Nginx, served_folder
from support import FIXTURE_SITE, ROOT, build_site, free_port, require_tool
from tools import deploy

# The fixture site on a day its notice shows.
DAY = datetime.date(2026, 12, 21)


def production_build(output, content, siteurl, today=DAY, **override):
    """publishconf.py, as production proper, served at siteurl."""
    saved = {key: os.environ.get(key) for key in ("STAGING", "SITEURL")}
    os.environ.pop("STAGING", None)
    os.environ.update(SITEURL=siteurl)
    try:
        result = build_site(output, "publishconf.py", today=today, PATH=content, **override)
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None)
            if value is not None:
                os.environ[key] = value
    assert result.ok, result.lines
    return output


@pytest.fixture(scope="session")
def nginx_port():
    require_tool("nginx", "rsync")
    return free_port()


@pytest.fixture(scope="session")
def release_a(tmp_path_factory, nginx_port):
    """The fixture site built for production."""
    out = tmp_path_factory.mktemp("release_a") / "output"
    return production_build(out, FIXTURE_SITE, f"http://127.0.0.1:{nginx_port}")


@pytest.fixture(scope="session")
def release_b(tmp_path_factory, nginx_port):
    """The same site with the address changed in every page's footer and a
    changed favicon (so its fingerprinted name changes)."""
    folder = tmp_path_factory.mktemp("release_b")
    content, theme = folder / "content", folder / "theme"
    shutil.copytree(FIXTURE_SITE, content)
    shutil.copytree(ROOT / "theme", theme)
    center = content / "center.txt"
    center.write_text(center.read_text().replace("1200 Fixture Avenue", "1300 Fixture Avenue"))
    icon = theme / "static" / "icons" / "favicon.svg"
    icon.write_text(icon.read_text() + "<!-- b -->\n")
    siteurl = f"http://127.0.0.1:{nginx_port}"
    return production_build(folder / "output", content, siteurl, THEME=str(theme))


@pytest.fixture(scope="session")
def served(tmp_path_factory, nginx_port, release_a):
    """Release A deployed to a target folder, served by nginx on loopback."""
    target = served_folder() / "target"
    deploy.deploy_rsync(release_a, target)
    server = Nginx(target / "current", tmp_path_factory.mktemp("nginx"), nginx_port).start()
    yield server, target
    server.stop()
