"""The remiss, decisions becoming final and delegation as a user runs them: the real `rsp`
command on a temporary SQLite database."""

from __future__ import annotations

import json

import pytest

from tests.support import run_rsp

WG, BOARD = "processledare", "sekreterare"


@pytest.fixture
def remiss_decided(tmp_path):
    """A database whose process has the remiss edition decided (2022-11-22)."""
    db = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
        ).returncode
        == 0
    )
    for login, role in ((BOARD, "board"), (WG, "working_group")):
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
    r = run_rsp("people", "add", "direktor", "--name", "Anna Direktör", db=db)
    assert r.returncode == 0, r.stderr
    steps = [
        (BOARD, "2022-02-22", ("decide_start", "--decision", "2022-02-22 § 17 RUN/536/2021")),
        (WG, "2022-03-01", ("begin_drafting",)),
        (WG, "2022-03-15", ("consult_service_z", "-m", "Samråd")),
        (WG, "2022-04-05", ("check_in_steering_group", "-m", "Avstämning")),
        (BOARD, "2022-11-22", ("decide_remiss", "--decision", "2022-11-22 § 152 RUN/536/2021")),
    ]
    for user, now, args in steps:
        r = run_rsp("advance", *args, db=db, user=user, now=now)
        assert r.returncode == 0, r.stderr
    return db


def ok(*args: str, db: str, user: str = WG, now: str) -> str:
    r = run_rsp(*args, db=db, user=user, now=now)
    assert r.returncode == 0, r.stderr
    return r.stdout


def refused(*args: str, db: str, user: str = WG, now: str) -> str:
    r = run_rsp(*args, db=db, user=user, now=now)
    assert r.returncode == 1, r.stdout
    assert r.stderr.startswith("Error: ") and "Traceback" not in r.stderr
    return r.stderr


def test_the_remiss_from_opening_to_the_compilation(remiss_decided, tmp_path):
    db = remiss_decided
    assert "use 'rsp remiss open BODY" in refused("advance", "open_remiss", db=db, now="2022-11-25")
    out = ok(
        "remiss",
        "open",
        "kommunerna",
        "lansstyrelsen",
        "miun",
        "-m",
        "Remissutgåvan",
        db=db,
        now="2022-11-25",
    )
    assert "open_remiss: remiss_decided → remiss_open" in out
    assert "consulted (10): lansstyrelsen, berg, bracke" in out
    assert (
        "reply by 2023-02-27 (moved from 2023-02-25, not a working day): 65 working days, "
        "2 lost to holidays: 2022-12-26 Annandag jul, 2023-01-06 Trettondedag jul"
    ) in out
    status = ok("remiss", "status", db=db, now="2023-01-10")
    assert "svar senast 2023-02-27 (flyttat från 2023-02-25" in status
    assert "Remisstiden: 95 dagar, 65 arbetsdagar; helgdagar som faller bort: 2" in status
    assert "Svar: 0 av 10" in status
    ok(
        "remiss",
        "reply",
        "lansstyrelsen",
        "--received",
        "2023-02-20",
        "--position",
        "comments",
        "--summary",
        "Mätbara delmål <tack>",
        db=db,
        now="2023-02-20",
    )
    assert "already answered" in refused(
        "remiss",
        "reply",
        "lansstyrelsen",
        "--received",
        "2023-02-20",
        "--position",
        "agrees",
        db=db,
        now="2023-02-20",
    )
    assert "was not consulted" in refused(
        "remiss",
        "reply",
        "region",
        "--received",
        "2023-02-20",
        "--position",
        "agrees",
        db=db,
        now="2023-02-20",
    )
    assert "not a date" in refused(
        "remiss",
        "reply",
        "berg",
        "--received",
        "30/2",
        "--position",
        "agrees",
        db=db,
        now="2023-02-20",
    )
    early = refused("remiss", "close", db=db, now="2023-02-21")
    assert "reply date 2023-02-27 has not passed and 9 of 10 bodies have not answered" in early
    late = ok(
        "remiss",
        "reply",
        "miun",
        "--received",
        "2023-03-01",
        "--position",
        "no-comments",
        db=db,
        now="2023-03-02",
    )
    assert "2 days after the reply date 2023-02-27" in late
    closed = ok("remiss", "close", "-m", "Förslaget revideras", db=db, now="2023-03-10")
    assert "compile_remiss: remiss_open → remiss_compiled" in closed
    assert "no answer: berg, bracke, harjedalen" in closed
    md = ok("remiss", "compile", db=db, now="2023-03-10")
    assert "| Mittuniversitetet | 2023-03-01 (efter svarsdatum) | Inga synpunkter |" in md
    assert "## Remissinstanser som inte svarade" in md and "- Östersunds kommun" in md
    html_file = tmp_path / "remiss.html"
    ok(
        "--lang",
        "en",
        "remiss",
        "compile",
        "--format",
        "html",
        "--out",
        str(html_file),
        db=db,
        now="2023-03-10",
    )
    html = html_file.read_text(encoding="utf-8")
    assert "Consultation compilation" in html and "&lt;tack&gt;" in html
    csv = ok("remiss", "compile", "--format", "csv", db=db, now="2023-03-10")
    assert "miun;Mittuniversitetet;2023-03-01;ja;Inga synpunkter;" in csv
    data = json.loads(ok("remiss", "status", "--json", db=db, now="2023-03-10"))
    assert (data["open"], data["answered"], len(data["no_answer"])) == (False, 2, 8)
    history = ok("history", db=db, now="2023-03-10")
    assert "remiss.opened" in history and "remiss.closed" in history
    assert "NEKAD compile_remiss" in history


