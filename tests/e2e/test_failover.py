"""Fail-over of `rsp scheduler run`, real processes on SQLite and PostgreSQL: a second
daemon waits as a standby; when the active one is killed with SIGKILL while reminders are
due, the standby takes over and sends every due reminder, none twice; a standby told to
stop while it waits stops cleanly."""

from __future__ import annotations

import email
import json
from email import policy
from pathlib import Path

import pytest

from tests.e2e.test_scheduler import READY, Daemon, database_url
from tests.support import HANG_GUARD, run_rsp

BOARD = ("sekreterare", "namndsekreterare", "registrator", "ordforande-rs", "vice")


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_standby_takes_over_after_sigkill(kind: str, tmp_path: Path) -> None:
    with database_url(kind, tmp_path) as db:
        assert (
            run_rsp(
                "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
            ).returncode
            == 0
        )
        for login in BOARD:
            r = run_rsp(
                "people",
                "add",
                login,
                "--name",
                login.title(),
                "--email",
                f"{login}@region.example",
                "--role",
                "board",
                db=db,
            )
            assert r.returncode == 0, r.stderr
        out = tmp_path / "outbox"
        common = {"RSP_OUTBOX_DIR": str(out), "RSP_MAIL_TRANSPORT": "file"}
        # the active daemon's day has nothing due yet; the standby's has (each process
        # is told its own day with RSP_NOW: the reminders fall due between the two)
        active = Daemon(db, {**common, "RSP_NOW": "2021-12-01"})
        standby = None
        try:
            active.wait_for(READY)
            active.wait_for("utskick: 0 skickade")
            standby = Daemon(
                db, {**common, "RSP_NOW": "2022-02-10"}, extra=("--takeover-seconds", "1")
            )
            standby.wait_for("rsp scheduler: reserv")
            assert standby.count(READY) == 0  # it waits, it does not work
            active.proc.kill()  # SIGKILL: no clean-up, the lock goes with the process
            assert active.proc.wait(timeout=HANG_GUARD) == -9
            standby.wait_for("rsp scheduler: tar över")
            standby.wait_for(READY)
            sent_line = standby.wait_for("utskick: ")
            assert standby.stop() == 0
        finally:
            active.kill()
            if standby is not None:
                standby.kill()
        rows = json.loads(run_rsp("outbox", "list", "--json", "--limit", "1000", db=db).stdout)
        assert rows and {r["status"] for r in rows} == {"sent"}
        assert f"utskick: {len(rows)} skickade" in sent_line
        files = sorted(out.glob("*.eml"))
        ids = [
            email.message_from_bytes(f.read_bytes(), policy=policy.default)["Message-ID"]
            for f in files
        ]
        assert len(ids) == len(set(ids)) == len(rows)  # every one, none twice
        assert {r["recipient"] for r in rows} >= {f"{b}@region.example" for b in BOARD}
        again = run_rsp(
            "remind", "run-once", "-v", "--no-send", db=db, now="2022-02-10", env=common
        )
        assert "0 köade" in again.stdout  # nothing due was left behind


def test_a_waiting_standby_stops_cleanly(tmp_path: Path) -> None:
    db = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
        ).returncode
        == 0
    )
    env = {"RSP_NOW": "2021-12-01", "RSP_OUTBOX_DIR": str(tmp_path / "out")}
    active = Daemon(db, env)
    standby = None
    try:
        active.wait_for(READY)
        standby = Daemon(db, env)
        standby.wait_for("rsp scheduler: reserv")
        assert standby.stop() == 0
        standby.wait_for("rsp scheduler: stoppad")
        assert standby.count(READY) == 0
        assert active.proc.poll() is None and active.stop() == 0
    finally:
        active.kill()
        if standby is not None:
            standby.kill()
