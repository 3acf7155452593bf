"""Import a yearly action plan: validate the whole file, then create or update its measures.

Importing the same file again changes nothing. A changed file updates the measures it
names and keeps their state and history; measures the file no longer names are kept and
reported. Every created or changed measure gets its own audit row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from process.access import unit_of_work
from process.access.capabilities import MANAGE_PLANS
from process.access.unit_of_work import Work
from process.bodies import bodies
from process.core import yamlsrc
from process.core.clock import Clock
from process.plans import measure_rows as store
from process.plans.measure_rows import Progress
from process.plans.plan_file import ActionPlan, Area, load_action_plan, parse_action_plan
from process.storage.database import Database
from process.storage.lookup import id_of
from process.storage.plan_tables import ActionPlan as PlanRow
from process.storage.plan_tables import PlanArea, PlanGoal
from process.workflow import stored


@dataclass
class ImportResult:
    """What an import did, as counts and as lines to print."""

    year: int
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    changed: bool = False


def measure_definition_id(w: Work) -> int:
    """The programme's measure workflow (stored when it was created; a programme created
    before programmes had their own: the bundled one, stored on first use)."""
    if w.programme.measure_definition_id is not None:
        return w.programme.measure_definition_id
    import workflows
    from process.workflow.definition import load_definition

    row = stored.store_definition(w, load_definition(workflows.path_of("measure")))
    return id_of(row)


def _sync_areas(session: Session, plan: PlanRow, areas: Sequence[Area]) -> list[str]:
    lines = []
    have = {a.number: a for a in session.exec(select(PlanArea).where(PlanArea.plan_id == plan.id))}
    goals = {g.code: g for g in session.exec(select(PlanGoal).where(PlanGoal.plan_id == plan.id))}
    for a in areas:
        row = have.get(a.number)
        values = {
            "title": a.title,
            "description": a.description,
            "examples": store.json_list(a.examples),
        }
        if row is None:
            session.add(
                PlanArea(
                    plan_id=id_of(plan),
                    number=a.number,
                    title=a.title,
                    description=a.description,
                    examples=store.json_list(a.examples),
                )
            )
            if have:
                lines.append(f"  area {a.number} added: {a.title}")
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            session.add(row)
            lines.append(f"  area {a.number} changed")
        for g in a.goals:
            grow = goals.get(g.id)
            if grow is None:
                session.add(PlanGoal(plan_id=id_of(plan), area=a.number, code=g.id, title=g.title))
                if goals:
                    lines.append(f"  goal {g.id} added: {g.title}")
            elif (grow.title, grow.area) != (g.title, a.number):
                grow.title, grow.area = g.title, a.number
                session.add(grow)
                lines.append(f"  goal {g.id} changed")
    return lines


HASH_ONLY = "  the file changed, its content did not: new file hash recorded"


def _plan_row(w: Work, plan: ActionPlan) -> tuple[PlanRow, list[str], bool]:
    """The plan's row, created or brought up to date; what changed; whether it is new."""
    session, prog = w.session, w.programme
    row = session.exec(
        select(PlanRow).where(PlanRow.programme_id == prog.id, PlanRow.year == plan.year)
    ).first()
    values: dict[str, Any] = {
        "title": plan.title,
        "issuer": plan.issuer,
        "starts": plan.starts,
        "followup": plan.followup,
    }
    if row is None:
        row = PlanRow(
            programme_id=id_of(prog),
            year=plan.year,
            title=plan.title,
            issuer=plan.issuer,
            starts=plan.starts,
            followup=plan.followup,
            content_hash=plan.content_hash,
            source=plan.source,
            imported_at=w.now,
        )
        session.add(row)
        session.flush()
        return row, [], True
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    for k in changed:
        setattr(row, k, values[k])
    lines = [f"  plan: {', '.join(changed)} changed"] if changed else []
    if row.content_hash != plan.content_hash:
        row.content_hash, row.source, row.imported_at = (plan.content_hash, plan.source, w.now)
        lines = lines or [HASH_ONLY]
    session.add(row)
    return row, lines, False


