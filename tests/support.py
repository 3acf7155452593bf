"""Shared test helpers: databases (a real SQLite file, the real PostgreSQL), clocks, CLI runs."""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from process.core.clock import STOCKHOLM, FixedClock
from process.storage import schema
from process.storage.database import Database, open_database

ROOT = Path(__file__).resolve().parent.parent
RSP = str(Path(sys.executable).parent / "rsp")
PG_URL = os.environ.get(
    "RSP_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# A hang guard, not a time limit: the longest any single wait in the tests (a command,
# a process exiting, a line or a message arriving, a thread or a barrier) may take before
# the test is declared hung. Tests wait for events, never for time to pass; a busy 2-core
# machine can make correct work take minutes (the scale soak's cron runs took 137-185 s
# there), so no wait may be bounded by what a correct program "should" need. This bound
# only stops a test that would otherwise never end.
HANG_GUARD = 30 * 60  # seconds


def at(day: str, hour: int = 9) -> dt.datetime:
    """A Stockholm time on a day, e.g. at('2022-02-22')."""
    d = dt.date.fromisoformat(day)
    return dt.datetime(d.year, d.month, d.day, hour, tzinfo=STOCKHOLM)


def clock_at(day: str) -> FixedClock:
    return FixedClock(at(day))


@functools.cache
def postgres_available() -> str | None:
    """None if the PostgreSQL server answers, else why not (asked once per test run: a
    server that is not there refuses at once; one that is busy gets the hang guard)."""
    try:
        import psycopg

        url = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(url, connect_timeout=HANG_GUARD) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc) else ''}"


def require_postgres() -> None:
    """Skip with a clear message without a server; in CI (CI=true) fail instead."""
    why = postgres_available()
    if why is None:
        return
    message = f"PostgreSQL not reachable at {PG_URL} ({why}); set RSP_TEST_POSTGRES_URL"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("CI requires PostgreSQL: " + message)
    pytest.skip(message)


@contextmanager
def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh, empty schema (dropped afterwards)."""
    import sqlalchemy as sa

    require_postgres()
    name = f"rsp_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        admin.dispose()


@contextmanager
def database(kind: str, tmp_path: Path, migrate: bool = True) -> Iterator[Database]:
    """A real database of the kind ('sqlite' file or 'postgres'), schema created."""
    if kind == "sqlite":
        db = open_database(str(tmp_path / "rsp.db"))
        if migrate:
            schema.upgrade(db)
        try:
            yield db
        finally:
            db.dispose()
        return
    with postgres_schema_url() as url:
        db = open_database(url)
        if migrate:
            schema.upgrade(db)
        try:
            yield db
        finally:
            db.dispose()


def run_rsp(
    *args: str,
    db: str,
    user: str | None = "it-admin",
    now: str | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real installed `rsp` command, to its end (bounded only by the hang guard)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    full_env["RSP_DATABASE_URL"] = db
    if user:
        full_env["RSP_USER"] = user
    if now:
        full_env["RSP_NOW"] = now
    full_env.update(env or {})
    return subprocess.run(
        [RSP, *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        input=input_text,
        timeout=HANG_GUARD,
    )


PLAN_2014 = (
    Path(__file__).resolve().parent.parent
    / "workflows"
    / "examples"
    / "jamtland-2014-2020"
    / "actionplan-2014.yaml"
)

DEMO_PEOPLE = {
    "sekreterare": ["board"],
    "ordforande": ["steering_group"],
    "processledare": ["working_group"],
    "landsbygdsutvecklare": ["service_z"],
}


def make_programme(
    db: Database,
    clock: FixedClock,
    people: dict[str, list[str]] | None = None,
    admin: str = "it-admin",
) -> None:
    """The example programme with one person per role, created through the services, in a
    replay database (the tests replay timetables with `--now`). For the tests of measures
    it also holds the complete 2014 action plan (PLAN_2014, in truth the earlier
    programme's: `rsp demo` keeps the two apart)."""
    from process.plans import plan_import
    from process.programme import setup

    setup.init(db, clock, admin, example="jamtland-harjedalen", replay=True)
    plan_import.import_plan(db, clock, admin, None, str(PLAN_2014), 2014)
    for login, roles in (DEMO_PEOPLE if people is None else people).items():
        setup.add_person(db, clock, admin, None, login, login.title(), f"{login}@x.example", roles)
