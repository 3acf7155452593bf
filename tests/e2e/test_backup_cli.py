"""`rsp db backup` and `rsp db restore` through the real rsp: a backup taken while a writer
keeps writing restores into a fresh database whose sealed trail verifies; a backup of a
quiet database restores to every table equal; PostgreSQL through pg_dump/pg_restore; the
refusals (an existing file, a database in use, no pg_dump) are clear and change nothing."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.support import HANG_GUARD, PG_URL, require_postgres, run_rsp


def ok(*args: str, db: str, env: dict[str, str] | None = None) -> str:
    r = run_rsp(*args, db=db, env=env)
    assert r.returncode == 0, f"rsp {' '.join(args)}: {r.stdout}{r.stderr}"
    return r.stdout


def sealed_programme(db: str, tmp_path: Path) -> dict[str, str]:
    key = tmp_path / "audit.key"
    ok("init", "--example", "jamtland-harjedalen", db=db)
    ok("audit", "keygen", str(key), db=db)
    env = {"RSP_AUDIT_KEY_FILE": str(key)}
    ok("audit", "seal", db=db, env=env)
    return env


def sqlite_tables(path: str) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}


class Writer:
    """A writer that keeps adding people (each a real `rsp` process) until stopped."""

    def __init__(self, db: str, env: dict[str, str]) -> None:
        self.db, self.env = db, env
        self.done = 0
        self.failures: list[str] = []
        self.changed = threading.Condition()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        i = 0
        while not self.stopping.is_set():
            r = run_rsp(
                "people", "add", f"skrivare{i}", "--name", f"Skrivare {i}", db=self.db, env=self.env
            )
            with self.changed:
                if r.returncode != 0:
                    self.failures.append(r.stderr)
                self.done += 1
                self.changed.notify_all()
            i += 1

    def wait_for(self, n: int) -> None:
        with self.changed:
            assert self.changed.wait_for(
                lambda: self.done >= n or self.failures, timeout=HANG_GUARD
            )
        assert not self.failures, self.failures

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(HANG_GUARD)


def test_sqlite_backup_while_writing_restores_and_verifies(tmp_path: Path) -> None:
    db = str(tmp_path / "rsp.db")
    env = sealed_programme(db, tmp_path)
    writer = Writer(db, env)
    try:
        writer.wait_for(3)
        before = writer.done
        shown = ok("db", "backup", str(tmp_path / "mitt-i.db"), db=db)
        assert "säkerhetskopia i" in shown
        writer.wait_for(before + 2)  # the writer went on while and after the copy was made
    finally:
        writer.stop()
    assert not writer.failures, writer.failures

    restored = str(tmp_path / "aterstalld.db")
    assert "återställd" in ok("db", "restore", str(tmp_path / "mitt-i.db"), db=restored)
    verified = run_rsp("audit", "verify", db=restored, env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "sealed" in verified.stdout.lower() or "audit trail OK" in verified.stdout
    assert sqlite_tables(restored) == sqlite_tables(str(tmp_path / "mitt-i.db"))
    people = {r[1] for r in sqlite_tables(restored)["person"]}
    assert "skrivare0" in people and len(people) < len(
        {r[1] for r in sqlite_tables(db)["person"]}
    )  # a snapshot from the middle

    ok("db", "backup", str(tmp_path / "stilla.db"), db=db)  # nobody writes now
    again = str(tmp_path / "aterstalld-2.db")
    ok("db", "restore", str(tmp_path / "stilla.db"), db=again)
    assert sqlite_tables(again) == sqlite_tables(db)  # every table, every row
    assert run_rsp("audit", "verify", db=again, env=env).returncode == 0


def test_refusals_are_clear_and_change_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "rsp.db")
    ok("init", "--example", "jamtland-harjedalen", db=db)
    ok("db", "backup", str(tmp_path / "b.db"), db=db)
    size = (tmp_path / "b.db").stat().st_size
    again = run_rsp("--lang", "en", "db", "backup", str(tmp_path / "b.db"), db=db)
    assert again.returncode == 1 and "exists already" in again.stderr
    assert (tmp_path / "b.db").stat().st_size == size
    over = run_rsp("db", "restore", str(tmp_path / "b.db"), db=db)
    assert over.returncode == 1 and "is not empty" in over.stderr
    (tmp_path / "not.db").write_text("hej", encoding="utf-8")
    wrong = run_rsp("db", "restore", str(tmp_path / "not.db"), db=str(tmp_path / "new.db"))
    assert wrong.returncode == 1 and "is not an rsp backup" in wrong.stderr
    for r in (again, over, wrong):
        assert "Traceback" not in r.stderr


@pytest.mark.postgres
def test_postgres_backup_and_restore_with_pg_dump(tmp_path: Path) -> None:
    require_postgres()
    schema = f"rsp_backup_{uuid.uuid4().hex[:10]}"
    copy_db = f"rsp_restore_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{copy_db}"')
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    copy_url = url.replace("/test?", f"/{copy_db}?")
    try:
        env = sealed_programme(url, tmp_path)
        ok("people", "add", "sekreterare", "--name", "Karin", "--role", "board", db=url, env=env)
        dump = tmp_path / "rsp.dump"
        shown = ok("db", "backup", str(dump), db=url)
        assert "pg_dump --format=custom" in shown and f"--schema={schema}" in shown
        missing = run_rsp(
            "db", "backup", str(tmp_path / "x.dump"), db=url, env={"PATH": str(tmp_path)}
        )  # no pg_dump on this PATH
        assert missing.returncode == 1 and "pg_dump is not installed" in missing.stderr
        assert "pg_dump --format=custom" in missing.stderr
        assert not (tmp_path / "x.dump").exists()
        assert "återställd" in ok("db", "restore", str(dump), db=copy_url)
        verified = run_rsp("audit", "verify", db=copy_url, env=env)
        assert verified.returncode == 0, verified.stdout + verified.stderr
        over = run_rsp("db", "restore", str(dump), db=url)
        assert over.returncode == 1 and "is not empty" in over.stderr
        source, copy = sa.create_engine(url), sa.create_engine(copy_url)
        try:
            with source.connect() as a, copy.connect() as b:
                tables = sa.inspect(a).get_table_names()
                assert sorted(tables) == sorted(sa.inspect(b).get_table_names())
                for t in tables:
                    q = f'SELECT * FROM "{t}" ORDER BY 1'
                    assert a.exec_driver_sql(q).all() == b.exec_driver_sql(q).all(), t
        finally:
            source.dispose()
            copy.dispose()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{copy_db}" WITH (FORCE)')
        admin.dispose()
