"""Diary numbers as a region's registrar writes them, through the real `rsp` command: a
common form kept as written, a region's own form from its process file, a refused
reference audited, and a delegation that finds the board's decision however its number
was spelt."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.support import ROOT, run_rsp

OWN_FORM = (
    "\ndiary_numbers:\n"
    "  pattern: 'RUN-(?P<year>\\d{4}):(?P<number>\\d+)'\n"
    "  example: 'RUN-2021:536'\n"
)


def ok(*args: str, db: str, user: str = "it-admin", now: str | None = None) -> str:
    r = run_rsp(*args, db=db, user=user, now=now)
    assert r.returncode == 0, f"rsp {' '.join(args)}: {r.stdout}{r.stderr}"
    return r.stdout


def programme(tmp_path: Path, own_form: bool) -> str:
    db = str(tmp_path / "rsp.db")
    definition = tmp_path / "process.yaml"
    text = (ROOT / "workflows" / "drafting.yaml").read_text(encoding="utf-8")
    definition.write_text(text + (OWN_FORM if own_form else ""), encoding="utf-8")
    ok(
        "init",
        "--definition",
        str(definition),
        "--key",
        "rsp-x",
        "--name",
        "RSP X",
        "--region",
        "Region X",
        "--board",
        "Regionala utvecklingsnämnden",
        "--replay",
        db=db,
        now="2021-10-15",
    )
    ok(
        "people",
        "add",
        "sekreterare",
        "--name",
        "Sara Sekreterare",
        "--email",
        "sara@region.example",
        "--role",
        "board",
        db=db,
        now="2021-10-15",
    )
    return db


@pytest.mark.parametrize("written", ["RUN 2021/536", "RUN 2021-00536", "Dnr 2021/536"])
def test_a_common_form_is_stored_as_written(tmp_path, written):
    db = programme(tmp_path, own_form=False)
    out = ok(
        "advance",
        "decide_start",
        "--decision",
        f"2022-02-22 §§ 17-18 {written}",
        db=db,
        user="sekreterare",
        now="2022-02-22",
    )
    assert f"2022-02-22 §§ 17-18, {written}" in out
    decision = json.loads(ok("status", "--json", db=db))["decisions"][0]
    assert (decision["paragraph"], decision["diary_number"]) == ("17-18", written)


def test_the_regions_own_form_is_understood_and_a_wrong_one_refused_and_audited(tmp_path):
    db = programme(tmp_path, own_form=True)
    r = run_rsp(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 17 RUN-2021",
        db=db,
        user="sekreterare",
        now="2022-02-22",
    )
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "needs the diary number" in r.stderr and "RUN-2021:536" in r.stderr, r.stderr
    history = json.loads(ok("history", "--json", db=db))
    assert history[-1]["outcome"] == "refused"
    assert json.loads(ok("status", "--json", db=db))["state"] == "offer_received"
    out = ok(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 17 RUN-2021:0536",
        db=db,
        user="sekreterare",
        now="2022-02-22",
    )
    assert "RUN-2021:0536" in out


def test_a_delegation_finds_the_boards_decision_in_another_spelling(tmp_path):
    db = programme(tmp_path, own_form=False)
    ok(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 17 RUN/536/2021",
        db=db,
        user="sekreterare",
        now="2022-02-22",
    )
    ok(
        "delegate",
        "action_plan",
        "--role",
        "working_group",
        "--decision",
        "2022-02-22 § 17 RUN 2021-00536",
        db=db,
        user="sekreterare",
        now="2022-02-23",
    )
    decisions = json.loads(ok("decision", "list", "--json", db=db, now="2022-02-23"))
    assert len(decisions) == 1, decisions  # one decision: the same number spelt twice


def test_upgrading_an_older_database_normalises_the_numbers_it_holds(tmp_path):
    from alembic import command

    from process.storage import schema
    from process.storage.database import open_database

    db = programme(tmp_path, own_form=False)
    ok(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 17 RUN 2021-00536",
        db=db,
        user="sekreterare",
        now="2022-02-22",
    )
    database = open_database(db)
    try:
        with database.engine.begin() as conn:
            command.downgrade(schema._config(database, conn), "0009")  # type: ignore[arg-type]
    finally:
        database.dispose()
    assert "0009 → " in ok("db", "upgrade", db=db)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT diary_number, diary_normalised FROM decision").fetchall()
    assert rows == [("RUN 2021-00536", "RUN 2021/536")]
    assert "OK" in ok("audit", "verify", db=db)
