"""Measure rows: insert them with their responsible bodies and deadlines, update their
plan content (compare-and-set on the version), and read that content back for comparison.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access import audit
from process.access.unit_of_work import Work
from process.core.errors import ConflictError
from process.plans.plan_file import Measure
from process.storage.body_tables import Body as BodyRow
from process.storage.lookup import id_of
from process.storage.plan_tables import ActionPlan as PlanRow
from process.storage.plan_tables import Measure as MeasureRow
from process.storage.plan_tables import MeasureBody, MeasureDeadline, table
from process.workflow import stored

CONTENT = (
    "area",
    "title",
    "subgoal",
    "goals",
    "activities",
    "financing",
    "responsible",
    "deadlines",
)


class Progress(Protocol):
    """Told how many measures there are, then each time some are done."""

    def start(self, total: int) -> None: ...

    def step(self, n: int) -> None: ...


def content_of(m: Measure) -> dict[str, Any]:
    """A measure's plan content as plain, comparable values."""
    return {
        "area": m.area,
        "title": m.title,
        "subgoal": m.subgoal,
        "goals": list(m.goals),
        "activities": list(m.activities),
        "financing": list(m.financing),
        "responsible": list(m.responsible),
        "deadlines": [[d.date.isoformat(), d.text] for d in m.deadlines],
    }


def stored_contents(session: Session, plan_id: int) -> dict[str, tuple[MeasureRow, dict]]:
    """Every measure of a plan by code, with its content as `content_of` gives it."""
    rows = list(session.exec(select(MeasureRow).where(MeasureRow.plan_id == plan_id)))
    ids = [r.id for r in rows]
    resp: dict[int, list[str]] = {i: [] for i in ids if i is not None}
    dls: dict[int, list[list[str]]] = {i: [] for i in ids if i is not None}
    if ids:
        conn = session.connection()
        m, mb, b, d = table(MeasureRow), table(MeasureBody), table(BodyRow), table(MeasureDeadline)
        for mid, key in conn.execute(
            sa.select(mb.c.measure_id, b.c.key)
            .join(b, b.c.id == mb.c.body_id)
            .join(m, m.c.id == mb.c.measure_id)
            .where(m.c.plan_id == plan_id)
            .order_by(mb.c.measure_id, mb.c.position)
        ):
            resp[mid].append(key)
        for mid, due, text in conn.execute(
            sa.select(d.c.measure_id, d.c.due_date, d.c.text)
            .join(m, m.c.id == d.c.measure_id)
            .where(m.c.plan_id == plan_id)
            .order_by(d.c.id)
        ):
            dls[mid].append([due.isoformat(), text])
    out = {}
    for r in rows:
        out[r.code] = (
            r,
            {
                "area": r.area,
                "title": r.title,
                "subgoal": r.subgoal,
                "goals": json.loads(r.goals),
                "activities": json.loads(r.activities),
                "financing": json.loads(r.financing),
                "responsible": resp[id_of(r)],
                "deadlines": dls[id_of(r)],
            },
        )
    return out


def _links(
    conn: sa.Connection, ids_and_measures: Sequence[tuple[int, Measure]], body_ids: dict[str, int]
) -> None:
    """Insert the responsible bodies (lead first) and deadlines of measures."""
    mb = [
        {"measure_id": mid, "position": i, "body_id": body_ids[k]}
        for mid, m in ids_and_measures
        for i, k in enumerate(m.responsible)
    ]
    dl = [
        {"measure_id": mid, "due_date": d.date, "text": d.text}
        for mid, m in ids_and_measures
        for d in m.deadlines
    ]
    if mb:
        conn.execute(sa.insert(table(MeasureBody)), mb)
    if dl:
        conn.execute(sa.insert(table(MeasureDeadline)), dl)


def insert_measures(
    w: Work,
    plan: PlanRow,
    items: Sequence[Measure],
    definition_id: int,
    carried_from: dict[str, int] | None = None,
    progress: Progress | None = None,
) -> list[int]:
    """Create measures in their initial state with bodies and deadlines; audit each one."""
    if not items:
        return []
    session, prog, now = w.session, w.programme, w.now
    definition = stored.definition_of(session, definition_id)
    carried_from = carried_from or {}
    t = table(MeasureRow)
    rows = [
        {
            "plan_id": plan.id,
            "code": m.id,
            "area": m.area,
            "title": m.title,
            "subgoal": m.subgoal,
            "goals": json_list(m.goals),
            "activities": json_list(m.activities),
            "financing": json_list(m.financing),
            "state": definition.initial,
            "state_since": now,
            "version": 1,
            "carried_from_id": carried_from.get(m.id),
            "definition_id": definition_id,
            "created_at": now,
        }
        for m in items
    ]
    conn = session.connection()
    result = conn.execute(sa.insert(t).returning(t.c.id, sort_by_parameter_order=True), rows)
    ids = [r[0] for r in result]
    _links(conn, list(zip(ids, items, strict=True)), _body_ids(session, w.programme_id))
    events = []
    for mid, m in zip(ids, items, strict=True):
        detail: dict[str, Any] = {"year": plan.year, "code": m.id, "title": m.title}
        if m.id in carried_from:
            detail["carried_from"] = f"measure:{carried_from[m.id]}"
        events.append(
            {
                "at": now,
                "recorded_at": w.recorded,
                "actor": w.actor,
                "role": w.role,
                "action": "measure.created",
                "programme_id": prog.id,
                "subject": f"measure:{mid}",
                "to_state": definition.initial,
                "detail": detail,
            }
        )
    for chunk in range(0, len(events), 200):
        audit.append_many(session, events[chunk : chunk + 200])
        if progress:
            progress.step(len(events[chunk : chunk + 200]))
    return ids


def json_list(values: Sequence[str]) -> str:
    """A list of texts as JSON text (Swedish letters kept)."""
    return json.dumps(list(values), ensure_ascii=False)


def _body_ids(session: Session, programme_id: int) -> dict[str, int]:
    b = table(BodyRow)
    return {
        k: i
        for k, i in session.connection().execute(
            sa.select(b.c.key, b.c.id).where(b.c.programme_id == programme_id)
        )
    }


def update_measure(w: Work, row: MeasureRow, m: Measure, changed: list[str]) -> None:
    """Bring a measure's content up to date with the plan file (compare-and-set)."""
    session = w.session
    t = table(MeasureRow)
    conn = session.connection()
    done = conn.execute(
        sa.update(t)
        .where(t.c.id == row.id, t.c.version == row.version)
        .values(
            area=m.area,
            title=m.title,
            subgoal=m.subgoal,
            goals=json_list(m.goals),
            activities=json_list(m.activities),
            financing=json_list(m.financing),
            version=row.version + 1,
        )
    )
    if done.rowcount != 1:
        raise ConflictError(
            f"measure {m.id} was changed by someone else during the import; "
            "nothing was saved — import again"
        )
    for name, link in (("responsible", MeasureBody), ("deadlines", MeasureDeadline)):
        if name in changed:
            lt = table(link)
            conn.execute(sa.delete(lt).where(lt.c.measure_id == row.id))
    kept = Measure(
        m.id,
        m.area,
        m.title,
        m.subgoal,
        m.goals,
        m.activities,
        m.responsible if "responsible" in changed else (),
        m.financing,
        m.deadlines if "deadlines" in changed else (),
        m.line,
    )
    _links(conn, [(id_of(row), kept)], _body_ids(session, w.programme_id))
