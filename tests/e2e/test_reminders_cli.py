"""The reminder commands as a user runs them: run-once into the file outbox, preview,
rules check, outbox list/show/retry, calendar export."""

from __future__ import annotations

import json
import sqlite3
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from tests.support import PLAN_2014, ROOT, run_rsp


@pytest.fixture
def dbfile(tmp_path):
    db = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
        ).returncode
        == 0
    )
    assert (
        run_rsp(
            "plan", "import", str(PLAN_2014), "--year", "2014", db=db, now="2021-10-15"
        ).returncode
        == 0
    )
    for login, role in (
        ("sekreterare", "board"),
        ("processledare", "working_group"),
        ("ordforande", "steering_group"),
    ):
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


def test_run_once_writes_eml_files_once(dbfile, tmp_path):
    out = tmp_path / "mail"
    r = run_rsp(
        "--lang", "en", "remind", "run-once", "--outbox-dir", str(out), db=dbfile, now="2022-02-10"
    )
    assert r.returncode == 0, r.stderr
    assert f"transport: file {out}, from rsp@localhost" in r.stdout
    assert "2 queued" in r.stdout and "send: 2 sent" in r.stdout
    files = sorted(out.glob("*.eml"))
    assert len(files) == 2
    msg = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert str(msg["Subject"]).startswith("Reminder: Start decided – due 22 February 2022")
    again = run_rsp("remind", "run-once", "--outbox-dir", str(out), db=dbfile, now="2022-02-10")
    assert again.returncode == 0 and (again.stdout, again.stderr) == ("", "")  # cron: quiet
    told = run_rsp(
        "remind", "run-once", "-v", "--outbox-dir", str(out), db=dbfile, now="2022-02-10"
    )
    assert "0 queued, 2 already in the outbox" in told.stdout
    assert len(list(out.glob("*.eml"))) == 2
    listed = run_rsp("outbox", "list", db=dbfile)
    assert "2 sent" in listed.stdout and "milestone.before_14" in listed.stdout
    rows = json.loads(run_rsp("outbox", "list", "--json", db=dbfile).stdout)
    shown = run_rsp("outbox", "show", str(rows[0]["id"]), db=dbfile)
    assert "status:          sent" in shown.stdout and "Dear Ordforande," in shown.stdout
    html = run_rsp("outbox", "show", str(rows[0]["id"]), "--html", db=dbfile)
    assert '<html lang="en">' in html.stdout


def test_preview_lists_the_coming_reminders_and_writes_nothing(dbfile):
    r = run_rsp("remind", "preview", "--until", "2023-06-30", db=dbfile, now="2022-11-01")
    assert r.returncode == 0, r.stderr
    assert "milestone.before_14" in r.stdout and "Fastställt av nämnden" in r.stdout
    assert "to: sekreterare@region.example; cc: ordforande@region.example" in r.stdout
    data = json.loads(
        run_rsp(
            "remind", "preview", "--until", "2023-06-30", "--json", db=dbfile, now="2022-11-01"
        ).stdout
    )
    adopted = [d for d in data if d["subject"] == "process:1:adopted"]
    assert [d["send_at"][:10] for d in adopted][:2] == ["2023-04-17", "2023-04-27"]
    assert all(d["send_at"] <= "2023-06-31" for d in data)
    con = sqlite3.connect(dbfile)
    try:
        assert con.execute("SELECT count(*) FROM outbox_message").fetchone()[0] == 0
    finally:
        con.close()
    bad = run_rsp("remind", "preview", "--until", "2022-01-01", db=dbfile, now="2022-11-01")
    assert bad.returncode == 1 and "lies before now" in bad.stderr


