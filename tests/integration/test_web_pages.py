"""The pages, signed in, on a real SQLite file: every action goes through the same service
as the command line, as the signed-in person; a refusal shows the form again with the
reason beside the field (HTTP 4xx) and is audited as from the CLI; a programme a person
has no part in, and anything of it, is 'not found'."""

from __future__ import annotations

import json
import re

import pytest
import sqlalchemy as sa

import workflows
from process.bodies import bodies
from process.programme import setup
from process.storage.decision_table import Decision
from process.storage.plan_tables import Measure
from process.storage.tables import AuditEvent, ProcessInstance
from tests.support import clock_at, make_programme
from tests.websupport import csrf_of, make_web, sign_in

P = "/p/rsp-2022-2030"
ERRORS = re.compile(r'class="error-message"[^>]*>(?:<span[^>]*>[^<]*</span>)?\s*([^<]*)<')


@pytest.fixture
def web(sqlite_db, tmp_path):
    clock = clock_at("2014-04-20")
    make_programme(sqlite_db, clock)
    setup.add_person(
        sqlite_db,
        clock,
        "it-admin",
        None,
        "handlaggare",
        "Eva Handläggare",
        "eva@lansstyrelsen.example",
        [],
    )
    bodies.set_member(sqlite_db, clock, "it-admin", None, "lansstyrelsen", "handlaggare", False)
    return make_web(sqlite_db, clock, tmp_path)


def signed_in(web, login: str):
    browser = web.client()
    address = "eva@lansstyrelsen.example" if login == "handlaggare" else f"{login}@x.example"
    sign_in(web, browser, address)
    return browser


def audit(web, since: int = 0) -> list[dict]:
    t = AuditEvent.__table__  # type: ignore[attr-defined]
    with web.db.read() as session:
        return [
            {**r._mapping, "detail": json.loads(r.detail)}
            for r in session.connection().execute(
                sa.select(t).where(t.c.id > since, ~t.c.action.like("web.%")).order_by(t.c.id)
            )
        ]


def last_id(web) -> int:
    t = AuditEvent.__table__  # type: ignore[attr-defined]
    with web.db.read() as session:
        return session.connection().execute(sa.select(sa.func.max(t.c.id))).scalar() or 0


def state(web) -> tuple[str, int]:
    with web.db.read() as session:
        inst = (
            session.connection()
            .execute(
                sa.select(ProcessInstance.__table__.c.state, ProcessInstance.__table__.c.version)
            )
            .one()
        )
    return inst[0], inst[1]


def measure_state(web, code: str) -> str:
    t = Measure.__table__  # type: ignore[attr-defined]
    with web.db.read() as session:
        return (
            session.connection().execute(sa.select(t.c.state).where(t.c.code == code)).scalar_one()
        )


def test_the_overview_says_where_the_process_stands_and_what_is_next(web):
    lead = signed_in(web, "processledare")
    page = lead.get(P)
    assert page.status_code == 200
    for words in (
        "Erbjudande mottaget",
        "Milstolpar",
        "Vad kan hända härnäst",
        "Nämnden beslutar att påbörja arbetet och utser styrgrupp",
        "Får göras av: Beslutande organ (Regionala utvecklingsnämnden).",
        "Kräver ett nämndbeslut.",
        "Beslut som ännu inte vunnit laga kraft",
    ):
        assert words in page.text, words
    assert f'href="{P}/actions/decide_start"' not in page.text  # not the lead's to record
    secretary = signed_in(web, "sekreterare")
    assert f'href="{P}/actions/decide_start"' in secretary.get(P).text


def test_the_secretary_records_a_decision_through_the_engine(web):
    secretary = signed_in(web, "sekreterare")
    page = secretary.get(f"{P}/actions/decide_start")
    assert "Beslutsreferens" in page.text and "2023-05-23 § 89 RUN/536/2021" in page.text
    before = last_id(web)
    r = secretary.post(
        f"{P}/actions/decide_start",
        data={
            "csrf": csrf_of(page.text),
            "decision": "2022-02-22 RUN/536/2021",
            "comment": "Styrgrupp utsedd",
            "version": "1",
        },
    )
    assert r.status_code == 400
    assert ERRORS.findall(r.text) == ["Beslutsreferensen saknar paragraf (§ och ett nummer)."]
    assert 'aria-invalid="true"' in r.text and 'value="2022-02-22 RUN/536/2021"' in r.text
    refused = audit(web, before)  # refused by the engine, and audited, as from the CLI
    assert [(a["action"], a["outcome"]) for a in refused] == [("transition", "refused")]
    assert state(web) == ("offer_received", 1)

    r = secretary.post(
        f"{P}/actions/decide_start",
        data={
            "csrf": csrf_of(page.text),
            "decision": "",
            "comment": "Styrgrupp utsedd",
            "version": "1",
        },
    )
    assert r.status_code == 400 and "Ange beslutsreferensen" in r.text
    refused = audit(web, before)
    assert [(a["action"], a["outcome"], a["actor"]) for a in refused] == [
        ("transition", "refused", "sekreterare")
    ] * 2  # the engine refused it, and audited it

    r = secretary.post(
        f"{P}/actions/decide_start",
        data={
            "csrf": csrf_of(page.text),
            "decision": "2022-02-22 § 17 RUN/536/2021",
            "comment": "Styrgrupp utsedd",
            "version": "1",
        },
    )
    assert r.status_code == 303 and r.headers["location"] == f"{P}?done=decide_start"
    assert "Registrerat: Nämnden beslutar" in secretary.get(r.headers["location"]).text
    row = audit(web, before)[-1]
    assert (row["action"], row["outcome"], row["actor"], row["role"], row["to_state"]) == (
        "transition",
        "applied",
        "sekreterare",
        "board",
        "start_decided",
    )
    assert row["channel"] == "web:email-link"  # the person, and how they signed in
    with web.db.read() as session:
        d = session.connection().execute(sa.select(Decision.__table__)).one()
    assert (d.paragraph, d.diary_number, d.recorded_by) == ("17", "RUN/536/2021", "sekreterare")


