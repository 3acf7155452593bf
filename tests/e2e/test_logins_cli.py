"""Logins are one person regardless of case: `Sekreterare` and `sekreterare` cannot be
registered as two, RSP_USER in any case acts as the person, and the trail names them
in the one (lower) case rsp keeps. Migration 0009 lower-cases the logins a database
holds (audit verify still agrees with the trail) and refuses a database with two people
whose logins differ only in case. Through the real `rsp` command."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from process.storage import schema
from process.storage.database import open_database
from tests.support import run_rsp


def ok(*args, **kw) -> str:
    r = run_rsp(*args, **kw)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "rsp.db")
    ok("init", "--example", "jamtland-harjedalen", db=path)
    return path


def logins(db: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT login FROM person ORDER BY login")]


def test_one_person_whatever_the_case(db):
    assert "added sekreterare (board)" in ok(
        "people",
        "add",
        "Sekreterare",
        "--name",
        "Karin",
        "--email",
        "karin@region.example",
        "--role",
        "board",
        db=db,
    )
    r = run_rsp(
        "people", "add", "sekreterare", "--name", "Kalle", "--email", "kalle@region.example", db=db
    )
    assert r.returncode == 1 and "'sekreterare' is already registered" in r.stderr
    r = run_rsp(
        "people", "add", "SEKRETERARE", "--name", "Kalle", "--email", "kalle@region.example", db=db
    )
    assert r.returncode == 1 and "already registered" in r.stderr
    assert logins(db) == ["it-admin", "sekreterare"]
    ok("people", "grant", "SekreTerare", "steering_group", db=db)
    ok(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 12 RUN/536/2021",
        db=db,
        user="SEKRETERARE",
    )
    with sqlite3.connect(db) as conn:
        actors = {r[0] for r in conn.execute("SELECT actor FROM audit_event")}
        direct = conn.execute("SELECT count(*) FROM person WHERE lower(login) = 'sekreterare'")
        assert direct.fetchone() == (1,)
        with pytest.raises(sqlite3.IntegrityError):  # the index, even for a direct insert
            conn.execute(
                "INSERT INTO person (login, name, created_at, administers_installation)"
                " VALUES ('SEKRETERARE', 'X', '2024-01-01', 0)"
            )
    assert "SEKRETERARE" not in actors and "sekreterare" in actors
    assert "OK" in ok("audit", "verify", db=db)


def downgrade_to_0008(db: str, extra_sql: list[str]) -> None:
    from alembic import command

    database = open_database(db)
    try:
        with database.engine.begin() as conn:
            command.downgrade(schema._config(database, conn), "0008")  # type: ignore[arg-type]
            for sql in extra_sql:
                conn.exec_driver_sql(sql)
    finally:
        database.dispose()


def test_migration_0009_lower_cases_the_logins_and_the_trail_still_agrees(db):
    ok(
        "people",
        "add",
        "ordforande",
        "--name",
        "Per",
        "--email",
        "per@region.example",
        "--role",
        "steering_group",
        db=db,
    )
    # a database of before: the person and their grant written as 'Ordforande'
    downgrade_to_0008(db, ["UPDATE person SET login = 'Ordforande' WHERE login = 'ordforande'"])
    assert "0008 → " in ok("db", "upgrade", db=db)  # 0009 and any newer
    assert logins(db) == ["it-admin", "ordforande"]
    assert "OK" in ok("audit", "verify", db=db)
    people = json.loads(ok("people", "list", "--json", db=db))
    assert {p["login"] for p in people} == {"it-admin", "ordforande"}


def test_migration_0009_refuses_two_people_differing_only_in_case(db):
    ok("people", "add", "ordforande", "--name", "Per", "--email", "per@region.example", db=db)
    downgrade_to_0008(
        db,
        [
            "INSERT INTO person (login, name, created_at, "
            "administers_installation) VALUES ('Ordforande', 'Falsk', "
            "'2024-01-01 00:00:00', 0)"
        ],
    )
    r = run_rsp("db", "upgrade", db=db)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert (
        "people whose logins differ only in case: ordforande: 2 people (Ordforande … ordforande)"
    ) in r.stderr
    assert sorted(logins(db)) == ["Ordforande", "it-admin", "ordforande"]  # nothing changed
