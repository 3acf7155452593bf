"""Reminders of the action plan's measures on real databases (a SQLite file and
PostgreSQL): the example programme with its 2014 plan, the bodies as recipients, deadlines
on non-working days, done measures, weekly overdue reminders, idempotence, and a preview
that matches what the sweeps produce."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from notifications.mail import outbox
from notifications.reminders import measure_items, sweep
from notifications.reminders.rules import load_rules
from process.bodies import bodies
from process.core.clock import FixedClock
from process.plans import measure_actions as lifecycle
from process.programme import setup
from tests.support import at, make_programme

RULES = load_rules()
LST = "handlaggare"  # acts for Länsstyrelsen
BERG = "berta"  # acts for Bergs kommun, a member of the group "kommunerna"
KOMMUNER = [
    "kommunerna@rsp-jamtland.example",
    *(
        f"landsbygd@{k}.kommun.example"
        for k in (
            "are",
            "berg",
            "bracke",
            "harjedalen",
            "krokom",
            "ostersund",
            "ragunda",
            "stromsund",
        )
    ),
]
LANSSTYRELSEN = "rsp@lansstyrelsen-jamtland.example"
REGIONFORBUNDET = "rsp@regionforbundet-jamtland.example"
ENDS_2014 = 16  # measures of the 2014 plan whose dated target is 2014-12-31


@pytest.fixture
def prog(any_db, clock):
    """The example programme (bodies, the 2014 plan) with people acting for two bodies."""
    make_programme(any_db, clock)
    for login, body in ((LST, "lansstyrelsen"), (BERG, "berg")):
        setup.add_person(
            any_db, clock, "it-admin", None, login, login.title(), f"{login}@person.example", []
        )
        bodies.set_member(any_db, clock, "it-admin", None, body, login)
    setup.add_person(any_db, clock, "it-admin", None, "utan-post", "Utan Post", None, [])
    bodies.set_member(any_db, clock, "it-admin", None, "lansstyrelsen", "utan-post")
    return any_db


def rows(db):
    t = outbox.TABLE
    with db.read() as s:
        return s.connection().execute(sa.select(t).order_by(t.c.id)).all()


def keys(db) -> set[tuple]:
    return {(r.subject, r.rule, r.due_on, r.recipient) for r in rows(db)}


def counts(db) -> dict[str, int]:
    with db.read() as s:
        conn = s.connection()
        return {
            t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("outbox_message", "audit_event", "measure", "measure_deadline")
        }


def measure_subject(db, code: str) -> str:
    with db.read() as s:
        m, d = lifecycle.find_measure(s, 1, code)[0], measure_items._D
        did = s.connection().execute(sa.select(d.c.id).where(d.c.measure_id == m.id)).scalar()
    return f"measure:{m.id}:deadline:{did}"


def test_14_days_before_1A_lead_in_to_others_and_people_in_cc(prog):
    clock = FixedClock(at("2014-04-16", 10))
    report = sweep.sweep(prog, clock, RULES, domain="region.example")
    assert report.problems == []
    subject = measure_subject(prog, "1.A")
    assert report.due == 1 and report.inserted == report.mails == 13
    got = rows(prog)
    assert {(r.subject, r.rule, str(r.due_on), str(r.deadline)) for r in got} == {
        (subject, "measure.before_14", "2014-04-16", "2014-04-30")
    }
    first = got[0]
    # 1.A: regionforbundet (lead), kommunerna (a group: its address and its eight members'),
    # lansstyrelsen; then the people acting for those bodies (Berg is in kommunerna)
    to = [a for _n, a in json.loads(first.to_json)]
    cc = [a for _n, a in json.loads(first.cc_json)]
    assert to == [REGIONFORBUNDET]
    assert cc == [*KOMMUNER, LANSSTYRELSEN, f"{BERG}@person.example", f"{LST}@person.example"]
    assert {r.recipient for r in got} == {*to, *cc}
    assert first.mail_subject.startswith(
        "Påminnelse: 1.A Kartlägga tillgången till bredband till …: Kartläggning av fiber "
        "till butiksorter klar – senast 30 april 2014 (om 14 dagar)"
    )
    text = first.body_text
    assert text.startswith("Till Regionförbundet Jämtlands län\n")  # an organisation
    assert "Tidsmål: Kartläggning av fiber till butiksorter klar, 30 april 2014" in text
    assert "Kontakt: Processledare, processledare@x.example" in text
    assert "Kopia:" not in text and "Åtgärden" not in text and "Insatsen" in text
    assert "Handlingsplan: 2014" in text and "Delmål: Underlag för bredbandsutbyggnad" in text
    assert "Program: Regionalt serviceprogram 2022-2030" in text
    again = sweep.sweep(prog, clock, RULES)
    assert (again.inserted, again.existing) == (0, 13)
    assert len(rows(prog)) == 13


def test_a_deadline_on_new_years_eve_moves_to_the_next_working_day(prog):
    clock = FixedClock(at("2014-12-19", 10))  # 14 days before Friday 2 January 2015
    report = sweep.sweep(prog, clock, RULES)
    got = rows(prog)
    subjects = {r.subject for r in got}
    assert report.due == len(subjects) == ENDS_2014
    assert {(r.rule, str(r.due_on), str(r.deadline)) for r in got} == {
        ("measure.before_14", "2014-12-19", "2015-01-02")
    }
    mail = next(r for r in got if r.subject == measure_subject(prog, "2.A"))
    assert mail.mail_subject.startswith(
        "Påminnelse: 2.A Processledare som stöd för "
        "framtagning …: Kommunala planer klara – senast "
        "2 januari 2015 (om 14 dagar)"
    )
    assert (
        "flyttad från onsdag 31 december 2014, Nyårsafton, enligt lag (1930:173)" in mail.body_text
    )
    # the 7-days-before reminder falls on Boxing Day: nothing then, the next working morning
    clock.set(at("2014-12-26", 10))
    assert sweep.sweep(prog, clock, RULES).inserted == 0
    clock.set(at("2014-12-29", 8))
    late = sweep.sweep(prog, clock, RULES)
    assert late.due == ENDS_2014 and late.inserted > 0
    assert {(r.rule, str(r.due_on)) for r in rows(prog)[len(got) :]} == {
        ("measure.before_7", "2014-12-26")
    }


def test_a_done_measure_gets_no_reminder(prog):
    clock = FixedClock(at("2014-04-14", 10))
    lifecycle.advance(prog, clock, LST, None, "1.A", "start", "Påbörjad")
    lifecycle.advance(prog, clock, "processledare", None, "1.A", "complete")
    clock.set(at("2014-04-16", 10))
    report = sweep.sweep(prog, clock, RULES)
    assert (report.due, report.inserted) == (0, 0) and rows(prog) == []
    planned, _problems = sweep.preview(prog, clock, RULES, dt.date(2014, 6, 30))
    assert planned == []


def test_weekly_reminders_while_overdue_until_done(prog):
    clock = FixedClock(at("2014-04-30", 10))
    subject = measure_subject(prog, "1.A")
    assert sweep.sweep(prog, clock, RULES).inserted == 13  # on the day (none before ran)
    clock.set(at("2014-05-02", 10))
    assert sweep.sweep(prog, clock, RULES).inserted == 0
    for day in ("2014-05-07", "2014-05-14"):
        clock.set(at(day, 10))
        report = sweep.sweep(prog, clock, RULES)
        assert report.inserted == 13
        new = rows(prog)[-13:]
        assert {(r.subject, r.rule, str(r.due_on)) for r in new} == {
            (subject, "measure.overdue_weekly", day)
        }
        assert new[0].mail_subject.startswith("Försenad: 1.A")
    lifecycle.advance(prog, clock, "processledare", None, "1.A", "complete")
    clock.set(at("2014-05-21", 10))
    assert sweep.sweep(prog, clock, RULES).due == 0


def test_the_preview_lists_what_the_sweeps_produce_and_writes_nothing(prog):
    start = at("2014-04-16", 10)
    until = dt.date(2015, 1, 9)
    clock = FixedClock(start)
    before = counts(prog)
    planned, problems = sweep.preview(prog, clock, RULES, until)
    assert problems == [] and counts(prog) == before
    foreseen = {p.key for p in planned}
    assert {p.reminder.item.kind for p in planned} == {"measure"}
    assert len({p.reminder.item.subject for p in planned}) == 1 + ENDS_2014
    # a daemon sweeping at every moment the preview names produces exactly those
    for moment in sorted({p.reminder.send_at for p in planned}):
        clock.set(max(moment, start))
        sweep.sweep(prog, clock, RULES)
    clock.set(at(until.isoformat(), 23))
    sweep.sweep(prog, clock, RULES)
    assert keys(prog) == foreseen
    # and a preview now says they are all in the outbox already
    clock.set(start)
    again, _ = sweep.preview(prog, clock, RULES, until)
    assert {p.key for p in again} == foreseen and all(p.exists for p in again)


def test_a_preview_looks_beyond_the_sweep_window(prog):
    clock = FixedClock(at("2014-04-16", 10))
    soon, _ = sweep.preview(prog, clock, RULES, dt.date(2014, 4, 20))
    assert {p.reminder.rule for p in soon} == {"measure.before_14"}
    later, _ = sweep.preview(prog, clock, RULES, dt.date(2014, 12, 19))
    assert {p.reminder.item.subject for p in later if p.reminder.rule == "measure.before_14"} >= {
        measure_subject(prog, "2.A")
    }


def test_all_open_is_every_open_deadline(prog):
    clock = FixedClock(at("2014-04-16", 10))
    lifecycle.advance(prog, clock, "processledare", None, "2.B", "complete")
    with prog.read() as s:
        found = sweep.calendar_items(s, RULES, clock.now(), "sv")
        windowed = measure_items.items(s, RULES, clock.now(), "sv")
    assert len(found.items) == ENDS_2014 and found.problems == []  # 1.A and the 16 others, less 2.B
    assert [i.subject for i in windowed.items] == [measure_subject(prog, "1.A")]
    moved = next(i for i in found.items if i.title.startswith("2.A"))
    assert ("Sista dag enligt lag (1930:173)", "2 januari 2015") in moved.details


def test_problems_are_reported_not_raised(prog):
    with prog.write() as s:
        b = measure_items._B
        s.connection().execute(sa.update(b).where(b.c.key == "regionforbundet").values(emails="[]"))
    clock = FixedClock(at("2014-04-16", 10))
    report = sweep.sweep(prog, clock, RULES)
    assert report.inserted == 0
    assert report.problems == [
        "insats 1.A (2014): den ledande aktören 'Regionförbundet Jämtlands län' "
        "har ingen e-postadress"
    ]


def test_short_titles():
    assert measure_items.short_title("Nya betalsätt / Kontanthantering") == (
        "Nya betalsätt / Kontanthantering"
    )
    assert (
        measure_items.short_title("Processledare som stöd för framtagning av kommunala planer")
        == "Processledare som stöd för framtagning …"
    )
    assert measure_items.short_title("x" * 50) == "x" * 40 + " …"
