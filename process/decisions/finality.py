"""Board decisions as data: each with its step towards being final (laga kraft), by the
rules of `process.core.appeal_period`; delegated decisions beside them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

import sqlalchemy as sa
from sqlmodel import Session

from process.core.appeal_period import (
    Steps,
    appeal_last_day,
    reference,
    step_of,
)
from process.core.catalogue import section
from process.core.words import label
from process.storage import core_tables

STEP_WORDS = section("finality.step")


def step_word(step: str, lang: str) -> str:
    """The step in Swedish (default) or English."""
    return label(STEP_WORDS[step], lang)


_D = core_tables.decision
_F = core_tables.decision_finality
_COLUMNS = (
    _D.c.id,
    _D.c.meeting_date,
    _D.c.paragraph,
    _D.c.diary_number,
    _D.c.text,
    _D.c.trigger,
    _D.c.body,
    _F.c.minutes_approved_on,
    _F.c.announced_on,
    _F.c.appealed_on,
    _F.c.appealed_by,
    _F.c.appeal_outcome,
    _F.c.resolved_on,
)


class DecisionView(TypedDict):
    """A board decision as services give it: reference, its steps and (expected) final day."""

    id: int
    meeting_date: dt.date
    paragraph: str
    diary_number: str | None
    text: str | None
    trigger: str | None
    body: str | None
    step: str  # a key of STEP_WORDS
    reference: str
    minutes_approved_on: dt.date | None
    announced_on: dt.date | None
    appeal_last_day: dt.date | None
    appealed_on: dt.date | None
    appealed_by: str | None
    appeal_outcome: str | None
    resolved_on: dt.date | None
    expected_final: dt.date | None
    final_on: dt.date | None


def _dict(row: Any, today: dt.date) -> DecisionView:
    steps = Steps(
        row.meeting_date,
        row.minutes_approved_on,
        row.announced_on,
        row.appealed_on,
        row.appeal_outcome,
        row.resolved_on,
    )
    step, final_on = step_of(steps, today)
    return {
        "id": row.id,
        "meeting_date": row.meeting_date,
        "paragraph": row.paragraph,
        "diary_number": row.diary_number,
        "text": row.text,
        "trigger": row.trigger,
        "body": row.body,
        "step": step,
        "reference": reference(row.meeting_date, row.paragraph, row.diary_number),
        "minutes_approved_on": row.minutes_approved_on,
        "announced_on": row.announced_on,
        "appeal_last_day": appeal_last_day(row.announced_on) if row.announced_on else None,
        "appealed_on": row.appealed_on,
        "appealed_by": row.appealed_by,
        "appeal_outcome": row.appeal_outcome,
        "resolved_on": row.resolved_on,
        "expected_final": final_on if step in ("announced", "final") else None,
        "final_on": final_on if step == "final" else None,
    }


def _select(programme_id: int) -> sa.Select:
    return (
        sa.select(*_COLUMNS)
        .select_from(_D.outerjoin(_F, _F.c.decision_id == _D.c.id))
        .where(_D.c.programme_id == programme_id)
        .order_by(_D.c.meeting_date, _D.c.id)
    )


def board_decisions(session: Session, programme_id: int, today: dt.date) -> list[DecisionView]:
    """Every board decision of the programme with its step and (expected) final date."""
    rows = session.connection().execute(_select(programme_id))
    return [_dict(r, today) for r in rows]


def decision_by_id(
    session: Session, programme_id: int, decision_id: int, today: dt.date
) -> DecisionView | None:
    """One board decision of the programme as `board_decisions` gives it, or None."""
    row = session.connection().execute(_select(programme_id).where(_D.c.id == decision_id)).first()
    return _dict(row, today) if row is not None else None


def pending_decisions(session: Session, programme_id: int, today: dt.date) -> list[DecisionView]:
    """Board decisions not yet final on `today` (overturned ones excluded), oldest first."""
    return [
        d
        for d in board_decisions(session, programme_id, today)
        if d["step"] not in ("final", "overturned")
    ]


def decisions_between(
    session: Session, programme_id: int, start: dt.date, end: dt.date
) -> list[dict]:
    """Board (step as of `end`) and delegated (`delegated: True`) decisions of start..end."""
    board = [
        {**d, "delegated": False, "decided_by": d["body"]}
        for d in board_decisions(session, programme_id, end)
        if start <= d["meeting_date"] <= end
    ]
    dd = core_tables.delegated_decision
    rows = session.connection().execute(
        sa.select(
            dd.c.id,
            dd.c.decided_on,
            dd.c.paragraph,
            dd.c.diary_number,
            dd.c.text,
            dd.c.kind,
            dd.c.decided_by,
            dd.c.delegation_id,
        )
        .where(dd.c.programme_id == programme_id, dd.c.decided_on.between(start, end))
        .order_by(dd.c.decided_on, dd.c.id)
    )
    delegated = [
        {
            "id": r.id,
            "meeting_date": r.decided_on,
            "paragraph": r.paragraph,
            "diary_number": r.diary_number,
            "text": r.text,
            "trigger": None,
            "kind": r.kind,
            "step": "decided",
            "expected_final": None,
            "final_on": None,
            "reference": reference(r.decided_on, r.paragraph, r.diary_number),
            "delegated": True,
            "decided_by": r.decided_by,
            "delegation_id": r.delegation_id,
        }
        for r in rows
    ]
    return sorted([*board, *delegated], key=lambda d: (d["meeting_date"], d["delegated"], d["id"]))
