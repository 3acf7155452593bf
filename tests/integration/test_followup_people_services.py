"""The services behind part 2's forms on a real SQLite file and the real PostgreSQL
server: the year-end follow-up saved together or not at all (achieved on a measure not
done only with a reason), and people corrected, deactivated and activated again."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from process.access import people, people_admin
from process.core.errors import InvalidInput, PermissionDenied
from process.plans import measure_actions as lifecycle
from process.programme import setup
from process.reports import followup
from tests.support import at, clock_at, make_programme

WG = "processledare"
E = lifecycle.FollowupEntry


@pytest.fixture
def prog(any_db):
    clock = clock_at("2014-04-20")
    make_programme(any_db, clock)
    lifecycle.advance(any_db, clock, WG, None, "2.B", "complete")
    lifecycle.advance(any_db, clock, WG, None, "1.A", "start")
    clock.set(at("2015-01-20"))
    return any_db, clock


def refusals(db) -> list[tuple[str, str]]:
    with db.read() as s:
        rows = s.connection().execute(
            sa.text("SELECT action, detail FROM audit_event WHERE outcome = 'refused' ORDER BY id")
        )
        return [(r.action, json.loads(r.detail)["reason"]) for r in rows]


def test_followups_together_or_none(prog):
    db, clock = prog
    with pytest.raises(lifecycle.FollowupProblems) as refused:
        lifecycle.record_followups(
            db,
            clock,
            WG,
            None,
            2014,
            [
                E("2.B", "achieved", "Bibehållna"),
                E("1.A", "achieved", "Klar"),
                E("1.B", "", "Påbörjat"),
                E("9.Z", "not", "x"),
            ],
        )
    assert set(refused.value.problems) == {"1.A", "1.B", "9.Z"}
    assert "--reason" in refused.value.problems["1.A"]
    assert refusals(db)[-1][0] == "followup.record"
    with db.read() as s:
        assert followup.report_data(s, None, 2014)["counts"]["followed"] == 0
    done = lifecycle.record_followups(
        db,
        clock,
        WG,
        None,
        2014,
        [
            E("2.B", "achieved", "Bibehållna"),
            E("1.A", "achieved", "Klar", "Annan väg"),
            E("1.B", "not", "Påbörjat"),
        ],
    )
    assert [(d.code, d.to_state) for d in done] == [
        ("2.B", "followed_up"),
        ("1.A", "ongoing"),
        ("1.B", "planned"),
    ]
    again = lifecycle.record_followups(
        db,
        clock,
        WG,
        None,
        2014,
        [E("2.B", "achieved", "Bibehållna"), E("1.A", "achieved", "Klar", "Annan väg")],
    )
    assert again == []  # unchanged rows are left as they are
    with db.read() as s:
        data = followup.report_data(s, None, 2014)
    assert data["share"] == "2 av 3 (67 %)" and len(data["not_followed"]) == 14
    assert {m["code"]: m["reason"] for m in data["followed"]}["1.A"] == "Annan väg"
    with pytest.raises(PermissionDenied):
        lifecycle.record_followups(db, clock, "ordforande", None, 2014, [E("1.C", "not", "x")])


def test_people_corrected_deactivated_and_activated(prog):
    db, clock = prog
    setup.edit_person(
        db, clock, "it-admin", None, "sekreterare", "Karin Nämndsekreterare", "karin@region.example"
    )
    with pytest.raises(InvalidInput, match="address already"):
        setup.edit_person(db, clock, "it-admin", None, "ordforande", None, "KARIN@region.example")
    with pytest.raises(PermissionDenied):
        setup.set_active(db, clock, WG, None, "sekreterare", False)
    setup.set_active(db, clock, "it-admin", None, "sekreterare", False)
    with db.read() as s:
        assert people.actor_for(s, "sekreterare", 1) is None
        rows = {p["login"]: p for p in people_admin.list_people(s, 1)}
    assert rows["sekreterare"]["active"] is False
    assert rows["sekreterare"]["email"] == "karin@region.example"
    with pytest.raises(InvalidInput, match="yourself"):
        setup.set_active(db, clock, "it-admin", None, "it-admin", False)
    setup.set_active(db, clock, "it-admin", None, "sekreterare", True)
    with db.read() as s:
        assert people.actor_for(s, "sekreterare", 1) is not None
    actions = [a for a, _r in refusals(db)]
    assert actions == ["person.edit", "person.deactivate", "person.deactivate"]
