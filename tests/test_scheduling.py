"""Scheduled publishing ships with the project: a systemd timer and a GitHub
Actions workflow, both valid, both running after midnight San Diego time."""

import configparser
import re
import subprocess
import sys

import pytest

from support import ROOT, require_tool

SYSTEMD = ROOT / "deploy" / "systemd"
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read(SYSTEMD / name)
    return parser


def test_the_workflow_is_valid_for_github_actions():
    """check-jsonschema validates it against GitHub's workflow schema (bundled)."""
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_workflow_tests_every_push_and_publishes_main_daily_after_midnight():
    """Tests on push, and a daily run at 08:10 UTC (00:10 PST, 01:10 PDT) that
    publishes to GitHub Pages from main."""
    text = WORKFLOW.read_text()
    assert re.search(r"^  push:", text, re.M)
    assert 'cron: "10 8 * * *"' in text
    assert "bash .ci/run" in text
    assert 'invoke publish --to github --summary "$GITHUB_STEP_SUMMARY"' in text
    assert "github.ref == 'refs/heads/main'" in text


def test_the_timer_fires_daily_after_midnight_in_san_diego():
    """systemd understands the calendar, in the America/Los_Angeles zone."""
    require_tool("systemd-analyze")
    timer = unit("iop-publish.timer")
    calendar = timer["Timer"]["OnCalendar"]
    assert calendar.endswith("00:10:00 America/Los_Angeles")
    run = subprocess.run(["systemd-analyze", "calendar", calendar], capture_output=True, text=True)
    assert run.returncode == 0 and "Next elapse" in run.stdout, run.stderr
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


UNITS = [
    "iop-publish.timer",
    "iop-publish.service",
    "iop-publish-failed.service",
    "iop-publish-on-merge.timer",
    "iop-publish-on-merge.service",
]


@pytest.mark.parametrize("name", UNITS)
def test_systemd_finds_nothing_wrong_with_the_units(name, tmp_path):
    """`systemd-analyze verify` of the unit as shipped (paths made local)."""
    require_tool("systemd-analyze")
    for file in UNITS:
        text = (SYSTEMD / file).read_text().replace("/srv/iop-site", str(tmp_path))
        (tmp_path / file).write_text(text.replace("User=deploy", "User=root"))
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "invoke").write_text("#!/bin/sh\n")
    (tmp_path / ".venv" / "bin" / "invoke").chmod(0o755)
    run = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / name)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_the_service_publishes_to_the_server_with_the_project_s_own_task():
    """One oneshot run: pull what editors merged, then `invoke publish --to server`."""
    service = unit("iop-publish.service")["Service"]
    assert service["Type"] == "oneshot"
    assert service["ExecStart"].endswith("/.venv/bin/invoke publish --to server")
    assert "git pull --ff-only" in service["ExecStartPre"]


def test_a_failed_publish_mails_its_problems():
    """OnFailure= runs the alert unit, which runs `invoke publish-alert` with
    the same environment file (IOP_ALERT_EMAIL, the target)."""
    publish = unit("iop-publish.service")
    alert = unit("iop-publish-failed.service")["Service"]
    assert publish["Unit"]["OnFailure"] == "iop-publish-failed.service"
    assert alert["ExecStart"].endswith("/.venv/bin/invoke publish-alert --to server")
    assert publish["Service"]["EnvironmentFile"] == alert["EnvironmentFile"]
    example = (SYSTEMD / "iop-publish.env").read_text()
    assert "IOP_ALERT_EMAIL=" in example and "IOP_DEPLOY_TARGET=" in example


def test_systemd_finds_nothing_wrong_with_the_editor_service(tmp_path):
    """The web editor's unit as shipped (paths made local): an unprivileged,
    read-only service running tools.editor_service."""
    require_tool("systemd-analyze")
    text = (SYSTEMD / "iop-editor.service").read_text().replace("/srv/iop-site", str(tmp_path))
    text = text.replace("User=iop-editor", "User=root").replace("Group=iop-editor", "Group=root")
    env = tmp_path / "iop-editor.env"
    env.write_text((SYSTEMD / "iop-editor.env").read_text())
    text = text.replace("/etc/default/iop-editor", str(env))
    (tmp_path / "iop-editor.service").write_text(text)
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").write_text("#!/bin/sh\n")
    (tmp_path / ".venv" / "bin" / "python").chmod(0o755)
    run = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "iop-editor.service")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    service = unit("iop-editor.service")["Service"]
    assert "-m tools.editor_service" in service["ExecStart"]
    assert service["NoNewPrivileges"] == "yes" and service["ProtectSystem"] == "strict"


def test_a_merge_into_main_is_published_within_minutes():
    """The web editor's pull requests, once merged, go live without waiting
    for the night: the timer looks every 5 minutes and publishes only when
    main moved, mailing a stopped publish like the nightly one."""
    timer = unit("iop-publish-on-merge.timer")["Timer"]
    assert timer["OnCalendar"] == "*:0/5"
    service = unit("iop-publish-on-merge.service")
    command = service["Service"]["ExecStart"]
    assert "git fetch --quiet origin main" in command and "git merge --ff-only" in command
    assert command.rstrip("'").endswith("invoke publish --to server; fi")
    assert service["Unit"]["OnFailure"] == "iop-publish-failed.service"
