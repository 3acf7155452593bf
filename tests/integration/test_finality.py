"""Decisions becoming final and delegation on real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from process.access import audit_verify
from process.core.decision_refs import parse_decision_ref
from process.core.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from process.decisions import delegation, finality
from process.decisions import steps as decision_steps
from process.programme import setup
from process.reports import status as status_service
from process.storage import lookup
from process.workflow import engine
from tests.integration.test_remiss import WG, opened
from tests.support import at, make_programme

D = dt.date.fromisoformat
BOARD = "sekreterare"
ADOPTION = parse_decision_ref("2023-05-23 § 89 RUN/536/2021")


def adopted(db, clock) -> int:
    """The process adopted on 2023-05-23 § 89; the adoption decision's id."""
    from process.remiss import actions as remiss_actions

    opened(db, clock, "miun")
    clock.set(at("2023-01-10"))
    remiss_actions.record_reply(db, clock, WG, None, "miun", D("2023-01-10"), "agrees", None)
    remiss_actions.close_remiss(db, clock, WG, None)
    clock.set(at("2023-05-23"))
    engine.advance(db, clock, BOARD, None, "adopt", comment="RSP fastställs", decision=ADOPTION)
    return int(scalar(db, "SELECT max(id) FROM decision"))


def scalar(db, sql: str):
    with db.read() as s:
        return s.connection().execute(sa.text(sql)).scalar()


def pending(db, clock):
    with db.read() as s:
        prog = lookup.find_programme(s, None)
        return finality.pending_decisions(s, prog.id, clock.today())


def test_implementation_waits_until_the_adoption_is_final(any_db, clock):
    did = adopted(any_db, clock)
    with pytest.raises(InvalidTransition, match="its minutes are not yet approved"):
        engine.advance(any_db, clock, WG, None, "start_implementation")
    clock.set(at("2023-05-30"))
    d = decision_steps.approve_minutes(any_db, clock, BOARD, None, did, D("2023-05-30"))
    assert d["step"] == "minutes_approved"
    clock.set(at("2023-05-31"))
    d = decision_steps.announce(any_db, clock, BOARD, None, did)
    assert (d["step"], d["appeal_last_day"], d["expected_final"]) == (
        "announced",
        D("2023-06-21"),
        D("2023-06-22"),
    )
    assert [(p["id"], p["step"], p["expected_final"]) for p in pending(any_db, clock)][-1] == (
        did,
        "announced",
        D("2023-06-22"),
    )
    with any_db.read() as s:
        st = status_service.status(s, None, clock.now())
    blocked = {n.trigger: n.blocked_by for n in st.next_steps}["start_implementation"]
    assert blocked == (
        "decision_final:adopt: the decision 2023-05-23 § 89, RUN/536/2021 is "
        "not final (laga kraft) yet: the appeal period runs out first: final "
        "on 2023-06-22",
    )
    assert st.decisions[-1]["step"] == "announced"
    clock.set(at("2023-06-21"))
    with pytest.raises(InvalidTransition, match="final on 2023-06-22"):
        engine.advance(any_db, clock, WG, None, "start_implementation")
    clock.set(at("2023-06-22"))
    assert engine.advance(any_db, clock, WG, None, "start_implementation").to_state == (
        "implementation"
    )
    assert did not in [p["id"] for p in pending(any_db, clock)]
    with pytest.raises(InvalidInput, match="appeal period of decision #3 ended on 2023-06-21"):
        decision_steps.appeal(any_db, clock, BOARD, None, did, "En kommunmedlem")
    with any_db.read() as s:
        assert audit_verify.verify(s).ok


