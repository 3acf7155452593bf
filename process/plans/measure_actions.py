"""The measure lifecycle on the engine: find a measure, who acts on it, fire its triggers,
progress notes and the year-end follow-up.

`responsible_body` is a contextual role: nobody is granted it; an actor holds it on a
measure when they are a member person of one of the measure's responsible bodies (or of
a body in a responsible group).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa
from sqlmodel import Session, col, select

from process.access import audit, people
from process.access import unit_of_work as access
from process.bodies import bodies
from process.core.clock import Clock
from process.core.errors import (
    ConflictError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    RspError,
)
from process.storage import lookup
from process.storage.database import Database
from process.storage.plan_tables import (
    ActionPlan,
    Measure,
    MeasureBody,
    MeasureFollowup,
    MeasureNote,
    table,
)
from process.storage.plan_tables import Body as BodyRow
from process.storage.tables import Person, Programme
from process.workflow import engine, stored
from process.workflow.definition import Definition

T = TypeVar("T")
RESPONSIBLE = "responsible_body"
OUTCOMES = ("achieved", "partly", "not")
# Triggers with a command of their own, which records more than the state change.
OWN_COMMAND = {
    "follow_up": "rsp followup record {code} --year {year} --outcome achieved|partly|not "
                 "--comment '…'",
    "carry_over": "rsp plan rollover {year} {next_year}",
}


def command_for(trigger: str, code: str, year: int) -> str:
    """How a user fires a trigger on a measure (pure)."""
    own = OWN_COMMAND.get(trigger)
    if own:
        return own.format(code=code, year=year, next_year=year + 1)
    return f"rsp measure advance {code} {trigger}"


def find_measure(session: Session, programme_id: int, code: str,
                 year: int | None = None) -> tuple[Measure, ActionPlan]:
    """A measure by its code (e.g. 2.B), in the plan of `year` when codes repeat."""
    code = code.strip().upper()
    query = (select(Measure, ActionPlan).join(ActionPlan, ActionPlan.id == Measure.plan_id)  # type: ignore[arg-type]
             .where(ActionPlan.programme_id == programme_id, Measure.code == code))
    if year is not None:
        query = query.where(ActionPlan.year == year)
    found = list(session.exec(query.order_by(col(ActionPlan.year))))
    if not found:
        where = f" in the {year} plan" if year is not None else ""
        raise NotFound(f"no measure {code!r}{where}; see 'rsp measures list'")
    if len(found) > 1:
        years = ", ".join(str(p.year) for _m, p in found)
        raise InvalidInput(f"measure {code} is in several plans ({years}): give --year")
    return found[0]


def measure_actor(session: Session, login: str, programme_id: int,
                  measure_id: int) -> people.Actor | None:
    """The actor with their programme roles, plus `responsible_body` when it applies."""
    actor = people.actor_for(session, login, programme_id)
    if actor is None:
        return None
    person_id = session.exec(select(Person.id).where(Person.login == login)).one()
    assert person_id is not None
    mine = bodies.bodies_of_person(session, person_id)
    if mine:
        mb = table(MeasureBody)
        hit = session.connection().execute(sa.select(mb.c.body_id).where(
            mb.c.measure_id == measure_id, mb.c.body_id.in_(mine)).limit(1)).first()
        if hit:
            return people.Actor(actor.login, actor.name, actor.roles | {RESPONSIBLE})
    return actor


def responsible_names(session: Session, measure_id: int) -> list[str]:
    """The keys of a measure's responsible bodies, lead first."""
    mb, b = table(MeasureBody), table(BodyRow)
    return [r[0] for r in session.connection().execute(
        sa.select(b.c.key).join(mb, mb.c.body_id == b.c.id)
        .where(mb.c.measure_id == measure_id).order_by(mb.c.position))]


def target_of(row: Measure, plan: ActionPlan) -> engine.Target:
    """The engine's view of a measure row."""
    assert row.id is not None
    return engine.Target(table(Measure), row.id, row.state, row.version, f"measure:{row.id}",
                         f"measure {row.code} ({plan.year})",
                         f"'rsp measure show {row.code} --year {plan.year}'")


def _explain(session: Session, error: PermissionDenied, row: Measure,
             allowed: tuple[str, ...]) -> PermissionDenied:
    if RESPONSIBLE not in allowed:
        return error
    assert row.id is not None
    keys = ", ".join(responsible_names(session, row.id))
    return PermissionDenied(f"{error} ({RESPONSIBLE}: a member person of one of the "
                            f"measure's responsible bodies: {keys}; an admin adds one with "
                            "'rsp bodies member BODY LOGIN')")


def fire(session: Session, clock: Clock, actor: str, prog: Programme, row: Measure,
         plan: ActionPlan, definition: Definition, trigger: str, comment: str | None,
         as_role: str | None = None, detail: dict | None = None) -> engine.Advanced:
    """Fire a trigger on a measure through the engine's core, inside the caller's session."""
    assert prog.id is not None and row.id is not None
    who = measure_actor(session, actor, prog.id, row.id)
    try:
        return engine.fire(session, clock, actor, who, prog, target_of(row, plan), definition,
                           trigger, comment, None, as_role, detail)
    except PermissionDenied as error:
        t = definition.trigger(trigger)
        raise _explain(session, error, row, t.roles if t else ()) from None


@dataclass
class _Seen:
    """What a refused attempt is audited with."""

    programme_id: int | None = None
    subject: str | None = None
    state: str | None = None


