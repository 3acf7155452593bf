"""`rsp scheduler run` as a real process: it sweeps and sends at once, a second daemon on
the same database is refused, SIGTERM stops it cleanly (exit 0) and frees the lock."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from notifications.daemon import AlreadyRunning, single_instance
from process.storage.database import open_database
from tests.support import RSP, postgres_schema_url, run_rsp

READY = "rsp scheduler: running"


class Daemon:
    """A running `rsp scheduler run`, its output read line by line as it comes."""

    def __init__(self, db: str, env: dict[str, str], interval: str = "60") -> None:
        full = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
        full.update({"RSP_DATABASE_URL": db, "RSP_USER": "it-admin", **env})
        self.proc = subprocess.Popen([RSP, "scheduler", "run", "--interval", interval], env=full,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.seen: list[str] = []
        for name, stream in (("out", self.proc.stdout), ("err", self.proc.stderr)):
            threading.Thread(target=self._read, args=(name, stream), daemon=True).start()

    def _read(self, name: str, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.put((name, line.rstrip("\n")))

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """Block until a line containing `text` appears (or fail after `timeout`)."""
        while True:
            try:
                _name, line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no {text!r} within {timeout}s; saw: {self.seen}") from None
            self.seen.append(line)
            if text in line:
                return line

    def count(self, text: str) -> int:
        """How many lines so far contain `text`."""
        while True:
            try:
                self.seen.append(self.lines.get_nowait()[1])
            except queue.Empty:
                return sum(text in line for line in self.seen)

    def wait_for_count(self, text: str, n: int, timeout: float = 60) -> None:
        """Block until `n` lines in all contain `text`."""
        while self.count(text) < n:
            self.wait_for(text, timeout)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=60)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)


@contextmanager
def database_url(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield str(tmp_path / "rsp.db")
    else:
        with postgres_schema_url() as url:
            yield url


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_one_daemon_per_database_and_a_clean_stop(kind: str, tmp_path: Path):
    with database_url(kind, tmp_path) as db:
        assert run_rsp("init", "--example", "jamtland-harjedalen", "--replay", db=db,
                       now="2021-10-15").returncode == 0
        for login, role in (("sekreterare", "board"), ("ordforande", "steering_group")):
            r = run_rsp("people", "add", login, "--name", login.title(), "--email",
                        f"{login}@region.example", "--role", role, db=db)
            assert r.returncode == 0, r.stderr
        out = tmp_path / "outbox"
        env = {"RSP_NOW": "2022-02-10", "RSP_OUTBOX_DIR": str(out)}
        first = Daemon(db, env)
        try:
            first.wait_for(READY)
            first.wait_for("send: 2 sent")  # the first sweep runs at once
            second = run_rsp("scheduler", "run", db=db, env=env)
            assert second.returncode == 1
            assert "a scheduler is already running on" in second.stderr
            assert "Traceback" not in second.stderr
            assert first.stop() == 0
            first.wait_for("rsp scheduler: stopped")
        finally:
            first.kill()
        assert len(list(out.glob("*.eml"))) == 2
        again = Daemon(db, env)  # the lock was released
        try:
            again.wait_for(READY)
            again.wait_for("send: 0 sent")  # nothing twice
            assert again.stop() == 0
        finally:
            again.kill()
        assert len(list(out.glob("*.eml"))) == 2


def test_a_daemon_told_a_future_day_works_at_once(tmp_path: Path):
    """`--now` only says what day the work sees: the first sweep runs now, not in 2031."""
    db = str(tmp_path / "rsp.db")
    assert run_rsp("init", "--example", "jamtland-harjedalen", "--replay", db=db,
                   now="2021-10-15").returncode == 0
    daemon = Daemon(db, {"RSP_NOW": "2031-03-05", "RSP_OUTBOX_DIR": str(tmp_path / "out")})
    try:
        daemon.wait_for(READY)
        daemon.wait_for("sweep:", timeout=30)
        daemon.wait_for("send:", timeout=30)
        assert daemon.stop() == 0
    finally:
        daemon.kill()


def test_the_lock_itself(sqlite_db):
    with single_instance(sqlite_db):
        other = open_database(sqlite_db.url)
        try:
            with pytest.raises(AlreadyRunning, match=f"pid {os.getpid()}"), \
                    single_instance(other):
                pass
        finally:
            other.dispose()
    with single_instance(sqlite_db):  # free again
        pass


@pytest.mark.postgres
def test_the_advisory_lock_on_postgres(pg_db):
    with single_instance(pg_db) as lock:
        lock.check()
        other = open_database(pg_db.url)
        try:
            with pytest.raises(AlreadyRunning, match="holds the advisory lock"), \
                    single_instance(other):
                pass
        finally:
            other.dispose()
    with single_instance(pg_db):
        pass
