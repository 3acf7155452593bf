"""Measure reminders as a user gets them: `rsp remind run-once` on the example programme
writes .eml files for the 2014 plan's measures; `rsp remind preview` lists them."""

from __future__ import annotations

import json
from email import message_from_bytes, policy

import pytest

from tests.support import run_rsp


@pytest.fixture
def dbfile(tmp_path):
    db = str(tmp_path / "rsp.db")
    r = run_rsp("init", "--example", "jamtland-2014-2020", "--replay", db=db, now="2014-04-01")
    assert r.returncode == 0, r.stderr
    return db


def test_run_once_writes_measure_reminders_as_eml_files(dbfile, tmp_path):
    out = tmp_path / "mail"
    r = run_rsp("remind", "run-once", "--outbox-dir", str(out), db=dbfile, now="2014-04-16T10:00")
    assert r.returncode == 0, r.stderr
    assert "1 påminnelse(r) att skicka (11 mejl), 11 köade" in r.stdout
    assert "utskick: 11 skickade" in r.stdout
    files = sorted(out.glob("*.eml"))
    assert len(files) == 11
    msgs = [message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]
    assert {str(m["To"]) for m in msgs} == {
        "Regionförbundet Jämtlands län <rsp@regionforbundet-jamtland.example>"
    }
    assert all(str(m["Subject"]).startswith("Påminnelse: 1.A Kartlägga tillgången") for m in msgs)
    assert "Länsstyrelsen Jämtlands län <rsp@lansstyrelsen-jamtland.example>" in str(msgs[0]["Cc"])
    assert len({m["Message-ID"] for m in msgs}) == 11
    again = run_rsp(
        "remind", "run-once", "-v", "--outbox-dir", str(out), db=dbfile, now="2014-04-16T10:00"
    )
    assert "0 köade, 11 redan i utkorgen" in again.stdout
    assert len(list(out.glob("*.eml"))) == 11


def test_preview_lists_measure_reminders(dbfile):
    r = run_rsp(
        "remind", "preview", "--until", "2014-05-14", "--json", db=dbfile, now="2014-04-16T10:00"
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [(d["send_at"][:10], d["rule"]) for d in data] == [
        ("2014-04-16", "measure.before_14"),
        ("2014-04-23", "measure.before_7"),
        ("2014-04-29", "measure.before_1"),
        ("2014-04-30", "measure.on_day"),
        ("2014-05-07", "measure.overdue_weekly"),
        ("2014-05-14", "measure.overdue_weekly"),
    ]
    assert data[0]["to"] == ["rsp@regionforbundet-jamtland.example"]
    assert "rsp@lansstyrelsen-jamtland.example" in data[0]["cc"]
    text = run_rsp("remind", "preview", "--until", "2014-05-14", db=dbfile, now="2014-04-16T10:00")
    assert "measure.before_14" in text.stdout and "1.A Kartlägga" in text.stdout
    assert "6 reminders (66 mails) until 2014-05-14" in text.stdout
