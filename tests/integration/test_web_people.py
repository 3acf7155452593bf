"""Administration of people in the browser and by `rsp people edit|deactivate`: add a
person, correct a wrong e-mail address (the person then signs in with the right one),
grant and remove roles, deactivate (never deleted: they can no longer sign in nor act,
their signed-in sessions end, the trail keeps them) and activate again. Bad input: the
form again with the problem beside its field, nothing changed, the refusal audited."""

from __future__ import annotations

import re

import pytest

from process.access import people_admin
from process.core.errors import InvalidInput
from process.workflow import engine
from tests.integration.test_web_pages import audit, last_id, signed_in
from tests.support import clock_at, make_programme, run_rsp
from tests.websupport import ask_for_link, csrf_of, make_web, sign_in

P = "/p/rsp-2022-2030"
ERRORS = re.compile(
    r'class="error-message" id="([^"]+)-error"[^>]*>(?:<span[^>]*>[^<]*</span>)?'
    r"\s*([^<]*)<"
)


@pytest.fixture
def web(sqlite_db, tmp_path):
    clock = clock_at("2014-04-20")
    make_programme(sqlite_db, clock)
    return make_web(sqlite_db, clock, tmp_path)


def people(web) -> dict[str, dict]:
    with web.db.read() as session:
        return {p["login"]: p for p in people_admin.list_people(session, 1)}


def field_errors(html: str) -> dict[str, str]:
    return {k: v.strip() for k, v in ERRORS.findall(html)}


def admin(web):
    from process.programme import setup

    setup.edit_person(web.db, web.clock, "it-admin", None, "it-admin", None, "it-admin@x.example")
    return signed_in(web, "it-admin")


def test_an_administrator_adds_corrects_and_deactivates_a_person(web):
    it = admin(web)
    page = it.get(f"{P}/people")
    assert page.status_code == 200 and "Registrera en person" in page.text
    before = last_id(web)
    r = it.post(
        f"{P}/people",
        data={
            "csrf": csrf_of(page.text),
            "login": "Eva Handläggare",
            "name": "Eva",
            "email": "eva@lst",
        },
    )
    assert r.status_code == 400
    assert field_errors(r.text) == {
        "login": "Använd små bokstäver, siffror och . _ @ - (högst 64 tecken)."
    }
    assert [a["outcome"] for a in audit(web, before)] == ["refused"]
    r = it.post(
        f"{P}/people",
        data={
            "csrf": csrf_of(page.text),
            "login": "handlaggare",
            "name": "Eva Handläggare",
            "email": "eva@lst",
            "role-service_z": "1",
        },
    )
    assert r.status_code == 400 and list(field_errors(r.text)) == ["email"]
    r = it.post(
        f"{P}/people",
        data={
            "csrf": csrf_of(page.text),
            "login": "handlaggare",
            "name": "Eva Handläggare",
            "email": "eva@lansstyrelsen.exampel",
            "role-service_z": "1",
        },
    )
    assert r.status_code == 303 and r.headers["location"] == f"{P}/people/handlaggare?done=added"
    assert people(web)["handlaggare"]["roles"] == ["service_z"]

    # the address was mistyped: she never gets her sign-in mail; the administrator fixes it
    page = it.get(f"{P}/people/handlaggare")
    r = it.post(
        f"{P}/people/handlaggare/edit",
        data={
            "csrf": csrf_of(page.text),
            "name": "Eva Handläggare",
            "email": "processledare@x.example",
        },
    )
    assert r.status_code == 400 and field_errors(r.text) == {
        "email": "Adressen används redan av en annan person; en adress loggar in en person."
    }
    r = it.post(
        f"{P}/people/handlaggare/edit",
        data={
            "csrf": csrf_of(page.text),
            "name": "Eva Handläggare",
            "email": "eva@lansstyrelsen.example",
        },
    )
    assert r.status_code == 303
    assert people(web)["handlaggare"]["email"] == "eva@lansstyrelsen.example"
    edited = [a for a in audit(web) if a["action"] == "person.edited"][-1]
    assert edited["detail"]["before"]["email"] == "eva@lansstyrelsen.exampel"
    eva = web.client()
    assert sign_in(web, eva, "eva@lansstyrelsen.example") == "/"

    page = it.get(f"{P}/people/handlaggare")
    r = it.post(
        f"{P}/people/handlaggare/grant", data={"csrf": csrf_of(page.text), "role": "working_group"}
    )
    assert r.status_code == 303
    assert people(web)["handlaggare"]["roles"] == ["service_z", "working_group"]
    r = it.post(
        f"{P}/people/handlaggare/remove", data={"csrf": csrf_of(page.text), "role": "service_z"}
    )
    assert r.status_code == 303 and people(web)["handlaggare"]["roles"] == ["working_group"]

    r = it.post(f"{P}/people/handlaggare/deactivate", data={"csrf": csrf_of(page.text)})
    assert r.status_code == 303
    assert people(web)["handlaggare"]["active"] is False
    assert "Inaktiverad" in it.get(f"{P}/people").text
    # her signed-in browser is signed out; she cannot sign in again nor act
    assert eva.get(P).status_code == 303
    mails = len(web.mails())
    assert ask_for_link(web.client(), "eva@lansstyrelsen.example") == 303
    assert len(web.mails()) == mails  # the page says the same; no mail goes
    with pytest.raises(Exception, match="not a registered person|may not|not allowed"):
        engine.advance(web.db, web.clock, "handlaggare", None, "decide_start")
    r = it.post(f"{P}/people/it-admin/deactivate", data={"csrf": csrf_of(page.text)})
    assert r.status_code == 400 and "Du kan inte inaktivera dig själv." in r.text
    r = it.post(f"{P}/people/handlaggare/activate", data={"csrf": csrf_of(page.text)})
    assert r.status_code == 303 and people(web)["handlaggare"]["active"] is True


