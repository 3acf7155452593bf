"""The remiss on real databases: opening with the stage change in one transaction,
replies, the closing guard, "no answer", the compilation, and reminders to the bodies."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from notifications.reminders import due, remiss_items, sweep
from notifications.reminders.rules import load_rules
from process.access import audit_verify
from process.core.decision_refs import parse_decision_ref
from process.core.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from process.remiss import actions as remiss_actions
from process.remiss import rules as remiss
from process.reports import remiss_compilation as remiss_report
from process.storage import lookup
from process.workflow import engine
from tests.support import at, make_programme

D = dt.date.fromisoformat
WG = "processledare"


def to_remiss_decided(db, clock) -> None:
    """The example programme, its process at remiss_decided (2022-11-22)."""
    make_programme(db, clock)
    clock.set(at("2022-02-22"))
    engine.advance(
        db,
        clock,
        "sekreterare",
        None,
        "decide_start",
        decision=parse_decision_ref("2022-02-22 § 17 RUN/536/2021"),
    )
    engine.advance(db, clock, WG, None, "begin_drafting")
    engine.advance(db, clock, WG, None, "consult_service_z", comment="Samråd")
    engine.advance(db, clock, WG, None, "check_in_steering_group", comment="Avstämning")
    clock.set(at("2022-11-22"))
    engine.advance(
        db,
        clock,
        "sekreterare",
        None,
        "decide_remiss",
        decision=parse_decision_ref("2022-11-22 § 152 RUN/536/2021"),
    )


def opened(db, clock, *keys: str) -> remiss_actions.Outcome:
    to_remiss_decided(db, clock)
    clock.set(at("2022-11-25"))
    return remiss_actions.open_remiss(
        db,
        clock,
        WG,
        None,
        list(keys or ("kommunerna", "lansstyrelsen", "miun")),
        comment="Remissutgåvan",
    )


def scalar(db, sql: str):
    with db.read() as s:
        return s.connection().execute(sa.text(sql)).scalar()


def last_audit(db):
    with db.read() as s:
        return (
            s.connection()
            .execute(
                sa.text(
                    "SELECT actor, action, outcome, trigger, detail FROM audit_event "
                    "ORDER BY id DESC LIMIT 1"
                )
            )
            .one()
        )


def overview(db, clock):
    with db.read() as s:
        prog = lookup.find_programme(s, None)
        return remiss.remiss_overview(s, prog.id, clock.today())


def test_opening_records_bodies_and_reply_date_with_the_stage(any_db, clock):
    out = opened(any_db, clock)
    assert out.transition.to_state == "remiss_open"
    assert (out.reply_by_asked, out.reply_by) == (D("2023-02-25"), D("2023-02-27"))
    assert out.bodies[0] == "lansstyrelsen" and out.bodies[-1] == "miun"
    assert len(out.bodies) == 10  # the eight kommuner stand in for "kommunerna"
    assert out.working_days == 65
    assert [d.isoformat() for d, _n in out.lost] == ["2022-12-26", "2023-01-06"]
    o = overview(any_db, clock)
    assert o["open"] and o["consulted"] == 10 and o["answered"] == 0 and o["moved"]
    assert o["lost_to_holidays"][0]["name"] == "Annandag jul"
    assert {b["key"]: b["answered"] for b in o["bodies"]}["berg"] is False
    assert last_audit(any_db).action == "remiss.opened"
    with any_db.read() as s:
        assert audit_verify.verify(s).ok


def test_a_refused_opening_changes_nothing_and_is_audited(any_db, clock):
    to_remiss_decided(any_db, clock)
    clock.set(at("2022-11-25"))
    with pytest.raises(NotFound, match="no body 'nosuch'; known: are, berg"):
        remiss_actions.open_remiss(any_db, clock, WG, None, ["lansstyrelsen", "nosuch"])
    assert scalar(any_db, "SELECT state FROM process_instance") == "remiss_decided"
    assert scalar(any_db, "SELECT count(*) FROM remiss") == 0
    assert scalar(any_db, "SELECT count(*) FROM remiss_body") == 0
    row = last_audit(any_db)
    assert (row.outcome, row.trigger) == ("refused", "open_remiss") and "nosuch" in row.detail
    with pytest.raises(PermissionDenied, match="needs one of the roles: admin, working_group"):
        remiss_actions.open_remiss(any_db, clock, "sekreterare", None, ["miun"])
    with pytest.raises(InvalidTransition, match="use 'rsp remiss open BODY"):
        engine.advance(any_db, clock, WG, None, "open_remiss")
    assert last_audit(any_db).outcome == "refused"
    with pytest.raises(InvalidInput, match="must lie after the opening day"):
        remiss_actions.open_remiss(any_db, clock, WG, None, ["miun"], D("2022-11-01"))
    assert scalar(any_db, "SELECT state FROM process_instance") == "remiss_decided"


def test_replies_late_twice_or_not_consulted(any_db, clock):
    opened(any_db, clock)
    clock.set(at("2023-02-20"))
    r = remiss_actions.record_reply(
        any_db, clock, WG, None, "lansstyrelsen", D("2023-02-20"), "comments", "Tydligare mål"
    )
    assert (r["late"], r["position"]) == (False, "comments")
    with pytest.raises(
        InvalidInput,
        match="lansstyrelsen has already answered .received "
        "2023-02-20, comments.; a reply is recorded once",
    ):
        remiss_actions.record_reply(
            any_db, clock, WG, None, "lansstyrelsen", D("2023-02-20"), "agrees", None
        )
    assert last_audit(any_db).outcome == "refused"
    with pytest.raises(
        InvalidInput,
        match="region .Region Jämtland Härjedalen. was not "
        "consulted in this remiss; consulted: lansstyrelsen",
    ):
        remiss_actions.record_reply(
            any_db, clock, WG, None, "region", D("2023-02-20"), "agrees", None
        )
    with pytest.raises(InvalidInput, match=r"-m \(the summary\) must not be empty"):
        remiss_actions.record_reply(
            any_db, clock, WG, None, "berg", D("2023-02-20"), "comments", " "
        )
    with pytest.raises(
        InvalidInput,
        match=r"kommunerna .Kommunerna i Jämtlands län. is a group, consulted as its members: "
        r"record each member's reply, e.g. 'rsp remiss reply berg …' \(members: berg, bracke,",
    ):
        remiss_actions.record_reply(
            any_db, clock, WG, None, "kommunerna", D("2023-02-20"), "agrees", None
        )
    assert last_audit(any_db).outcome == "refused"
    with pytest.raises(InvalidInput, match="between the opening day 2022-11-25 and today"):
        remiss_actions.record_reply(
            any_db, clock, WG, None, "berg", D("2023-02-21"), "agrees", None
        )
    with pytest.raises(PermissionDenied, match="admin, working_group"):
        remiss_actions.record_reply(
            any_db, clock, "sekreterare", None, "berg", D("2023-02-20"), "agrees", None
        )
    clock.set(at("2023-03-03"))
    late = remiss_actions.record_reply(
        any_db, clock, WG, None, "miun", D("2023-03-02"), "no-comments", None
    )
    assert (late["late"], late["days_late"]) == (True, 3)
    o = overview(any_db, clock)
    assert (o["answered"], o["late"]) == (2, 1)
    assert (
        scalar(
            any_db,
            "SELECT count(*) FROM audit_event WHERE action = 'remiss.reply' "
            "AND outcome = 'applied'",
        )
        == 2
    )


def test_closing_waits_for_the_reply_date_unless_everyone_answered(any_db, clock):
    opened(any_db, clock, "lansstyrelsen", "miun", "berg")
    clock.set(at("2023-02-27"))
    with pytest.raises(
        InvalidTransition,
        match="reply date 2023-02-27 has not passed and 3 of 3 bodies have not answered",
    ):
        remiss_actions.close_remiss(any_db, clock, WG, None)
    with pytest.raises(InvalidTransition, match="use 'rsp remiss close'"):
        engine.advance(any_db, clock, WG, None, "compile_remiss")
    for key in ("lansstyrelsen", "miun"):
        remiss_actions.record_reply(any_db, clock, WG, None, key, D("2023-02-27"), "agrees", None)
    clock.set(at("2023-02-28"))
    out = remiss_actions.close_remiss(any_db, clock, WG, None, "Förslaget revideras")
    assert out.transition.to_state == "remiss_compiled" and out.no_answer == ["berg"]
    o = overview(any_db, clock)
    assert not o["open"] and o["no_answer"] == ["berg"] and o["closed_on"] == D("2023-02-28")
    assert last_audit(any_db).action == "remiss.closed"
    with pytest.raises(InvalidInput, match="berg was recorded as no answer"):
        remiss_actions.record_reply(
            any_db, clock, WG, None, "berg", D("2023-02-28"), "agrees", None
        )


def test_closing_early_when_every_body_has_answered(any_db, clock):
    opened(any_db, clock, "miun")
    clock.set(at("2023-01-10"))
    remiss_actions.record_reply(any_db, clock, WG, None, "miun", D("2023-01-09"), "agrees", None)
    out = remiss_actions.close_remiss(any_db, clock, WG, None)
    assert out.no_answer == [] and out.transition.to_state == "remiss_compiled"


def test_the_compilation(any_db, clock):
    opened(any_db, clock, "lansstyrelsen", "miun", "berg")
    clock.set(at("2023-02-20"))
    remiss_actions.record_reply(
        any_db,
        clock,
        WG,
        None,
        "lansstyrelsen",
        D("2023-02-20"),
        "comments",
        "Mål <b>mätbara</b> | tydliga",
    )
    clock.set(at("2023-03-01"))
    remiss_actions.record_reply(any_db, clock, WG, None, "miun", D("2023-03-01"), "agrees", None)
    with any_db.read() as s:
        draft = remiss_report.compile_data(s, None, D("2023-03-01"))
    assert "sammanställningen är preliminär" in remiss_report.render(draft, "md")
    remiss_actions.close_remiss(any_db, clock, WG, None)
    with any_db.read() as s:
        sv = remiss_report.compile_data(s, None, D("2023-03-01"))
        en = remiss_report.compile_data(s, None, D("2023-03-01"), "en")
    md = remiss_report.render(sv, "md")
    assert "# Remissammanställning: Regionalt serviceprogram 2022-2030" in md
    assert (
        "| Länsstyrelsen Jämtlands län | 2023-02-20 | Har synpunkter | Mål <b>mätbara</b> "
        "\\| tydliga |"
    ) in md
    assert "| Mittuniversitetet | 2023-03-01 (efter svarsdatum) | Tillstyrker |" in md
    assert "## Remissinstanser som inte svarade\n\n- Bergs kommun" in md
    assert "2 svarade (1 efter svarsdatum), 1 svarade inte" in md
    html = remiss_report.render(en, "html")
    assert "Mål &lt;b&gt;mätbara&lt;/b&gt; | tydliga" in html and "<b>mätbara" not in html
    assert "Bodies that did not answer" in html and "<li>Bergs kommun</li>" in html
    csv = remiss_report.render(sv, "csv").splitlines()
    assert (
        csv[0] == "\ufeffNyckel;Remissinstans;Inkom;efter svarsdatum;Ställningstagande;"
        "Sammanfattning"
    )
    assert csv[2:] == [
        "berg;Bergs kommun;;;Inget svar;",
        "miun;Mittuniversitetet;2023-03-01;ja;Tillstyrker;",
    ]


def test_unanswered_bodies_get_reminders_until_they_answer(any_db, clock):
    opened(any_db, clock, "lansstyrelsen", "berg")
    rules = load_rules()
    clock.set(at("2023-02-13", 10))  # 14 days before the reply date 2023-02-27
    with any_db.read() as s:
        found = sweep.collect(s, rules, clock.now(), "sv", [remiss_items.items])
    assert [i.subject for i in found.items] == ["remiss:1:lansstyrelsen", "remiss:1:berg"]
    item = found.items[1]
    assert (item.kind, item.due, item.to[0].address) == (
        "remiss",
        D("2023-02-27"),
        "landsbygd@berg.kommun.example",
    )
    assert item.title == "Regionalt serviceprogram 2022-2030 (remissutgåva)"
    assert [r.rule for r in due.due_now(rules, found.items, clock.now())] == [
        "remiss.before_14",
        "remiss.before_14",
    ]
    remiss_actions.record_reply(any_db, clock, WG, None, "berg", D("2023-02-13"), "agrees", None)
    report = sweep.sweep(any_db, clock, rules, sources=[remiss_items.items])
    assert report.inserted == 1
    with any_db.read() as s:
        subject = (
            s.connection().execute(sa.text("SELECT mail_subject FROM outbox_message")).scalar()
        )
    assert subject == (
        "Påminnelse: Regionalt serviceprogram 2022-2030 (remissutgåva) – "
        "senast 27 februari 2023 (om 14 dagar)"
    )
    clock.set(at("2023-03-06", 10))  # a week after the reply date: overdue
    with any_db.read() as s:
        late = sweep.collect(s, rules, clock.now(), "en", [remiss_items.items])
    assert [r.rule for r in due.due_now(rules, late.items, clock.now())] == [
        "remiss.overdue_weekly"
    ]
    remiss_actions.close_remiss(any_db, clock, WG, None)
    with any_db.read() as s:
        assert sweep.collect(s, rules, clock.now(), "sv", [remiss_items.items]).items == []
    assert remiss_items.items in sweep.SOURCES
