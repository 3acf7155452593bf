"""Every refusal of input to a write service leaves one refusal audit row and changes
nothing else: a decision reference that does not parse, a comment too long, an empty
note, an unknown outcome or position, a bad delegation, a body's bad name, a rollover
backwards, an appeal without who. (The decision reference used to be parsed, and some
texts checked, before the service's unit of work, so they left no trace.) On SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from process.bodies import bodies
from process.core.decision_refs import TypedRef
from process.core.errors import InvalidInput
from process.decisions import delegation, steps
from process.plans import measure_actions as lifecycle
from process.plans import rollover
from process.remiss import actions as remiss
from process.storage.all_tables import load_all_models
from process.workflow import engine
from tests.support import at, make_programme

BOARD, WG = "sekreterare", "processledare"
LONG = "x" * 4001
REF = "2023-05-23 § 89 RUN/536/2021"

CASES: dict[str, tuple[Callable[..., Any], str]] = {
    "a --decision without its diary number": (
        lambda db, c: engine.advance(
            db, c, BOARD, None, "begin_drafting", decision=TypedRef("2022-03-01 § 12")
        ),
        "needs the diary number",
    ),
    "a --decision of two lines": (
        lambda db, c: engine.advance(
            db, c, BOARD, None, "begin_drafting", decision=TypedRef(f"{REF}\n§ 90")
        ),
        "--decision must be one short line",
    ),
    "a comment too long on the process": (
        lambda db, c: engine.advance(db, c, WG, None, "begin_drafting", comment=LONG),
        "--comment is longer than 4000 characters",
    ),
    "a comment too long on a measure": (
        lambda db, c: lifecycle.advance(db, c, WG, None, "2.B", "start", LONG, year=2014),
        "--comment is longer than 4000 characters",
    ),
    "an empty note": (
        lambda db, c: lifecycle.add_note(db, c, WG, None, "2.B", "  ", year=2014),
        "the note must not be empty",
    ),
    "an unknown follow-up outcome": (
        lambda db, c: lifecycle.record_followup(db, c, WG, None, "2.B", "great", "ok", year=2014),
        "--outcome 'great'",
    ),
    "a delegation with a bad reference": (
        lambda db, c: delegation.delegate(
            db, c, BOARD, None, "action_plan", WG, None, TypedRef("i går")
        ),
        "needs the meeting date",
    ),
    "a delegation of a badly named kind": (
        lambda db, c: delegation.delegate(
            db, c, BOARD, None, "Action Plan", WG, None, TypedRef(REF)
        ),
        "kind 'Action Plan'",
    ),
    "a delegated decision with a bad reference": (
        lambda db, c: delegation.decide(
            db, c, WG, None, "action_plan", TypedRef("i går"), "Handlingsplan"
        ),
        "needs the meeting date",
    ),
    "a remiss reply with an unknown position": (
        lambda db, c: remiss.record_reply(
            db, c, WG, None, "berg", dt.date(2022, 3, 1), "kanske", None
        ),
        "kanske",
    ),
    "a body with a line break in its name": (
        lambda db, c: bodies.add_body(
            db,
            c,
            WG,
            None,
            "ny",
            "Ny\r\nBcc: x@evil.example",
            "municipality",
            ["ny@ny.example"],
            [],
        ),
        "U+000D",
    ),
    "a rollover backwards": (
        lambda db, c: rollover.rollover(db, c, WG, None, 2014, 2013),
        "roll over into a later year",
    ),
    "an appeal without who": (
        lambda db, c: steps.appeal(db, c, BOARD, None, 1, "  "),
        "--by must not be empty",
    ),
}


def snapshot(db) -> tuple[dict[str, list[tuple]], list[dict[str, Any]]]:
    """Every row of every table but the trail, and the trail's rows."""
    load_all_models()
    tables: dict[str, list[tuple]] = {}
    with db.engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if table.name != "audit_event":
                tables[table.name] = sorted(map(tuple, conn.execute(sa.select(table))), key=repr)
        trail = [
            dict(r)
            for r in conn.execute(
                sa.text(
                    "SELECT actor, action, outcome, trigger, comment, detail FROM audit_event "
                    "ORDER BY id"
                )
            ).mappings()
        ]
    return tables, trail


@pytest.fixture
def programme(any_db, clock):
    make_programme(any_db, clock)
    clock.set(at("2022-02-22"))
    engine.advance(
        any_db,
        clock,
        BOARD,
        None,
        "decide_start",
        decision=TypedRef("2022-02-22 § 12 RUN/536/2021", "Arbetet påbörjas"),
    )  # decision #1
    delegation.delegate(
        any_db,
        clock,
        BOARD,
        None,
        "action_plan",
        WG,
        None,
        TypedRef("2022-02-22 § 12 RUN/536/2021"),
    )
    clock.set(at("2022-03-01"))
    return any_db


@pytest.mark.parametrize("case", list(CASES))
def test_a_refused_input_leaves_one_refusal_row_and_nothing_else(programme, clock, case):
    attempt, words = CASES[case]
    tables, trail = snapshot(programme)
    with pytest.raises(Exception) as caught:
        attempt(programme, clock)
    assert words in str(caught.value)
    after_tables, after_trail = snapshot(programme)
    assert after_tables == tables
    assert after_trail[:-1] == trail
    row = after_trail[-1]
    assert row["outcome"] == "refused"
    assert words in str(row["detail"])
    assert row["comment"] != LONG  # an over-long text is not kept in the trail


def test_a_typed_reference_that_parses_is_recorded(programme, clock):
    result = engine.advance(programme, clock, WG, None, "begin_drafting")
    assert result.to_state == "drafting"
    with pytest.raises(InvalidInput, match="needs the paragraph"):
        delegation.delegate(
            programme,
            clock,
            BOARD,
            None,
            "action_plan",
            WG,
            None,
            TypedRef("2022-02-22 RUN/536/2021"),
        )
    made = delegation.decide(
        programme,
        clock,
        WG,
        None,
        "action_plan",
        TypedRef("2022-02-25 RUN/9/2022", paragraph_required=False),
        "Handlingsplan 2022",
    )
    assert made["decision"].startswith("2022-02-25")
