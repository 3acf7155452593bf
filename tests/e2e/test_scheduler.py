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
from tests.support import HANG_GUARD, RSP, postgres_schema_url, run_rsp

READY = "rsp scheduler: igång"  # Swedish by default (RSP_LANG=en: "running")


class Daemon:
    """A running `rsp scheduler run`, its output read line by line as it comes.

    stdout and stderr share one pipe, so the lines come in the order the daemon wrote
    them (its "running" line, then its log lines); with two pipes a busy machine can
    deliver a round's log lines before the "running" line, and a wait for "running"
    would pass over them. Waits are for events: a line appearing, or the process ending
    (its output closes), which fails a wait at once instead of running into the hang
    guard."""

    def __init__(
        self, db: str, env: dict[str, str], interval: str = "60", extra: tuple[str, ...] = ()
    ) -> None:
        full = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
        full.update({"RSP_DATABASE_URL": db, "RSP_USER": "it-admin", **env})
        self.proc = subprocess.Popen(
            [RSP, "scheduler", "run", "--interval", interval, *extra],
            env=full,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.ended = False
        threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True).start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)  # the output closed: the process is ending

    def _next(self, block: bool) -> str | None:
        """The next line; None when there is none yet (block=False) or no more ever."""
        if self.ended:
            return None
        try:
            line = self.lines.get(timeout=HANG_GUARD) if block else self.lines.get_nowait()
        except queue.Empty:
            if not block:
                return None
            raise AssertionError(f"hung: no output for {HANG_GUARD} s; saw: {self.seen}") from None
        if line is None:
            self.ended = True
            return None
        self.seen.append(line)
        return line

    def wait_for(self, text: str) -> str:
        """Block until a line containing `text` appears; fail if the daemon ends first."""
        while (line := self._next(block=True)) is not None:
            if text in line:
                return line
        raise AssertionError(
            f"rsp scheduler ended (exit {self.proc.wait(HANG_GUARD)}) "
            f"without a line containing {text!r}; saw: {self.seen}"
        )

    def count(self, text: str) -> int:
        """How many lines so far contain `text`."""
        while self._next(block=False) is not None:
            pass
        return sum(text in line for line in self.seen)

    def wait_for_count(self, text: str, n: int) -> None:
        """Block until `n` lines in all contain `text`."""
        while self.count(text) < n:
            self.wait_for(text)

    def stop(self) -> int:
        """SIGTERM, then the exit status once the daemon has finished its work and ended."""
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=HANG_GUARD)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=HANG_GUARD)


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
        out = tmp_path / "outbox"
        env = {"RSP_NOW": "2022-02-10", "RSP_OUTBOX_DIR": str(out), "RSP_MAIL_TRANSPORT": "file"}
        first = Daemon(db, env)
        try:
            first.wait_for(READY)
            first.wait_for("utskick: 2 skickade")  # the first sweep runs at once
            second = run_rsp("scheduler", "run", "--no-standby", db=db, env=env)
            assert second.returncode == 1
            assert "en schemaläggare körs redan på" in second.stderr
            assert "Traceback" not in second.stderr
            assert first.stop() == 0
            first.wait_for("rsp scheduler: stoppad")
        finally:
            first.kill()
        assert len(list(out.glob("*.eml"))) == 2
        again = Daemon(db, env)  # the lock was released
        try:
            again.wait_for(READY)
            again.wait_for("utskick: 0 skickade")  # nothing twice
            assert again.stop() == 0
        finally:
            again.kill()
        assert len(list(out.glob("*.eml"))) == 2


def test_a_daemon_told_a_future_day_works_at_once(tmp_path: Path):
    """`--now` only says what day the work sees: the first sweep runs now, not in 2031."""
    db = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
        ).returncode
        == 0
    )
    daemon = Daemon(db, {"RSP_NOW": "2031-03-05", "RSP_OUTBOX_DIR": str(tmp_path / "out")})
    try:
        daemon.wait_for(READY)
        # events, not a stopwatch: were the first run put off until 2031, these lines
        # would never come and the wait would end in the hang guard
        daemon.wait_for("genomgång:")
        daemon.wait_for("utskick:")
        assert daemon.stop() == 0
    finally:
        daemon.kill()


def test_the_lock_itself(sqlite_db):
    with single_instance(sqlite_db):
        other = open_database(sqlite_db.url)
        try:
            with pytest.raises(AlreadyRunning, match=f"pid {os.getpid()}"), single_instance(other):
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
            with (
                pytest.raises(AlreadyRunning, match="håller databasens lås"),
                single_instance(other),
            ):
                pass
        finally:
            other.dispose()
    with single_instance(pg_db):
        pass
