"""A CLI that forgives (issue 16, point 4), through the real `rsp` command: one group per
noun (the other spelling a hidden alias), -m/--message wherever a text is given, help
without raw integer bounds, a mistyped --db refused instead of created, rollover into a
plan with measures shown and confirmed, plan re-import messages that agree, passed
deadlines in the plain list, a quiet exit on a closed pipe, negative limits refused, and
--json on the commands that print data."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess

import click
import pytest
from click.testing import CliRunner

from tests.plangen import plan_yaml
from tests.support import HANG_GUARD, PLAN_2014, RSP, run_rsp

WG = "processledare"


@pytest.fixture
def db(tmp_path):
    """The example programme in a replay database, with the 2014 plan imported (in truth
    the earlier programme's, as in tests.support.make_programme)."""
    path = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=path, now="2014-01-15"
        ).returncode
        == 0
    )
    r = run_rsp("plan", "import", str(PLAN_2014), "--year", "2014", db=path)
    assert r.returncode == 0, r.stderr
    r = run_rsp("people", "add", WG, "--name", "Maria", "--role", "working_group", db=path)
    assert r.returncode == 0, r.stderr
    return path


def ok(
    *args: str, db: str, user: str = WG, now: str | None = None, input_text: str | None = None
) -> str:
    r = run_rsp(*args, db=db, user=user, now=now, input_text=input_text)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return r.stdout


