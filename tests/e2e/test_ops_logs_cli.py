"""Logs an operator can live with, through the real `rsp`: cron runs print nothing when
nothing happened; a condition that stands every sweep (nobody with the board role has an
e-mail address) is reported once when it appears, by cron and daemon alike (remembered in
the database), and again only after it went away and came back; the daemon's lines can be
JSON objects."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.e2e.test_scheduler import Daemon
from tests.support import run_rsp

BOARD_NOTE = "ingen som har rollen board har en e-postadress"  # Swedish by default


def _db(tmp_path: Path) -> str:
    db = str(tmp_path / "rsp.db")
    made = run_rsp("init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15")
    assert made.returncode == 0, made.stderr
    added = run_rsp(
        "people", "add", "processledare", "--name", "P", "--role", "working_group", db=db
    )
    assert added.returncode == 0, added.stderr
    return db


def _notes_rows(db: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT count(*) FROM audit_event WHERE action = 'reminders.notes'"
        ).fetchone()[0]


def _cron(db: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    run = run_rsp(
        "remind", "run-once", "--outbox-dir", str(tmp_path / "mail"), db=db, now="2022-02-10"
    )
    assert run.returncode == 0, run.stderr
    return run


def test_cron_is_quiet_and_tells_a_condition_once(tmp_path: Path) -> None:
    db = _db(tmp_path)
    first = _cron(db, tmp_path)
    assert first.stderr.count(BOARD_NOTE) == 4  # four board milestones
    assert first.stderr.startswith("obs: ")  # Swedish by default ("note: " in English)
    assert "ingen som har rollen working_group har en e-postadress" in first.stderr
    again = _cron(db, tmp_path)
    assert (again.stdout, again.stderr) == ("", "")  # nothing happened, nothing new
    assert _notes_rows(db) == 1
    verbose = run_rsp(
        "remind", "run-once", "-v", "--outbox-dir", str(tmp_path / "mail"), db=db, now="2022-02-10"
    )
    assert "genomgång:" in verbose.stdout and BOARD_NOTE in verbose.stderr  # asked for it all

    fixed = run_rsp(
        "people",
        "add",
        "sekreterare",
        "--name",
        "S",
        "--email",
        "s@region.example",
        "--role",
        "board",
        db=db,
    )
    assert fixed.returncode == 0, fixed.stderr
    gone = _cron(db, tmp_path)
    assert BOARD_NOTE not in gone.stderr
    assert run_rsp("people", "revoke", "sekreterare", "board", db=db).returncode == 0
    back = _cron(db, tmp_path)
    assert back.stderr.count(BOARD_NOTE) == 4  # it came back: told again
    assert "working_group" not in back.stderr  # that one stood all along


def test_the_daemon_logs_json_and_a_condition_once(tmp_path: Path) -> None:
    db = _db(tmp_path)
    daemon = Daemon(
        db,
        {
            "RSP_NOW": "2022-02-10",
            "RSP_LOG_FORMAT": "json",
            "RSP_OUTBOX_DIR": str(tmp_path / "mail"),
        },
        interval="0.1",
    )
    try:
        daemon.wait_for("rsp scheduler: igång")
        daemon.wait_for_count("genomgång:", 3)  # three sweeps
    finally:
        daemon.proc.terminate()
        daemon.proc.wait()
    daemon.count("")
    records = [json.loads(line) for line in daemon.seen]
    assert {"time", "level", "logger", "message"} <= set(records[0])
    warnings = [r["message"] for r in records if r["level"] == "WARNING"]
    assert sum(BOARD_NOTE in w for w in warnings) == 4  # once, not on every sweep
    again = _cron(db, tmp_path)  # cron reads the same memory
    assert (again.stdout, again.stderr) == ("", "")


def test_the_daemons_lines_are_swedish_and_english_on_request(tmp_path: Path) -> None:
    """The words a person reads are Swedish by default and English with RSP_LANG=en; the
    JSON keys stay the same in both."""
    seen = {}
    for lang, ready, sweep in (
        ("sv", "rsp scheduler: igång", "genomgång:"),
        ("en", "rsp scheduler: running", "sweep:"),
    ):
        (tmp_path / lang).mkdir()
        db = _db(tmp_path / lang)
        env = {"RSP_NOW": "2022-02-10", "RSP_LOG_FORMAT": "json", "RSP_LANG": lang}
        daemon = Daemon(db, {**env, "RSP_OUTBOX_DIR": str(tmp_path / lang / "mail")}, "0.1")
        try:
            daemon.wait_for(ready)
            daemon.wait_for_count(sweep, 1)
        finally:
            daemon.proc.terminate()
            daemon.proc.wait()
        daemon.count("")
        records = [json.loads(line) for line in daemon.seen]
        assert all(set(r) >= {"time", "level", "logger", "message"} for r in records)
        seen[lang] = [r["message"] for r in records]
    sv, en = "\n".join(seen["sv"]), "\n".join(seen["en"])
    assert "kontrollpunkt för granskningsloggen: varje dag 06:30 (svensk tid)" in sv
    assert "audit checkpoint: daily at 06:30 (Europe/Stockholm)" in en
    assert BOARD_NOTE in sv and "no one holding board has an e-mail address" in en
    assert "rsp scheduler: stoppad" in sv and "rsp scheduler: stopped" in en
    assert "rsp scheduler: running" not in sv and "igång" not in en
    assert "utskick: 0 skickade" in sv and "send: 0 sent" in en
