"""`rsp scheduler status` as monitoring runs it, on SQLite and PostgreSQL: whether a
scheduler runs (and its pid and last round), the queue and its oldest mail, the last sweep
that queued mail, the last mail sent, the newest checkpoint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_scheduler import READY, Daemon, database_url
from tests.support import run_rsp


def status(db: str, env: dict[str, str]) -> dict:
    shown = run_rsp("scheduler", "status", "--json", db=db, env=env)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_scheduler_status(kind: str, tmp_path: Path) -> None:
    with database_url(kind, tmp_path) as db:
        assert (
            run_rsp(
                "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
            ).returncode
            == 0
        )
        for login, role in (("sekreterare", "board"), ("ordforande", "steering_group")):
            r = run_rsp(
                "people",
                "add",
                login,
                "--name",
                login.title(),
                "--email",
                f"{login}@region.example",
                "--role",
                role,
                db=db,
            )
            assert r.returncode == 0, r.stderr
        env = {
            "RSP_NOW": "2022-02-10",
            "RSP_OUTBOX_DIR": str(tmp_path / "outbox"),
            "RSP_MAIL_TRANSPORT": "file",
        }
        before = status(db, env)
        assert before["scheduler_running"] is False and before["queue"] == 0
        assert before["last_sent"] is None and before["oldest_waiting"] is None
        queued = run_rsp("remind", "run-once", "--no-send", db=db, env=env)
        assert queued.returncode == 0, queued.stderr
        waiting = status(db, env)
        assert waiting["queue"] == 2 and waiting["oldest_waiting"] is not None
        assert waiting["last_queued"] is not None and waiting["last_sent"] is None

        daemon = Daemon(db, env)
        try:
            daemon.wait_for(READY)
            daemon.wait_for("utskick: 2 skickade")
            running = status(db, env)
            assert running["scheduler_running"] is True
            assert running["last_round"] is not None
            if kind == "sqlite":
                assert running["scheduler_pid"] == str(daemon.proc.pid)
            assert running["queue"] == 0 and running["sent"] == 2
            assert running["last_sent"] is not None and running["oldest_waiting"] is None
            text = run_rsp("scheduler", "status", db=db, env=env)
            assert "Schemaläggaren: körs (pid" in text.stdout
            assert "Kö: 0 väntar" in text.stdout and "2 skickade" in text.stdout
            assert daemon.stop() == 0
        finally:
            daemon.kill()
        after = run_rsp("--lang", "en", "scheduler", "status", db=db, env=env)
        assert "Scheduler: NOT running on this database" in after.stdout
