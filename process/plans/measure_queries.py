"""Reading measures: the filtered list (what is due, what is overdue) and one measure's page.

A measure is *open* while it is planned, ongoing or postponed: only open measures are due
or overdue. `--due-within` is answered from the index on the deadlines' dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session

from process.bodies import bodies
from process.core import vocab
from process.core.errors import InvalidInput
from process.plans import measure_actions as lifecycle
from process.storage import lookup
from process.storage.body_tables import Body as BodyRow
from process.storage.lookup import id_of
from process.storage.plan_tables import (
    ActionPlan,
    Measure,
    MeasureBody,
    MeasureDeadline,
    MeasureFollowup,
    MeasureNote,
    PlanArea,
    PlanGoal,
    table,
)
from process.storage.table_of import table_of
from process.storage.tables import AuditEvent, Programme, WorkflowDefinition
from process.workflow import stored
from process.workflow.definition import Definition, label_text
from process.workflow.next_steps import next_steps as next_steps_of

OPEN_STATES = ("planned", "ongoing", "postponed")  # the bundled measure workflow's
_PROG = table(Programme)


def open_states(session: Session) -> tuple[str, ...]:
    """The states in which a measure is still open (unfinished: it would be carried over
    into next year's plan): the sources of the trigger marked carries_over in every measure
    workflow in use (the programmes' own, and the bundled one)."""
    ids = [
        i
        for i in session.connection()
        .execute(sa.select(_PROG.c.measure_definition_id).distinct())
        .scalars()
        if i is not None
    ]
    found = set(OPEN_STATES)
    for definition_id in ids:
        for t in stored.definition_of(session, definition_id).triggers:
            if "carries_over" in t.marks:
                found.update(t.sources)
    return tuple(sorted(found))


_M, _P, _D = table(Measure), table(ActionPlan), table(MeasureDeadline)
_MB, _B = table(MeasureBody), table(BodyRow)
_W = table_of(WorkflowDefinition)


@dataclass(frozen=True)
class Filters:
    """What `rsp measures list` narrows the list by (None: no narrowing)."""

    area: int | None = None
    goal: str | None = None
    body: str | None = None
    state: str | None = None
    due_within: int | None = None
    overdue: bool = False
    year: int | None = None

    @property
    def by_deadline(self) -> bool:
        return self.due_within is not None or self.overdue


def due_window(
    today: dt.date, due_within: int | None, overdue: bool
) -> tuple[dt.date | None, dt.date | None]:
    """The deadline dates that count as due and/or overdue (pure): (from, to), inclusive."""
    if due_within is not None and due_within < 0:
        raise InvalidInput("--due-within must be 0 or more days")
    low = None if overdue else today
    if due_within is None:
        return low, today - dt.timedelta(days=1)
    return low, today + dt.timedelta(days=due_within)


def _definitions(session: Session, ids: set[int]) -> dict[int, Definition]:
    return {i: stored.definition_of(session, i) for i in ids}


def list_query(
    prog_id: int,
    f: Filters,
    today: dt.date,
    body_ids: set[int] | None,
    open_now: tuple[str, ...] = OPEN_STATES,
) -> sa.Select:
    """The SELECT behind `list_measures` (by deadline: a range scan of the date index)."""
    lead = sa.and_(_MB.c.measure_id == _M.c.id, _MB.c.position == 0)
    cols = [
        _M.c.id,
        _P.c.year,
        _M.c.code,
        _M.c.area,
        _M.c.title,
        _M.c.state,
        _M.c.definition_id,
        _B.c.key,
        _W.c.content_hash,
    ]  # the hash: labels from cache
    if f.by_deadline:
        low, high = due_window(today, f.due_within, f.overdue)
        joined = (
            _D.join(_M, _M.c.id == _D.c.measure_id)
            .join(_P, _P.c.id == _M.c.plan_id)
            .join(_W, _W.c.id == _M.c.definition_id)
            .outerjoin(_MB, lead)
            .outerjoin(_B, _B.c.id == _MB.c.body_id)
        )
        q = (
            sa.select(*cols, _D.c.due_date, _D.c.text)
            .select_from(joined)
            .where(_D.c.due_date <= high, _M.c.state.in_(open_now))
        )
        if low is not None:
            q = q.where(_D.c.due_date >= low)
        q = q.order_by(_D.c.due_date, _P.c.year, _M.c.code)
    else:
        # an open measure: its earliest dated target, passed (overdue) or not; a closed
        # one: its next target still ahead, if any
        nxt = sa.case(
            (
                _M.c.state.in_(open_now),
                sa.select(sa.func.min(_D.c.due_date))
                .where(_D.c.measure_id == _M.c.id)
                .scalar_subquery(),
            ),
            else_=sa.select(sa.func.min(_D.c.due_date))
            .where(_D.c.measure_id == _M.c.id, _D.c.due_date >= today)
            .scalar_subquery(),
        )
        joined = (
            _M.join(_P, _P.c.id == _M.c.plan_id)
            .join(_W, _W.c.id == _M.c.definition_id)
            .outerjoin(_MB, lead)
            .outerjoin(_B, _B.c.id == _MB.c.body_id)
        )
        q = (
            sa.select(*cols, nxt, sa.null())
            .select_from(joined)
            .order_by(_P.c.year, _M.c.area, _M.c.code)
        )
    q = q.where(_P.c.programme_id == prog_id)
    if f.year is not None:
        q = q.where(_P.c.year == f.year)
    if f.area is not None:
        q = q.where(_M.c.area == f.area)
    if f.state is not None:
        q = q.where(_M.c.state == f.state)
    if f.goal is not None:
        q = q.where(_M.c.goals.like(f'%"{f.goal}"%'))
    if body_ids is not None:
        q = q.where(_M.c.id.in_(sa.select(_MB.c.measure_id).where(_MB.c.body_id.in_(body_ids))))
    return q


class MeasureLine(NamedTuple):
    """A measure as listed: plan year, code, area, title, state, lead body and a deadline.

    A NamedTuple, not a dataclass: a list can hold tens of thousands of rows, and a frozen
    dataclass costs five times a dict to make (the scale benchmark holds the list's time)."""

    id: int
    year: int
    code: str
    area: int
    title: str
    state: str
    state_label: str
    lead: str | None
    deadline: dt.date | None
    deadline_text: str | None
    days_left: int | None

    def to_json(self) -> dict[str, Any]:
        """The fields in order, as 'rsp measure list --json' prints them."""
        return self._asdict()


def list_measures(
    session: Session, programme_key: str | None, today: dt.date, f: Filters, lang: str = "sv"
) -> list[MeasureLine]:
    """The programme's measures narrowed by `f`; by deadline, one row per due deadline."""
    prog_id = lookup.programme_id(session, programme_key)
    body_ids = None
    if f.body is not None:
        body = bodies.find_body(session, prog_id, f.body)
        body_ids = bodies.with_groups(session, lookup.id_of(body))
    if f.goal is not None and not lifecycle_goal(f.goal):
        raise InvalidInput(f"--goal {f.goal!r}: a goal is <area>.<number>, e.g. 2.1")
    if f.state is not None:
        f = dataclasses.replace(f, state=_state_key(session, prog_id, f.state))
    rows = (
        session.connection()
        .execute(list_query(prog_id, f, today, body_ids, open_states(session)))
        .all()
    )
    defs = {i: stored.definition_by_hash(session, i, h) for i, h in {(r[6], r[8]) for r in rows}}
    labels = {(i, s.name): label_text(s.label, lang) for i, d in defs.items() for s in d.states}
    return [
        MeasureLine(
            id=mid,
            year=year,
            code=code,
            area=area,
            title=title,
            state=state,
            state_label=labels.get((did, state), state),
            lead=lead,
            deadline=due,
            deadline_text=text,
            days_left=(due - today).days if due is not None else None,
        )
        for mid, year, code, area, title, state, did, lead, _hash, due, text in rows
    ]


def lifecycle_goal(goal: str) -> bool:
    from process.plans.plan_file import GOAL_ID_RE

    return bool(GOAL_ID_RE.match(goal))


def _state_key(session: Session, prog_id: int, state: str) -> str:
    """The measure state `state` names: its key or its label in any case ('pågår',
    'Planerad'), else refused with the states there are in the reader's language."""
    ids = (
        session.connection()
        .execute(
            sa.select(_M.c.definition_id)
            .join(_P, _P.c.id == _M.c.plan_id)
            .where(_P.c.programme_id == prog_id)
            .distinct()
        )
        .scalars()
        .all()
    )
    entries: dict[str, dict[str, str]] = {}
    for d in _definitions(session, set(ids)).values():
        for s in d.states:
            entries.setdefault(s.name, s.label)
    if not entries:
        return state
    return vocab.resolve(state, entries.items(), "--state")


def _history(session: Session, subjects: list[str]) -> list[dict[str, Any]]:
    a = table(AuditEvent)
    rows = (
        session.connection()
        .execute(sa.select(a).where(a.c.subject.in_(subjects)).order_by(a.c.id))
        .mappings()
        .all()
    )
    keys = (
        "id",
        "at",
        "actor",
        "role",
        "action",
        "outcome",
        "subject",
        "trigger",
        "from_state",
        "to_state",
        "comment",
    )
    return [
        {**{k: r[k] for k in keys}, "detail": json.loads(r["detail"]), "decision": None}
        for r in rows
    ]


def _link(session: Session, measure_id: int | None) -> dict[str, Any] | None:
    if measure_id is None:
        return None
    row = (
        session.connection()
        .execute(
            sa.select(_M.c.id, _M.c.code, _M.c.carried_from_id, _P.c.year)
            .join(_P, _P.c.id == _M.c.plan_id)
            .where(_M.c.id == measure_id)
        )
        .one()
    )
    return {"id": row.id, "code": row.code, "year": row.year, "from": row.carried_from_id}


def show_measure(
    session: Session,
    programme_key: str | None,
    code: str,
    year: int | None,
    today: dt.date,
    lang: str = "sv",
) -> dict[str, Any]:
    """Everything about one measure: plan content, state, deadlines, bodies, notes, history."""
    prog = lookup.find_programme(session, programme_key)
    row, plan = lifecycle.find_measure(session, id_of(prog), code, year)
    conn = session.connection()
    definition = stored.definition_of(session, row.definition_id)
    goals = json.loads(row.goals)
    g, ar = table(PlanGoal), table(PlanArea)
    titles = dict(
        conn.execute(
            sa.select(g.c.code, g.c.title).where(g.c.plan_id == plan.id, g.c.code.in_(goals))
        ).all()
    )
    area_title = conn.execute(
        sa.select(ar.c.title).where(ar.c.plan_id == plan.id, ar.c.number == row.area)
    ).scalar()
    responsible = [
        {"key": k, "name": n, "lead": pos == 0}
        for k, n, pos in conn.execute(
            sa.select(_B.c.key, _B.c.name, _MB.c.position)
            .join(_MB, _MB.c.body_id == _B.c.id)
            .where(_MB.c.measure_id == row.id)
            .order_by(_MB.c.position)
        )
    ]
    open_now = row.state in open_states(session)
    deadlines = [
        {"date": d, "text": t, "days_left": (d - today).days, "overdue": open_now and d < today}
        for d, t in conn.execute(
            sa.select(_D.c.due_date, _D.c.text)
            .where(_D.c.measure_id == row.id)
            .order_by(_D.c.due_date)
        )
    ]
    n = table(MeasureNote)
    notes = [
        dict(r)
        for r in conn.execute(
            sa.select(n.c.at, n.c.author, n.c.text).where(n.c.measure_id == row.id).order_by(n.c.id)
        ).mappings()
    ]
    fu = table(MeasureFollowup)
    followup = (
        conn.execute(
            sa.select(fu.c.outcome, fu.c.comment, fu.c.recorded_by, fu.c.recorded_at).where(
                fu.c.measure_id == row.id
            )
        )
        .mappings()
        .first()
    )
    chain, origin = [f"measure:{row.id}"], _link(session, row.carried_from_id)
    link = origin
    while link is not None:
        chain.insert(0, f"measure:{link['id']}")
        link = _link(session, link["from"])
    carried_to = conn.execute(sa.select(_M.c.id).where(_M.c.carried_from_id == row.id)).scalar()
    subject = f"measure:{row.id}"
    return {
        "id": row.id,
        "year": plan.year,
        "code": row.code,
        "title": row.title,
        "area": {"number": row.area, "title": area_title},
        "subgoal": row.subgoal,
        "goals": [{"code": c, "title": titles.get(c)} for c in goals],
        "activities": json.loads(row.activities),
        "financing": json.loads(row.financing),
        "responsible": responsible,
        "deadlines": deadlines,
        "state": row.state,
        "state_label": label_text(definition.state(row.state).label, lang),
        "final": definition.state(row.state).final,
        "state_since": row.state_since,
        "version": row.version,
        "carried_from": origin,
        "carried_to": _link(session, carried_to),
        "followup": dict(followup) if followup else None,
        "notes": notes,
        "next_steps": [
            asdict(s) for s in next_steps_of(session, definition, row.state, subject, lang)
        ],
        "history": _history(session, chain),
    }