def test_an_appeal_stops_it_until_resolved(any_db, clock):
    did = adopted(any_db, clock)
    clock.set(at("2023-06-12"))
    with pytest.raises(InvalidInput, match="are not approved yet: record that first"):
        decision_steps.announce(any_db, clock, BOARD, None, did, D("2023-05-31"))
    decision_steps.approve_minutes(any_db, clock, BOARD, None, did, D("2023-05-30"))
    with pytest.raises(InvalidInput, match="were approved on 2023-05-30 already"):
        decision_steps.approve_minutes(any_db, clock, BOARD, None, did, D("2023-05-30"))
    with pytest.raises(InvalidInput, match="lies in the future"):
        decision_steps.announce(any_db, clock, BOARD, None, did, D("2023-06-13"))
    decision_steps.announce(any_db, clock, BOARD, None, did, D("2023-05-31"))
    with pytest.raises(InvalidInput, match="lies before 2023-05-23"):
        decision_steps.appeal(any_db, clock, BOARD, None, did, "X", D("2023-05-01"))
    d = decision_steps.appeal(any_db, clock, BOARD, None, did, "En kommunmedlem", D("2023-06-12"))
    assert d["step"] == "appealed" and d["expected_final"] is None
    clock.set(at("2023-07-01"))
    with pytest.raises(InvalidTransition, match="it has been appealed"):
        engine.advance(any_db, clock, WG, None, "start_implementation")
    clock.set(at("2023-09-01"))
    d = decision_steps.resolve(any_db, clock, BOARD, None, did, "upheld")
    assert (d["step"], d["final_on"]) == ("final", D("2023-09-01"))
    assert engine.advance(any_db, clock, WG, None, "start_implementation").to_state == (
        "implementation"
    )
    actions = [(r[0].removeprefix("decision."), r[1][0]) for r in _audit(any_db, f"decision:{did}")]
    assert actions == [
        ("announced", "r"),
        ("minutes_approved", "a"),
        ("minutes_approved", "r"),
        ("announced", "r"),
        ("announced", "a"),
        ("appealed", "r"),
        ("appealed", "a"),
        ("resolved", "a"),
    ]


def test_overturned_and_late_appeals(any_db, clock):
    did = adopted(any_db, clock)
    clock.set(at("2023-06-30"))
    decision_steps.approve_minutes(any_db, clock, BOARD, None, did, D("2023-06-01"))
    decision_steps.announce(any_db, clock, BOARD, None, did, D("2023-06-02"))
    with pytest.raises(InvalidInput, match="appeal period of decision #3 ended on 2023-06-26"):
        decision_steps.appeal(any_db, clock, BOARD, None, did, "Sen", D("2023-06-27"))
    decision_steps.appeal(any_db, clock, BOARD, None, did, "I tid", D("2023-06-26"))
    decision_steps.resolve(any_db, clock, BOARD, None, did, "overturned")
    assert did not in [p["id"] for p in pending(any_db, clock)]
    with pytest.raises(InvalidTransition, match="it was overturned on appeal"):
        engine.advance(any_db, clock, WG, None, "start_implementation")


def test_only_the_board_or_an_admin_records_the_steps(any_db, clock):
    did = adopted(any_db, clock)
    with pytest.raises(
        PermissionDenied,
        match="processledare .working_group. may not record "
        "that a decision's minutes were approved",
    ):
        decision_steps.approve_minutes(any_db, clock, WG, None, did)
    refused = _audit(any_db, f"decision:{did}")[-1]
    assert refused[1:] == ("refused", did)
    decision_steps.approve_minutes(any_db, clock, "it-admin", None, did)
    with pytest.raises(NotFound, match="no decision #99"):
        decision_steps.announce(any_db, clock, BOARD, None, 99)


def _audit(db, subject):
    with db.read() as s:
        return (
            s.connection()
            .execute(
                sa.text(
                    "SELECT action, outcome, decision_id FROM audit_event WHERE subject = :s "
                    "ORDER BY id"
                ),
                {"s": subject},
            )
            .all()
        )


def _director(db, clock) -> None:
    setup.add_person(
        db, clock, "it-admin", None, "direktor", "Anna Direktör", "anna@region.example", []
    )


