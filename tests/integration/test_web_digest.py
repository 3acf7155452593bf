"""The digest in the browser: the weekly mail's content for any period, the process lead's
copy for those who receive it; a date the page cannot read is said beside its field."""

from __future__ import annotations

import pytest

from process.core.decision_refs import parse_decision_ref
from process.workflow import engine
from tests.integration.test_web_pages import signed_in
from tests.support import clock_at, make_programme
from tests.websupport import make_web

P = "/p/rsp-2022-2030"


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


def test_the_digest_for_any_period(web):
    chair = signed_in(web, "ordforande")
    page = chair.get(f"{P}/digest")
    assert page.status_code == 200
    assert (
        "Veckorapport: " in page.text
        and "Perioden 15 februari 2022 – 22 februari 2022" in page.text
    )
    assert "2022-02-22 § 17, RUN/536/2021" in page.text
    assert "Processledarens exemplar" not in page.text  # not the chair's to read
    page = chair.get(f"{P}/digest", params={"since": "2022-01-01", "until": "2022-02-01"})
    assert "Perioden 1 januari 2022 – 1 februari 2022" in page.text
    assert "2022-02-22 § 17, RUN/536/2021" not in page.text.split("Beslut som ännu")[0]
    bad = chair.get(f"{P}/digest", params={"since": "förra veckan"})
    assert bad.status_code == 400 and 'id="since-error"' in bad.text
    assert (
        chair.get(f"{P}/digest", params={"since": "2022-03-01", "until": "2022-02-01"}).status_code
        == 400
    )


def test_the_lead_reads_her_copy(web):
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/digest", params={"lead": "1"})
    assert "Veckorapport – processledarens exemplar" in page.text
    assert "Nekade försök under perioden" in page.text


def test_the_lead_copy_lists_the_standing_problems(web, sqlite_db):
    from process.bodies import bodies
    from process.programme import setup

    clock = clock_at("2022-02-22")
    setup.add_person(sqlite_db, clock, "it-admin", None, "anna", "Anna Berg", None, [])
    bodies.set_member(sqlite_db, clock, "processledare", None, "berg", "anna")
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/digest", params={"lead": "1"})
    assert 'id="standing"' in page.text and "Kontaktpersoner utan e-postadress (1)" in page.text
    assert "<li>Bergs kommun (Anna Berg)</li>" in page.text
    chair = signed_in(web, "ordforande")
    for params in ({}, {"lead": "1"}):  # not the chair's to read
        assert "Anna Berg" not in chair.get(f"{P}/digest", params=params).text
    bodies.set_member(sqlite_db, clock, "processledare", None, "berg", "anna", remove=True)
    cleared = lead.get(f"{P}/digest", params={"lead": "1"})
    assert 'id="standing"' in cleared.text and "Anna Berg" not in cleared.text


def test_every_new_page_in_english_on_request(web):
    from process.programme import setup

    setup.edit_person(web.db, web.clock, "it-admin", None, "it-admin", None, "it-admin@x.example")
    admin = signed_in(web, "it-admin")
    pages = {
        f"{P}/decisions": "<h1>Decisions</h1>",
        f"{P}/decisions/1": "<h1>Decision 2022-02-22 § 17, RUN/536/2021</h1>",
        f"{P}/delegations": "<h1>Delegations</h1>",
        f"{P}/remiss": "<h1>Consultation (remiss)</h1>",
        f"{P}/remiss/open": "<h1>Open the remiss</h1>",
        f"{P}/people": "<h1>People</h1>",
        f"{P}/people/sekreterare": "Correct name and address",
        f"{P}/digest": "<h1>Digest</h1>",
        f"{P}/followup": "<h1>Follow-up 2014</h1>",
        f"{P}/followup/2014/report": "<h1>Follow-up of the action plan 2014</h1>",
    }
    for path, words in pages.items():
        r = admin.get(path, params={"lang": "en"})
        assert r.status_code == 200, path
        assert '<html lang="en">' in r.text and words in r.text, path


def test_the_follow_up_of_a_programme_without_a_plan_says_so(tmp_path):
    from process.programme import setup
    from tests.support import database

    with database("sqlite", tmp_path) as db:
        clock = clock_at("2022-02-22")
        setup.init(db, clock, "it-admin", example="jamtland-harjedalen", replay=True)
        setup.add_person(
            db,
            clock,
            "it-admin",
            None,
            "processledare",
            "Maria",
            "processledare@x.example",
            ["working_group"],
        )
        web = make_web(db, clock, tmp_path)
        page = signed_in(web, "processledare").get(f"{P}/followup")
        assert page.status_code == 200
        assert "Programmet har ingen handlingsplan ännu." in page.text
