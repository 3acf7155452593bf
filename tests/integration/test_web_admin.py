"""The administration pages, signed in, on real SQLite and PostgreSQL: the outbox (failed
mails first, sent again one or all, audited as `rsp outbox retry`), the reminder rules in
force (read-only, from the services of `rsp remind`), the audit trail's status (verified
on request, the result kept with its time), bodies and their contact people (added and
corrected with the one rule for names and addresses; a bad form comes back with each
problem beside its field, nothing saved, the refusal audited). Each page only for those
who hold its capability, and in the menu only for them."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import sqlalchemy as sa

from notifications.mail import sender
from notifications.mail.testing import RecordingTransport
from notifications.mail.transports import PermanentFailure
from notifications.reminders import sweep
from notifications.reminders.due import DeadlineItem, Recipient
from notifications.reminders.milestones import Collected
from notifications.reminders.rules import load_rules
from process.access import trail_check
from process.programme import setup
from process.storage.outbox_table import OutboxMessage
from process.storage.plan_tables import Body
from process.storage.tables import Person
from tests.integration.test_web_pages import audit, last_id
from tests.support import at, make_programme
from tests.websupport import csrf_of, make_web, sign_in

P = "/p/rsp-2022-2030"
FROM = "Regionalt serviceprogram <rsp@region.example>"
ERRORS = re.compile(
    r'class="error-message" id="([^"]+)-error"[^>]*>(?:<span[^>]*>[^<]*</span>)?'
    r"\s*([^<]*)<"
)


@pytest.fixture
def web(any_db, tmp_path):
    from tests.support import clock_at

    clock = clock_at("2014-04-22")
    make_programme(any_db, clock)
    setup.edit_person(any_db, clock, "it-admin", None, "it-admin", None, "it-admin@x.example")
    return make_web(any_db, clock, tmp_path)


def browser(web, login: str):
    client = web.client()
    sign_in(web, client, f"{login}@x.example")
    return client


def field_errors(html: str) -> dict[str, str]:
    return {k: v.strip() for k, v in ERRORS.findall(html)}


def outbox_rows(web) -> list:
    with web.db.read() as session:
        t = OutboxMessage.__table__  # type: ignore[attr-defined]
        return list(session.connection().execute(sa.select(t).order_by(t.c.id)))


def _source(session, rules, now, lang):
    due = dt.date(2014, 4, 30)
    return Collected(
        items=[
            DeadlineItem(
                "measure",
                f"measure:{900 + i}",
                f"Åtgärd {i}: servicepunkter",
                due,
                (Recipient(f"lead{i}@kommun.example", f"Kommun {i}"),),
                programme_id=1,
            )
            for i in range(3)
        ]
    )


def one_failed_mail(web) -> None:
    """Three reminders of the programme queued; the first refused by the server (550)."""
    web.clock.set(at("2014-04-23", 10))
    sweep.sweep(web.db, web.clock, load_rules(), sources=[_source])
    transport = RecordingTransport([PermanentFailure("550 5.1.1 user unknown")])
    report = sender.send_pending(web.db, web.clock, transport, FROM)
    assert (report.failed, report.sent) == (1, 2)


def test_the_administrator_sees_failed_mails_first_and_sends_them_again(web):
    one_failed_mail(web)
    admin = browser(web, "it-admin")
    page = admin.get(f"{P}/outbox")
    assert page.status_code == 200
    assert f'href="{P}/outbox"' in page.text and "Utkorgen" in page.text
    assert "1 misslyckade, 0 väntar, 0 skickas, 2 skickade" in page.text
    statuses = re.findall(r"<td data-label=\"Läge\"><strong>([^<]+)</strong>", page.text)
    assert statuses == ["Misslyckad", "Skickad", "Skickad"]
    assert "550 5.1.1 user unknown" in page.text and "lead0@kommun.example" in page.text
    failed = [r for r in outbox_rows(web) if r.status == "failed"][0]
    sent = [r for r in outbox_rows(web) if r.status == "sent"][0]
    before = last_id(web)
    r = admin.post(f"{P}/outbox/retry", data={"csrf": csrf_of(page.text), "id": str(sent.id)})
    assert r.status_code == 400 and "Bara misslyckade utskick" in r.text
    assert [(a["action"], a["outcome"]) for a in audit(web, before)] == [
        ("outbox.retry", "refused")
    ]
    r = admin.post(f"{P}/outbox/retry", data={"csrf": csrf_of(page.text), "id": str(failed.id)})
    assert r.status_code == 303 and r.headers["location"] == f"{P}/outbox?done=1"
    assert {r.status for r in outbox_rows(web) if r.id == failed.id} == {"pending"}
    rows = audit(web, before)
    assert [(a["action"], a["outcome"], a["actor"]) for a in rows][-1] == (
        "outbox.retry",
        "applied",
        "it-admin",
    )
    assert rows[-1]["detail"]["outbox_ids"] == [failed.id]
    shown = admin.get(r.headers["location"])
    assert "1 utskick ligger i kön igen" in shown.text
    # fails again, then all failed ones at once
    sender.send_pending(
        web.db, web.clock, RecordingTransport([PermanentFailure("550 5.1.1 still unknown")]), FROM
    )
    page = admin.get(f"{P}/outbox?lang=en")
    assert "Send every failed mail again (1)" in page.text and "Failed" in page.text
    r = admin.post(f"{P}/outbox/retry", data={"csrf": csrf_of(page.text), "all": "1"})
    assert r.status_code == 303 and {r.status for r in outbox_rows(web)} == {"pending", "sent"}
    assert trail_check.check(web.db).ok


def test_the_outbox_is_for_the_administrator_only(web):
    one_failed_mail(web)
    lead = browser(web, "processledare")
    page = lead.get(f"{P}/outbox")
    assert page.status_code == 403 and "programmets administratör" in page.text
    assert "lead0@kommun.example" not in page.text
    overview = lead.get(P)
    assert f"{P}/outbox" not in overview.text and f"{P}/audit" not in overview.text
    assert f"{P}/bodies" in overview.text  # the working group manages bodies
    failed = [r for r in outbox_rows(web) if r.status == "failed"][0]
    before = last_id(web)
    r = lead.post(f"{P}/outbox/retry", data={"csrf": csrf_of(overview.text), "id": str(failed.id)})
    assert r.status_code == 403
    assert [(a["action"], a["outcome"]) for a in audit(web, before)] == [
        ("outbox.retry", "refused")
    ]
    assert {r.status for r in outbox_rows(web) if r.id == failed.id} == {"failed"}
    chair = browser(web, "ordforande")
    assert f"{P}/bodies" not in chair.get(P).text
    assert chair.get(f"{P}/reminder-rules").status_code == 403


def test_the_reminder_rules_in_force(web):
    lead = browser(web, "processledare")
    page = lead.get(f"{P}/reminder-rules")
    assert page.status_code == 200, page.text
    text = page.text
    assert "De medföljande reglerna" in text and "kl. 08:00 på arbetsdagar" in text
    assert "measure.before_14" in text and "14 dagar före tidsgränsen" in text
    assert "var 7:e dag efter tidsgränsen, högst 26 gånger" in text
    assert "flyttas till nästa arbetsdag" in text
    assert "Kopia till: Styrgrupp" in text  # the milestones' cc: the capability's role
    assert "Kommande påminnelser" in text and "Påminnelser fram till 2014-06-21" in text
    # a measure of the 2014 plan with a dated target is among what the rules apply to
    assert "Tidsgräns 2014-" in text
    english = lead.get(f"{P}/reminder-rules?lang=en&until=2014-12-31")
    assert "Reminders until 2014-12-31" in english.text
    assert "14 days before the deadline" in english.text
    bad = lead.get(f"{P}/reminder-rules?until=igår")
    assert bad.status_code == 400 and list(field_errors(bad.text)) == ["until"]
    far = lead.get(f"{P}/reminder-rules?lang=sv&until=2030-01-01")
    assert far.status_code == 400 and "högst 400 dagar" in far.text


def test_the_audit_status_verifies_on_request_and_keeps_the_result(web):
    admin = browser(web, "it-admin")
    page = admin.get(f"{P}/audit")
    assert page.status_code == 200
    assert "Ingen nyckel" in page.text and "Ingen kontrollpunkt ännu" in page.text
    assert "har inte kontrollerats härifrån ännu" in page.text
    trail_check.make_checkpoint(web.db, web.clock, "it-admin")
    setup.add_person(web.db, web.clock, "it-admin", None, "ny", "Ny Person", "ny@x.example", [])
    page = admin.get(f"{P}/audit")
    assert "Senaste kontrollpunkt" in page.text and re.search(
        r"<code class=\"hash\">[0-9a-f]{64}<", page.text
    )
    after = re.search(r"<dt>Rader efter den</dt><dd>(\d+)</dd>", page.text)
    assert after and after.group(1) == "1"  # the person added after it
    before = last_id(web)
    r = admin.post(f"{P}/audit/verify", data={"csrf": csrf_of(page.text)})
    assert r.status_code == 303
    shown = admin.get(r.headers["location"])
    assert "Kontrollen är klar." in shown.text
    assert re.search(r"Spåret höll: [\d\u202f]+ rader kontrollerade", shown.text)
    assert "Spåret leder fortfarande till den senaste kontrollpunkten." in shown.text
    rows = audit(web, before)
    assert [(a["action"], a["outcome"]) for a in rows] == [("audit.verified", "applied")]
    assert rows[0]["detail"]["ok"] is True and rows[0]["detail"]["checkpoint_held"] is True
    # the verification row itself keeps the trail whole
    assert trail_check.check(web.db).ok
    lead = browser(web, "processledare")
    assert lead.get(f"{P}/audit").status_code == 403
    before = last_id(web)
    r = lead.post(f"{P}/audit/verify", data={"csrf": csrf_of(lead.get(P).text)})
    assert r.status_code == 403
    assert [(a["action"], a["outcome"]) for a in audit(web, before)] == [
        ("audit.verified", "refused")
    ]


def bodies_in(web) -> dict[str, dict]:
    t = Body.__table__  # type: ignore[attr-defined]
    with web.db.read() as session:
        return {
            r.key: {"name": r.name, "emails": json.loads(r.emails)}
            for r in session.connection().execute(sa.select(t))
        }


def test_bodies_and_contact_people_with_refused_forms(web):
    lead = browser(web, "processledare")
    page = lead.get(f"{P}/bodies")
    assert page.status_code == 200 and "Länsstyrelsen" in page.text
    lst = lead.get(f"{P}/bodies/lansstyrelsen")
    assert "Ansvarar för insatserna" in lst.text and f'href="{P}/measures/2014/' in lst.text
    csrf = csrf_of(page.text)
    before = last_id(web)
    known = bodies_in(web)
    r = lead.post(
        f"{P}/bodies",
        data={
            "csrf": csrf,
            "key": "Trafikverket Mitt",
            "name": "",
            "kind": "authority",
            "emails": "registrator@trafikvärket.se, kommun@trafikverket",
        },
    )
    assert r.status_code == 400
    errors = field_errors(r.text)
    assert set(errors) == {"key", "name", "emails"}
    assert errors["emails"].startswith("»registrator@trafikvärket.se» går inte att skicka till")
    assert 'value="Trafikverket Mitt"' in r.text  # the form again, as typed
    assert bodies_in(web) == known
    assert [(a["action"], a["outcome"]) for a in audit(web, before)] == [("body.add", "refused")]
    r = lead.post(
        f"{P}/bodies",
        data={
            "csrf": csrf,
            "key": "trafikverket",
            "name": "Trafikverket region Mitt",
            "kind": "authority",
            "emails": "registrator@trafikverket.se",
        },
    )
    assert r.status_code == 303, field_errors(r.text) or r.text
    assert r.headers["location"] == f"{P}/bodies/trafikverket?done=added"
    assert bodies_in(web)["trafikverket"] == {
        "name": "Trafikverket region Mitt",
        "emails": ["registrator@trafikverket.se"],
    }
    body = lead.get(r.headers["location"])
    assert "Organisationen är tillagd." in body.text
    corrected = {
        "csrf": csrf,
        "name": "Trafikverket region Mitt",
        "emails": "kommun@trafikverket.se; registrator@trafikverket.se",
    }
    r = lead.post(f"{P}/bodies/trafikverket/edit", data=corrected)
    assert r.status_code == 303
    assert bodies_in(web)["trafikverket"]["emails"] == [
        "kommun@trafikverket.se",
        "registrator@trafikverket.se",
    ]
    r = lead.post(f"{P}/bodies/trafikverket/edit", data=corrected)  # the same again
    assert r.status_code == 400 and "Inget att ändra" in r.text
    # a contact person: a refused form, then registered on the spot
    before = last_id(web)
    r = lead.post(
        f"{P}/bodies/trafikverket/contacts",
        data={
            "csrf": csrf,
            "login": "anna.berg",
            "name": "Anna\nBerg",
            "email": "anna@trafikverket",
        },
    )
    assert r.status_code == 400
    assert set(field_errors(r.text)) == {"contact-name", "contact-email"}
    assert [(a["action"], a["outcome"]) for a in audit(web, before)] == [("body.member", "refused")]
    r = lead.post(
        f"{P}/bodies/trafikverket/contacts",
        data={
            "csrf": csrf,
            "login": "anna.berg",
            "name": "Anna Berg",
            "email": "anna@trafikverket.se",
        },
    )
    assert r.status_code == 303 and r.headers["location"].endswith("done=contact_added")
    assert [(a["action"], a["outcome"]) for a in audit(web, before)][-2:] == [
        ("person.added", "applied"),
        ("body.person_added", "applied"),
    ]
    r = lead.post(
        f"{P}/bodies/trafikverket/contacts/anna.berg/edit",
        data={
            "csrf": csrf,
            "name-anna.berg": "Anna Berg",
            "email-anna.berg": "anna.berg@trafikverket.se",
        },
    )
    assert r.status_code == 303
    with web.db.read() as session:
        t = Person.__table__  # type: ignore[attr-defined]
        email = (
            session.connection()
            .execute(sa.select(t.c.email).where(t.c.login == "anna.berg"))
            .scalar_one()
        )
    assert email == "anna.berg@trafikverket.se"
    # someone who holds a role: their address signs them in, so the administrator's
    r = lead.post(f"{P}/bodies/trafikverket/contacts", data={"csrf": csrf, "login": "sekreterare"})
    assert r.status_code == 303
    r = lead.post(
        f"{P}/bodies/trafikverket/contacts/sekreterare/edit",
        data={
            "csrf": csrf,
            "name-sekreterare": "Sekreterare",
            "email-sekreterare": "me@evil.example",
        },
    )
    assert r.status_code == 403 and "rättas av administratören" in r.text
    r = lead.post(f"{P}/bodies/trafikverket/contacts/sekreterare/remove", data={"csrf": csrf})
    assert r.status_code == 303
    page = lead.get(f"{P}/bodies/trafikverket")
    assert "Anna Berg (anna.berg)" in page.text and "(sekreterare)" not in page.text
    assert lead.get(f"{P}/bodies/nobody").status_code == 404
    assert trail_check.check(web.db).ok  # every change is in the trail, as the state says


def test_the_audit_status_of_a_large_trail_reads_no_rows(web):
    """The page's facts come from one index lookup per chain: however long the trail, no
    statement on the audit table goes without a LIMIT (the verification is on request)."""
    from process.access import audit as trail
    from process.access import trail_status

    now = web.clock.now()
    with web.db.write() as session:
        trail.append_many(
            session,
            [
                {
                    "at": now,
                    "recorded_at": now,
                    "actor": "rsp-scheduler",
                    "action": "reminders.queued",
                    "outcome": "refused",
                    "programme_id": 1,
                    "detail": {"n": i},
                }
                for i in range(5000)
            ],
        )
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    engine = web.db.engine
    sa.event.listen(engine, "before_cursor_execute", seen)
    try:
        with web.db.read() as session:
            facts = trail_status.status(session)
    finally:
        sa.event.remove(engine, "before_cursor_execute", seen)
    t = sa.text("SELECT count(*) FROM audit_event")
    with web.db.read() as session:
        assert facts.rows == session.connection().execute(t).scalar_one() > 5000
    on_trail = [s for s in statements if "audit_event" in s]
    assert on_trail and all("LIMIT" in s.upper() for s in on_trail), on_trail
