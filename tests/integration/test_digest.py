"""The digest on real databases (a SQLite file and PostgreSQL): its data from the example
programme, a fixed number of queries however many measures, escaping, and the mail:
once per period to the steering group (the lead's copy to the working group), and the
weekly job."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from notifications.digest import data as digest
from notifications.digest import mail as digest_mail
from notifications.digest.render import render
from notifications.mail import outbox, sender
from notifications.mail import settings as mailconfig
from notifications.mail.testing import RecordingTransport
from notifications.mail.transports import PermanentFailure
from process.core.clock import STOCKHOLM, FixedClock
from process.core.decision_refs import parse_decision_ref
from process.core.errors import InvalidTransition
from process.plans import plan_import as plans
from process.programme import setup
from process.remiss import actions as remiss_actions
from process.storage.database import Database
from process.workflow import engine
from tests.plangen import plan_yaml
from tests.support import at, make_programme

DIARY = "RUN/536/2021"
FROM = "Regionalt serviceprogram <rsp@region.example>"


def advance(
    db: Database,
    clock: FixedClock,
    day: str,
    user: str,
    trigger: str,
    comment: str | None = None,
    decision: str | None = None,
) -> None:
    clock.set(at(day))
    ref = parse_decision_ref(f"{day} § {decision} {DIARY}", comment or "") if decision else None
    engine.advance(db, clock, user, None, trigger, comment=comment, decision=ref)


def to_remiss(db: Database, clock: FixedClock) -> None:
    """The example programme from the offer to an open remiss (2022-11-25)."""
    make_programme(db, clock)
    advance(db, clock, "2022-02-22", "sekreterare", "decide_start", "Arbetet påbörjas", "17")
    advance(db, clock, "2022-03-01", "processledare", "begin_drafting")
    advance(db, clock, "2022-03-15", "landsbygdsutvecklare", "consult_service_z", "Nuläge")
    advance(db, clock, "2022-04-05", "ordforande", "check_in_steering_group", "Tidplan")
    advance(db, clock, "2022-11-22", "sekreterare", "decide_remiss", "Remissutgåva", "152")
    clock.set(at("2022-11-25"))
    remiss_actions.open_remiss(
        db, clock, "processledare", None, ["kommunerna", "lansstyrelsen"], dt.date(2023, 2, 24)
    )


def to_adoption(db: Database, clock: FixedClock) -> None:
    """... and on to the adoption (23 May 2023 § 89), the remiss closed on 10 March."""
    to_remiss(db, clock)
    clock.set(at("2023-03-10"))
    remiss_actions.close_remiss(db, clock, "processledare", None)
    advance(db, clock, "2023-05-23", "sekreterare", "adopt", "RSP 2023-2030 fastställs", "89")


def build(db: Database, clock: FixedClock, **kw) -> dict:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return digest.build(s, None, clock.now(), kw.pop("lang", "sv"), **kw)


def test_the_digest_on_the_adoption_day(any_db, clock):
    to_adoption(any_db, clock)
    clock.set(at("2023-05-23", 10))
    with pytest.raises(InvalidTransition):  # a refused attempt in the period (not final yet)
        engine.advance(any_db, clock, "processledare", None, "start_implementation")
    clock.set(at("2023-05-23", 18))
    data = build(any_db, clock, lead=True)
    assert data["period"] == {
        "start": "2023-05-16",
        "end": "2023-05-23",
        "start_text": "16 maj 2023",
        "end_text": "23 maj 2023",
    }
    assert data["stage"]["state"] == "adopted" and data["stage"]["days"] == 0
    notes = {m["state"]: m["note"] for m in data["milestones"]}
    assert notes["adopted"] == "23 dagar sent"
    assert notes["remiss_decided"] == "8 dagar tidigt"
    assert notes["start_decided"] == "enligt plan" and notes["implementation"] == "kommande"
    assert [m["state"] for m in data["milestones"] if m["current"]] == ["adopted"]
    # the picture shows the last half year: the three milestones of 2021-2022 before it are
    # summarised in a line, the programme's end in 2030 lies beyond it
    assert [m["state"] for m in data["milestones"] if not m["drawn"]] == [
        "offer_received",
        "start_decided",
        "drafting",
    ]
    assert [m["state"] for m in data["milestones"] if m["outside"]] == [
        "offer_received",
        "start_decided",
        "drafting",
        "closed",
    ]
    assert data["timeline"]["earlier"] == "Före 21 november 2022: 3 milstolpar, 3 enligt plan."
    assert data["timeline"]["start"] >= "2022-11-01"  # weeks are visible, not years
    for m in data["milestones"]:
        assert sum(c.width for c in m["actual_cells"]) == pytest.approx(100)
    assert [d["reference"] for d in data["decisions"]] == [f"2023-05-23 § 89, {DIARY}"]
    assert f"2023-05-23 § 89, {DIARY}" in [d["reference"] for d in data["pending"]]
    assert data["measures"]["year"] == 2014 and data["measures"]["total"] == 17
    assert [(a["number"], a["total"]) for a in data["measures"]["areas"]] == [
        (1, 4),
        (2, 5),
        (3, 2),
        (4, 6),
    ]
    assert len(data["overdue"]) == 17 and data["due_soon"] == []
    first = data["overdue"][0]
    assert (first["code"], first["due"]) == ("1.A", "2014-04-30")
    assert first["bodies"] == [
        "Regionförbundet Jämtlands län",
        "Kommunerna i Jämtlands län",
        "Länsstyrelsen Jämtlands län",
    ]  # lead first
    assert data["remiss"] is None  # closed
    assert [r["what"] for r in data["refused"]] == ["transition start_implementation"]
    assert data["failed"] == []
    assert "refused" not in build(any_db, clock)  # only in the lead's copy
    english = build(any_db, clock, lang="en")
    assert {m["state"]: m["note"] for m in english["milestones"]}["adopted"] == "23 days late"


def test_replies_received_and_missing_while_the_remiss_is_open(any_db, clock):
    to_remiss(any_db, clock)
    clock.set(at("2023-01-10"))
    remiss_actions.record_reply(
        any_db, clock, "processledare", None, "berg", dt.date(2023, 1, 9), "agrees", None
    )
    data = build(any_db, clock)
    remiss = data["remiss"]
    assert remiss["reply_by"] == "2023-02-24"
    assert [(b["key"], b["position"], b["received"]) for b in remiss["received"]] == [
        ("berg", "agrees", "2023-01-09")
    ]
    missing = {b["key"] for b in remiss["missing"]}
    assert "lansstyrelsen" in missing and "berg" not in missing and len(missing) == 8
    assert data["stage"]["state"] == "remiss_open" and data["decisions"] == []
    html = render(data, "html")
    assert 'id="remiss"' in html and "Bergs kommun" in html


def test_measures_due_within_14_days_with_their_bodies(any_db):
    clock = FixedClock(at("2014-04-01"))
    make_programme(any_db, clock)
    clock.set(at("2014-04-20"))
    data = build(any_db, clock)
    assert data["overdue"] == []
    assert [(m["code"], m["days_left"], m["when"]) for m in data["due_soon"]] == [
        ("1.A", 10, "om 10 dagar")
    ]
    assert data["due_soon"][0]["bodies"][0] == "Regionförbundet Jämtlands län"
    clock.set(at("2014-05-01"))
    data = build(any_db, clock)
    assert [(m["code"], m["when"]) for m in data["overdue"]] == [("1.A", "1 dag sent")]


def count_queries(db: Database, clock: FixedClock) -> int:
    seen: list[str] = []

    def listen(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", listen)
    try:
        build(db, clock, lead=True)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", listen)
    return len(seen)


def test_the_number_of_queries_does_not_grow_with_the_measures(any_db, clock, tmp_path):
    make_programme(any_db, clock)
    clock.set(at("2015-06-01"))
    build(any_db, clock, lead=True)  # definitions cached, as in a running daemon
    few = count_queries(any_db, clock)
    path = tmp_path / "plan-2015.yaml"
    path.write_text(plan_yaml(2015, 300), encoding="utf-8")
    plans.import_plan(any_db, clock, "processledare", None, str(path), 2015)
    many = count_queries(any_db, clock)
    data = build(any_db, clock)
    assert data["measures"]["total"] == 300 and len(data["overdue"]) > 100
    assert many == few, f"{few} queries with 17 measures, {many} with 300 more"


def test_names_are_escaped_in_html_only(any_db, clock):
    make_programme(any_db, clock)
    evil = "<script>alert('x')</script>"
    with any_db.write() as s:
        s.connection().execute(
            sa.text("UPDATE measure SET title = :t WHERE code = '1.A'"), {"t": evil}
        )
        s.connection().execute(
            sa.text("UPDATE body SET name = :t WHERE key = 'lansstyrelsen'"), {"t": evil}
        )
    clock.set(at("2014-04-20"))
    data = build(any_db, clock)
    html = render(data, "html")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert evil in render(data, "text") and evil in render(data, "md")


def outbox_rows(db: Database) -> list:
    t = outbox.TABLE
    with db.read() as s:
        return s.connection().execute(sa.select(t).order_by(t.c.id)).all()


def test_sent_once_per_period_to_the_steering_group(any_db, clock):
    make_programme(any_db, clock)
    setup.add_person(
        any_db,
        clock,
        "it-admin",
        None,
        "vice",
        "Vice Ordförande",
        "Vice@X.example",
        ["steering_group"],
    )
    setup.add_person(
        any_db, clock, "it-admin", None, "utan", "Utan Adress", None, ["steering_group"]
    )
    clock.set(at("2022-02-28", 7))
    first = digest_mail.queue(any_db, clock, None, domain="region.example")
    assert (first.recipients, first.inserted, first.existing) == (2, 2, 0)
    assert any("utan (steering_group) has no e-mail address" in p for p in first.problems)
    again = digest_mail.queue(any_db, clock, None, domain="region.example")
    assert (again.inserted, again.existing) == (0, 2)
    rows = outbox_rows(any_db)
    assert {(r.recipient, r.subject, r.rule, r.due_on) for r in rows} == {
        ("ordforande@x.example", "digest:rsp-2022-2030", "weekly", dt.date(2022, 2, 28)),
        ("vice@x.example", "digest:rsp-2022-2030", "weekly", dt.date(2022, 2, 28)),
    }
    assert (
        rows[0].mail_subject == "Veckorapport Regionalt serviceprogram 2022-2030, vecka 9 "
        "(2022-02-28)"
    )
    transport = RecordingTransport()
    report = sender.send_pending(any_db, clock, transport, FROM)
    assert report.sent == 2
    got = sorted(transport.deliveries, key=lambda d: d.recipient)
    assert [d.recipient for d in got] == ["ordforande@x.example", "vice@x.example"]
    msg = got[1].message
    assert msg["To"] == "Vice Ordförande <Vice@X.example>"  # one recipient per mail
    assert msg.is_multipart() and [p.get_content_type() for p in msg.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert "Milstolpar: planerat och faktiskt" in msg.get_body(("plain",)).get_content()
    assert 'id="timeline"' in msg.get_body(("html",)).get_content()
    clock.advance(days=7)
    later = digest_mail.queue(any_db, clock, None, domain="region.example")
    assert later.inserted == 2 and len(outbox_rows(any_db)) == 4


def test_the_lead_copy_goes_to_the_working_group_with_failed_mails(any_db, clock):
    make_programme(any_db, clock)
    clock.set(at("2022-02-28", 7))
    digest_mail.queue(any_db, clock, None)
    sender.send_pending(any_db, clock, RecordingTransport([PermanentFailure("550 no user")]), FROM)
    lead = digest_mail.queue(any_db, clock, None, lead=True)
    assert (lead.copy, lead.recipients, lead.inserted) == ("lead", 1, 1)
    row = outbox_rows(any_db)[-1]
    assert (row.recipient, row.subject) == ("processledare@x.example", "digest:rsp-2022-2030:lead")
    assert "Misslyckade utskick (1)" in row.body_text and "550 no user" in row.body_text
    assert "Veckorapport (processledare)" in row.mail_subject


def test_a_mailed_digest_links_to_its_page_in_the_browser(any_db, clock, tmp_path: Path):
    make_programme(any_db, clock)
    clock.set(at("2022-02-28", 7))
    settings = mailconfig.settings_from_env(
        {"RSP_BASE_URL": "https://rsp.region.example/"}, tmp_path / "out"
    )
    digest_mail.queue(any_db, clock, None, base_url=settings.base_url)
    digest_mail.queue(any_db, clock, None, lead=True, base_url=settings.base_url)
    page = "https://rsp.region.example/p/rsp-2022-2030/digest?since=2022-02-21&until=2022-02-28"
    steering, lead = outbox_rows(any_db)
    in_html = page.replace("&", "&amp;")
    assert f"{page}\n" in steering.body_text and f'href="{in_html}"' in steering.body_html
    assert f'href="{in_html}&amp;lead=1"' in lead.body_html
    digest_mail.queue(any_db, clock.advance(days=7) or clock, None)  # no base URL: no link
    assert "/digest?" not in outbox_rows(any_db)[-1].body_text
    with pytest.raises(mailconfig.TransportConfigError, match="RSP_BASE_URL="):
        mailconfig.settings_from_env({"RSP_BASE_URL": "rsp.region.example"}, tmp_path)


def test_the_weekly_job_catches_up_once(any_db, clock, tmp_path: Path):
    make_programme(any_db, clock)
    settings = mailconfig.settings_from_env({}, tmp_path / "out")
    trigger = digest_mail.cron_trigger(digest_mail.DEFAULT_CRON)
    clock.set(dt.datetime(2022, 2, 28, 7, 0, 1, tzinfo=STOCKHOLM))  # a Monday, the cron
    first = digest_mail.run_weekly(any_db, clock, trigger, settings, {})
    assert [(r.copy, r.inserted) for r in first.queued] == [("steering_group", 1), ("lead", 1)]
    assert first.sent.sent == 2 and first.error is None
    clock.set(at("2022-03-01", 12))  # restarted the next day: Monday's digest went already
    again = digest_mail.run_weekly(any_db, clock, trigger, settings, {})
    assert [r.inserted for r in again.queued] == [0, 0] and again.sent.sent == 0
    assert {r.due_on for r in outbox_rows(any_db)} == {dt.date(2022, 2, 28)}
    clock.set(at("2022-03-03"))  # Thursday: too late to catch up, next Monday will do
    assert digest_mail.run_weekly(any_db, clock, trigger, settings, {}).lines() == []
    assert len(list((tmp_path / "out").glob("*.eml"))) == 2
