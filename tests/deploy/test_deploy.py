"""Atomic releases over rsync: a deploy under traffic never serves a failed
or mixed response, rollback restores the previous release byte for byte,
and only the newest releases are kept."""

import threading
import time
import urllib.request
from pathlib import Path

import pytest

from deploy.nginx_server import Nginx, free_port
from support import tree_digest
from tools import deploy

pytestmark = pytest.mark.nginx
URLS = ["/", "/intensive-outpatient/", "/intensive-outpatient/benefits/", "/sitemap.xml"]
# Bounded: the loop stops AFTER_DEPLOY requests after the deploy ends, and
# never runs past MAX_REQUESTS requests or MAX_SECONDS seconds.
MAX_REQUESTS = 5000
MAX_SECONDS = 60
AFTER_DEPLOY = 100


def body_of(release, url):
    path = Path(release) / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
    return path.read_bytes()


def hammer(base, results, started, deployed):
    """Request the pages in turn; record (url, status, body) of each."""
    deadline, remaining = time.monotonic() + MAX_SECONDS, AFTER_DEPLOY
    for number in range(MAX_REQUESTS):
        if time.monotonic() > deadline or remaining == 0:
            break
        if deployed.is_set():
            remaining -= 1
        url = URLS[number % len(URLS)]
        try:
            with urllib.request.urlopen(base + url, timeout=10) as response:
                results.append((url, response.status, response.read()))
        except Exception as error:  # noqa: BLE001 - every failure is a finding
            results.append((url, repr(error), b""))
        if number == 50:
            started.set()


@pytest.fixture
def fresh_target(tmp_path, release_a):
    target = tmp_path / "target"
    deploy.deploy_rsync(release_a, target)
    server = Nginx(target / "current", tmp_path / "nginx", free_port()).start()
    yield server, target
    server.stop()


def test_deploy_under_traffic_has_no_failed_or_mixed_response(fresh_target, release_a, release_b):
    server, target = fresh_target
    results, started, deployed = [], threading.Event(), threading.Event()
    loop = threading.Thread(target=hammer, args=(server.url, results, started, deployed))
    loop.start()
    assert started.wait(30)
    deploy.deploy_rsync(release_b, target)
    deployed.set()
    loop.join()
    failed = [(url, status) for url, status, _ in results if status != 200]
    assert not failed, failed[:5]
    versions = []
    for url, _, body in results:
        matches = [
            name
            for name, release in (("a", release_a), ("b", release_b))
            if body == body_of(release, url)
        ]
        assert matches, f"{url}: a response that is neither release"
        if len(matches) == 1:  # files that did not change belong to both
            versions.append(matches[0])
    print(
        f"{len(results)} responses: {versions.count('a')} old, {versions.count('b')} new, "
        f"{len(results) - len(versions)} unchanged files"
    )
    assert "a" in versions and "b" in versions, "the deploy must happen while requests run"
    assert versions == sorted(versions), "once the new release shows, the old never returns"


def test_rollback_restores_the_previous_release_byte_for_byte(fresh_target, release_a, release_b):
    server, target = fresh_target
    deploy.deploy_rsync(release_b, target)
    assert tree_digest(target / "current") == tree_digest(release_b)
    previous = deploy.rollback_rsync(target)
    assert (target / "current").resolve().name == previous
    assert tree_digest(target / "current") == tree_digest(release_a)
    with urllib.request.urlopen(server.url + "/") as response:
        assert response.read() == body_of(release_a, "/")


def test_only_the_newest_releases_are_kept(tmp_path, release_a, release_b):
    target = tmp_path / "target"
    names = [
        deploy.deploy_rsync(release, target, keep=2)
        for release in (release_a, release_b, release_a, release_b)
    ]
    kept = sorted(path.name for path in (target / "releases").iterdir())
    assert kept == names[-2:]
    assert (target / "current").resolve().name == names[-1]


def test_rollback_without_an_earlier_release_is_refused(tmp_path, release_a):
    target = tmp_path / "target"
    deploy.deploy_rsync(release_a, target)
    with pytest.raises(deploy.DeployError, match="no earlier release"):
        deploy.rollback_rsync(target)
    assert tree_digest(target / "current") == tree_digest(release_a)
