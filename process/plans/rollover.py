"""Carry a year's unfinished measures over into next year's plan.

Each open measure (planned, ongoing, postponed) gets a copy in the next plan, linked to
it and with its dated targets moved to that year; the original is fired `carry_over`
through the engine. A measure already carried over is skipped, so running it twice
changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import string
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from process.access import unit_of_work
from process.access.capabilities import FOLLOW_UP
from process.access.unit_of_work import Work
from process.core.clock import Clock
from process.core.errors import ConflictError, InvalidInput, NotFound
from process.plans import measure_actions as lifecycle
from process.plans import measure_queries as measures
from process.plans import measure_rows as measure_store
from process.plans import plan_import as plans
from process.plans.plan_file import Deadline
from process.plans.plan_file import Measure as PlanMeasure
from process.storage import lookup
from process.storage.database import Database
from process.storage.lookup import ProgrammeRef, id_of
from process.storage.plan_tables import ActionPlan, Measure, MeasureDeadline, PlanArea, PlanGoal
from process.storage.tables import Programme
from process.workflow import stored


@dataclass
class RolloverResult:
    """What a rollover did, as lines to print."""

    from_year: int
    to_year: int
    carried: list[tuple[str, str]] = field(default_factory=list)  # (old code, new code)
    lines: list[str] = field(default_factory=list)


def shift_date(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February (pure)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def next_title(title: str, old: int, new: int) -> str:
    """Next year's plan title: the year replaced, or added (pure)."""
    if re.search(rf"\b{old}\b", title):
        return re.sub(rf"\b{old}\b", str(new), title)
    return f"{title} ({new})"


def free_code(area: int, wanted: str, taken: set[str]) -> str:
    """`wanted` if free in the plan, else the first free letter of its area (pure)."""
    if wanted not in taken:
        return wanted
    for letter in string.ascii_uppercase:
        code = f"{area}.{letter}"
        if code not in taken:
            return code
    raise InvalidInput(f"area {area} of the new plan has no free measure letter left")


def _target_plan(
    session: Session, clock: Clock, prog: Programme | ProgrammeRef, old: ActionPlan, year: int
) -> tuple[ActionPlan, bool]:
    row = session.exec(
        select(ActionPlan).where(ActionPlan.programme_id == prog.id, ActionPlan.year == year)
    ).first()
    if row is not None:
        return row, False
    row = ActionPlan(
        programme_id=id_of(prog),
        year=year,
        title=next_title(old.title, old.year, year),
        issuer=old.issuer,
        starts=dt.date(year, 1, 1),
        followup=old.followup,
        content_hash=None,
        source=f"rollover {old.year} → {year}",
        imported_at=clock.now(),
    )
    session.add(row)
    session.flush()
    for a in session.exec(select(PlanArea).where(PlanArea.plan_id == old.id)):
        session.add(
            PlanArea(
                plan_id=id_of(row),
                number=a.number,
                title=a.title,
                description=a.description,
                examples=a.examples,
            )
        )
    for g in session.exec(select(PlanGoal).where(PlanGoal.plan_id == old.id)):
        session.add(PlanGoal(plan_id=id_of(row), area=g.area, code=g.code, title=g.title))
    return row, True


def _copy(session: Session, m: Measure, code: str, years: int) -> PlanMeasure:
    deadlines = tuple(
        Deadline(shift_date(d.due_date, years), d.text)
        for d in session.exec(
            select(MeasureDeadline)
            .where(MeasureDeadline.measure_id == m.id)
            .order_by(MeasureDeadline.id)  # type: ignore[arg-type]
        )
    )  # type: ignore[arg-type]
    return PlanMeasure(
        code,
        m.area,
        m.title,
        m.subgoal,
        tuple(json.loads(m.goals)),
        tuple(json.loads(m.activities)),
        tuple(lifecycle.responsible_names(session, id_of(m))),
        tuple(json.loads(m.financing)),
        deadlines,
        0,
    )


def codes_in_new_plan(open_ones: list[Measure], taken: set[str]) -> dict[str, str]:
    """Each carried measure's code in the new plan: its own where free, else the first
    free letter of its area (`taken`: the codes the new plan has already)."""
    taken = set(taken)
    keep = {m.code for m in open_ones if m.code not in taken}  # codes that stay as they are
    taken |= keep
    out = {}
    for m in open_ones:
        code = m.code if m.code in keep else free_code(m.area, m.code, taken)
        taken.add(code)
        out[m.code] = code
    return out


@dataclass
class RolloverPlan:
    """What a rollover would do, before it is asked for: the measures the target plan
    has already, and what it would add (year, old code, state, new code)."""

    from_year: int
    to_year: int
    existing: int
    adds: list[tuple[str, str, str]] = field(default_factory=list)  # (old, new, state)

    def lines(self) -> list[str]:
        out = [
            f"the {self.to_year} plan has {self.existing} measures already; the rollover "
            f"would add {len(self.adds)} more:"
        ]
        for was, now, state in self.adds:
            renamed = f" (renamed: {was} is taken in {self.to_year})" if now != was else ""
            out.append(f"  {self.from_year} {was} ({state}) → {self.to_year} {now}{renamed}")
        return out


