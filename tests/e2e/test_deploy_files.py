"""The files an installation starts from stay true: the example settings file names every
setting and passes `rsp config check`; every RSP_* variable rsp reads is a setting of the
file; the systemd units run as the dedicated user under ProtectSystem=strict and pass
`systemd-analyze verify` (where it exists)."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from process.core.config import BY_ENV, SETTINGS
from tests.support import HANG_GUARD, ROOT, RSP

DEPLOY = ROOT / "deploy"
# read per run, not settings of an installation; partial names of f-strings; examples
NOT_SETTINGS = {
    "RSP_CONFIG",
    "RSP_NOW",
    "RSP_USER",
    "RSP_MAIL",
    "RSP_OIDC",
    "RSP_SMTP",
    "RSP_TEMPLATE",
    "RSP_WEB",
    "RSP_SMTP_SECRET",
    "RSP_OIDC_CLIENT_SECRET",
}


def test_every_variable_rsp_reads_is_a_setting_of_the_file() -> None:
    read = set()
    for path in [
        ROOT / "cli.py",
        *[p for top in ("process", "notifications", "web") for p in (ROOT / top).rglob("*.py")],
    ]:
        read |= set(re.findall(r"RSP_[A-Z0-9_]*[A-Z0-9]", path.read_text(encoding="utf-8")))
    assert read - set(BY_ENV) - NOT_SETTINGS == set()


def test_the_example_settings_file_is_complete_and_checks(tmp_path: Path) -> None:
    text = (DEPLOY / "rsp.toml").read_text(encoding="utf-8")
    for s in SETTINGS:
        section = text.split(f"[{s.section}]", 1)
        assert len(section) == 2, f"[{s.section}] missing"
        body = section[1].split("\n[", 1)[0]
        assert re.search(rf"(?m)^#? ?{s.key} = ", body), f"{s.name} is not in deploy/rsp.toml"
    key = tmp_path / "audit.key"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    made = subprocess.run(
        [RSP, "audit", "keygen", str(key)],
        capture_output=True,
        text=True,
        env=env,
        timeout=HANG_GUARD,
    )
    assert made.returncode == 0, made.stderr
    env.update(
        RSP_AUDIT_KEY_FILE=str(key),
        RSP_DB_SECRET="db",
        RSP_SMTP_SECRET="smtp",
        RSP_OIDC_SECRET="oidc",
    )
    checked = subprocess.run(
        [RSP, "--config", str(DEPLOY / "rsp.toml"), "config", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=HANG_GUARD,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Inga problem." in checked.stdout


@pytest.mark.parametrize(
    "unit,command",
    [("rsp-serve.service", "rsp serve"), ("rsp-scheduler.service", "rsp scheduler run")],
)
def test_the_systemd_units(unit: str, command: str, tmp_path: Path) -> None:
    path = DEPLOY / "systemd" / unit
    parsed = configparser.ConfigParser(strict=False, interpolation=None)
    parsed.optionxform = str  # type: ignore[assignment,method-assign]
    parsed.read(path, encoding="utf-8")
    service = parsed["Service"]
    assert service["User"] == "rsp" and service["Group"] == "rsp"
    assert service["ProtectSystem"] == "strict" and service["NoNewPrivileges"] == "yes"
    assert service["ReadWritePaths"] == "/var/lib/rsp" and "/etc/rsp" in service["ReadOnlyPaths"]
    assert service["ExecStart"].startswith("/opt/rsp/bin/" + command)
    assert service["Environment"] == "RSP_CONFIG=/etc/rsp/rsp.toml"
    if shutil.which("systemd-analyze") is None:
        return
    copy = tmp_path / unit
    copy.write_text(
        path.read_text(encoding="utf-8").replace("/opt/rsp/bin/rsp", RSP), encoding="utf-8"
    )
    verified = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=HANG_GUARD
    )
    assert verified.returncode == 0 and verified.stderr == "", verified.stderr
