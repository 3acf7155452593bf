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

from process.access import capabilities, people, unit_of_work
from process.access.capabilities import FOLLOW_UP, WRITE_NOTES
from process.access.unit_of_work import Work
from process.bodies import bodies
from process.core import vocab
from process.core.clock import Clock
from process.core.errors import (
    ConflictError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from process.core.words import OUTCOME_LABELS
from process.storage.body_tables import Body as BodyRow
from process.storage.database import Database
from process.storage.lookup import id_of
from process.storage.plan_tables import (
    ActionPlan,
    Measure,
    MeasureBody,
    MeasureFollowup,
    MeasureNote,
    table,
)
from process.storage.tables import Person
from process.workflow import engine, stored
from process.workflow.definition import LEGACY_MARKS, Definition

T = TypeVar("T")
RESPONSIBLE = "responsible_body"
OUTCOMES = ("achieved", "partly", "not")
FOLLOWS_UP, CARRIES_OVER = "follows_up", "carries_over"  # the marks of those triggers
# Triggers with a command of their own (found by their marks), which record more than
# the state change.
OWN_COMMAND = {
    FOLLOWS_UP: "rsp followup record {code} --year {year} --outcome achieved|partly|not "
    "--comment '…'",
    CARRIES_OVER: "rsp plan rollover {year} {next_year}",
}


def command_for(trigger: str, code: str, year: int, marks: tuple[str, ...] = ()) -> str:
    """How a user fires a trigger on a measure (pure); without its marks, the bundled
    workflow's names stand for them."""
    marks = marks or ((LEGACY_MARKS[trigger],) if trigger in LEGACY_MARKS else ())
    own = next((OWN_COMMAND[m] for m in marks if m in OWN_COMMAND), None)
    if own:
        return own.format(code=code, year=year, next_year=year + 1)
    return f"rsp measure advance {code} {trigger}"


def find_measure(
    session: Session, programme_id: int, code: str, year: int | None = None
) -> tuple[Measure, ActionPlan]:
    """A measure by its code (e.g. 2.B), in the plan of `year` when codes repeat."""
    code = code.strip().upper()
    query = (
        select(Measure, ActionPlan)
        .join(ActionPlan, ActionPlan.id == Measure.plan_id)  # type: ignore[arg-type]
        .where(ActionPlan.programme_id == programme_id, Measure.code == code)
    )
    if year is not None:
        query = query.where(ActionPlan.year == year)
    found = list(session.exec(query.order_by(col(ActionPlan.year))))
    if not found:
        where = f" in the {year} plan" if year is not None else ""
        raise NotFound(f"no measure {code!r}{where}; see 'rsp measure list'")
    if len(found) > 1:
        years = ", ".join(str(p.year) for _m, p in found)
        raise InvalidInput(f"measure {code} is in several plans ({years}): give --year")
    return found[0]


def measure_actor(
    session: Session, login: str, programme_id: int, measure_id: int
) -> people.Actor | None:
    """The actor with their programme roles, plus `responsible_body` when it applies."""
    actor = people.actor_for(session, login, programme_id)
    if actor is None:
        return None
    person_id = session.exec(select(Person.id).where(Person.login == login.lower())).one()
    assert person_id is not None
    mine = bodies.bodies_of_person(session, person_id)
    if mine:
        mb = table(MeasureBody)
        hit = (
            session.connection()
            .execute(
                sa.select(mb.c.body_id)
                .where(mb.c.measure_id == measure_id, mb.c.body_id.in_(mine))
                .limit(1)
            )
            .first()
        )
        if hit:
            return people.Actor(actor.login, actor.name, actor.roles | {RESPONSIBLE})
    return actor


def responsible_names(session: Session, measure_id: int) -> list[str]:
    """The keys of a measure's responsible bodies, lead first."""
    mb, b = table(MeasureBody), table(BodyRow)
    return [
        r[0]
        for r in session.connection().execute(
            sa.select(b.c.key)
            .join(mb, mb.c.body_id == b.c.id)
            .where(mb.c.measure_id == measure_id)
            .order_by(mb.c.position)
        )
    ]


def target_of(row: Measure, plan: ActionPlan) -> engine.Target:
    """The engine's view of a measure row."""
    return engine.Target(
        table(Measure),
        id_of(row),
        row.state,
        row.version,
        f"measure:{row.id}",
        f"measure {row.code} ({plan.year})",
        f"'rsp measure show {row.code} --year {plan.year}'",
    )


def _explain(
    session: Session, error: PermissionDenied, row: Measure, allowed: tuple[str, ...]
) -> PermissionDenied:
    if RESPONSIBLE not in allowed:
        return error
    keys = ", ".join(responsible_names(session, id_of(row)))
    return PermissionDenied(
        f"{error} ({RESPONSIBLE}: a member person of one of the "
        f"measure's responsible bodies: {keys}; an admin adds one with "
        "'rsp bodies member BODY LOGIN')"
    )


def fire(
    w: Work,
    row: Measure,
    plan: ActionPlan,
    definition: Definition,
    trigger: str,
    comment: str | None,
    as_role: str | None = None,
    detail: dict | None = None,
) -> engine.Advanced:
    """Fire a trigger on a measure through the engine's core, inside the caller's work."""
    who = measure_actor(w.session, w.actor, w.programme_id, id_of(row))
    try:
        return engine.fire(
            w, who, target_of(row, plan), definition, trigger, comment, None, as_role, detail
        )
    except PermissionDenied as error:
        t = definition.trigger(trigger)
        raise _explain(w.session, error, row, t.roles if t else ()) from None


def _on_measure(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    code: str,
    year: int | None,
    action: str,
    work: Callable[[Work, Measure, ActionPlan], T],
    trigger: str | None = None,
    comment: str | None = None,
) -> T:
    """Run `work` on the measure in one unit of work; a refusal is audited on the measure."""

    def on_measure(w: Work) -> T:
        row, plan = find_measure(w.session, w.programme_id, code, year)
        w.about(subject=f"measure:{row.id}", from_state=row.state)
        return work(w, row, plan)

    return unit_of_work.write(
        db, clock, actor, programme_key, action, on_measure, trigger=trigger, comment=comment
    )


def advance(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    code: str,
    trigger: str,
    comment: str | None = None,
    year: int | None = None,
    as_role: str | None = None,
    expected_version: int | None = None,
) -> engine.Advanced:
    """Fire a trigger on a measure as the actor; audit it either way."""

    def work(w: Work, row: Measure, plan: ActionPlan) -> engine.Advanced:
        if comment is not None and len(comment) > unit_of_work.MAX_TEXT:
            raise InvalidInput(f"--comment is longer than {unit_of_work.MAX_TEXT} characters")
        definition = stored.definition_of(w.session, row.definition_id)
        name = definition.trigger_key(trigger)  # its name, or its label as shown
        if name != trigger:
            w.about(trigger=name)
        t = definition.trigger(name)
        if t is not None and set(t.marks) & set(OWN_COMMAND):
            raise InvalidTransition(
                f"{name} has a command of its own: "
                + command_for(name, row.code, plan.year, t.marks)
            )
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(
                f"measure {row.code} is at version {row.version}, not "
                f"{expected_version}: someone changed it"
            )
        return fire(w, row, plan, definition, name, comment, as_role)

    return _on_measure(
        db,
        clock,
        actor,
        programme_key,
        code,
        year,
        "transition",
        work,
        trigger,
        unit_of_work.fitting(comment),
    )


def add_note(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    code: str,
    text: str,
    year: int | None = None,
) -> int:
    """Add a progress note (working group or a responsible body's member); its id."""

    def work(w: Work, row: Measure, plan: ActionPlan) -> int:
        body = unit_of_work.check_text(text, "the note")
        assert body is not None
        session = w.session
        who = measure_actor(session, actor, w.programme_id, id_of(row))
        writers = (*capabilities.roles_for(session, w.programme_id, WRITE_NOTES), RESPONSIBLE)
        try:
            w.require_role(writers, "write notes on this measure", actor=who)
        except PermissionDenied as error:
            raise _explain(session, error, row, (RESPONSIBLE,)) from None
        note = MeasureNote(measure_id=id_of(row), at=w.now, author=actor, text=body)
        session.add(note)
        session.flush()
        w.audit(
            "measure.note",
            subject=f"measure:{row.id}",
            comment=body,
            detail={"year": plan.year, "code": row.code},
        )
        return id_of(note)

    return _on_measure(
        db,
        clock,
        actor,
        programme_key,
        code,
        year,
        "measure.note",
        work,
        comment=unit_of_work.fitting(text),
    )


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


def is_done(definition: Definition, state: str) -> bool:
    """Whether a measure in `state` is done: its follow-up trigger leaves from there, or
    it has been followed up already (pure)."""
    t = definition.marked(FOLLOWS_UP, state)
    return t is not None and (state in t.sources or state == t.dest)


def _check_followup(
    row: Measure, definition: Definition, outcome: str, comment: str, reason: str | None
) -> tuple[str, str, str | None]:
    """The outcome (its key, typed as key or Swedish label), comment and reason to record,
    or InvalidInput saying what is wrong."""
    outcome = vocab.resolve(outcome, OUTCOME_LABELS.items(), "--outcome")
    text = unit_of_work.check_text(comment, "--comment (what was achieved against the sub-goal)")
    why = unit_of_work.check_text(reason, "--reason", required=False)
    assert text is not None
    if outcome == "achieved" and why is None and not is_done(definition, row.state):
        raise InvalidInput(
            f"--outcome achieved: measure {row.code} is not done (it is "
            f"{row.state}); say why it is achieved anyway with --reason, or "
            "record partly or not"
        )
    return outcome, text, why


def _record(
    w: Work, row: Measure, plan: ActionPlan, outcome: str, comment: str, reason: str | None
) -> FollowupRecorded:
    """Record one measure's follow-up in the unit of work (a done measure is followed up)."""
    session, actor = w.session, w.actor
    definition = stored.definition_of(session, row.definition_id)
    outcome, text, why = _check_followup(row, definition, outcome, comment, reason)
    t = definition.marked(FOLLOWS_UP, row.state)
    previous = session.exec(
        select(MeasureFollowup).where(MeasureFollowup.measure_id == row.id)
    ).first()
    detail: dict[str, object] = {"outcome": outcome, "year": plan.year, "code": row.code}
    if why is not None:
        detail["reason"] = why
    if previous is not None:
        detail["replaced"] = previous.outcome
    if t is not None and row.state in t.sources:
        done = fire(w, row, plan, definition, t.name, text, detail=detail)
        role, to_state = done.role, done.to_state
    else:
        who = measure_actor(session, actor, w.programme_id, id_of(row))
        role = w.require_role(
            (*t.roles, capabilities.ADMIN)
            if t
            else capabilities.roles_for(session, w.programme_id, FOLLOW_UP),
            "record follow-ups",
            actor=who,
        )
        to_state = row.state
        engine.touch(session, target_of(row, plan), "recording its follow-up")
        w.audit("followup.recorded", subject=f"measure:{row.id}", comment=text, detail=detail)
    if previous is None:
        previous = MeasureFollowup(
            measure_id=id_of(row),
            outcome=outcome,
            comment=text,
            recorded_by=actor,
            recorded_at=w.now,
            reason=why,
        )
        replaced = None
    else:
        replaced = previous.outcome
        previous.outcome, previous.comment, previous.reason = outcome, text, why
        previous.recorded_by, previous.recorded_at = actor, w.now
    session.add(previous)
    return FollowupRecorded(row.code, plan.year, outcome, row.state, to_state, role, replaced)


def record_followup(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    code: str,
    outcome: str,
    comment: str,
    year: int | None = None,
    reason: str | None = None,
) -> FollowupRecorded:
    """Record a measure's year-end outcome (working group); a done measure is followed up.
    A measure not done is 'achieved' only with a reason."""

    def work(w: Work, row: Measure, plan: ActionPlan) -> FollowupRecorded:
        return _record(w, row, plan, outcome, comment, reason)

    return _on_measure(
        db,
        clock,
        actor,
        programme_key,
        code,
        year,
        "followup.record",
        work,
        comment=unit_of_work.fitting(comment),
    )


@dataclass(frozen=True)
class FollowupEntry:
    """One measure's row of the year-end follow-up form."""

    code: str
    outcome: str
    comment: str
    reason: str | None = None


class FollowupProblems(InvalidInput):
    """Rows of a follow-up refused together: each measure's code → what is wrong."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{code}: {text}" for code, text in problems.items()))
        self.problems = problems


def record_followups(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    year: int,
    entries: list[FollowupEntry],
) -> list[FollowupRecorded]:
    """Record the follow-up of several measures of a year's plan together, in one unit of
    work: all of them, or (FollowupProblems naming each measure's problem) none. An entry
    equal to what is recorded is left as it is."""

    def work(w: Work) -> list[FollowupRecorded]:
        session = w.session
        rows = []
        problems: dict[str, str] = {}
        for e in entries:
            try:
                row, plan = find_measure(session, w.programme_id, e.code, year)
            except NotFound as error:
                problems[e.code] = str(error)
                continue
            previous = session.exec(
                select(MeasureFollowup).where(MeasureFollowup.measure_id == row.id)
            ).first()
            if previous is not None and (previous.outcome, previous.comment, previous.reason) == (
                e.outcome,
                (e.comment or "").strip(),
                (e.reason or "").strip() or None,
            ):
                continue
            try:
                _check_followup(
                    row,
                    stored.definition_of(session, row.definition_id),
                    e.outcome,
                    e.comment,
                    e.reason,
                )
            except InvalidInput as error:
                problems[e.code] = str(error)
                continue
            rows.append((row, plan, e))
        if problems:
            raise FollowupProblems(problems)
        return [_record(w, row, plan, e.outcome, e.comment, e.reason) for row, plan, e in rows]

    return unit_of_work.write(db, clock, actor, programme_key, "followup.record", work)