def preview(
    session: Session, programme_key: str | None, from_year: int, to_year: int
) -> RolloverPlan:
    """What `rollover` would add, read only (to show it and ask before it is done)."""
    prog = lookup.find_programme(session, programme_key)
    plans_by_year = {
        p.year: p
        for p in session.exec(
            select(ActionPlan).where(
                ActionPlan.programme_id == prog.id, col(ActionPlan.year).in_([from_year, to_year])
            )
        )
    }
    old, new = plans_by_year.get(from_year), plans_by_year.get(to_year)
    result = RolloverPlan(from_year, to_year, 0)
    if old is None:
        return result
    open_now = measures.open_states(session)
    open_ones = list(
        session.exec(
            select(Measure)
            .where(Measure.plan_id == old.id, col(Measure.state).in_(open_now))
            .order_by(Measure.area, Measure.code)  # type: ignore[arg-type]
        )
    )  # type: ignore[arg-type]
    taken: set[str] = set()
    if new is not None:
        taken = set(session.exec(select(Measure.code).where(Measure.plan_id == new.id)))
        result.existing = len(taken)
    codes = codes_in_new_plan(open_ones, taken)
    result.adds = [(m.code, codes[m.code], m.state) for m in open_ones]
    return result


def _work(
    w: Work, from_year: int, to_year: int, expect: list[tuple[str, str]] | None = None
) -> RolloverResult:
    session, clock, prog = w.session, w.clock, w.programme
    result = RolloverResult(from_year, to_year)
    old = session.exec(
        select(ActionPlan).where(ActionPlan.programme_id == prog.id, ActionPlan.year == from_year)
    ).first()
    if old is None:
        raise NotFound(f"no action plan for {from_year}; import one with 'rsp plan import'")
    role = w.require(FOLLOW_UP, "roll plans over")
    source = list(
        session.exec(
            select(Measure).where(Measure.plan_id == old.id).order_by(Measure.area, Measure.code)  # type: ignore[arg-type]
        )
    )  # type: ignore[arg-type]
    open_now = measures.open_states(session)
    open_ones = [m for m in source if m.state in open_now]
    workflows = {m.definition_id: stored.definition_of(session, m.definition_id) for m in source}
    carried = {
        t.dest for d in workflows.values() for t in d.triggers if lifecycle.CARRIES_OVER in t.marks
    }
    already = [m for m in source if m.state in carried]
    if not open_ones:
        result.lines = [
            f"rollover {from_year} → {to_year}: nothing to carry over "
            f"({len(already)} already carried over, {len(source)} measures)"
        ]
        return result
    new_plan, created = _target_plan(session, clock, prog, old, to_year)
    taken = set(session.exec(select(Measure.code).where(Measure.plan_id == new_plan.id)))
    new_codes = codes_in_new_plan(open_ones, taken)
    if expect is not None and [(m.code, new_codes[m.code]) for m in open_ones] != expect:
        raise ConflictError(
            f"the {from_year} or {to_year} plan changed since you confirmed "
            "the rollover; nothing was carried over: run it again"
        )
    copies, origins = [], {}
    for m in open_ones:
        definition = stored.definition_of(session, m.definition_id)
        carry = definition.marked(lifecycle.CARRIES_OVER, m.state)
        if carry is None:
            raise InvalidInput(
                f"the measure workflow {definition.key} has no trigger marked "
                f"{lifecycle.CARRIES_OVER} (marks: [{lifecycle.CARRIES_OVER}])"
            )
        lifecycle.fire(
            w,
            m,
            old,
            definition,
            carry.name,
            f"Förs över till {to_year} års handlingsplan",
            detail={"to_year": to_year},
        )
        code = new_codes[m.code]
        copies.append(_copy(session, m, code, to_year - from_year))
        origins[code] = id_of(m)
        result.carried.append((m.code, code))
    definition_id = plans.measure_definition_id(w)
    w.role = role  # the copies are created in the role the rollover was asked in
    measure_store.insert_measures(w, new_plan, copies, definition_id, carried_from=origins)
    how = "new plan" if created else "existing plan"
    result.lines = [
        f"rollover {from_year} → {to_year}: {len(copies)} unfinished measures "
        f"carried over into the {how} '{new_plan.title}'"
    ]
    for (was, now), m in zip(result.carried, open_ones, strict=True):
        renamed = f" (renamed: {was} is taken in {to_year})" if now != was else ""
        result.lines.append(f"  {from_year} {was} ({m.state}) → {to_year} {now}{renamed}")
    result.lines.append(
        f"  dated targets moved to {to_year} (same day and month); the "
        f"{from_year} measures are now carried_over"
    )
    if already:
        result.lines.append(f"  already carried over before: {len(already)}")
    return result


def rollover(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    from_year: int,
    to_year: int,
    expect: list[tuple[str, str]] | None = None,
) -> RolloverResult:
    """Carry the unfinished measures of `from_year` into `to_year` (working group).

    `expect` (old code, new code), from a confirmed `preview`: refused, changing nothing,
    when the rollover would now add something else."""

    def work(w: Work) -> RolloverResult:
        if to_year <= from_year:
            raise InvalidInput(f"roll over into a later year: {to_year} is not after {from_year}")
        return _work(w, from_year, to_year, expect)

    return unit_of_work.write(db, clock, actor, programme_key, "plan.rollover", work)


__all__ = [
    "RolloverPlan",
    "RolloverResult",
    "free_code",
    "next_title",
    "preview",
    "rollover",
    "shift_date",
]