def test_only_an_administrator_changes_people(web):
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/people")
    assert "Personer registreras och ändras av programmets administratör." in page.text
    assert lead.get(f"{P}/people/sekreterare").status_code == 404
    before = last_id(web)
    r = lead.post(f"{P}/people/sekreterare/deactivate", data={"csrf": csrf_of(page.text)})
    assert r.status_code == 403, r.text
    assert [(a["actor"], a["outcome"]) for a in audit(web, before)] == [
        ("processledare", "refused")
    ]
    assert people(web)["sekreterare"]["active"] is True


def test_people_edit_and_deactivate_from_the_cli(web):
    db = web.db.url.removeprefix("sqlite:///")
    r = run_rsp(
        "people",
        "edit",
        "sekreterare",
        "--email",
        "karin@region.example",
        db=db,
        user="it-admin",
        now="2014-04-20",
    )
    assert r.returncode == 0, r.stderr
    assert people(web)["sekreterare"]["email"] == "karin@region.example"
    r = run_rsp(
        "people",
        "edit",
        "sekreterare",
        "--email",
        "karin@",
        db=db,
        user="it-admin",
        now="2014-04-20",
    )
    assert r.returncode == 1 and "Traceback" not in r.stderr and "address" in r.stderr
    r = run_rsp("people", "edit", "sekreterare", db=db, user="it-admin", now="2014-04-20")
    assert r.returncode == 1 and "--name, --email or --no-email" in r.stderr
    r = run_rsp("people", "deactivate", "sekreterare", db=db, user="it-admin", now="2014-04-20")
    assert r.returncode == 0, r.stderr
    assert "(deactivated)" in run_rsp("people", "list", db=db, now="2014-04-20").stdout
    r = run_rsp("people", "deactivate", "sekreterare", db=db, user="it-admin", now="2014-04-20")
    assert r.returncode == 1 and "already" in r.stderr
    r = run_rsp("people", "deactivate", "it-admin", db=db, user="it-admin", now="2014-04-20")
    assert r.returncode == 1 and "yourself" in r.stderr
    with pytest.raises(InvalidInput):
        from process.programme import setup

        setup.set_active(web.db, web.clock, "it-admin", None, "sekreterare", False)