def test_rules_check_good_and_bad(tmp_path):
    good = ROOT / "workflows" / "examples" / "jamtland-harjedalen" / "reminders.yaml"
    r = run_rsp("remind", "check", str(good), db=str(tmp_path / "none.db"))
    assert r.returncode == 0 and "OK — send at 08:00" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "reminders:\n  measures:\n    rules:\n      - {id: x, days_before: -2}\n", encoding="utf-8"
    )
    r = run_rsp("remind", "check", str(bad), db=str(tmp_path / "none.db"))
    assert r.returncode == 1
    assert f"{bad}:4: measures rule x: 'days_before' must be a whole number" in r.stderr
    r = run_rsp("remind", "run-once", "--rules", str(bad), db=str(tmp_path / "none.db"))
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_rules_check_with_a_programme_checks_its_roles(dbfile, tmp_path):
    good = ROOT / "workflows" / "examples" / "jamtland-harjedalen" / "reminders.yaml"
    text = good.read_text(encoding="utf-8")
    foreign = tmp_path / "foreign.yaml"
    foreign.write_text(
        text.replace("cc_roles: [steering_group]", "cc_roles: [samradsgrupp]"), encoding="utf-8"
    )
    alone = run_rsp("remind", "check", str(foreign), db=dbfile)
    assert alone.returncode == 0 and "OK — send at" in alone.stdout  # the file alone is fine
    r = run_rsp("-p", "rsp-2022-2030", "remind", "check", str(foreign), db=dbfile)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "unknown role(s) samradsgrupp" in r.stderr and "for programme rsp-2022-2030" in r.stderr
    ok = run_rsp("-p", "rsp-2022-2030", "remind", "check", str(good), db=dbfile)
    assert ok.returncode == 0 and "against programme rsp-2022-2030's roles" in ok.stdout


def test_retry_needs_an_admin(dbfile, tmp_path):
    con = sqlite3.connect(dbfile)
    try:
        run_rsp("remind", "run-once", "--no-send", db=dbfile, now="2022-02-10")
        con.execute("UPDATE outbox_message SET status = 'failed', last_error = '550 nope'")
        con.commit()
    finally:
        con.close()
    refused = run_rsp("outbox", "retry", "--all-failed", db=dbfile, user="processledare")
    assert refused.returncode == 1 and "needs one of the roles: admin" in refused.stderr
    ok = run_rsp("outbox", "retry", "--all-failed", db=dbfile)
    assert ok.returncode == 0 and "2 message(s) back in the queue" in ok.stdout
    usage = run_rsp("outbox", "retry", db=dbfile)
    assert usage.returncode == 2 and "give message ids or --all-failed" in usage.stderr
    missing = run_rsp("outbox", "retry", "999", db=dbfile)
    assert missing.returncode == 1 and "no outbox message 999" in missing.stderr


def test_calendar_export_is_importable(dbfile, tmp_path):
    from icalendar import Calendar

    out = tmp_path / "rsp.ics"
    r = run_rsp("calendar", "export", "--out", str(out), db=dbfile, now="2022-03-01")
    assert r.returncode == 0, r.stderr
    assert "wrote 26 events" in r.stdout  # 9 milestones, the 17 open measures' deadlines
    cal = Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    adopted = next(e for e in events if "adopted" in str(e["UID"]))
    assert adopted.decoded("DTSTART").isoformat() == "2023-04-30"
    assert str(adopted["SUMMARY"]).startswith("Fastställt av nämnden")
    assert "rsp advance adopt (board)" in str(adopted["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == 26
    # every open measure's deadline, long past the sweep's window
    measures = [e for e in events if ".measure." in str(e["UID"])]
    assert len(measures) == 17 and {str(e["CATEGORIES"].cats[0]) for e in measures} == {"measure"}
    first = next(e for e in measures if str(e["SUMMARY"]).startswith("1.A "))
    assert first.decoded("DTSTART").isoformat() == "2014-04-30"
    assert "Handlingsplan: 2014" in str(first["DESCRIPTION"])
    assert b"METHOD:PUBLISH" in out.read_bytes()


def test_smtp_settings_errors_are_clear(dbfile):
    r = run_rsp(
        "remind",
        "run-once",
        db=dbfile,
        env={
            "RSP_SMTP_HOST": "smtp.region.example",
            "RSP_SMTP_USER": "rsp",
            "RSP_MAIL_FROM": "rsp@region.example",
        },
    )
    assert r.returncode == 1
    assert "set RSP_SMTP_PASSWORD_ENV to the NAME of the environment variable" in r.stderr


def test_help_texts_have_examples():
    r = run_rsp("remind", "--help", db="x.db")
    assert "run-once" in r.stdout and "preview" in r.stdout
    for args in (
        ("remind", "preview"),
        ("outbox", "retry"),
        ("scheduler", "run"),
        ("calendar", "export"),
    ):
        r = run_rsp(*args, "--help", db="x.db")
        assert "Example" in r.stdout, args


def test_no_wall_clock_outside_the_clock():
    """Nothing in notifications/ reads the wall clock (the daemon builds a Clock)."""
    for path in (ROOT / "notifications").rglob("*.py"):
        text = Path(path).read_text(encoding="utf-8")
        for needle in ("datetime.now(", "dt.datetime.now(", "date.today(", "time.time("):
            assert needle not in text, f"{path.name} reads the wall clock: {needle}"
