"""A database created by the previous release upgrades with `rsp db upgrade`, losing nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from process.storage.database import SCHEMA_HEAD
from tests.support import ROOT, run_rsp

FIXTURE = ROOT / "tests" / "fixtures" / "rsp-0.1-schema-0001.db"


def columns(path: Path, tables: list[str]) -> dict[str, list[str]]:
    with sqlite3.connect(path) as conn:
        return {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}


def dump(path: Path, tables: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of each table, in the columns given (a newer release adds columns)."""
    with sqlite3.connect(path) as conn:
        return {
            t: conn.execute(f'SELECT {", ".join(cols)} FROM "{t}" ORDER BY 1').fetchall()
            for t, cols in tables.items()
        }


def test_release_0001_database_upgrades_with_every_row_kept(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURE, db)
    with sqlite3.connect(db) as conn:
        old_tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"
            )
        ]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    old_columns = columns(db, old_tables)
    before = dump(db, old_columns)
    assert len(before["audit_event"]) == 31

    r = run_rsp("status", db=str(db))
    assert r.returncode == 1 and "run 'rsp db upgrade'" in r.stderr

    r = run_rsp("db", "upgrade", db=str(db))
    assert r.returncode == 0, r.stderr
    assert f"schema 0001 → {SCHEMA_HEAD}" in r.stdout
    assert dump(db, old_columns) == before  # every row of every old table, unchanged

    assert run_rsp("audit", "verify", db=str(db)).returncode == 0
    status = json.loads(run_rsp("status", "--json", db=str(db), now="2023-06-01").stdout)
    assert status["state"] == "implementation"
    assert [d["paragraph"] for d in status["decisions"]] == ["17", "152", "89"]
    # the upgraded database works on: a new event chains onto the old trail
    r = run_rsp(
        "--effective",
        "2024-04-15",
        "advance",
        "report_followup",
        "-m",
        "Uppföljning 2023",
        db=str(db),
        user="processledare",
    )
    assert r.returncode == 0, r.stderr
    assert run_rsp("audit", "verify", db=str(db)).returncode == 0


FIXTURE_0009 = ROOT / "tests" / "fixtures" / "rsp-demo-schema-0009.db"


def test_the_previous_release_0009_upgrades_and_verifies(tmp_path):
    """The database of the release before issues 14-17 were merged (schema 0009, `rsp demo`
    of commit aa23b8e): `rsp db upgrade` keeps every row, the trail verifies and agrees
    with the tables, and work goes on."""
    db = tmp_path / "old.db"
    shutil.copy(FIXTURE_0009, db)
    with sqlite3.connect(db) as conn:
        old_tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"
            )
        ]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0009",)
    old_columns = columns(db, old_tables)
    before = dump(db, old_columns)
    assert len(before["audit_event"]) == 163 and len(before["outbox_message"]) == 25

    r = run_rsp("status", db=str(db))
    assert r.returncode == 1 and "rsp db upgrade" in r.stderr
    r = run_rsp("db", "upgrade", db=str(db))
    assert r.returncode == 0, r.stderr
    assert f"schema 0009 → {SCHEMA_HEAD}" in r.stdout
    assert dump(db, old_columns) == before  # every row of every old table, unchanged

    verified = run_rsp("audit", "verify", db=str(db))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    status = json.loads(run_rsp("status", "--json", db=str(db), now="2023-06-01").stdout)
    assert status["state"] == "implementation"
    r = run_rsp(
        "--now",
        "2023-06-01",
        "advance",
        "report_followup",
        "-m",
        "Uppföljning 2022",
        db=str(db),
        user="processledare",
    )
    assert r.returncode == 0, r.stderr
    assert run_rsp("audit", "verify", db=str(db)).returncode == 0
