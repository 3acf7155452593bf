"""When a board decision becomes final (laga kraft): the rule, and the decisions as data.

A decision may be executed once its minutes are approved (justerat) and becomes final
when the appeal period has run out without an appeal: three weeks after the day the
approved minutes were announced (anslaget) on the notice board (kommunallagen 13 kap.
5 §). If that last day is a Saturday, Sunday, public holiday, Midsummer Eve, Christmas
Eve or New Year's Eve it moves to the next working day (lag 1930:173); the decision is
final the day after. An appeal stops it until resolved: upheld → final, overturned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from process.core.words import label
from process.core.workdays import next_working_day
from process.storage.remiss_tables import DecisionFinality, DelegatedDecision, table
from process.storage.tables import Decision

APPEAL_WEEKS = 3
STEPS = ("decided", "minutes_approved", "announced", "appealed", "final", "overturned")
STEP_WORDS = {
    "decided": {"sv": "beslutat", "en": "decided"},
    "minutes_approved": {"sv": "protokollet justerat", "en": "minutes approved"},
    "announced": {"sv": "protokollet anslaget", "en": "minutes announced"},
    "appealed": {"sv": "överklagat", "en": "appealed"},
    "final": {"sv": "laga kraft", "en": "final"},
    "overturned": {"sv": "upphävt", "en": "overturned"},
}


@dataclass(frozen=True)
class Steps:
    """The recorded steps of one decision after its meeting (plain values)."""

    meeting_date: dt.date
    minutes_approved_on: dt.date | None = None
    announced_on: dt.date | None = None
    appealed_on: dt.date | None = None
    appeal_outcome: str | None = None  # upheld | overturned
    resolved_on: dt.date | None = None


def appeal_last_day(announced_on: dt.date) -> dt.date:
    """The last day to appeal: three weeks after the announcement, moved by lag 1930:173."""
    return next_working_day(announced_on + dt.timedelta(weeks=APPEAL_WEEKS))


def final_from(announced_on: dt.date) -> dt.date:
    """The day an unappealed decision becomes final: the day after the last appeal day."""
    return appeal_last_day(announced_on) + dt.timedelta(days=1)


def step_of(s: Steps, today: dt.date) -> tuple[str, dt.date | None]:
    """Where a decision stands on `today`, and the day it is (or is expected to be) final."""
    if s.appeal_outcome == "overturned":
        return "overturned", None
    if s.appeal_outcome == "upheld":
        return "final", s.resolved_on
    if s.appealed_on is not None:
        return "appealed", None
    if s.announced_on is not None:
        final_on = final_from(s.announced_on)
        return ("final" if today >= final_on else "announced"), final_on
    if s.minutes_approved_on is not None:
        return "minutes_approved", None
    return "decided", None


def step_word(step: str, lang: str) -> str:
    """The step in Swedish (default) or English."""
    return label(STEP_WORDS[step], lang)


def reference(meeting_date: dt.date, paragraph: str, diary_number: str) -> str:
    """'2023-05-23 § 89, RUN/536/2021' (a delegated decision may have no §)."""
    para = f" § {paragraph}" if paragraph else ""
    return f"{meeting_date.isoformat()}{para}, {diary_number}"


_D = Decision.__table__  # type: ignore[attr-defined]
_F = table(DecisionFinality)
_COLUMNS = (_D.c.id, _D.c.meeting_date, _D.c.paragraph, _D.c.diary_number, _D.c.text,
            _D.c.trigger, _D.c.body, _F.c.minutes_approved_on, _F.c.announced_on,
            _F.c.appealed_on, _F.c.appealed_by, _F.c.appeal_outcome, _F.c.resolved_on)


def _dict(row: Any, today: dt.date) -> dict[str, Any]:
    steps = Steps(row.meeting_date, row.minutes_approved_on, row.announced_on, row.appealed_on,
                  row.appeal_outcome, row.resolved_on)
    step, final_on = step_of(steps, today)
    return {
        "id": row.id, "meeting_date": row.meeting_date, "paragraph": row.paragraph,
        "diary_number": row.diary_number, "text": row.text, "trigger": row.trigger,
        "body": row.body, "step": step,
        "reference": reference(row.meeting_date, row.paragraph, row.diary_number),
        "minutes_approved_on": row.minutes_approved_on, "announced_on": row.announced_on,
        "appeal_last_day": appeal_last_day(row.announced_on) if row.announced_on else None,
        "appealed_on": row.appealed_on, "appealed_by": row.appealed_by,
        "appeal_outcome": row.appeal_outcome, "resolved_on": row.resolved_on,
        "expected_final": final_on if step in ("announced", "final") else None,
        "final_on": final_on if step == "final" else None,
    }


def _select(programme_id: int) -> sa.Select:
    return (sa.select(*_COLUMNS).select_from(_D.outerjoin(_F, _F.c.decision_id == _D.c.id))
            .where(_D.c.programme_id == programme_id).order_by(_D.c.meeting_date, _D.c.id))


def board_decisions(session: Session, programme_id: int, today: dt.date) -> list[dict]:
    """Every board decision of the programme with its step and (expected) final date."""
    rows = session.connection().execute(_select(programme_id))
    return [_dict(r, today) for r in rows]


def decision_by_id(session: Session, programme_id: int, decision_id: int,
                   today: dt.date) -> dict[str, Any] | None:
    """One board decision of the programme as `board_decisions` gives it, or None."""
    row = session.connection().execute(
        _select(programme_id).where(_D.c.id == decision_id)).first()
    return _dict(row, today) if row is not None else None


def pending_decisions(session: Session, programme_id: int, today: dt.date) -> list[dict]:
    """Board decisions not yet final on `today` (overturned ones excluded), oldest first."""
    return [d for d in board_decisions(session, programme_id, today)
            if d["step"] not in ("final", "overturned")]


def decisions_between(session: Session, programme_id: int, start: dt.date,
                      end: dt.date) -> list[dict]:
    """Board (step as of `end`) and delegated (`delegated: True`) decisions of start..end."""
    board = [{**d, "delegated": False, "decided_by": d["body"]}
             for d in board_decisions(session, programme_id, end)
             if start <= d["meeting_date"] <= end]
    dd = table(DelegatedDecision)
    rows = session.connection().execute(
        sa.select(dd.c.id, dd.c.decided_on, dd.c.paragraph, dd.c.diary_number, dd.c.text,
                  dd.c.kind, dd.c.decided_by, dd.c.delegation_id)
        .where(dd.c.programme_id == programme_id, dd.c.decided_on.between(start, end))
        .order_by(dd.c.decided_on, dd.c.id))
    delegated = [{"id": r.id, "meeting_date": r.decided_on, "paragraph": r.paragraph,
                  "diary_number": r.diary_number, "text": r.text, "trigger": None,
                  "kind": r.kind, "step": "decided", "expected_final": None, "final_on": None,
                  "reference": reference(r.decided_on, r.paragraph, r.diary_number),
                  "delegated": True, "decided_by": r.decided_by,
                  "delegation_id": r.delegation_id} for r in rows]
    return sorted([*board, *delegated], key=lambda d: (d["meeting_date"], d["delegated"],
                                                       d["id"]))


def facts_for(session: Session, programme_id: int, triggers: Iterable[str],
              today: dt.date) -> dict[str, Any]:
    """The latest decision of each trigger as DecisionFacts, for `decision_final:` guards."""
    from process.workflow.guard_facts import DecisionFacts

    wanted = set(triggers)
    latest: dict[str, dict] = {}
    for d in board_decisions(session, programme_id, today):
        if d["trigger"] in wanted:
            latest[d["trigger"]] = d  # ordered by meeting date: the last one wins
    return {t: DecisionFacts(d["reference"], d["step"], d["expected_final"])
            for t, d in latest.items()}
