"""What the `decision_final:` and `remiss_closable` guards look at, and where it is read:
plain values that the engine puts into the guard context only when a trigger has such a
guard. Read here, from the tables, so that the engine needs no feature of rsp."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import sqlalchemy as sa
from sqlmodel import Session

from process.core.appeal_period import Steps, reference, step_of
from process.storage import core_tables


@dataclass(frozen=True)
class DecisionFacts:
    """Where the latest decision recorded by a trigger stands (see process.finality)."""

    reference: str  # e.g. '2023-05-23 § 89, RUN/536/2021'
    step: str  # decided | minutes_approved | announced | appealed | final | overturned
    expected_final: dt.date | None = None


@dataclass(frozen=True)
class RemissFacts:
    """The open remiss: its reply date, today, and the bodies that have not answered."""

    reply_by: dt.date
    today: dt.date
    consulted: int
    unanswered: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _statements() -> tuple[sa.Select, sa.Select, sa.Select]:
    """The three reads, built on first use (not by commands whose triggers have no such
    guard: rsp advance)."""
    _D, _F = core_tables.decision, core_tables.decision_finality
    _R, _RB, _B = core_tables.remiss, core_tables.remiss_body, core_tables.body
    _DECISIONS = (
        sa.select(
            _D.c.trigger,
            _D.c.meeting_date,
            _D.c.paragraph,
            _D.c.diary_number,
            _F.c.minutes_approved_on,
            _F.c.announced_on,
            _F.c.appealed_on,
            _F.c.appeal_outcome,
            _F.c.resolved_on,
        )
        .select_from(_D.outerjoin(_F, _F.c.decision_id == _D.c.id))
        .where(
            _D.c.programme_id == sa.bindparam("pid"),
            _D.c.trigger.in_(sa.bindparam("triggers", expanding=True)),
        )
        .order_by(_D.c.meeting_date, _D.c.id)
    )
    _OPEN_REMISS = (
        sa.select(_R.c.id, _R.c.reply_by, _R.c.closed_on)
        .where(_R.c.programme_id == sa.bindparam("pid"))
        .order_by(_R.c.id.desc())
        .limit(1)
    )
    _CONSULTED = (
        sa.select(_B.c.key, _RB.c.position)
        .join(_RB, _RB.c.body_id == _B.c.id)
        .where(_RB.c.remiss_id == sa.bindparam("rid"))
        .order_by(_B.c.id)
    )
    return _DECISIONS, _OPEN_REMISS, _CONSULTED


def decision_facts(
    session: Session, programme_id: int, triggers: Iterable[str], today: dt.date
) -> dict[str, DecisionFacts]:
    """Where the latest decision recorded by each trigger stands on `today`."""
    decisions_query = _statements()[0]
    rows = session.connection().execute(
        decisions_query, {"pid": programme_id, "triggers": sorted(set(triggers))}
    )
    out = {}
    for r in rows:  # ordered by meeting date: the last one of a trigger wins
        step, final_on = step_of(
            Steps(
                r.meeting_date,
                r.minutes_approved_on,
                r.announced_on,
                r.appealed_on,
                r.appeal_outcome,
                r.resolved_on,
            ),
            today,
        )
        out[r.trigger] = DecisionFacts(
            reference(r.meeting_date, r.paragraph, r.diary_number),
            step,
            final_on if step in ("announced", "final") else None,
        )
    return out


def remiss_facts(session: Session, programme_id: int, today: dt.date) -> RemissFacts | None:
    """The open remiss (its reply date and who has not answered), or None."""
    conn = session.connection()
    _d, open_remiss, consulted = _statements()
    r = conn.execute(open_remiss, {"pid": programme_id}).first()
    if r is None or r.closed_on is not None:
        return None
    bodies = conn.execute(consulted, {"rid": r.id}).all()
    return RemissFacts(
        r.reply_by, today, len(bodies), tuple(key for key, position in bodies if position is None)
    )
