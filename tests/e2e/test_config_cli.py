"""The settings file, through the real `rsp`: its settings act like the environment
variables, a set variable wins, a secret written in it is refused with file:line, and
`rsp config check` lists every problem and where each setting came from, secrets masked."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.support import HANG_GUARD, RSP


def rsp(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real rsp with no RSP_* variable but those given."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    return subprocess.run(
        [RSP, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, "RSP_USER": "it-admin", **(env or {})},
        timeout=HANG_GUARD,
    )


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_sets_the_database_and_a_variable_wins(tmp_path: Path) -> None:
    conf = write(
        tmp_path / "rsp.toml",
        f'[database]\nurl = "{tmp_path / "from-file.db"}"\n[general]\nlang = "en"\n',
    )
    made = rsp("--config", str(conf), "init", "--example", "jamtland-harjedalen", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "from-file.db").is_file() and not (tmp_path / "rsp.db").exists()
    shown = rsp("status", cwd=tmp_path, env={"RSP_CONFIG": str(conf)})  # by variable
    assert shown.returncode == 0, shown.stderr
    assert "Programme" in shown.stdout  # general.lang = "en" from the file
    other = tmp_path / "from-env.db"
    overridden = rsp(
        "--config",
        str(conf),
        "status",
        cwd=tmp_path,
        env={"RSP_DATABASE_URL": str(other), "RSP_LANG": "sv"},
    )
    assert overridden.returncode == 1 and f"no database at {other}" in overridden.stderr
    checked = rsp(
        "--config", str(conf), "config", "check", cwd=tmp_path, env={"RSP_DATABASE_URL": str(other)}
    )
    assert checked.returncode == 0, checked.stderr
    lines = {line.split()[0]: line for line in checked.stdout.splitlines() if line.startswith("  ")}
    assert str(other) in lines["database.url"] and "RSP_DATABASE_URL" in lines["database.url"]
    assert f"{conf}:4" in lines["general.lang"]
    assert "default" in lines["smtp.host"]  # in English: the file says lang = "en"


def test_a_secret_in_the_file_is_refused_with_its_line(tmp_path: Path) -> None:
    conf = write(
        tmp_path / "rsp.toml",
        '# rsp\n[smtp]\nhost = "smtp.region.example"\nuser = "rsp"\npassword = "Hemligt-123"\n',
    )
    refused = rsp(
        "--config",
        str(conf),
        "--db",
        str(tmp_path / "x.db"),
        "init",
        "--example",
        "jamtland-harjedalen",
        cwd=tmp_path,
    )
    assert refused.returncode == 1
    assert f"{conf}:5: smtp.password: en hemlighet skrivs aldrig" in refused.stderr  # sv
    assert "smtp.password_file = … eller smtp.password_env = …" in refused.stderr
    assert "inställningsfilen kan inte användas (inget gjordes)" in refused.stderr
    assert "Traceback" not in refused.stderr and "Hemligt-123" not in refused.stderr
    assert not (tmp_path / "x.db").exists()  # nothing was done


def test_config_check_reports_every_problem_and_masks_secrets(tmp_path: Path) -> None:
    pw = write(tmp_path / "smtp.pw", "Lösen-ord-9\n")
    pw.chmod(0o400)
    good = write(
        tmp_path / "good.toml",
        f"""\
[database]
url = "{tmp_path / "rsp.db"}"

[mail]
from = "Region JH <rsp@region.example>"

[smtp]
host = "smtp.region.example"
user = "rsp"
password_file = "{pw}"

[oidc]
issuer = "https://login.region.example"
client_id = "rsp"
client_secret_env = "RSP_OIDC_SECRET"
""",
    )
    ok = rsp(
        "config",
        "check",
        cwd=tmp_path,
        env={"RSP_CONFIG": str(good), "RSP_OIDC_SECRET": "klient-hemlis"},
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Inga problem." in ok.stdout
    assert "Lösen-ord-9" not in ok.stdout and "klient-hemlis" not in ok.stdout
    assert "RSP_OIDC_SECRET (satt, ***)" in ok.stdout
    assert f"fil {good}:10" in ok.stdout  # smtp.password_file's line

    bad = write(
        tmp_path / "bad.toml",
        """\
[database]
url = "postgresql+psycopg://rsp:hemligt@db.example/rsp"

[mail]
from = "rsp@region.example"

[smtp]
host = "smtp.region.example"
tls = "plain"

[schedule]
digest_cron = "0 7 * * 1"