def test_a_person_without_the_role_sees_a_clear_refusal_and_it_is_audited(web):
    chair = signed_in(web, "ordforande")
    page = chair.get(f"{P}/actions/decide_start")
    assert page.status_code == 200
    assert (
        "Det här får bara Beslutande organ (Regionala utvecklingsnämnden) registrera" in page.text
    )
    assert f'action="{P}/actions/decide_start"' not in page.text  # no form to press
    before = last_id(web)
    r = chair.post(
        f"{P}/actions/decide_start",
        data={"csrf": csrf_of(page.text), "decision": "2022-02-22 § 17 RUN/536/2021"},
    )
    assert r.status_code == 403 and "Du har inte behörighet" in r.text
    assert state(web) == ("offer_received", 1)
    [row] = audit(web, before)
    assert (row["outcome"], row["actor"], row["trigger"]) == (
        "refused",
        "ordforande",
        "decide_start",
    )


def test_a_form_without_its_token_changes_nothing(web):
    secretary = signed_in(web, "sekreterare")
    before = last_id(web)
    for token in (None, "fel"):
        data = {"decision": "2022-02-22 § 17 RUN/536/2021", "version": "1"}
        if token:
            data["csrf"] = token
        r = secretary.post(f"{P}/actions/decide_start", data=data)
        assert r.status_code == 403 and "Formuläret kunde inte skickas" in r.text
    assert state(web) == ("offer_received", 1) and audit(web, before) == []


def test_a_stale_form_is_a_conflict_and_saves_nothing(web):
    secretary, lead = signed_in(web, "sekreterare"), signed_in(web, "processledare")
    page = secretary.get(f"{P}/actions/decide_start")
    r = secretary.post(
        f"{P}/actions/decide_start",
        data={
            "csrf": csrf_of(page.text),
            "decision": "2022-02-22 § 17 RUN/536/2021",
            "version": "1",
        },
    )
    assert r.status_code == 303
    form = lead.get(f"{P}/actions/begin_drafting")
    # meanwhile someone else moves the process on; the lead's page still says version 2
    other = signed_in(web, "processledare")
    other_page = other.get(f"{P}/actions/begin_drafting")
    assert (
        other.post(
            f"{P}/actions/begin_drafting", data={"csrf": csrf_of(other_page.text), "version": "2"}
        ).status_code
        == 303
    )
    r = lead.post(f"{P}/actions/begin_drafting", data={"csrf": csrf_of(form.text), "version": "2"})
    assert r.status_code == 409 and "Någon annan hann ändra samma sak" in r.text
    assert state(web) == ("drafting", 3)


def test_another_programme_and_its_ids_are_not_found(web, tmp_path):
    setup.init(
        web.db,
        web.clock,
        "it-admin",
        definition_file=str(workflows.path_of("drafting")),
        key="annat-program",
        name="Ett annat program",
        region="Region Annan",
    )
    lead = signed_in(web, "processledare")
    for path in (
        "/p/annat-program",
        "/p/annat-program/tasks",
        "/p/annat-program/measures",
        "/p/annat-program/history",
        "/p/annat-program/actions/begin_drafting",
        f"{P}/measures/2014/9.Z",
        f"{P}/measures/2099/1.A",
        "/p/finns-inte",
    ):
        r = lead.get(path)
        assert r.status_code == 404 and "Sidan finns inte" in r.text, path
    page = lead.get(P)
    before = last_id(web)
    r = lead.post(
        "/p/annat-program/actions/begin_drafting", data={"csrf": csrf_of(page.text), "version": "1"}
    )
    assert r.status_code == 404 and audit(web, before) == []
    r = lead.post(
        f"{P}/measures/2099/1.A/advance", data={"csrf": csrf_of(page.text), "trigger": "start"}
    )
    assert r.status_code == 404