def test_decisions_become_final_and_delegation(remiss_decided):
    db = remiss_decided
    ok("remiss", "open", "miun", db=db, now="2022-11-25")
    ok(
        "remiss",
        "reply",
        "miun",
        "--received",
        "2023-01-10",
        "--position",
        "agrees",
        db=db,
        now="2023-01-10",
    )
    ok("remiss", "close", db=db, now="2023-01-11")
    ok(
        "advance",
        "adopt",
        "-m",
        "RSP fastställs",
        "--decision",
        "2023-05-23 § 89 RUN/536/2021",
        db=db,
        user=BOARD,
        now="2023-05-23",
    )
    blocked = refused("advance", "start_implementation", db=db, now="2023-05-24")
    assert "decision_final:adopt" in blocked and "its minutes are not yet approved" in blocked
    listed = ok("decision", "list", db=db, now="2023-05-24")
    assert "#3   2023-05-23 § 89, RUN/536/2021    beslutat" in listed
    assert "needs one of the roles: admin, board" in refused(
        "decision", "approve-minutes", "3", db=db, now="2023-05-30"
    )
    ok(
        "decision",
        "approve-minutes",
        "3",
        "--date",
        "2023-05-30",
        db=db,
        user=BOARD,
        now="2023-05-30",
    )
    announced = ok("decision", "announce", "3", db=db, user=BOARD, now="2023-05-31")
    assert "överklagandetiden går ut 2023-06-21; laga kraft väntas 2023-06-22" in announced
    status = ok("status", db=db, now="2023-06-01")
    assert "#3 protokollet anslaget; överklagandetiden går ut 2023-06-21" in status
    assert "Remiss avslutad 2023-01-11: 1 av 1 svarade" in status
    pending = json.loads(ok("decision", "list", "--pending", "--json", db=db, now="2023-06-01"))
    assert [(d["id"], d["expected_final"]) for d in pending][-1] == (3, "2023-06-22")
    assert "final on 2023-06-22" in refused(
        "advance", "start_implementation", db=db, now="2023-06-21"
    )
    ok("advance", "start_implementation", db=db, now="2023-06-22")
    assert "laga kraft 2023-06-22" in ok("decision", "list", db=db, now="2023-06-22")

    delegated = ok(
        "delegate",
        "action_plan",
        "--to",
        "direktor",
        "--decision",
        "2023-05-23 § 89 RUN/536/2021",
        "-m",
        "Årliga handlingsplaner",
        db=db,
        user=BOARD,
        now="2023-06-22",
    )
    assert "delegation #1: action_plan to direktor" in delegated
    assert "give the delegate" in refused(
        "delegate",
        "action_plan",
        "--decision",
        "2023-05-23 § 89 RUN/536/2021",
        db=db,
        user=BOARD,
        now="2023-06-22",
    )
    assert "no active delegation of action_plan covers processledare" in refused(
        "decide",
        "action_plan",
        "--decision",
        "2023-11-14 RUN/1187/2023",
        "-m",
        "x",
        db=db,
        now="2023-11-14",
    )
    made = ok(
        "decide",
        "action_plan",
        "--decision",
        "2023-11-14 RUN/1187/2023",
        "-m",
        "Handlingsplan 2024 fastställs",
        db=db,
        user="direktor",
        now="2023-11-14",
    )
    assert "delegated decision #1: action_plan 2023-11-14, RUN/1187/2023" in made
    report = ok("delegations", "report", "--since", "2023-06-01", db=db, now="2024-02-20")
    assert "Delegationsbeslut att anmäla till Regionala utvecklingsnämnden" in report
    assert "Anna Direktör (direktor), enligt delegation #1 (2023-05-23 § 89" in report
    data = json.loads(
        ok(
            "--lang",
            "en",
            "delegations",
            "report",
            "--since",
            "2023-06-01",
            "--json",
            db=db,
            now="2024-02-20",
        )
    )
    assert data["decisions"][0]["kind_label"] == "Yearly action plan"
    ok(
        "delegations",
        "revoke",
        "1",
        "-m",
        "RUN 2024-02-20 § 12",
        db=db,
        user=BOARD,
        now="2024-02-20",
    )
    assert "återkallad 2024-02-20" in ok("delegations", "list", db=db, now="2024-02-21")
    assert "(revoked)" in refused(
        "decide",
        "action_plan",
        "--decision",
        "2024-02-21 RUN/3/2024",
        "-m",
        "x",
        db=db,
        user="direktor",
        now="2024-02-21",
    )


def test_the_demo_replays_the_remiss_and_the_decisions(tmp_path):
    r = run_rsp("demo", "--workspace", str(tmp_path / "ws"), db="unused", user=None)
    assert r.returncode == 0, r.stderr[-2000:]
    out = r.stdout
    assert "consulted (10): lansstyrelsen, berg, bracke" in out
    assert "miun (Mittuniversitetet): comments, received 2023-03-03 — 4 days after" in out
    assert "no answer: bracke, ragunda" in out
    assert "# Remissammanställning: Regionalt serviceprogram 2022-2030" in out
    assert "laga kraft väntas 2023-06-22" in out
    assert "start_implementation: adopted → implementation" in out
    assert "delegated decision #1: action_plan 2023-11-14, RUN/1187/2023" in out
    assert "decision_final:adopt" in r.stderr and "remiss_closable" in r.stderr
