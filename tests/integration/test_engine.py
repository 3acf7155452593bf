"""The engine on real databases (a SQLite file and the PostgreSQL server)."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from process.access import audit, audit_verify
from process.core.decision_refs import parse_decision_ref
from process.core.errors import InvalidInput, InvalidTransition, PermissionDenied
from process.programme import setup
from process.reports import status as status_service
from process.storage import lookup
from process.workflow import engine, stored
from tests.support import at, make_programme

START = parse_decision_ref("2022-02-22 § 17 RUN/536/2021")


def state_and_version(db):
    with db.read() as s:
        return s.connection().execute(sa.text("SELECT state, version FROM process_instance")).one()


def audit_rows(db):
    with db.read() as s:
        return (
            s.connection()
            .execute(
                sa.text(
                    "SELECT actor, role, action, outcome, trigger, from_state, to_state, detail "
                    "FROM audit_event ORDER BY id"
                )
            )
            .all()
        )


def to_drafting(db, clock):
    clock.set(at("2022-02-22"))
    engine.advance(db, clock, "sekreterare", None, "decide_start", decision=START)
    clock.set(at("2022-03-01"))
    engine.advance(db, clock, "processledare", None, "begin_drafting")


def test_a_transition_moves_state_records_decision_and_audit(any_db, clock):
    make_programme(any_db, clock)
    clock.set(at("2022-02-22"))
    result = engine.advance(
        any_db,
        clock,
        "sekreterare",
        None,
        "decide_start",
        comment="Styrgrupp: presidiet",
        decision=START,
    )
    assert (result.from_state, result.to_state, result.role) == (
        "offer_received",
        "start_decided",
        "board",
    )
    assert tuple(state_and_version(any_db)) == ("start_decided", 2)
    last = audit_rows(any_db)[-1]
    assert tuple(last[:7]) == (
        "sekreterare",
        "board",
        "transition",
        "applied",
        "decide_start",
        "offer_received",
        "start_decided",
    )
    with any_db.read() as s:
        st = status_service.status(s, None, at("2022-03-01"))
    assert st.state == "start_decided" and st.days_in_state == 7
    assert st.decisions[0]["diary_number"] == "RUN/536/2021"
    assert st.decisions[0]["paragraph"] == "17"
    assert st.decisions[0]["text"] == "Styrgrupp: presidiet"
    milestone = {m.state: m for m in st.milestones}["start_decided"]
    assert (milestone.actual.isoformat(), milestone.status) == ("2022-02-22", "on_plan")


@pytest.mark.parametrize(
    "user,trigger,kwargs,error,words",
    [
        (
            "processledare",
            "decide_start",
            {"decision": START},
            PermissionDenied,
            "needs one of the roles: board",
        ),
        (
            "stranger",
            "decide_start",
            {"decision": START},
            PermissionDenied,
            "'stranger' is not a registered person",
        ),
        ("sekreterare", "decide_start", {}, InvalidInput, "records a board decision"),
        (
            "sekreterare",
            "adopt",
            {"decision": START},
            InvalidTransition,
            "cannot adopt from 'offer_received'; possible now: decide_start (board)",
        ),
        ("sekreterare", "fly", {}, InvalidTransition, "unknown trigger 'fly'"),
    ],
)
def test_refused_attempt_changes_nothing_but_is_audited(
    any_db, clock, user, trigger, kwargs, error, words
):
    make_programme(any_db, clock)
    before = audit_rows(any_db)
    with pytest.raises(error, match=re.escape(words)):
        engine.advance(any_db, clock, user, None, trigger, **kwargs)
    assert tuple(state_and_version(any_db)) == ("offer_received", 1)
    after = audit_rows(any_db)
    assert after[:-1] == before and len(after) == len(before) + 1
    refused = after[-1]
    assert (refused.actor, refused.outcome, refused.trigger) == (user, "refused", trigger)
    assert words.split("'")[0] in refused.detail
    with any_db.read() as s:
        assert s.connection().execute(sa.text("SELECT count(*) FROM decision")).scalar() == 0
        assert audit_verify.verify(s).ok


def test_guards_hold_the_remiss_decision_until_consulted(any_db, clock):
    make_programme(any_db, clock)
    to_drafting(any_db, clock)
    remiss = parse_decision_ref("2022-11-22 § 152 RUN/536/2021")
    with pytest.raises(InvalidTransition, match="fired:consult_service_z"):
        engine.advance(any_db, clock, "sekreterare", None, "decide_remiss", decision=remiss)
    with pytest.raises(InvalidTransition, match="comment is required"):
        engine.advance(any_db, clock, "landsbygdsutvecklare", None, "consult_service_z")
    engine.advance(
        any_db, clock, "landsbygdsutvecklare", None, "consult_service_z", comment="Samråd 1"
    )
    engine.advance(
        any_db, clock, "ordforande", None, "check_in_steering_group", comment="Avstämning"
    )
    result = engine.advance(any_db, clock, "sekreterare", None, "decide_remiss", decision=remiss)
    assert result.to_state == "remiss_decided"


def test_board_can_send_the_draft_back(any_db, clock):
    make_programme(any_db, clock)
    to_drafting(any_db, clock)
    engine.advance(any_db, clock, "processledare", None, "consult_service_z", comment="x")
    engine.advance(any_db, clock, "ordforande", None, "check_in_steering_group", comment="y")
    engine.advance(
        any_db,
        clock,
        "sekreterare",
        None,
        "decide_remiss",
        decision=parse_decision_ref("2022-11-22 § 152 RUN/536/2021"),
    )
    back = engine.advance(
        any_db,
        clock,
        "sekreterare",
        None,
        "send_back",
        comment="Återremiss",
        decision=parse_decision_ref("2022-12-13 § 170 RUN/536/2021"),
    )
    assert (back.from_state, back.to_state) == ("remiss_decided", "drafting")


def test_repeated_event_keeps_stage_and_since(any_db, clock):
    make_programme(any_db, clock)
    to_drafting(any_db, clock)
    clock.set(at("2022-05-10"))
    engine.advance(
        any_db, clock, "landsbygdsutvecklare", None, "consult_service_z", comment="Service-Z"
    )
    with any_db.read() as s:
        st = status_service.status(s, None, at("2022-05-11"))
    assert st.state == "drafting" and st.since == at("2022-03-01")


def test_stale_version_is_a_conflict_and_saves_nothing(any_db, clock):
    make_programme(any_db, clock)
    from process.core.errors import ConflictError

    with pytest.raises(ConflictError, match="not 7"):
        engine.advance(
            any_db, clock, "sekreterare", None, "decide_start", decision=START, expected_version=7
        )
    assert tuple(state_and_version(any_db)) == ("offer_received", 1)


@pytest.mark.postgres
def test_concurrent_change_on_postgres_is_detected(pg_db, clock):
    """Two transactions read version 1; the second update finds it gone: ConflictError."""
    from sqlmodel import Session

    from process.access import people
    from process.access.unit_of_work import Work
    from process.core.errors import ConflictError

    make_programme(pg_db, clock)
    with Session(pg_db.engine, expire_on_commit=False) as first:
        prog = lookup.find_programme(first, None)
        inst = lookup.instance_of(first, prog)
        definition = stored.definition_of(first, inst.definition_id)
        # Meanwhile another user records the same decision and commits.
        engine.advance(pg_db, clock, "sekreterare", None, "decide_start", decision=START)
        w = Work(first, clock, "sekreterare", clock.now(), clock.recorded())
        w.enter(prog)
        with pytest.raises(ConflictError, match="changed by someone else"):
            engine.fire(
                w,
                people.actor_roles(first, "sekreterare", w.programme_id),
                engine.process_target(prog, inst),
                definition,
                "decide_start",
                None,
                START,
                None,
            )
        first.rollback()
    assert tuple(state_and_version(pg_db)) == ("start_decided", 2)
    with pg_db.read() as s:
        assert s.connection().execute(sa.text("SELECT count(*) FROM decision")).scalar() == 1


def test_people_and_roles_are_admin_only_and_audited(any_db, clock):
    make_programme(any_db, clock)
    with pytest.raises(PermissionDenied, match="needs one of the roles: admin"):
        setup.add_person(any_db, clock, "processledare", None, "x", "X", None, ["board"])
    with pytest.raises(InvalidInput, match="--role 'king'"):
        setup.add_person(any_db, clock, "it-admin", None, "x", "X", None, ["king"])
    with pytest.raises(InvalidInput, match="must be one address like name@example.org"):
        setup.add_person(any_db, clock, "it-admin", None, "x", "X", "x@", ["board"])
    setup.change_role(any_db, clock, "it-admin", None, "processledare", "board", True)
    engine.advance(any_db, clock, "processledare", None, "decide_start", decision=START)
    setup.change_role(any_db, clock, "it-admin", None, "processledare", "board", False)
    with pytest.raises(InvalidInput, match="last admin"):
        setup.change_role(any_db, clock, "it-admin", None, "it-admin", "admin", False)
    actions = [(r.action, r.outcome) for r in audit_rows(any_db)]
    assert ("role.removed", "applied") in actions
    assert actions.count(("person.add", "refused")) == 3


def tamper(db, sql):
    with db.engine.begin() as conn:
        conn.exec_driver_sql(sql)


def test_export_contains_every_row_and_can_be_rechained(any_db, clock, tmp_path):
    import csv
    import io
    import json

    make_programme(any_db, clock)
    to_drafting(any_db, clock)
    out = io.StringIO()
    with any_db.read() as s:
        n = audit.export(s, out, "jsonl")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(records) == len(audit_rows(any_db))
    prev = audit.GENESIS
    assert {r["chain"] for r in records} == {1}  # one programme: one chain
    for r in records:
        assert r["prev_hash"] == prev and audit.row_hash(r) == r["hash"]
        prev = r["hash"]
    out = io.StringIO()
    with any_db.read() as s:
        audit.export(s, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == n and rows[-1]["trigger"] == "begin_drafting"


def test_models_match_the_migrations(any_db):
    """The Alembic migrations build exactly the schema the models describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    from process.storage import schema
    from process.storage.all_tables import load_all_models
    from process.storage.database import SCHEMA_HEAD

    load_all_models()
    with any_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []
    assert schema.head_revision() == SCHEMA_HEAD == any_db.schema_revision()
