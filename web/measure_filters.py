"""The measures list's filters: the choices a programme offers (plan years, areas, goals,
states, bodies, due dates) and the query string turned into `measure_queries.Filters`,
each wrong value named beside its field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlmodel import Session

from process.plans.measure_queries import Filters
from process.storage.body_tables import Body
from process.storage.plan_tables import ActionPlan, PlanArea, PlanGoal, table
from web.views import Workflows
from web.words import t

DUE = ("overdue", "7", "14", "30", "90")  # '' = any; 'overdue'; or due within N days
_P, _A, _G, _B = table(ActionPlan), table(PlanArea), table(PlanGoal), table(Body)


@dataclass(frozen=True)
class Options:
    """What each filter may be set to, as (value, words) pairs."""

    years: list[tuple[str, str]]
    areas: list[tuple[str, str]]
    goals: list[tuple[str, str]]
    states: list[tuple[str, str]]
    bodies: list[tuple[str, str]]
    due: list[tuple[str, str]]


@dataclass
class Chosen:
    """The filters as chosen (strings, for the form) and as the service takes them."""

    values: dict[str, str] = field(default_factory=dict)
    filters: Filters = field(default_factory=Filters)
    errors: dict[str, str] = field(default_factory=dict)


def options(session: Session, programme_id: int, flows: Workflows, lang: str) -> Options:
    """The choices of one programme, in the page's language."""
    conn = session.connection()
    plans = conn.execute(
        sa.select(_P.c.id, _P.c.year).where(_P.c.programme_id == programme_id).order_by(_P.c.year)
    ).all()
    plan_ids = [p.id for p in plans]
    areas = {
        r.number: r.title
        for r in conn.execute(
            sa.select(_A.c.number, _A.c.title)
            .where(_A.c.plan_id.in_(plan_ids))
            .order_by(_A.c.number)
        )
    }
    goals = {
        r.code: r.title
        for r in conn.execute(
            sa.select(_G.c.code, _G.c.title).where(_G.c.plan_id.in_(plan_ids)).order_by(_G.c.code)
        )
    }
    states: dict[str, str] = {}
    for d in flows.measures:
        for s in d.states:
            states.setdefault(s.name, s.label.get(lang) or s.label["sv"])
    bodies = conn.execute(
        sa.select(_B.c.key, _B.c.name).where(_B.c.programme_id == programme_id).order_by(_B.c.name)
    ).all()
    return Options(
        years=[(str(p.year), str(p.year)) for p in plans],
        areas=[(str(n), f"{n}. {title}") for n, title in areas.items()],
        goals=[(c, f"{c} {title}") for c, title in sorted(goals.items(), key=_goal_order)],
        states=list(states.items()),
        bodies=[(b.key, b.name) for b in bodies],
        due=[
            (
                d,
                t(f"filter.due.{d}", lang)
                if not d.isdigit()
                else t("filter.due.within", lang, n=d),
            )
            for d in DUE
        ],
    )


def _goal_order(item: tuple[str, str]) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in item[0].split("."))


def choose(query: Mapping[str, str], opts: Options, lang: str) -> Chosen:
    """The query's filters; a value that is not among the choices is an error on its field."""
    out = Chosen()
    known = {
        "year": opts.years,
        "area": opts.areas,
        "goal": opts.goals,
        "state": opts.states,
        "body": opts.bodies,
        "due": opts.due,
    }
    for name, choices in known.items():
        value = (query.get(name) or "").strip()
        out.values[name] = value
        if value and value not in {v for v, _w in choices}:
            out.errors[name] = t("filter.unknown", lang)
    if out.errors:
        return out
    v = out.values
    due = v["due"]
    out.filters = Filters(
        area=int(v["area"]) if v["area"] else None,
        goal=v["goal"] or None,
        body=v["body"] or None,
        state=v["state"] or None,
        due_within=int(due) if due.isdigit() else None,
        overdue=due == "overdue",
        year=int(v["year"]) if v["year"] else None,
    )
    return out