def test_delegation_covers_the_delegate_until_revoked(any_db, clock):
    did = adopted(any_db, clock)
    _director(any_db, clock)
    clock.set(at("2023-05-31"))
    with pytest.raises(PermissionDenied, match="may not record a delegation"):
        delegation.delegate(any_db, clock, WG, None, "action_plan", "direktor", None, ADOPTION)
    d = delegation.delegate(
        any_db,
        clock,
        BOARD,
        None,
        "action_plan",
        "direktor",
        None,
        ADOPTION,
        "Årliga handlingsplaner",
    )
    assert d["decision_id"] == did  # the same § 89 adopted and delegated
    with pytest.raises(InvalidInput, match="already delegated to direktor .delegation #1."):
        delegation.delegate(any_db, clock, BOARD, None, "action_plan", "direktor", None, ADOPTION)
    clock.set(at("2024-02-12"))
    ref = parse_decision_ref("2024-02-12 RUN/45/2024", paragraph_required=False)
    with pytest.raises(
        PermissionDenied,
        match="no active delegation of action_plan covers processledare: #1 to direktor",
    ):
        delegation.decide(any_db, clock, WG, None, "action_plan", ref, "Handlingsplan 2024")
    with pytest.raises(PermissionDenied, match="followup has not been delegated"):
        delegation.decide(any_db, clock, "direktor", None, "followup", ref, "x")
    made = delegation.decide(
        any_db, clock, "direktor", None, "action_plan", ref, "Handlingsplan 2024 fastställs"
    )
    assert (made["delegation"], made["decision"]) == (1, "2024-02-12, RUN/45/2024")
    with pytest.raises(InvalidInput, match="recorded already"):
        delegation.decide(any_db, clock, "direktor", None, "action_plan", ref, "igen")
    early = parse_decision_ref("2023-01-01 RUN/1/2023", paragraph_required=False)
    with pytest.raises(InvalidInput, match="was decided on 2023-05-23"):
        delegation.decide(any_db, clock, "direktor", None, "action_plan", early, "x")
    clock.set(at("2024-03-01"))
    delegation.revoke(any_db, clock, BOARD, None, 1, "RUN 2024-02-27 § 20")
    with pytest.raises(InvalidInput, match="revoked on 2024-03-01 already"):
        delegation.revoke(any_db, clock, BOARD, None, 1)
    later = parse_decision_ref("2024-03-05 RUN/50/2024", paragraph_required=False)
    clock.set(at("2024-03-05"))
    with pytest.raises(PermissionDenied, match="#1 to direktor .revoked."):
        delegation.decide(any_db, clock, "direktor", None, "action_plan", later, "x")
    with any_db.read() as s:
        listed = delegation.list_delegations(s, None)
        report = delegation.report(s, None, D("2024-01-01"), D("2024-03-31"), "en")
        prog = lookup.find_programme(s, None)
        between = finality.decisions_between(s, prog.id, D("2023-05-01"), D("2024-03-31"))
        assert audit_verify.verify(s).ok
    assert [(x["id"], x["active"], x["decisions"]) for x in listed] == [(1, False, 1)]
    [item] = report["decisions"]
    assert (item["kind_label"], item["decided_by_name"], item["delegation_decision"]) == (
        "Yearly action plan",
        "Anna Direktör",
        "2023-05-23 § 89, RUN/536/2021",
    )
    assert [(b["reference"], b["delegated"]) for b in between] == [
        ("2023-05-23 § 89, RUN/536/2021", False),
        ("2024-02-12, RUN/45/2024", True),
    ]
    refusals = scalar(
        any_db,
        "SELECT count(*) FROM audit_event WHERE outcome = 'refused' "
        "AND action IN ('decision.delegated', 'delegation.create', "
        "'delegation.revoke')",
    )
    assert refusals == 8


def test_delegation_to_a_role(any_db, clock):
    make_programme(any_db, clock)
    clock.set(at("2023-06-01"))
    ref = parse_decision_ref("2023-05-23 § 90 RUN/536/2021")
    with pytest.raises(InvalidInput, match="--role 'director'"):
        delegation.delegate(any_db, clock, BOARD, None, "action_plan", None, "director", ref)
    with pytest.raises(InvalidInput, match="give the delegate"):
        delegation.delegate(any_db, clock, BOARD, None, "action_plan", None, None, ref)
    delegation.delegate(any_db, clock, "it-admin", None, "action_plan", None, "working_group", ref)
    made = delegation.decide(
        any_db,
        clock,
        WG,
        None,
        "action_plan",
        parse_decision_ref("2023-06-01 § 3 RUN/9/2023"),
        "Handlingsplan",
    )
    assert made["decision"] == "2023-06-01 § 3, RUN/9/2023"
    assert scalar(any_db, "SELECT role FROM delegated_decision") == "working_group"
    assert scalar(any_db, "SELECT trigger FROM decision") == "delegate:action_plan"
