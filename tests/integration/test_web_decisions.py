"""The board secretary's pages, signed in, on a real SQLite file: the list of decisions with
their (expected) final dates, each decision's own page where the minutes approved and
announced, an appeal and its outcome are recorded through the same services as
`rsp decision …`; delegations made, used, reported back and revoked. Bad input shows the
form again with the problem beside its field (HTTP 4xx), saves nothing, and is audited."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from process.core.decision_refs import parse_decision_ref
from process.decisions import finality
from process.workflow import engine
from tests.integration.test_web_pages import audit, last_id, signed_in
from tests.support import at, clock_at, make_programme
from tests.websupport import csrf_of, make_web

P = "/p/rsp-2022-2030"
ERRORS = re.compile(r'class="error-message"[^>]*>(?:<span[^>]*>[^<]*</span>)?\s*([^<]*)<')


@pytest.fixture
def web(sqlite_db, tmp_path):
    clock = clock_at("2022-02-22")
    make_programme(sqlite_db, clock)
    engine.advance(
        sqlite_db,
        clock,
        "sekreterare",
        None,
        "decide_start",
        comment="Styrgrupp utsedd",
        decision=parse_decision_ref("2022-02-22 § 17 RUN/536/2021"),
    )
    return make_web(sqlite_db, clock, tmp_path)


def decision(web) -> dict:
    with web.db.read() as session:
        rows = finality.board_decisions(session, 1, web.clock.now().date())
    assert len(rows) == 1
    return rows[0]


def errors_of(html: str) -> list[str]:
    return [e.strip() for e in ERRORS.findall(html)]


def test_the_secretary_takes_a_decision_to_final_from_its_page(web):
    secretary = signed_in(web, "sekreterare")
    listing = secretary.get(f"{P}/decisions")
    assert listing.status_code == 200
    assert "2022-02-22 § 17, RUN/536/2021" in listing.text and "beslutat" in listing.text
    d = decision(web)
    page = secretary.get(f"{P}/decisions/{d['id']}")
    assert "Protokollet har justerats" in page.text and "Inte än" in page.text
    web.clock.set(at("2022-02-25"))  # the session ended meanwhile: sign in again
    secretary = signed_in(web, "sekreterare")
    page = secretary.get(f"{P}/decisions/{d['id']}")
    before = last_id(web)
    r = secretary.post(
        f"{P}/decisions/{d['id']}/approve", data={"csrf": csrf_of(page.text), "day": "i förrgår"}
    )
    assert r.status_code == 400, r.text
    assert errors_of(r.text) == [
        "”i förrgår” är inget datum. Skriv till exempel 2023-05-30, 30/5 2023 eller 30 maj 2023."
    ]
    assert 'aria-invalid="true"' in r.text and 'href="#day"' in r.text
    assert [(a["action"], a["outcome"], a["subject"]) for a in audit(web, before)] == [
        ("decision.minutes_approved", "refused", f"decision:{d['id']}")
    ]
    r = secretary.post(
        f"{P}/decisions/{d['id']}/approve", data={"csrf": csrf_of(page.text), "day": "2022-02-20"}
    )
    assert r.status_code == 400 and errors_of(r.text) == ["Datumet ligger före 2022-02-22."]
    assert decision(web)["minutes_approved_on"] is None

    r = secretary.post(
        f"{P}/decisions/{d['id']}/approve", data={"csrf": csrf_of(page.text), "day": "2022-02-24"}
    )
    assert r.status_code == 303
    page = secretary.get(r.headers["location"])
    assert "Registrerat: Protokollet har justerats." in page.text
    assert "Protokollet har anslagits" in page.text
    r = secretary.post(
        f"{P}/decisions/{d['id']}/announce", data={"csrf": csrf_of(page.text), "day": "2022-02-25"}
    )
    assert r.status_code == 303
    page = secretary.get(r.headers["location"])
    d = decision(web)
    assert d["step"] == "announced" and d["expected_final"] is not None
    assert f"väntas {d['expected_final']}" in page.text
    assert d["appeal_last_day"].isoformat() in page.text

    web.clock.set(at("2022-04-01"))
    secretary = signed_in(web, "sekreterare")
    page = secretary.get(f"{P}/decisions/{d['id']}")
    before = last_id(web)
    r = secretary.post(
        f"{P}/decisions/{d['id']}/appeal",
        data={"csrf": csrf_of(page.text), "day": "2022-03-30", "by": "X"},
    )
    assert r.status_code == 400
    assert errors_of(r.text)[0].startswith(f"Överklagandetiden gick ut {d['appeal_last_day']}")
    assert [a["outcome"] for a in audit(web, before)] == ["refused"]
    r = secretary.post(
        f"{P}/decisions/{d['id']}/appeal",
        data={"csrf": csrf_of(page.text), "day": "2022-03-01", "by": ""},
    )
    assert r.status_code == 400
    assert errors_of(r.text) == ["Skriv vem som överklagade (en rad, högst 200 tecken)."]
    r = secretary.post(
        f"{P}/decisions/{d['id']}/appeal",
        data={"csrf": csrf_of(page.text), "day": "2022-03-01", "by": "En kommunmedlem"},
    )
    assert r.status_code == 303 and decision(web)["step"] == "appealed"
    page = secretary.get(r.headers["location"])
    assert "2022-03-01 av En kommunmedlem" in page.text
    r = secretary.post(
        f"{P}/decisions/{d['id']}/resolve",
        data={"csrf": csrf_of(page.text), "day": "2022-03-31", "outcome": ""},
    )
    assert r.status_code == 400 and errors_of(r.text) == ["Välj hur överklagandet avgjordes."]
    r = secretary.post(
        f"{P}/decisions/{d['id']}/resolve",
        data={"csrf": csrf_of(page.text), "day": "2022-03-31", "outcome": "upheld"},
    )
    assert r.status_code == 303 and decision(web)["step"] == "final"
    listing = secretary.get(f"{P}/decisions")
    assert "laga kraft" in listing.text and "2022-03-31" in listing.text
    steps = [
        a["action"]
        for a in audit(web)
        if a["outcome"] == "applied" and a["subject"] == f"decision:{d['id']}"
    ]
    assert steps == [
        "decision.minutes_approved",
        "decision.announced",
        "decision.appealed",
        "decision.resolved",
    ]


def test_someone_without_the_capability_sees_no_form_and_is_refused(web):
    lead = signed_in(web, "processledare")
    d = decision(web)
    page = lead.get(f"{P}/decisions/{d['id']}")
    assert "Stegen registreras av den som beslutar för nämnden" in page.text
    before = last_id(web)
    r = lead.post(
        f"{P}/decisions/{d['id']}/approve", data={"csrf": csrf_of(page.text), "day": "2022-02-22"}
    )
    assert r.status_code == 403 and "Du har inte behörighet" in r.text
    assert [(a["actor"], a["outcome"]) for a in audit(web, before)] == [
        ("processledare", "refused")
    ]
    assert lead.get(f"{P}/decisions/999").status_code == 404


def test_delegations_made_used_reported_and_revoked(web):
    web.clock.set(at("2023-05-25"))
    secretary = signed_in(web, "sekreterare")
    page = secretary.get(f"{P}/delegations")
    assert "Inga delegationer." in page.text
    before = last_id(web)
    r = secretary.post(
        f"{P}/delegations",
        data={
            "csrf": csrf_of(page.text),
            "kind": "action_plan",
            "to_login": "processledare",
            "decision": "2023-05-23 RUN/536/2021",
            "comment": "Årliga handlingsplaner",
        },
    )
    assert r.status_code == 400 and "saknar paragraf" in errors_of(r.text)[0]
    assert [a["outcome"] for a in audit(web, before)] == ["refused"]
    r = secretary.post(
        f"{P}/delegations",
        data={
            "csrf": csrf_of(page.text),
            "kind": "action_plan",
            "to_login": "processledare",
            "to_role": "working_group",
            "decision": "2023-05-23 § 89 RUN/536/2021",
        },
    )
    assert r.status_code == 400
    assert errors_of(r.text) == ["Välj en person eller en roll (en av dem)."]
    r = secretary.post(
        f"{P}/delegations",
        data={
            "csrf": csrf_of(page.text),
            "kind": "action_plan",
            "to_login": "processledare",
            "decision": "2023-05-23 § 89 RUN/536/2021",
            "comment": "Årliga handlingsplaner",
        },
    )
    assert r.status_code == 303
    page = secretary.get(r.headers["location"])
    assert "Delegationen är registrerad." in page.text and "0 beslut" in page.text

    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/delegations")
    assert "Registrera ett delegationsbeslut" in page.text
    web.clock.set(at("2023-11-20"))
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/delegations")
    r = lead.post(
        f"{P}/delegations/decide",
        data={
            "csrf": csrf_of(page.text),
            "kind": "action_plan",
            "decision": "2023-11-14 RUN/1187/2023",
            "text": "",
        },
    )
    assert r.status_code == 400 and errors_of(r.text) == ["Fyll i fältet."]
    r = lead.post(
        f"{P}/delegations/decide",
        data={
            "csrf": csrf_of(page.text),
            "kind": "action_plan",
            "decision": "2023-11-14 RUN/1187/2023",
            "text": "Handlingsplan 2024 fastställs",
        },
    )
    assert r.status_code == 303
    page = lead.get(f"{P}/delegations?since=2023-06-01&until=2023-12-31")
    assert "1 beslut" in page.text and "Handlingsplan 2024 fastställs" in page.text
    assert "2023-11-14, RUN/1187/2023" in page.text
    r = lead.get(f"{P}/delegations?since=2023-12-31&until=2023-06-01")
    assert r.status_code == 400 and "Slutdagen ligger före startdagen." in errors_of(r.text)

    secretary = signed_in(web, "sekreterare")
    page = secretary.get(f"{P}/delegations")
    delegation_id = re.search(r"/delegations/(\d+)/revoke", page.text).group(1)
    r = secretary.post(
        f"{P}/delegations/{delegation_id}/revoke",
        data={"csrf": csrf_of(page.text), "comment": "RUN 2024-02-20 § 12"},
    )
    assert r.status_code == 303
    page = secretary.get(r.headers["location"])
    assert "Återkallad 2023-11-20" in page.text
    assert "Registrera ett delegationsbeslut" not in lead.get(f"{P}/delegations").text
    assert dt.date(2023, 11, 20)
