"""Recording a board decision's way to being final: minutes approved (justerat), minutes
announced (anslaget), an appeal and its outcome. Board role or admin; each step audited
on the decision, each refusal audited too."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from process.access import unit_of_work
from process.access.capabilities import DECIDE_FOR_BOARD
from process.access.unit_of_work import Work
from process.core import appeal_period, vocab
from process.core.clock import STOCKHOLM, Clock
from process.core.errors import InvalidInput, NotFound
from process.core.words import APPEAL_OUTCOME_LABELS
from process.decisions import finality
from process.decisions.finality import DecisionView
from process.storage.database import Database
from process.storage.decision_table import Decision
from process.storage.remiss_tables import DecisionFinality, table
from process.storage.table_of import table_of

OUTCOMES = ("upheld", "overturned")
WHAT = {
    "minutes_approved": "record that a decision's minutes were approved",
    "announced": "record that a decision's minutes were announced",
    "appealed": "record an appeal",
    "resolved": "record how an appeal ended",
}


def _check_day(day: dt.date, not_before: dt.date, what: str, today: dt.date) -> None:
    if day < not_before:
        raise InvalidInput(f"{what} {day} lies before {not_before}")
    if day > today:
        raise InvalidInput(f"{what} {day} lies in the future (today is {today})")


def _write(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    decision_id: int,
    step: str,
    check: Any,
) -> DecisionView:
    """Load the decision, let `check` validate and say what to store, store it, audit."""

    def work(w: Work) -> DecisionView:
        session = w.session
        w.require(DECIDE_FOR_BOARD, WHAT[step])
        conn = session.connection()
        d_table = table_of(Decision)
        conn.execute(
            sa.select(d_table.c.id).where(d_table.c.id == decision_id).with_for_update()
        )  # one step at a time per decision (PostgreSQL)
        today = w.now.astimezone(STOCKHOLM).date()
        d = finality.decision_by_id(session, w.programme_id, decision_id, today)
        if d is None:
            raise NotFound(f"no decision #{decision_id} in this programme; see 'rsp decision list'")
        values, detail = check(d, today)
        f = table(DecisionFinality)
        values = {**values, "updated_by": actor, "updated_at": w.now}
        if conn.execute(sa.select(f.c.decision_id).where(f.c.decision_id == decision_id)).first():
            conn.execute(sa.update(f).where(f.c.decision_id == decision_id).values(values))
        else:
            conn.execute(sa.insert(f), {"decision_id": decision_id, **values})
        w.audit(
            f"decision.{step}",
            subject=f"decision:{decision_id}",
            decision_id=decision_id,
            detail={"decision": d["reference"], **detail},
        )
        after = finality.decision_by_id(session, w.programme_id, decision_id, today)
        assert after is not None
        return after

    return unit_of_work.write(
        db,
        clock,
        actor,
        programme_key,
        f"decision.{step}",
        work,
        subject=f"decision:{decision_id}",
        decision_id=decision_id,
    )


def _closed(d: DecisionView) -> None:
    if d["step"] == "final":
        raise InvalidInput(
            f"decision #{d['id']} ({d['reference']}) is already final "
            f"(laga kraft) since {d['final_on']}"
        )
    if d["step"] == "overturned":
        raise InvalidInput(f"decision #{d['id']} was overturned on appeal")


def approve_minutes(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    decision_id: int,
    day: dt.date | None = None,
) -> DecisionView:
    """Record that the meeting's minutes were approved (justerat)."""

    def check(d: DecisionView, today: dt.date) -> tuple[dict, dict]:
        on = day or today
        if d["minutes_approved_on"] is not None:
            raise InvalidInput(
                f"the minutes of decision #{d['id']} were approved on "
                f"{d['minutes_approved_on']} already"
            )
        _check_day(on, d["meeting_date"], "--date", today)
        return {"minutes_approved_on": on}, {"minutes_approved_on": on.isoformat()}

    return _write(db, clock, actor, programme_key, decision_id, "minutes_approved", check)


def announce(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    decision_id: int,
    day: dt.date | None = None,
) -> DecisionView:
    """Record that the approved minutes were announced (anslaget): the appeal period starts."""

    def check(d: DecisionView, today: dt.date) -> tuple[dict, dict]:
        on = day or today
        if d["minutes_approved_on"] is None:
            raise InvalidInput(
                f"the minutes of decision #{d['id']} are not approved yet: "
                f"record that first (rsp decision approve-minutes {d['id']} "
                "--date DATE)"
            )
        if d["announced_on"] is not None:
            raise InvalidInput(f"decision #{d['id']} was announced on {d['announced_on']} already")
        _check_day(on, d["minutes_approved_on"], "--date", today)
        return {"announced_on": on}, {
            "announced_on": on.isoformat(),
            "appeal_last_day": appeal_period.appeal_last_day(on).isoformat(),
            "final_from": appeal_period.final_from(on).isoformat(),
        }

    return _write(db, clock, actor, programme_key, decision_id, "announced", check)


def appeal(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    decision_id: int,
    by: str,
    day: dt.date | None = None,
) -> DecisionView:
    """Record an appeal (överklagande) received within the appeal period."""

    def check(d: DecisionView, today: dt.date) -> tuple[dict, dict]:
        who = unit_of_work.check_text(by, "--by")
        if who is None or len(who) > 200 or "\n" in who:
            raise InvalidInput("--by: who appealed, one line of at most 200 characters")
        on = day or today
        if d["appeal_outcome"] is not None:
            _closed(d)
        if d["appealed_on"] is not None:
            raise InvalidInput(
                f"decision #{d['id']} was appealed on {d['appealed_on']} "
                f"already (by {d['appealed_by']})"
            )
        _check_day(on, d["meeting_date"], "--date", today)
        last = d["appeal_last_day"]
        if last is not None and on > last:
            raise InvalidInput(
                f"the appeal period of decision #{d['id']} ended on {last}: "
                "an appeal made later is dismissed and does not stop the "
                "decision from becoming final"
            )
        # An appeal made in time counts even if it is recorded after the period ended.
        return {"appealed_on": on, "appealed_by": who}, {
            "appealed_on": on.isoformat(),
            "appealed_by": who,
        }

    return _write(db, clock, actor, programme_key, decision_id, "appealed", check)


def resolve(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    decision_id: int,
    outcome: str,
    day: dt.date | None = None,
) -> DecisionView:
    """Record how an appeal ended: upheld (the decision is final) or overturned."""

    def check(d: DecisionView, today: dt.date) -> tuple[dict, dict]:
        chosen = vocab.resolve(outcome, APPEAL_OUTCOME_LABELS.items(), "--outcome")
        on = day or today
        if d["step"] != "appealed":
            raise InvalidInput(
                f"decision #{d['id']} is not under appeal (it is "
                f"{d['step']}); record the appeal first"
            )
        _check_day(on, d["appealed_on"] or d["meeting_date"], "--date", today)
        return (
            {"appeal_outcome": chosen, "resolved_on": on},
            {"outcome": chosen, "resolved_on": on.isoformat()},
        )

    return _write(db, clock, actor, programme_key, decision_id, "resolved", check)
