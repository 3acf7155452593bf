"""Health for the load balancer and monitoring, through the real `rsp serve`: /healthz
while the process answers, /readyz 503 naming the fix when the schema falls behind (a
newer rsp before `rsp db upgrade`); with --log-format json every line is JSON, the
access log's sign-in tokens still hidden."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx

from tests.support import HANG_GUARD, run_rsp
from tests.webserver import rsp_serve

NOW = "2022-03-01"


def test_readyz_follows_the_schema_and_json_logs(tmp_path: Path) -> None:
    db = tmp_path / "rsp.db"
    made = run_rsp("init", "--example", "jamtland-harjedalen", "--replay", db=str(db), now=NOW)
    assert made.returncode == 0, made.stderr
    env = {"RSP_MAIL_TRANSPORT": "file", "RSP_OUTBOX_DIR": str(tmp_path / "outbox"),
           "RSP_LOG_FORMAT": "json"}
    http = httpx.Client(timeout=HANG_GUARD)
    with rsp_serve(db, NOW, env) as server:
        assert http.get(server.url + "/readyz").text == "ok"
        with sqlite3.connect(db) as conn:  # as if a newer rsp were installed
            head = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            conn.execute("UPDATE alembic_version SET version_num = '0001'")
        behind = http.get(server.url + "/readyz")
        assert behind.status_code == 503 and "rsp db upgrade" in behind.text
        assert http.get(server.url + "/healthz").text == "ok"  # alive, not ready
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE alembic_version SET version_num = ?", (head,))
        assert http.get(server.url + "/readyz").text == "ok"
        secret = "Hemlig-Token-Som-Inte-Far-Loggas"
        http.get(server.url + "/sign-in/link", params={"token": secret})
        server.process.terminate()
        out, _err = server.process.communicate(timeout=HANG_GUARD)
    lines = [line for line in ("".join(server.lines) + out).splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is a JSON object
    assert all({"time", "level", "logger", "message"} <= set(r) for r in records)
    messages = " ".join(r["message"] for r in records)
    assert "listening on" in messages and "GET /sign-in/link?token=…" in messages
    assert secret not in messages
