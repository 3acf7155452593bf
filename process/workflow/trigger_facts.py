"""What one trigger's guards look at, read for that trigger: how often triggers have fired,
and the decision and remiss facts (process.workflow.guard_facts). Shared by the engine and
the next steps, so that `rsp status` reads them without importing the engine."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session

from process.core.clock import STOCKHOLM
from process.storage import core_tables
from process.workflow import guards

if TYPE_CHECKING:
    from process.workflow.definition import TriggerDef


def fired_counts(session: Session, subject: str) -> dict[str, int]:
    """How often each trigger has been applied to a subject (from the audit trail)."""
    table = core_tables.audit_event
    rows = session.connection().execute(
        sa.select(table.c.trigger, sa.func.count())
        .where(
            table.c.subject == subject, table.c.action == "transition", table.c.outcome == "applied"
        )
        .group_by(table.c.trigger)
    )
    return {r[0]: r[1] for r in rows}


def for_trigger(
    session: Session, programme_id: int, t: TriggerDef, now: dt.datetime
) -> dict[str, Any]:
    """What the `decision_final:` and remiss guards of `t` look at (nothing if it has none),
    as keyword arguments of `GuardContext`."""
    out: dict[str, Any] = {}
    if not t.guards:
        return out
    today = now.astimezone(STOCKHOLM).date()
    deciding = [d for g in t.guards if (d := guards.needed_decision(g))]
    if deciding or guards.REMISS_GUARDS.intersection(t.guards):
        from process.workflow import guard_facts  # only for such a guard (not rsp advance's)

    if deciding:
        out["decisions"] = guard_facts.decision_facts(session, programme_id, deciding, today)
    if guards.REMISS_GUARDS.intersection(t.guards):
        out["remiss"] = guard_facts.remiss_facts(session, programme_id, today)
    return out
