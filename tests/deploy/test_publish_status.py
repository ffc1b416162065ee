"""A publish is never silent: good or stopped, it leaves publish-status.json
beside the releases, `invoke publish-status` prints it, `invoke
publish-alert` mails it, and the preview shows a band while it is not good.
A rollback holds until a new source is published (tools/publishing.py)."""

import email
import email.policy
import json
import os
import shutil
import subprocess
import sys
import threading

import pytest

from deploy.conftest import DAY
from support import FIXTURE_SITE, ROOT, fetch, free_port, require_tool, running_preview, wait_for
from tools import deploy, publishing


def invoke(*args, env=None):
    environment = {key: value for key, value in os.environ.items() if key != "STAGING"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def publish(target, content, *extra):
    return invoke(
        "publish",
        f"--to={target}",
        f"--content={content}",
        f"--as-of={DAY}",
        f"--output={target}-build",
        *extra,
    )


@pytest.fixture
def broken_content(tmp_path):
    """The fixture site with one content mistake on a known line."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    page = content / "pages" / "about.md"
    page.write_text(page.read_text().replace("Reviewed: 2026-11-01", "Reviewed: soon"))
    return content


@pytest.fixture
def stopped_target(tmp_path, broken_content):
    """A target whose last publish stopped at the production build."""
    target = tmp_path / "target"
    run = publish(target, broken_content)
    assert run.returncode == 1
    return target, run


def status_of(target):
    return json.loads((target / publishing.STATUS).read_text())


def test_a_stopped_publish_records_the_file_line_and_fix(stopped_target):
    target, run = stopped_target
    status = status_of(target)
    assert (status["result"], status["step"]) == ("stopped", "production build")
    assert any(
        "pages/about.md:6: reviewed: 'soon' is not a date - write it as YYYY-MM-DD" in line
        for line in status["problems"]
    ), status["problems"]
    assert status["started"] and status["finished"] and status["content"]
    assert "Publish stopped at the production build" in run.stderr
    assert not (target / "releases").exists() and not (target / "current").exists()


def test_publish_status_prints_the_last_publish_and_fails_while_it_is_not_good(stopped_target):
    target, _ = stopped_target
    run = invoke("publish-status", f"--to={target}")
    assert run.returncode == 1
    assert run.stdout.startswith(
        "Publish stopped at the production build; the live site is unchanged"
    )
    assert "pages/about.md:6: reviewed: 'soon' is not a date" in run.stdout


def test_a_publish_while_another_holds_the_target_says_it_is_busy(tmp_path):
    """The second publish is told at once (the lock covers the whole
    publish), and its status says why it did not start."""
    target = tmp_path / "target"
    target.mkdir()
    holder = subprocess.Popen(["sleep", "60"])
    try:
        owner = f"{deploy.socket.gethostname()} {holder.pid} 20261127T000000000000Z"
        os.symlink(owner, target / deploy.LOCK)
        run = publish(target, FIXTURE_SITE)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 1
    assert "another publish to" in run.stderr and "Release check" not in run.stdout
    assert status_of(target)["result"] == "busy"


def test_publish_alert_mails_the_problem_lines(stopped_target):
    """systemd's OnFailure= unit runs `invoke publish-alert`: a real SMTP
    server on loopback receives the status."""
    aiosmtpd = pytest.importorskip("aiosmtpd.controller")
    target, _ = stopped_target
    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
            received.append((envelope.rcpt_tos, envelope.content.decode("utf-8")))
            return "250 OK"

    port = free_port()
    server = aiosmtpd.Controller(Handler(), hostname="127.0.0.1", port=port)
    server.start()
    try:
        env = {
            "IOP_ALERT_EMAIL": "web@center.example",
            "IOP_SMTP_HOST": "127.0.0.1",
            "IOP_SMTP_PORT": str(port),
        }
        run = invoke("publish-alert", f"--to={target}", env=env)
    finally:
        server.stop()
    assert run.returncode == 0, run.stderr
    assert "Mailed the publish status to web@center.example" in run.stdout
    ((to, raw),) = received
    mail = email.message_from_string(raw, policy=email.policy.default)
    assert to == ["web@center.example"]
    assert mail["Subject"].strip() == "IOP site: Publish stopped at the production build"
    assert "pages/about.md:6: reviewed: 'soon' is not a date" in mail.get_content()


def test_publish_alert_without_an_address_says_nobody_was_mailed(stopped_target):
    target, _ = stopped_target
    run = invoke("publish-alert", f"--to={target}", env={"IOP_ALERT_EMAIL": ""})
    assert run.returncode == 0
    assert run.stdout.startswith("IOP_ALERT_EMAIL is not set: nobody was mailed.")


def test_the_preview_shows_a_band_while_the_last_publish_is_not_good(stopped_target, tmp_path):
    """Every page of the preview says the last publish did not go live, with
    its problem lines; the built files stay as the content makes them."""
    target, _ = stopped_target
    content = tmp_path / "preview-content"
    shutil.copytree(FIXTURE_SITE, content)
    with running_preview(content, tmp_path, f"--status-from={target}") as (url, log):
        assert wait_for(lambda: 'id="publish-status"' in fetch(url)), log.read_text()
        page = fetch(url + "about/")
        # The web editor says it too, with the same lines.
        status = json.loads(fetch(url + "admin/api/status"))
    assert status["known"] and not status["ok"]
    assert any(
        "pages/about.md:6: reviewed: 'soon' is not a date" in line for line in status["problems"]
    )
    assert "The last publish did not go live." in page
    assert "pages/about.md:6: reviewed: 'soon' is not a date" in page
    assert "publish-status" not in (tmp_path / "output" / "index.html").read_text()


# Slow (three real publishes: builds, the HTML validator, axe, rsync), and
# worth it: it is the promise an operator relies on after a bad release.
@pytest.mark.slow
def test_a_rollback_holds_until_a_new_source_is_published(tmp_path):
    """The nightly publish of the source that was rolled back leaves the
    rollback live and says so; a new source goes live and lifts the hold."""
    require_tool("rsync", "chromium", "java")
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    target = tmp_path / "target"
    assert publish(target, content).returncode == 0
    page = content / "pages" / "about.md"
    page.write_text(page.read_text().replace("We like plain words.", "We like short words."))
    assert publish(target, content).returncode == 0
    rolled = invoke("rollback", f"--to={target}")
    assert rolled.returncode == 0, rolled.stderr
    assert "Scheduled publishes of the same commit leave this rollback live" in rolled.stdout
    live = (target / "current").resolve()
    held = publish(target, content)
    assert held.returncode == 0, held.stderr
    assert "Not published: the rollback holds" in held.stdout
    assert (target / "current").resolve() == live
    assert status_of(target)["result"] == "held"
    assert "plain words" in (target / "current" / "about" / "index.html").read_text()
    page.write_text(page.read_text().replace("short words", "clear words"))
    again = publish(target, content)
    assert again.returncode == 0, again.stderr
    assert "clear words" in (target / "current" / "about" / "index.html").read_text()
    assert not (target / publishing.HOLD).exists()
    assert status_of(target)["result"] == "published"
    ledger = json.loads((target / publishing.LEDGER).read_text())
    assert sorted(ledger) == deploy.releases(None, str(target))


def test_the_lock_and_the_status_never_interleave(tmp_path):
    """Two publishes at once on one target: one runs, the other is busy,
    and the status file is always whole JSON."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    page = content / "pages" / "about.md"
    page.write_text(page.read_text().replace("Reviewed: 2026-11-01", "Reviewed: soon"))
    target = tmp_path / "target"
    results = []

    def run():
        results.append(publish(target, content))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.returncode for r in results) == [1, 1]
    assert status_of(target)["result"] in ("stopped", "busy")
    assert not os.path.lexists(target / deploy.LOCK)


@pytest.mark.browser
def test_the_web_editor_shows_the_stopped_publish(stopped_target, tmp_path, browser):
    """Staff who work in the editor see it at its foot, with the build's lines."""
    target, _ = stopped_target
    content = tmp_path / "editor-content"
    shutil.copytree(FIXTURE_SITE, content)
    with running_preview(content, tmp_path, f"--status-from={target}") as (url, log):
        page = browser.new_page()
        page.goto(url + "admin/")
        band = page.locator("#iop-status")
        band.wait_for(timeout=60_000)
        text = band.inner_text()
        page.close()
    assert "The last publish did not go live." in text
    assert "pages/about.md:6: reviewed: 'soon' is not a date" in text
