"""The real `rsp` command, as a user runs it, on a temporary database."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.support import ROOT, run_rsp


@pytest.fixture
def dbfile(tmp_path):
    db = str(tmp_path / "rsp.db")
    r = run_rsp("init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15")
    assert r.returncode == 0, r.stderr
    for login, role in (("sekreterare", "board"), ("processledare", "working_group")):
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
    return db


def no_traceback(r):
    assert "Traceback" not in r.stderr + r.stdout


def test_init_status_advance_history(dbfile):
    r = run_rsp(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 17 RUN/536/2021",
        "-m",
        "Styrgrupp utsedd",
        db=dbfile,
        user="sekreterare",
        now="2022-02-22",
    )
    assert r.returncode == 0, r.stderr
    assert "offer_received → start_decided" in r.stdout
    assert "2022-02-22 § 17, RUN/536/2021" in r.stdout
    r = run_rsp("status", "--json", db=dbfile, now="2022-03-01")
    s = json.loads(r.stdout)
    assert (s["state"], s["days_in_state"], s["version"]) == ("start_decided", 7, 2)
    assert s["next_steps"][0]["trigger"] == "begin_drafting"
    assert s["next_steps"][0]["roles"] == ["working_group"]
    assert s["decisions"][0]["diary_number"] == "RUN/536/2021"
    text = run_rsp("status", db=dbfile, now="2022-03-01").stdout
    assert "Beslut om att påbörja arbetet" in text and "enligt plan" in text
    english = run_rsp("--lang", "en", "status", db=dbfile, now="2022-03-01").stdout
    assert "Start decided" in english and "on plan" in english
    hist = json.loads(run_rsp("history", "--json", db=dbfile).stdout)
    assert hist[-1]["decision"] == "2022-02-22 § 17, RUN/536/2021"
    assert hist[-1]["comment"] == "Styrgrupp utsedd"


def test_refused_action_exits_1_with_the_roles_needed(dbfile):
    r = run_rsp(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 17 RUN/536/2021",
        db=dbfile,
        user="processledare",
    )
    assert r.returncode == 1
    assert "may not decide_start: it needs one of the roles: board" in r.stderr
    no_traceback(r)
    r = run_rsp("advance", "adopt", db=dbfile, user="sekreterare")
    assert r.returncode == 1 and "possible now: decide_start (board)" in r.stderr
    hist = json.loads(run_rsp("history", "--json", db=dbfile).stdout)
    assert [h["outcome"] for h in hist[-2:]] == ["refused", "refused"]
    assert json.loads(run_rsp("status", "--json", db=dbfile).stdout)["version"] == 1


@pytest.mark.parametrize(
    "args,code,words",
    [
        (("advance",), 2, "Missing argument 'TRIGGER'"),
        (("--lang", "fi", "status"), 2, "'fi' is not one of"),
        (("frobnicate",), 2, "No such command"),
        (("advance", "decide_start", "--decision", "RUN/536/2021"), 1, "needs the meeting date"),
        (("--now", "igår", "status"), 1, "--now 'igår' is not a date"),
        (("people", "add", "bad login", "--name", "X"), 1, "login 'bad login'"),
        (("init",), 2, "give either --example NAME or --definition FILE"),
        (("init", "--example", "narnia"), 1, "no example 'narnia'"),
    ],
)
def test_bad_input_gets_a_clear_message_and_exit_status(dbfile, args, code, words):
    r = run_rsp(*args, db=dbfile, user="sekreterare")
    assert r.returncode == code, (r.stdout, r.stderr)
    assert words in r.stderr
    no_traceback(r)


def test_database_without_schema_or_unreachable(tmp_path):
    r = run_rsp("status", db=str(tmp_path / "empty.db"))  # no such file: not created
    assert r.returncode == 1 and f"no database at {tmp_path / 'empty.db'}" in r.stderr
    assert "'rsp init'" in r.stderr and not (tmp_path / "empty.db").exists()
    (tmp_path / "empty.db").touch()
    r = run_rsp("status", db=str(tmp_path / "empty.db"))
    assert r.returncode == 1 and "has no rsp schema yet: run 'rsp init' first" in r.stderr
    r = run_rsp("status", db=str(tmp_path / "no" / "such" / "dir.db"))
    assert r.returncode == 1 and "does not exist" in r.stderr
    r = run_rsp("status", db="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert r.returncode == 1 and "the database cannot be used" in r.stderr
    no_traceback(r)


def test_workflow_check_good_and_bad(tmp_path):
    r = run_rsp("workflow", "check", str(ROOT / "workflows" / "drafting.yaml"), db="unused")
    assert r.returncode == 0 and "9 states, 13 triggers" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (ROOT / "workflows" / "drafting.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "roles: [board]\n    decision: required\n    guards",
            "roles: [bord]\n    decision: required\n    guards",
        ),
        encoding="utf-8",
    )
    r = run_rsp("workflow", "check", str(bad), db="unused")
    assert r.returncode == 1
    assert f"{bad}:" in r.stderr and "trigger decide_remiss: unknown role 'bord'" in r.stderr
    no_traceback(r)
    assert not (tmp_path / "unused").exists()


def test_init_from_own_definition_and_invalid_definition_changes_nothing(tmp_path):
    db = str(tmp_path / "own.db")
    bad = tmp_path / "bad.yaml"
    bad.write_text("workflow: x\ninitial: a\n", encoding="utf-8")
    r = run_rsp(
        "init", "--definition", str(bad), "--key", "k", "--name", "N", "--region", "R", db=db
    )
    assert r.returncode == 1 and "missing required field 'states'" in r.stderr
    assert not (tmp_path / "own.db").exists() or run_rsp("status", db=db).returncode == 1
    r = run_rsp(
        "init",
        "--definition",
        str(ROOT / "workflows" / "drafting.yaml"),
        "--key",
        "rsp-x",
        "--name",
        "Serviceprogram X",
        "--region",
        "Region X",
        db=db,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(run_rsp("status", "--json", db=db).stdout)["programme"] == "rsp-x"


def test_audit_verify_detects_an_edit_and_exports(dbfile, tmp_path):
    assert run_rsp("audit", "verify", db=dbfile).returncode == 0
    out = tmp_path / "audit.csv"
    r = run_rsp("audit", "export", "--format", "csv", "--out", str(out), db=dbfile)
    assert r.returncode == 0 and out.read_text(encoding="utf-8").count("\n") >= 6
    lines = run_rsp("audit", "export", "--format", "jsonl", db=dbfile).stdout.splitlines()
    assert json.loads(lines[0])["action"] == "programme.created"
    checkpoint = tmp_path / "cp.json"
    checkpoint.write_text(run_rsp("audit", "checkpoint", db=dbfile).stdout, encoding="utf-8")
    with sqlite3.connect(dbfile) as conn:
        conn.execute("UPDATE audit_event SET actor = 'mallory' WHERE id = 2")
    r = run_rsp("audit", "verify", "--checkpoint", str(checkpoint), db=dbfile)
    assert r.returncode == 1 and "row 2: content does not match its hash" in r.stderr


def test_graph_mermaid_marks_current_stage(dbfile):
    r = run_rsp("graph", "--format", "mermaid", db=dbfile)
    assert r.returncode == 0
    assert r.stdout.startswith("stateDiagram-v2")
    assert "remiss_compiled --> adopted : adopt [board] §" in r.stdout
    assert "class offer_received current" in r.stdout
    r = run_rsp("triggers", db=dbfile)
    assert "* decide_start" in r.stdout and "[decision]" in r.stdout


def test_db_upgrade_is_idempotent(dbfile):
    r = run_rsp("db", "upgrade", db=dbfile)
    from process.storage.database import SCHEMA_HEAD

    assert r.returncode == 0 and f"already at {SCHEMA_HEAD}" in r.stdout


def test_people_list_json(dbfile):
    rows = json.loads(run_rsp("people", "list", "--json", db=dbfile).stdout)
    assert {r["login"]: r["roles"] for r in rows}["sekreterare"] == ["board"]
    assert {r["login"]: r["roles"] for r in rows}["it-admin"] == ["admin"]


def test_demo_replays_the_timetable(tmp_path):
    r = run_rsp("demo", "--workspace", str(tmp_path / "ws"), db="unused", user=None)
    assert r.returncode == 0, r.stderr[-2000:]
    out = r.stdout
    assert "2023-05-23 § 89 RUN/536/2021" in out
    assert "Fastställt av nämnden" in out and "23 dagar sent" in out
    assert "audit trail OK" in out
    assert "refused attempts shown" in out and r.stderr.count("Error:") >= 2
    assert "1.A complete: ongoing → done (by handlaggare as responsible_body" in out
    assert "# Uppföljning av handlingsplan 2014" in out and "rollover 2014 → 2015" in out
    assert str(tmp_path / "ws" / "rsp.db") in out
    # reminders during the replay, as .eml files: milestones 2022-2023, measure 1.A in 2014
    mails = sorted((tmp_path / "ws" / "outbox").glob("*.eml"))
    assert f"Reminders: {len(mails)} e-mails written as .eml files to" in out
    assert len(mails) >= 20 and "remind run-once --outbox-dir" in out
    from email import message_from_bytes, policy

    subjects = [
        str(message_from_bytes(m.read_bytes(), policy=policy.default)["Subject"]) for m in mails
    ]
    assert sum(s.startswith("Påminnelse: 1.A ") for s in subjects) == 12  # 12 addresses


def all_commands():
    from click import Group

    from cli import _register_command_groups, main

    _register_command_groups()  # the groups of other modules are registered on first need

    def walk(group, prefix):
        for name, cmd in group.commands.items():
            if isinstance(cmd, Group):
                yield from walk(cmd, (*prefix, name))
            else:
                yield (*prefix, name), cmd

    return list(walk(main, ()))


@pytest.mark.parametrize(
    "path,cmd", all_commands(), ids=lambda v: " ".join(v) if isinstance(v, tuple) else ""
)
def test_every_command_has_help_with_an_example(path, cmd):
    assert cmd.help and "Example" in cmd.help, f"rsp {' '.join(path)} has no example in help"


def test_the_command_walk_sees_the_lazily_registered_groups():
    paths = {path for path, _cmd in all_commands()}
    assert {
        ("advance",),
        ("measure", "advance"),
        ("remind", "run-once"),
        ("digest", "send"),
        ("templates", "check"),
        ("remiss", "open"),
    } <= paths