def _guarded(db: Database, clock: Clock, actor: str, programme_key: str | None, code: str,
             year: int | None, action: str,
             work: Callable[[Session, Programme, Measure, ActionPlan], T],
             trigger: str | None = None, comment: str | None = None) -> T:
    """Run `work` on the measure in one write transaction; audit a refusal on its own."""
    seen = _Seen()
    try:
        with db.write() as session:
            prog = lookup.find_programme(session, programme_key)
            seen.programme_id = prog.id
            assert prog.id is not None
            row, plan = find_measure(session, prog.id, code, year)
            seen.subject, seen.state = f"measure:{row.id}", row.state
            return work(session, prog, row, plan)
    except RspError as error:
        if seen.programme_id is not None:
            people.audit_refusal(db, clock, actor, seen.programme_id, action, error,
                                 subject=seen.subject, trigger=trigger, from_state=seen.state,
                                 comment=comment)
        raise


def advance(db: Database, clock: Clock, actor: str, programme_key: str | None, code: str,
            trigger: str, comment: str | None = None, year: int | None = None,
            as_role: str | None = None, expected_version: int | None = None
            ) -> engine.Advanced:
    """Fire a trigger on a measure as the actor; audit it either way."""
    if comment is not None and len(comment) > access.MAX_TEXT:
        raise InvalidInput(f"--comment is longer than {access.MAX_TEXT} characters")

    def work(session: Session, prog: Programme, row: Measure,
             plan: ActionPlan) -> engine.Advanced:
        if trigger in OWN_COMMAND:
            raise InvalidTransition(f"{trigger} has a command of its own: "
                                    + command_for(trigger, row.code, plan.year))
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(f"measure {row.code} is at version {row.version}, not "
                                f"{expected_version}: someone changed it")
        definition = stored.definition_of(session, row.definition_id)
        return fire(session, clock, actor, prog, row, plan, definition, trigger, comment,
                    as_role)

    return _guarded(db, clock, actor, programme_key, code, year, "transition", work,
                    trigger, comment)


def add_note(db: Database, clock: Clock, actor: str, programme_key: str | None, code: str,
             text: str, year: int | None = None) -> int:
    """Add a progress note (working group or a responsible body's member); its id."""
    body = access.check_text(text, "the note")
    assert body is not None

    def work(session: Session, prog: Programme, row: Measure, plan: ActionPlan) -> int:
        assert prog.id is not None and row.id is not None
        who = measure_actor(session, actor, prog.id, row.id)
        try:
            role = people.require_role(who, actor, (access.WORKING_GROUP, RESPONSIBLE),
                                       "write notes on this measure")
        except PermissionDenied as error:
            raise _explain(session, error, row, (RESPONSIBLE,)) from None
        note = MeasureNote(measure_id=row.id, at=clock.now(), author=actor, text=body)
        session.add(note)
        session.flush()
        audit.append(session, at=clock.now(), actor=actor, role=role, action="measure.note",
                     programme_id=prog.id, subject=f"measure:{row.id}", comment=body,
                     detail={"year": plan.year, "code": row.code})
        assert note.id is not None
        return note.id

    return _guarded(db, clock, actor, programme_key, code, year, "measure.note", work,
                    comment=body)


@dataclass(frozen=True)
class FollowupRecorded:
    """What `record_followup` did."""

    code: str
    year: int
    outcome: str
    from_state: str
    to_state: str
    role: str
    replaced: str | None


def record_followup(db: Database, clock: Clock, actor: str, programme_key: str | None,
                    code: str, outcome: str, comment: str, year: int | None = None
                    ) -> FollowupRecorded:
    """Record a measure's year-end outcome (working group); a done measure is followed up."""
    if outcome not in OUTCOMES:
        raise InvalidInput(f"--outcome {outcome!r}: one of {', '.join(OUTCOMES)}")
    text = access.check_text(comment, "--comment (what was achieved against the sub-goal)")
    assert text is not None

    def work(session: Session, prog: Programme, row: Measure,
             plan: ActionPlan) -> FollowupRecorded:
        definition = stored.definition_of(session, row.definition_id)
        t = definition.trigger("follow_up")
        previous = session.exec(select(MeasureFollowup).where(
            MeasureFollowup.measure_id == row.id)).first()
        detail = {"outcome": outcome, "year": plan.year, "code": row.code}
        if previous is not None:
            detail["replaced"] = previous.outcome
        if t is not None and row.state in t.sources:
            done = fire(session, clock, actor, prog, row, plan, definition, "follow_up", text,
                        detail=detail)
            role, to_state = done.role, done.to_state
        else:
            assert prog.id is not None and row.id is not None
            who = measure_actor(session, actor, prog.id, row.id)
            role = people.require_role(who, actor, t.roles if t else (access.WORKING_GROUP,),
                                       "record follow-ups")
            to_state = row.state
            engine.touch(session, target_of(row, plan), "recording its follow-up")
            audit.append(session, at=clock.now(), actor=actor, role=role,
                         action="followup.recorded", programme_id=prog.id,
                         subject=f"measure:{row.id}", comment=text, detail=detail)
        if previous is None:
            assert row.id is not None
            previous = MeasureFollowup(measure_id=row.id, outcome=outcome, comment=text,
                                       recorded_by=actor, recorded_at=clock.now())
            replaced = None
        else:
            replaced = previous.outcome
            previous.outcome, previous.comment = outcome, text
            previous.recorded_by, previous.recorded_at = actor, clock.now()
        session.add(previous)
        return FollowupRecorded(row.code, plan.year, outcome, row.state, to_state, role,
                                replaced)

    return _guarded(db, clock, actor, programme_key, code, year, "followup.record", work,
                    comment=text)