[web]
colour = "blue"
""",
    )
    checked = rsp("--lang", "en", "--config", str(bad), "config", "check", cwd=tmp_path)
    assert checked.returncode == 1
    err = checked.stderr
    assert f"{bad}:2: database.url: holds a password" in err
    assert f"{bad}:15: web.colour: no such setting" in err
    assert f"{bad}:9: smtp.tls: RSP_SMTP_TLS='plain'" in err
    assert f"{bad}:12: schedule.digest_cron:" in err and "weekday as a name" in err
    assert "hemligt" not in checked.stdout + err
    assert "No problems" not in checked.stdout and "Settings file:" in checked.stdout


def test_a_file_that_is_not_toml_names_its_line(tmp_path: Path) -> None:
    conf = write(tmp_path / "rsp.toml", '[database]\nurl = "x.db"\n\n[mail\n')
    checked = rsp("--config", str(conf), "config", "check", cwd=tmp_path)
    assert checked.returncode == 1
    assert f"{conf}:4: inte giltig TOML" in checked.stderr
    missing = rsp("--config", str(tmp_path / "nope.toml"), "status", cwd=tmp_path)
    assert missing.returncode == 1 and "nope.toml: kan inte läsas" in missing.stderr
    english = rsp("--lang", "en", "--config", str(conf), "config", "check", cwd=tmp_path)
    assert f"{conf}:4: not valid TOML" in english.stderr


THREE_PROBLEMS = """\
[smtp]
host = "smtp.region.example"
tls = "plain"
cafile = "/ingenstans/ca.pem"

[mail]
from = "Region JH <rsp@region.example>"

[web]
idle_minutes = "0"
"""


def test_config_check_reports_several_problems_of_a_section(tmp_path: Path) -> None:
    conf = write(tmp_path / "rsp.toml", THREE_PROBLEMS)
    checked = rsp("--config", str(conf), "config", "check", cwd=tmp_path)
    assert checked.returncode == 1
    err = checked.stderr
    assert "3 problem:" in err  # Swedish by default
    assert f"{conf}:3: smtp.tls: RSP_SMTP_TLS='plain'" in err
    assert f"{conf}:4: smtp.cafile: RSP_SMTP_CAFILE: /ingenstans/ca.pem is not a file" in err
    assert f"{conf}:10: web.idle_minutes: RSP_WEB_IDLE_MINUTES='0'" in err
    assert "Traceback" not in err
    english = rsp("--lang", "en", "--config", str(conf), "config", "check", cwd=tmp_path)
    assert "3 problem(s):" in english.stderr


def test_config_check_as_json(tmp_path: Path) -> None:
    import json

    conf = write(tmp_path / "rsp.toml", THREE_PROBLEMS)
    checked = rsp(
        "--config",
        str(conf),
        "config",
        "check",
        "--json",
        cwd=tmp_path,
        env={"RSP_SMTP_PASSWORD_ENV": "RSP_SMTP_SECRET", "RSP_SMTP_SECRET": "Hemligt-123"},
    )
    assert checked.returncode == 1, checked.stderr
    assert "Hemligt-123" not in checked.stdout
    data = json.loads(checked.stdout)
    assert data["file"] == str(conf) and data["ok"] is False
    by_name = {s["setting"]: s for s in data["settings"]}
    assert by_name["smtp.host"] == {
        "setting": "smtp.host",
        "variable": "RSP_SMTP_HOST",
        "value": "smtp.region.example",
        "source": "file",
        "file": str(conf),
        "line": 2,
    }
    assert by_name["smtp.password_env"]["source"] == "env"
    assert by_name["smtp.password_env"]["value"] == "RSP_SMTP_SECRET (satt, ***)"
    assert by_name["smtp.port"]["source"] == "default" and by_name["smtp.port"]["value"] is None
    problems = [(p["setting"], p["line"]) for p in data["problems"]]
    assert problems == [("smtp.tls", 3), ("smtp.cafile", 4), ("web.idle_minutes", 10)]
    assert data["problems"][0]["file"] == str(conf)
    assert "RSP_SMTP_TLS='plain'" in data["problems"][0]["message"]
    good = write(tmp_path / "good.toml", '[general]\nlang = "en"\n')
    fine = rsp("--config", str(good), "config", "check", "--json", cwd=tmp_path)
    assert fine.returncode == 0, fine.stderr
    assert json.loads(fine.stdout)["ok"] is True and json.loads(fine.stdout)["problems"] == []