def count(db: str, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_one_group_per_noun_old_spellings_hidden(db):
    top = ok("--help", db=db)
    commands = top[top.index("Commands:") :]
    assert "  measure " in commands and "  delegation " in commands
    assert "measures" not in commands and "delegations" not in commands
    shown = ok("measure", "show", "1.A", db=db)
    assert ok("measures", "show", "1.A", db=db) == shown  # failed before: no such command
    listed = ok("measures", "list", "--year", "2014", db=db)
    assert ok("measure", "list", "--year", "2014", db=db) == listed
    assert ok("delegations", "list", db=db) == ok("delegation", "list", db=db)
    assert ok("decisions", "list", db=db) == ok("decision", "list", db=db)
    assert "Usage: rsp measure show" in ok("measures", "show", "--help", db=db)


def test_message_everywhere_a_text_is_given(db):
    ok("measure", "note", "1.A", "-m", "Första anteckningen", db=db, now="2014-02-01")
    ok("measure", "note", "1.A", "--message", "Andra", db=db, now="2014-02-02")
    ok("measure", "note", "1.A", "Tredje, som förut", db=db, now="2014-02-03")
    notes = json.loads(ok("measure", "show", "1.A", "--json", db=db))["notes"]
    assert [n["text"] for n in notes] == ["Första anteckningen", "Andra", "Tredje, som förut"]
    r = run_rsp("measure", "note", "1.A", "två", "-m", "texter", db=db, user=WG)
    assert r.returncode == 2 and "give the note once" in r.stderr
    out = ok("measure", "advance", "1.A", "start", "--message", "Igång", db=db, now="2014-02-04")
    assert "1.A start: planned → ongoing" in out
    for command in (
        ("advance",),
        ("measure", "advance"),
        ("followup", "record"),
        ("remiss", "open"),
        ("remiss", "close"),
        ("remiss", "reply"),
        ("delegate",),
        ("delegation", "revoke"),
        ("decide",),
    ):
        assert "-m, --message" in ok(*command, "--help", db=db), command


def test_help_shows_no_raw_integer_bounds(db):
    import cli

    def walk(command: click.Command, path: list[str]):
        yield path
        if isinstance(command, click.Group):
            ctx = click.Context(command)
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                yield from walk(sub, [*path, name])

    runner = CliRunner()
    paths = list(walk(cli.main, []))
    assert len(paths) > 50
    for path in paths:
        text = runner.invoke(cli.main, [*path, "--help"]).output
        assert "<=x" not in text and "922337203685477" not in text, path
    help_text = ok("measure", "list", "--help", db=db)
    assert "--area N" in help_text and "[1900-2999]" in help_text and "<=" not in help_text
    r = run_rsp("outbox", "list", "--limit", "-5", db=db)
    assert r.returncode == 2 and "'--limit': -5 is too small: at least 0" in r.stderr


def test_a_mistyped_db_is_refused_not_created(db, tmp_path):
    typo = tmp_path / "rsp.sqlite"
    for args in (("status",), ("measure", "list"), ("db", "upgrade"), ("history",)):
        r = run_rsp(*args, db=str(typo))
        assert r.returncode == 1, args
        assert r.stderr == (
            f"Error: no database at {typo}: check --db (or RSP_DATABASE_URL), "
            "or create one there with 'rsp init'\n"
        ), args
        assert not typo.exists(), args
    r = run_rsp("--db", str(typo), "init", "--example", "jamtland-harjedalen", db=db)
    assert r.returncode == 0, r.stderr
    assert typo.exists()


def test_rollover_into_a_plan_with_measures_shows_and_asks(db, tmp_path):
    plan = tmp_path / "plan-2015.yaml"
    plan.write_text(plan_yaml(2015, 3), encoding="utf-8")
    ok("plan", "import", str(plan), "--year", "2015", db=db)
    before = count(db, "SELECT count(*) FROM measure")
    r = run_rsp("plan", "rollover", "2014", "2015", db=db, user=WG, now="2015-01-10")
    assert r.returncode == 1, r.stdout
    assert "the 2015 plan has 3 measures already; the rollover would add 17 more:" in r.stdout
    assert "  2014 1.A (planned) → 2015 1.E (renamed: 1.A is taken in 2015)" in r.stdout
    assert r.stderr == (
        "Error: the 2015 plan has measures already: nothing was carried over; confirm with --yes\n"
    )
    assert count(db, "SELECT count(*) FROM measure") == before
    if shutil.which("script"):  # on a terminal (script(1) gives rsp one) it asks
        env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
        env.update(RSP_DATABASE_URL=db, RSP_USER=WG, RSP_NOW="2015-01-10")
        asked = subprocess.run(
            ["script", "-qec", f"'{RSP}' plan rollover 2014 2015", "/dev/null"],
            input="n\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=HANG_GUARD,
        )
        assert "Add these 17 measures to the 2015 plan? [y/N]" in asked.stdout
        assert "nothing was carried over" in asked.stdout
        assert count(db, "SELECT count(*) FROM measure") == before
    out = ok("plan", "rollover", "2014", "2015", "--yes", db=db, now="2015-01-10")
    assert "17 unfinished measures carried over into the existing plan" in out
    assert count(db, "SELECT count(*) FROM measure") == before + 17


def test_plan_reimport_messages_agree(db, tmp_path):
    plan = tmp_path / "plan-2015.yaml"
    text = plan_yaml(2015, 3)
    plan.write_text(text, encoding="utf-8")
    ok("plan", "import", str(plan), "--year", "2015", db=db)
    plan.write_text(text.replace("date: 2015-01-01", "date: 2015-02-02"), encoding="utf-8")
    out = ok("plan", "import", str(plan), "--year", "2015", db=db)
    assert "1.A: deadlines changed" in out
    assert "content did not" not in out and "no changes" not in out
    plan.write_text(
        "# a comment only\n" + text.replace("date: 2015-01-01", "date: 2015-02-02"),
        encoding="utf-8",
    )
    out = ok("plan", "import", str(plan), "--year", "2015", db=db)
    assert "the file changed, its content did not" in out and "deadlines changed" not in out


def test_passed_deadlines_in_the_plain_list(db):
    rows = json.loads(ok("measure", "list", "--year", "2014", "--json", db=db, now="2014-05-10"))
    late = {r["code"]: r for r in rows if r["days_left"] is not None and r["days_left"] < 0}
    assert late["1.A"]["deadline"] == "2014-04-30" and late["1.A"]["days_left"] == -10
    text = ok("measure", "list", "--year", "2014", db=db, now="2014-05-10")
    line = next(x for x in text.splitlines() if x.startswith("2014 1.A"))
    assert "2014-04-30 (10 dagar sen" in line or "2014-04-30 (10 dagar sent" in line


def test_history_text_reads_as_text_not_json(db):
    text = ok("history", db=db)
    assert "{" not in text and '":' not in text
    assert "role.granted (login: processledare; role: working_group)" in text
    assert "definition.loaded (content_hash: " in text and "…; key: drafting" in text


def test_a_closed_pipe_ends_quietly(db):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    env.update(RSP_DATABASE_URL=db, RSP_USER=WG)
    for args in (["history"], ["audit", "export"], ["measure", "list"]):
        proc = subprocess.Popen(
            [RSP, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before rsp writes (like `| head -1`)
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=HANG_GUARD) == 141, (args, err)
        assert err == "", args
    shell = subprocess.run(
        f"'{RSP}' history | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=HANG_GUARD,
    )
    assert shell.returncode == 0 and shell.stderr == "" and shell.stdout.count("\n") == 1


def test_json_on_the_commands_that_print_data(db):
    rows = json.loads(ok("triggers", "--json", db=db))
    start = next(t for t in rows if t["name"] == "decide_start")
    assert start["possible_now"] is True and start["decision"] is True
    assert start["roles"] == ["board"] and start["from"] == ["offer_received"]
    en = json.loads(ok("--lang", "en", "triggers", "--json", db=db))
    assert next(t for t in en if t["name"] == "decide_start")["label"].startswith("Board")
    digest = json.loads(ok("digest", "--json", db=db, now="2014-05-10"))
    assert isinstance(digest, dict) and digest
    report = json.loads(ok("followup", "report", "--year", "2014", "--json", db=db))
    assert isinstance(report, dict) and report
    verified = json.loads(ok("audit", "verify", "--json", db=db))
    assert verified["ok"] is True
    installation = json.loads(ok("installation", "show", "--json", db=db))
    assert installation["replay"] is True and installation["administrators"] == ["it-admin"]
