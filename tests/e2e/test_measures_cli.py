"""Measures, plans and the follow-up through the real `rsp` command (few runs: each costs
a process start). The database is prepared through the services, then used by `rsp`."""

from __future__ import annotations

import json
import sqlite3

import pytest

from process.bodies import bodies
from process.programme import setup
from tests.plangen import plan_yaml
from tests.support import clock_at, database, make_programme, run_rsp

TABLES = ("action_plan", "plan_area", "plan_goal", "measure", "measure_body", "measure_deadline")


@pytest.fixture
def dbfile(tmp_path):
    """The example programme (2014 plan imported) with a Länsstyrelsen case officer."""
    with database("sqlite", tmp_path) as db:
        clock = clock_at("2021-10-15")
        make_programme(db, clock)
        setup.add_person(db, clock, "it-admin", None, "handlaggare", "Eva", None, [])
        bodies.set_member(db, clock, "it-admin", None, "lansstyrelsen", "handlaggare")
        return str(db.engine.url.database)


def counts(path: str) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def no_traceback(r):
    assert "Traceback" not in r.stderr + r.stdout


def test_plan_import_bad_file_changes_nothing_and_big_file_shows_progress(dbfile, tmp_path):
    bad = tmp_path / "plan-2015.yaml"
    bad.write_text(
        plan_yaml(2015, 3).replace("[lansstyrelsen, kommunerna]", "[lansstyrelsen, kommunen]", 1),
        encoding="utf-8",
    )
    before = counts(dbfile)
    r = run_rsp("plan", "import", str(bad), "--year", "2015", db=dbfile, user="processledare")
    assert r.returncode == 1, r.stdout
    assert (
        f"{bad}:17: measure 1.A: field 'responsible[1]': unknown body 'kommunen'; "
        "did you mean 'kommunerna'?"
    ) in r.stderr
    no_traceback(r)
    assert counts(dbfile) == before
    big = tmp_path / "plan-2016.yaml"
    big.write_text(plan_yaml(2016, 260), encoding="utf-8")
    r = run_rsp("plan", "import", str(big), "--year", "2016", db=dbfile, user="processledare")
    assert r.returncode == 0, r.stderr
    assert "plan 2016 (Genererad plan 2016): imported 260 measures in 11 areas" in r.stdout
    assert "measures" in r.stderr  # the progress bar's label (stderr is not a terminal)
    assert counts(dbfile)["measure"] == before["measure"] + 260


def test_measure_commands_as_a_user_runs_them(dbfile, tmp_path):
    r = run_rsp("measure", "show", "9.Z", db=dbfile, user="handlaggare")
    assert r.returncode == 1 and "no measure '9.Z'" in r.stderr
    no_traceback(r)
    r = run_rsp(
        "measure",
        "advance",
        "2.B",
        "cancel",
        "-m",
        "Inställd",
        db=dbfile,
        user="handlaggare",
        now="2014-04-22",
    )
    assert r.returncode == 1
    assert (
        "handlaggare (responsible_body) may not cancel: it needs one of the roles: working_group"
    ) in r.stderr
    with sqlite3.connect(dbfile) as conn:
        row = conn.execute(
            "SELECT actor, action, outcome, trigger FROM audit_event ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert row == ("handlaggare", "transition", "refused", "cancel")
    r = run_rsp(
        "measure",
        "advance",
        "1.A",
        "start",
        "-m",
        "Kartläggning påbörjad",
        db=dbfile,
        user="handlaggare",
        now="2014-04-22",
    )
    assert r.returncode == 0, r.stderr
    assert "1.A start: planned → ongoing (by handlaggare as responsible_body" in r.stdout
    r = run_rsp("measures", "list", "--due-within", "14", "--json", db=dbfile, now="2014-04-20")
    rows = json.loads(r.stdout)
    assert [(x["code"], x["state"], x["deadline"], x["days_left"]) for x in rows] == [
        ("1.A", "ongoing", "2014-04-30", 10)
    ]
    out = tmp_path / "uppfoljning.html"
    r = run_rsp(
        "--lang",
        "en",
        "followup",
        "report",
        "--year",
        "2014",
        "--format",
        "html",
        "--out",
        str(out),
        db=dbfile,
    )
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h1>Follow-up of the action plan 2014</h1>" in html
    # nobody followed up yet: the share is over those followed up, the 17 listed apart
    assert "Share achieved of those followed up: <strong>0 of 0 (0%)</strong>" in html
    assert "<h2>Not followed up yet (17)</h2>" in html
