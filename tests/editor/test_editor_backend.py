"""The editor's local backend in the real live preview (`invoke livereload`
on a copy of the fixture site, over HTTP on loopback): it reads and writes
only what the editor may, a save runs the build's checks first, and only
this machine's own editor page may use it."""

import hashlib
import json
import shutil
import urllib.error
import urllib.request

import pytest

from support import FIXTURE_SITE, running_preview, wait_for

pytestmark = pytest.mark.slow  # one live preview for the module: about 10 s


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """(content folder, the preview's base URL)."""
    folder = tmp_path_factory.mktemp("editor")
    content = folder / "content"
    shutil.copytree(FIXTURE_SITE, content)
    with running_preview(content, folder) as (url, log):
        yield content, url.rstrip("/")


def call(base, path, body=None, headers=None, method=None):
    """(status, JSON answer) of one request."""
    data = None if body is None else json.dumps(body).encode()
    sent = {"Content-Type": "application/json"} if body is not None else {}
    sent.update(headers or {})
    request = urllib.request.Request(base + path, data=data, headers=sent, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, as_json(response.read())
    except urllib.error.HTTPError as error:
        return error.code, as_json(error.read())


def as_json(data):
    try:
        return json.loads(data or b"null")
    except ValueError:
        return None  # a page, not the editor's answer


def api(base, action, **params):
    return call(base, "/admin/api/v1", {"action": action, "params": params})


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_it_lists_and_reads_the_pages_as_they_are(editor):
    content, base = editor
    status, entries = api(base, "entriesByFolder", folder="content/pages", extension="md", depth=1)
    assert status == 200
    paths = {e["file"]["path"] for e in entries}
    assert {"content/pages/index.md", "content/pages/about.md"} <= paths
    status, entry = api(base, "getEntry", path="content/pages/about.md")
    assert entry["data"] == (content / "pages" / "about.md").read_text()
    assert entry["file"]["id"] == digest(content / "pages" / "about.md")


def test_a_good_save_is_written_and_a_bad_one_is_not(editor):
    content, base = editor
    page = content / "pages" / "about.md"
    original = page.read_text()
    good = original.replace("Title: About the fixture center", "Title: About our center")
    status, answer = api(
        base, "persistEntry", dataFiles=[{"path": "content/pages/about.md", "raw": good}], assets=[]
    )
    assert status == 200, answer
    assert page.read_text() == good
    bad = good.replace("Reviewed: 2026-11-01", "Reviewed: 2099-01-01")
    status, answer = api(
        base, "persistEntry", dataFiles=[{"path": "content/pages/about.md", "raw": bad}], assets=[]
    )
    assert status == 422
    assert answer["error"].startswith(
        "Not saved: content/pages/about.md:6: reviewed: 2099-01-01 is in the future"
    )
    assert page.read_text() == good
    page.write_text(original)


def test_the_check_names_the_field_and_gives_the_preview(editor):
    content, base = editor
    text = (
        (content / "pages" / "about.md")
        .read_text()
        .replace("Summary: Who we are, in a few short words.", "Summary: " + "x" * 170)
    )
    status, answer = call(
        base, "/admin/api/check", {"files": [{"path": "content/pages/about.md", "text": text}]}
    )
    assert status == 200 and not answer["ok"]
    (problem,) = [p for p in answer["problems"] if p["level"] == "error"]
    assert problem["field"] == "summary" and problem["line"] == 5
    good = text.replace("x" * 170, "Who we are.")
    status, answer = call(
        base, "/admin/api/check", {"files": [{"path": "content/pages/about.md", "text": good}]}
    )
    assert answer["ok"] and answer["preview"].endswith("/about/")
    with urllib.request.urlopen(base + answer["preview"], timeout=10) as response:
        assert "About the fixture center" in response.read().decode()


@pytest.mark.parametrize(
    "path",
    [
        "content/../pelicanconf.py",
        "pelicanconf.py",
        "content/pages/.hidden.md",
        "content/pages/Upper.md",
        "content/theme.html",
        "content/notices/fr/x.md",
    ],
)
def test_it_writes_nothing_the_editor_may_not(editor, path):
    content, base = editor
    status, answer = api(base, "persistEntry", dataFiles=[{"path": path, "raw": "x"}], assets=[])
    assert status == 403 and "may not write" in answer["error"]


def test_facts_and_the_centers_details_are_answered_not_deleted(editor):
    content, base = editor
    status, answer = api(base, "deleteFiles", paths=["content/center.txt"])
    assert status == 403
    assert (content / "center.txt").is_file()


def test_a_photo_is_named_as_the_images_folder_requires(editor):
    content, base = editor
    from support import session_phone_photo

    photo = session_phone_photo(content.parent / "upload.jpg", size=(800, 600), quality=70)
    import base64

    status, answer = api(
        base,
        "persistMedia",
        asset={
            "path": "content/images/Group_Room 2.JPG",
            "content": base64.b64encode(photo.read_bytes()).decode(),
            "encoding": "base64",
        },
    )
    assert status == 200, answer
    assert answer["path"] == "content/images/group-room-2.jpg"
    assert (content / "images" / "group-room-2.jpg").is_file()
    api(base, "deleteFiles", paths=["content/images/group-room-2.jpg"])


@pytest.mark.parametrize(
    "headers, status",
    [
        ({"Host": "example.org"}, 403),  # DNS rebinding: another name for this machine
        ({"Origin": "http://evil.example"}, 403),  # another website's page
        ({"Content-Type": "text/plain"}, 415),  # a form post from anywhere
    ],
)
def test_only_this_machines_editor_page_may_use_it(editor, headers, status):
    content, base = editor
    before = digest(content / "pages" / "about.md")
    raw = (content / "pages" / "about.md").read_text().replace("About", "Hacked")
    body = {
        "action": "persistEntry",
        "params": {"dataFiles": [{"path": "content/pages/about.md", "raw": raw}]},
    }
    got, _ = call(base, "/admin/api/v1", body, headers)
    assert got == status
    assert digest(content / "pages" / "about.md") == before


def test_the_editor_page_has_its_own_policy_and_is_not_indexed(editor):
    _, base = editor
    with urllib.request.urlopen(base + "/admin/", timeout=10) as response:
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy
        assert response.headers["X-Robots-Tag"] == "noindex"
        page = response.read().decode()
    assert "livereload" not in page  # the editor never reloads under someone typing
    with urllib.request.urlopen(base + "/admin/decap-cms.js", timeout=60) as response:
        bundle = response.read()
    assert b"decap-cms 3.16.3" in bundle and b"livereload" not in bundle


def test_with_lan_the_editor_is_not_served(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    with running_preview(content, tmp_path, "--lan") as (url, log):
        assert wait_for(lambda: "The web editor (/admin/) is off" in log.read_text()), (
            log.read_text()
        )
        status, _ = call(url.rstrip("/"), "/admin/api/v1", {"action": "info", "params": {}})
        assert status == 404