def apply_plan(w: Work, plan: ActionPlan, progress: Progress | None = None) -> ImportResult:
    """Write a validated plan: create what is new, update what changed, keep the rest."""
    session = w.session
    result = ImportResult(plan.year)
    row, changes, new_plan = _plan_row(w, plan)
    changes += _sync_areas(session, row, plan.areas)
    stored = {} if new_plan else store.stored_contents(session, id_of(row))
    measures = plan.measures()
    if progress:
        progress.start(len(measures))
    new = [m for m in measures if m.id not in stored]
    for m in measures:
        if m.id not in stored:
            continue
        mrow, before = stored[m.id]
        after = store.content_of(m)
        changed = [k for k in store.CONTENT if before[k] != after[k]]
        if changed:
            store.update_measure(w, mrow, m, changed)
            w.audit(
                "measure.updated",
                subject=f"measure:{mrow.id}",
                detail={
                    "year": plan.year,
                    "code": m.id,
                    "changed": {k: [before[k], after[k]] for k in changed},
                },
            )
            result.updated.append(m.id)
            changes.append(f"  {m.id}: {', '.join(changed)} changed")
        if progress:
            progress.step(1)
    if new:
        definition_id = measure_definition_id(w)
        store.insert_measures(w, row, new, definition_id, progress=progress)
        result.created = [m.id for m in new]
        if not new_plan:
            changes += [f"  new measure {m.id}: {m.title}" for m in new]
    if len(changes) > 1 and HASH_ONLY in changes:  # the content did change after all
        changes.remove(HASH_ONLY)
    named = {m.id for m in measures}
    result.kept = [f"{code} ({r.state})" for code, (r, _c) in stored.items() if code not in named]
    return _finish(w, plan, row, result, changes, new_plan)


def _finish(
    w: Work,
    plan: ActionPlan,
    row: PlanRow,
    result: ImportResult,
    changes: list[str],
    new_plan: bool,
) -> ImportResult:
    n_measures = len(plan.measures())
    n_goals = sum(len(a.goals) for a in plan.areas)
    if new_plan:
        result.lines = [
            f"plan {plan.year} ({plan.title}): imported {n_measures} measures in "
            f"{len(plan.areas)} areas, {n_goals} goals"
        ]
    elif changes:
        result.lines = [f"plan {plan.year}: updated from {plan.source}", *changes]
    else:
        result.lines = [f"plan {plan.year}: no changes ({n_measures} measures)"]
    if result.kept:
        result.lines.append(f"  not in the file, kept: {', '.join(result.kept)}")
    result.changed = new_plan or bool(changes)
    if result.changed:
        w.audit(
            "plan.imported" if new_plan else "plan.updated",
            subject=f"plan:{row.id}",
            detail={
                "year": plan.year,
                "source": plan.source,
                "content_hash": plan.content_hash,
                "created": result.created,
                "updated": result.updated,
            },
        )
    return result


def is_workbook(name: str) -> bool:
    """Whether a plan file is read as an Excel workbook (by its name: .xlsx)."""
    return name.lower().endswith(".xlsx")


def read_plan(
    name: str, raw: bytes, known_bodies: set[str], year: int, lang: str = "sv"
) -> ActionPlan:
    """Check a plan file's bytes whole, YAML or .xlsx by its name; every problem raises
    one DefinitionError (YAML: file:line; a workbook: sheet!cell, in `lang`)."""
    from process.plans.plan_workbook import read_workbook_plan, refuse_other_format

    if is_workbook(name):
        return read_workbook_plan(raw, name, known_bodies, year, lang)
    refuse_other_format(name, lang)
    data = yamlsrc.loads(yamlsrc.decode(raw, name, lang), name, lang=lang)
    return parse_action_plan(data, name, raw, known_bodies, year, lang=lang)


def import_plan(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    path: str,
    year: int,
    progress: Progress | None = None,
    lang: str = "sv",
) -> ImportResult:
    """Validate an action-plan file (YAML or .xlsx) completely, then import it (admin or
    working group)."""

    def check(w: Work) -> ActionPlan:
        w.require(MANAGE_PLANS, "import action plans")
        known = bodies.body_keys(w.session, w.programme_id)
        from process.plans.plan_workbook import load_workbook_plan, refuse_other_format

        if is_workbook(path):
            return load_workbook_plan(path, known, year, lang)
        refuse_other_format(path, lang)
        return load_action_plan(path, known, year)

    return _import(db, clock, actor, programme_key, check, progress)


def import_upload(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    name: str,
    raw: bytes,
    year: int,
    lang: str = "sv",
) -> ImportResult:
    """Validate an uploaded plan file's bytes (YAML or .xlsx) completely, then import it."""

    def check(w: Work) -> ActionPlan:
        w.require(MANAGE_PLANS, "import action plans")
        return read_plan(name, raw, bodies.body_keys(w.session, w.programme_id), year, lang)

    return _import(db, clock, actor, programme_key, check, None)


def _import(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    check: Callable[[Work], ActionPlan],
    progress: Progress | None,
) -> ImportResult:

    action = "plan.import"
    plan = unit_of_work.check(db, clock, actor, programme_key, action, check)

    def work(w: Work) -> ImportResult:
        w.require(MANAGE_PLANS, "import action plans")
        return apply_plan(w, plan, progress)

    return unit_of_work.write(db, clock, actor, programme_key, action, work)


__all__ = [
    "ImportResult",
    "Progress",
    "apply_plan",
    "import_plan",
    "import_upload",
    "is_workbook",
    "read_plan",
]
