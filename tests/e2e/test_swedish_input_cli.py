"""Swedish in as well as out (issue 16, point 2), through the real `rsp` command: every
state, trigger, outcome, position and role is accepted by its label as the screens show
it (any case) and by its key; dates also as 22/2 2022, 22 februari 2022 and 30/5 (that
day in the clock's year); a refused value lists the accepted ones in the reader's
language, and is audited like any refusal."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.support import PLAN_2014, run_rsp

WG, BOARD = "processledare", "sekreterare"


@pytest.fixture
def db(tmp_path):
    """The example programme in a replay database with the 2014 plan imported (in truth
    the earlier programme's, as in tests.support.make_programme), with a board
    secretary and a process lead registered by their Swedish role names."""
    path = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=path, now="2021-10-15"
        ).returncode
        == 0
    )
    r = run_rsp("plan", "import", str(PLAN_2014), "--year", "2014", db=path)
    assert r.returncode == 0, r.stderr
    for login, role in ((BOARD, "Beslutande organ"), (WG, "arbetsgrupp")):
        r = run_rsp("people", "add", login, "--name", login.title(), "--role", role, db=path)
        assert r.returncode == 0, r.stderr
    return path


def ok(*args: str, db: str, user: str = WG, now: str | None = None) -> str:
    r = run_rsp(*args, db=db, user=user, now=now)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return r.stdout


def refused(*args: str, db: str, user: str = WG, now: str | None = None) -> str:
    r = run_rsp(*args, db=db, user=user, now=now)
    assert r.returncode == 1, r.stdout
    assert r.stderr.startswith("Error: ") and "Traceback" not in r.stderr
    return r.stderr


def last_audit(db: str) -> tuple:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT actor, action, outcome, comment FROM audit_event ORDER BY id DESC LIMIT 1"
        ).fetchone()


def test_roles_by_their_swedish_names(db):
    people = {p["login"]: p["roles"] for p in json.loads(ok("people", "list", "--json", db=db))}
    assert people[BOARD] == ["board"] and people[WG] == ["working_group"]
    ok("people", "grant", WG, "Styrgrupp", db=db, user="it-admin")
    people = {p["login"]: p["roles"] for p in json.loads(ok("people", "list", "--json", db=db))}
    assert sorted(people[WG]) == ["steering_group", "working_group"]
    err = refused("people", "grant", WG, "kung", db=db, user="it-admin")
    assert "--role 'kung' känns inte igen; giltiga värden:" in err
    assert "Arbetsgrupp (Näringsliv och samhällsbyggnad) (working_group)" in err
    assert last_audit(db)[:3] == ("it-admin", "role.grant", "refused")
    err = refused("--lang", "en", "people", "grant", WG, "kung", db=db, user="it-admin")
    assert "--role 'kung' is not recognised; accepted values:" in err
    assert "Working group (business and community development) (working_group)" in err


def test_triggers_and_measure_states_by_label(db):
    out = ok(
        "advance",
        "Nämnden beslutar att påbörja arbetet och utser styrgrupp",
        "--decision",
        "22 februari 2022 § 17 RUN/536/2021",
        db=db,
        user=BOARD,
        now="22/2 2022",
    )
    assert "decide_start: offer_received → start_decided" in out
    ok("advance", "arbetet med programmet startar", db=db, now="2022-03-01")
    out = ok("advance", "Samråd", "-m", "Nuläge", "--as", "arbetsgrupp", db=db, now="15 mars 2022")
    assert "consult_service_z: recorded in drafting (by processledare as working_group" in out
    err = refused("advance", "Samråd", "-m", "Nuläge", "--as", "kung", db=db, now="15 mars 2022")
    assert "--as 'kung' känns inte igen; giltiga värden:" in err
    assert "Arbetsgrupp (Näringsliv och samhällsbyggnad) (working_group)" in err
    assert last_audit(db)[:3] == (WG, "transition", "refused")
    err = refused("advance", "flyga", db=db, now="2022-03-16")
    assert "unknown trigger 'flyga'; possible now:" in err
    assert "consult_service_z (working_group, service_z) «Samråd med Service-Z»" in err

    out = ok(
        "measure",
        "advance",
        "1.A",
        "arbetet med insatsen har börjat",
        "-m",
        "Igång",
        db=db,
        now="2014-04-22",
    )
    assert "1.A start: planned → ongoing" in out
    by_key = json.loads(ok("measures", "list", "--state", "ongoing", "--json", db=db))
    assert [m["code"] for m in by_key] == ["1.A"]
    for typed in ("pågående", "Pågår", "PÅGÅR"):
        rows = json.loads(ok("measures", "list", "--state", typed, "--json", db=db))
        assert rows == by_key, typed
    planned = json.loads(ok("measures", "list", "--state", "Planerad", "--json", db=db))
    assert planned and {m["state"] for m in planned} == {"planned"}
    err = refused("measures", "list", "--state", "klar", db=db)
    assert (
        "--state 'klar' känns inte igen; giltiga värden: Planerad (planned), Pågår (ongoing)" in err
    )
    err = refused("--lang", "en", "measures", "list", "--state", "klar", db=db)
    assert "accepted values: Planned, Ongoing, Postponed, Done, Followed up" in err


def test_outcomes_positions_and_dates_in_swedish(db):
    ok("measure", "advance", "1.A", "start", db=db, now="2014-04-22")
    ok("measure", "advance", "1.A", "Insatsen är genomförd", "-m", "Klar", db=db, now="2014-05-02")
    out = ok(
        "followup",
        "record",
        "1.A",
        "--outcome",
        "uppnått",
        "-m",
        "Klart i april",
        db=db,
        now="2015-01-20",
    )
    assert "2014 1.A: achieved; done → followed_up" in out
    out = ok(
        "followup",
        "record",
        "1.B",
        "--outcome",
        "Delvis",
        "-m",
        "Halvvägs",
        db=db,
        now="2015-01-20",
    )
    assert "2014 1.B: partly" in out
    err = refused(
        "followup", "record", "1.C", "--outcome", "kanske", "-m", "?", db=db, now="2015-01-20"
    )
    assert (
        "--outcome 'kanske' känns inte igen; giltiga värden: Uppnått (achieved), "
        "Delvis uppnått (partly), Ej uppnått (not)"
    ) in err
    assert last_audit(db)[:3] == (WG, "followup.record", "refused")

    # the remiss, with Swedish dates and positions
    ok(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 17 RUN/536/2021",
        db=db,
        user=BOARD,
        now="2022-02-22",
    )
    for trigger, day in (
        ("begin_drafting", "2022-03-01"),
        ("consult_service_z", "2022-03-15"),
        ("check_in_steering_group", "2022-04-05"),
    ):
        ok("advance", trigger, "-m", "x", db=db, now=day)
    ok(
        "advance",
        "decide_remiss",
        "--decision",
        "2022-11-22 § 152 RUN/536/2021",
        db=db,
        user=BOARD,
        now="2022-11-22",
    )
    out = ok(
        "remiss",
        "open",
        "lansstyrelsen",
        "miun",
        "--reply-by",
        "24 februari 2023",
        db=db,
        now="2022-11-25",
    )
    assert "reply by 2023-02-24" in out
    out = ok(
        "remiss",
        "reply",
        "lansstyrelsen",
        "--received",
        "20/2",
        "--position",
        "tillstyrker",
        db=db,
        now="2023-02-21",
    )
    assert "lansstyrelsen (Länsstyrelsen Jämtlands län): agrees, received 2023-02-20" in out
    err = refused(
        "remiss",
        "reply",
        "miun",
        "--received",
        "2023-02-20",
        "--position",
        "jarå",
        db=db,
        now="2023-02-21",
    )
    assert "giltiga värden: Tillstyrker (agrees), Har synpunkter (comments)" in err
    err = refused(
        "remiss",
        "reply",
        "miun",
        "--received",
        "31/2 2023",
        "--position",
        "agrees",
        db=db,
        now="2023-02-21",
    )
    assert (
        "--received: '31/2 2023' is not a date: write e.g. 2022-02-22, 22/2 2022 or "
        "22 februari 2022"
    ) in err
    out = ok(
        "remiss",
        "reply",
        "miun",
        "--received",
        "21 feb 2023",
        "--position",
        "Inga synpunkter",
        db=db,
        now="2023-02-21",
    )
    assert "miun (Mittuniversitetet): no_comments, received 2023-02-21" in out
