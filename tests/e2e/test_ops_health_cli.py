"""Health for the load balancer and monitoring, through the real `rsp serve`: /healthz
while the process answers, /readyz 503 naming the fix when the schema falls behind (a
newer rsp before `rsp db upgrade`); with --log-format json every line is JSON, the
access log's sign-in tokens still hidden."""

from __future__ import annotations

import email
import email.policy
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.support import HANG_GUARD, RSP, run_rsp
from tests.webserver import rsp_serve

NOW = "2022-03-01"


def test_readyz_follows_the_schema_and_json_logs(tmp_path: Path) -> None:
    db = tmp_path / "rsp.db"
    made = run_rsp("init", "--example", "jamtland-harjedalen", "--replay", db=str(db), now=NOW)
    assert made.returncode == 0, made.stderr
    env = {
        "RSP_MAIL_TRANSPORT": "file",
        "RSP_OUTBOX_DIR": str(tmp_path / "outbox"),
        "RSP_LOG_FORMAT": "json",
    }
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
    assert "rsp serve: lyssnar på" in messages  # Swedish by default
    assert "GET /sign-in/link?token=…" in messages
    assert "rsp serve: inloggning: " in messages and "rsp serve: utskick: " in messages
    assert secret not in messages


def test_serves_lines_in_english_on_request(tmp_path: Path) -> None:
    db = tmp_path / "rsp.db"
    made = run_rsp("init", "--example", "jamtland-harjedalen", "--replay", db=str(db), now=NOW)
    assert made.returncode == 0, made.stderr
    env = {"RSP_MAIL_TRANSPORT": "file", "RSP_OUTBOX_DIR": str(tmp_path / "o"), "RSP_LANG": "en"}
    with rsp_serve(db, NOW, env) as server:
        server.process.terminate()
        out, _err = server.process.communicate(timeout=HANG_GUARD)
    said = "".join(server.lines) + out
    assert "rsp serve: listening on http://" in said and "(database " in said
    assert "rsp serve: sign-in: " in said and "rsp serve: mail: " in said
    assert "lyssnar på" not in said


@pytest.mark.postgres
def test_two_workers_on_postgresql_share_sign_in_and_sessions(tmp_path: Path) -> None:
    """`rsp serve --workers 2` on PostgreSQL: both workers start, a person signs in (the
    link asked for on one connection, opened on others), and the session holds on every
    new connection, whichever worker takes it (they share the cookie secret and the
    sessions through the database)."""
    from tests.support import postgres_schema_url
    from tests.webserver import free_port, wait_for
    from tests.websupport import csrf_of, link_and_code

    with postgres_schema_url() as url:
        made = run_rsp("init", "--example", "jamtland-harjedalen", db=url)
        assert made.returncode == 0, made.stderr
        added = run_rsp(
            "people",
            "add",
            "processledare",
            "--name",
            "Maria",
            "--email",
            "maria@region.example",
            "--role",
            "working_group",
            db=url,
        )
        assert added.returncode == 0, added.stderr
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        outbox = tmp_path / "outbox"
        env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
        env.update(
            RSP_DATABASE_URL=url,
            RSP_BASE_URL=base,
            RSP_MAIL_TRANSPORT="file",
            RSP_OUTBOX_DIR=str(outbox),
            RSP_LOG_FORMAT="json",
        )
        proc = subprocess.Popen(
            [RSP, "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            wait_for(lambda: _answers(base), "two workers answering /readyz")
            browser = httpx.Client(base_url=base, timeout=HANG_GUARD)
            page = browser.get("/sign-in", params={"next": "/"})
            asked = browser.post(
                "/sign-in/email",
                data={"csrf": csrf_of(page.text), "email": "maria@region.example", "next": "/"},
            )
            assert asked.status_code == 303, asked.text
            mails = wait_for(lambda: sorted(outbox.glob("*.eml")), "the sign-in mail")
            token, _code = link_and_code(
                email.message_from_bytes(mails[-1].read_bytes(), policy=email.policy.default)
            )
            opened = browser.get("/sign-in/link", params={"token": token})
            pressed = browser.post(
                "/sign-in/link", data={"csrf": csrf_of(opened.text), "token": token}
            )
            assert pressed.status_code == 303, pressed.text
            cookies = dict(browser.cookies)
            for _ in range(12):  # a new connection each time: any worker may take it
                r = httpx.get(base + "/", cookies=cookies, timeout=HANG_GUARD)
                assert r.status_code in (200, 303), r.status_code
                assert "/sign-in" not in r.headers.get("location", ""), "signed out"
        finally:
            proc.terminate()
            out, _ = proc.communicate(timeout=HANG_GUARD)
        started = {
            json.loads(line)["message"]
            for line in out.splitlines()
            if line.startswith("{") and "Started server process" in line
        }
        assert len(started) == 2, out[-3000:]  # two worker processes, each its own pid


def _answers(base: str) -> bool:
    try:
        return httpx.get(base + "/readyz", timeout=HANG_GUARD).text == "ok"
    except httpx.HTTPError:
        return False