def test_a_municipal_officer_starts_her_measure_and_reports_progress(web):
    eva = signed_in(web, "handlaggare")
    tasks = eva.get(f"{P}/tasks")
    assert "1.A Kartlägga tillgången till bredband till butiksorter." in tasks.text
    assert "om 10 dagar" in tasks.text and "Insatser där din organisation är ansvarig" in tasks.text
    page = eva.get(f"{P}/measures/2014/1.A")
    assert "Arbetet med insatsen har börjat" in page.text
    before = last_id(web)
    r = eva.post(
        f"{P}/measures/2014/1.A/advance",
        data={
            "csrf": csrf_of(page.text),
            "trigger": "start",
            "comment": "Kartläggning påbörjad",
            "version": "1",
        },
    )
    assert r.status_code == 303 and measure_state(web, "1.A") == "ongoing"
    page = eva.get(r.headers["location"])
    assert "Registrerat." in page.text and "Lägesrapport" in page.text
    r = eva.post(
        f"{P}/measures/2014/1.A/advance",
        data={
            "csrf": csrf_of(page.text),
            "trigger": "report_progress",
            "comment": "",
            "version": "2",
        },
    )
    assert r.status_code == 400 and ERRORS.findall(r.text) == [
        "Skriv en kommentar om vad som har hänt."
    ]
    r = eva.post(
        f"{P}/measures/2014/1.A/advance",
        data={
            "csrf": csrf_of(page.text),
            "trigger": "report_progress",
            "comment": "Fyra av åtta kommuner kartlagda",
            "version": "2",
        },
    )
    assert r.status_code == 303
    r = eva.post(
        f"{P}/measures/2014/1.A/note",
        data={"csrf": csrf_of(page.text), "text": "Möte med Regionförbundet"},
    )
    assert r.status_code == 303
    rows = [
        (a["action"], a["outcome"], a["actor"], a["role"], a["trigger"]) for a in audit(web, before)
    ]
    assert {a["channel"] for a in audit(web, before)} == {"web:email-link"}
    assert rows == [
        ("transition", "applied", "handlaggare", "responsible_body", "start"),
        ("transition", "refused", "handlaggare", None, "report_progress"),
        ("transition", "applied", "handlaggare", "responsible_body", "report_progress"),
        ("measure.note", "applied", "handlaggare", "responsible_body", None),
    ]
    page = eva.get(f"{P}/measures/2014/1.A")
    assert (
        "Fyra av åtta kommuner kartlagda" in page.text and "Möte med Regionförbundet" in page.text
    )


def test_a_measure_of_another_body_cannot_be_touched(web):
    eva = signed_in(web, "handlaggare")
    page = eva.get(f"{P}/measures/2014/1.B")
    assert 'name="trigger"' not in page.text and "Andra kan:" in page.text
    before = last_id(web)
    r = eva.post(
        f"{P}/measures/2014/1.B/advance",
        data={"csrf": csrf_of(page.text), "trigger": "start", "version": "1"},
    )
    assert r.status_code == 403 and "Du har inte behörighet" in r.text
    assert measure_state(web, "1.B") == "planned"
    assert [(a["outcome"], a["actor"]) for a in audit(web, before)] == [("refused", "handlaggare")]


def test_measure_filters_and_a_wrong_filter(web):
    lead = signed_in(web, "processledare")
    everything = lead.get(f"{P}/measures")
    mine = lead.get(f"{P}/measures", params={"body": "lansstyrelsen", "year": "2014"})
    assert mine.status_code == 200
    assert everything.text.count("<tr>") > mine.text.count("<tr>") > 1
    soon = lead.get(f"{P}/measures", params={"due": "14"})
    assert "om 10 dagar" in soon.text and soon.text.count("<tr>") < mine.text.count("<tr>")
    web.clock.advance(days=30)  # (the session has gone idle meanwhile: sign in again)
    lead = signed_in(web, "processledare")
    assert "20 dagar sent" in lead.get(f"{P}/measures", params={"due": "overdue"}).text
    wrong = lead.get(f"{P}/measures", params={"state": "pågående", "area": "x"})
    assert wrong.status_code == 400
    assert ERRORS.findall(wrong.text) == ["Välj ett av alternativen i listan."] * 2


def test_history_with_refused_attempts_and_filters(web):
    chair = signed_in(web, "ordforande")
    page = chair.get(f"{P}/actions/decide_start")
    chair.post(f"{P}/actions/decide_start", data={"csrf": csrf_of(page.text)})
    everything = chair.get(f"{P}/history")
    refused = chair.get(f"{P}/history", params={"outcome": "refused"})
    assert "NEKAD:" in refused.text and refused.text.count("<tr>") == 2  # header + 1
    assert everything.text.count("<tr>") > refused.text.count("<tr>")
    assert chair.get(f"{P}/history", params={"since": "22/2"}).status_code == 400


def test_pages_in_english(web):
    lead = signed_in(web, "processledare")
    page = lead.get(P, params={"lang": "en"})
    assert '<html lang="en">' in page.text and "What can happen next" in page.text
    assert "Offer received" in page.text
    assert "My tasks" in lead.get(f"{P}/tasks").text
