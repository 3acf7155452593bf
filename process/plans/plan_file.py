"""The yearly action plan (handlingsplan): priority areas → goals → measures, validated.

Pure: `load_action_plan` reads a YAML file, checks everything it can and raises one
`DefinitionError` listing every problem as `{source}:{line}: {where}: {problem}`.
Bodies (ansvariga aktörer) come from `process.bodyfile`, re-exported here.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from process.bodies.bodies_file import Body, Problems, load_bodies, parse_bodies, unknown
from process.core import yamlsrc

__all__ = [
    "ActionPlan",
    "Area",
    "Body",
    "Deadline",
    "Goal",
    "Measure",
    "load_action_plan",
    "load_bodies",
    "parse_action_plan",
    "parse_bodies",
]

GOAL_ID_RE = re.compile(r"^(\d+)\.([1-9]\d*)$")
MEASURE_ID_RE = re.compile(r"^(\d+)\.([A-Z])$")

_TOP = ("plan", "areas")
_PLAN = ("year", "title", "issuer", "starts", "followup")
_AREA = ("number", "title", "description", "examples", "goals", "measures")
_GOAL = ("id", "title")
_MEASURE = (
    "id",
    "title",
    "subgoal",
    "goals",
    "activities",
    "responsible",
    "financing",
    "deadlines",
)
_DEADLINE = ("date", "text")


@dataclass(frozen=True)
class Deadline:
    """A dated target of a measure ("Kommunala planer klara 2014-12-31")."""

    date: datetime.date
    text: str


@dataclass(frozen=True)
class Measure:
    """A planned measure (planerad insats), e.g. 2.B, with its sub-goal and deadlines."""

    id: str
    area: int
    title: str
    subgoal: str
    goals: tuple[str, ...]
    activities: tuple[str, ...]
    responsible: tuple[str, ...]
    financing: tuple[str, ...]
    deadlines: tuple[Deadline, ...]
    line: int


@dataclass(frozen=True)
class Goal:
    """A goal of the programme (mål enligt RSP), e.g. 1.1."""

    id: str
    title: str


@dataclass(frozen=True)
class Area:
    """A priority area (prioriterat område) with its goals and the year's measures."""

    number: int
    title: str
    description: str
    examples: tuple[str, ...]
    goals: tuple[Goal, ...]
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class ActionPlan:
    """One year's action plan, with the file it came from and the hash of its bytes."""

    year: int
    title: str
    issuer: str
    starts: datetime.date
    followup: str
    areas: tuple[Area, ...]
    source: str
    content_hash: str

    def measures(self) -> tuple[Measure, ...]:
        """All measures, area by area, in the plan's order."""
        return tuple(m for area in self.areas for m in area.measures)


@dataclass
class _Context:
    """What checking a measure needs from the rest of the plan."""

    year: int
    bodies: set[str]
    goal_lines: dict[str, int]
    measure_lines: dict[str, int]


def _check_body(p: Problems, line: int, where: str, label: str, key: str, known: set[str]) -> None:
    if key not in known:
        msg = unknown("body", key, known, p.lang) + p.say("not_in_bodies")
        p.add(line, where, p.field(label, msg))


def _check_id(
    p: Problems, m: yamlsrc.Located, where: str, number: int, kind: str, seen: dict[str, int]
) -> str:
    """A goal's or measure's id: its form, its area prefix, and that it is not taken."""
    ident, line = p.text(m, "id", where), m.line_of("id")
    regex, form = (
        (GOAL_ID_RE, p.say("goal_form"))
        if kind == "goal"
        else (MEASURE_ID_RE, p.say("measure_form"))
    )
    match = regex.match(ident)
    if ident and not match:
        p.add(line, where, p.field("id", p.say("id_form", ident=ident, form=form)))
    elif match and number and int(match[1]) != number:
        p.add(line, where, p.field("id", p.say("id_area", ident=ident, number=number)))
    if ident in seen:
        p.add(line, where, p.say("duplicate_id", kind=kind, ident=ident, first=seen[ident]))
    elif ident:
        seen[ident] = line
    return ident


def _goals(
    p: Problems, a: yamlsrc.Located, number: int, where: str, seen: dict[str, int]
) -> tuple[Goal, ...]:
    goals: list[Goal] = []
    for j, raw in enumerate(p.items_of(a, "goals", where, nonempty=True)):
        g = p.mapping(raw, a.line_of("goals"), f"{where} goal #{j + 1}")
        if g is None:
            continue
        gid = g.get("id")
        gwhere = f"goal {gid}" if isinstance(gid, str) and gid else f"{where} goal #{j + 1}"
        p.fields(g, gwhere, _GOAL, _GOAL)
        gid = _check_id(p, g, gwhere, number, "goal", seen)
        goals.append(Goal(gid, p.text(g, "title", gwhere)))
    return tuple(goals)


def _deadlines(p: Problems, m: yamlsrc.Located, where: str, year: int) -> tuple[Deadline, ...]:
    deadlines: list[Deadline] = []
    for k, raw in enumerate(p.items_of(m, "deadlines", where, nonempty=True)):
        d = p.mapping(raw, m.line_of("deadlines"), f"{where}: field 'deadlines[{k}]'")
        if d is None:
            continue
        label = f"deadlines[{k}]."
        p.fields(d, where, _DEADLINE, _DEADLINE, prefix=label)
        date = p.date(d, "date", where, f"{label}date")
        text = p.text(d, "text", where, f"{label}text")
        if date and year and not year <= date.year <= year + 1:
            why = p.say("before_year" if date.year < year else "after_year", date=date, year=year)
            p.add(d.line_of("date"), where, p.field(f"{label}date", why))
        if date:
            deadlines.append(Deadline(date, text))
    return tuple(deadlines)


def _measure(p: Problems, m: yamlsrc.Located, number: int, where: str, ctx: _Context) -> Measure:
    mid = m.get("id")
    where = f"measure {mid}" if isinstance(mid, str) and mid else where
    p.fields(m, where, _MEASURE, _MEASURE)
    mid = _check_id(p, m, where, number, "measure", ctx.measure_lines)
    goals = p.texts(m, "goals", where)
    for i, gid in enumerate(goals):
        if gid not in ctx.goal_lines:
            msg = unknown("goal", gid, ctx.goal_lines, p.lang) + p.say(
                "plans_goals", goals=", ".join(ctx.goal_lines)
            )
            p.add(m.line_of("goals"), where, p.field(f"goals[{i}]", msg))
    responsible = p.texts(m, "responsible", where)
    for i, key in enumerate(responsible):
        _check_body(p, m.line_of("responsible"), where, f"responsible[{i}]", key, ctx.bodies)
        if key in responsible[:i]:
            msg = p.say("listed_twice", body=key)
            p.add(m.line_of("responsible"), where, p.field(f"responsible[{i}]", msg))
    return Measure(
        id=mid,
        area=number,
        title=p.text(m, "title", where),
        subgoal=p.text(m, "subgoal", where),
        goals=goals,
        activities=p.texts(m, "activities", where),
        responsible=responsible,
        financing=p.texts(m, "financing", where),
        deadlines=_deadlines(p, m, where, ctx.year),
        line=m.line,
    )


def _measures(
    p: Problems, a: yamlsrc.Located, number: int, where: str, ctx: _Context
) -> tuple[Measure, ...]:
    measures: list[Measure] = []
    for k, raw in enumerate(p.items_of(a, "measures", where)):
        mwhere = f"{where} measure #{k + 1}"
        m = p.mapping(raw, a.line_of("measures"), mwhere)
        if m is not None:
            measures.append(_measure(p, m, number, mwhere, ctx))
    return tuple(measures)


def parse_action_plan(
    data: Any,
    source: str,
    raw: bytes,
    known_bodies: set[str],
    year: int | None = None,
    problems: Problems | None = None,
    lang: str = "en",
) -> ActionPlan:
    """Validate parsed action-plan data; all problems raise one DefinitionError (with
    those already in `problems`, which a workbook's reader passes), worded in `lang`
    (English, the command line's; Swedish for the browser)."""
    p = problems or Problems(source, lang=lang)
    top = p.mapping(data, 1, "file")
    if top is None:
        p.fail()
    p.fields(top, "file", _TOP, _TOP)
    head = p.mapping(top["plan"], top.line_of("plan"), "plan") if "plan" in top else None
    plan_year, starts, title, issuer, followup = 0, None, "", "", ""
    if head is not None:
        p.fields(head, "plan", _PLAN, ("year", "title", "issuer", "starts"))
        plan_year = p.number(head, "year", "plan")
        title, issuer = p.text(head, "title", "plan"), p.text(head, "issuer", "plan")
        followup = p.text(head, "followup", "plan")
        starts = p.date(head, "starts", "plan")
        if issuer:
            _check_body(p, head.line_of("issuer"), "plan", "issuer", issuer, known_bodies)
        if year is not None and plan_year and year != plan_year:
            msg = p.say("year_asked", plan_year=plan_year, year=year)
            p.add(head.line_of("year"), "plan", p.field("year", msg))
        if starts and plan_year and starts.year != plan_year:
            msg = p.say("starts_year", starts=starts, plan_year=plan_year)
            p.add(head.line_of("starts"), "plan", p.field("starts", msg))
    ctx = _Context(plan_year, known_bodies, {}, {})
    shapes: list[tuple[yamlsrc.Located, int, str, tuple[Goal, ...]]] = []
    numbers: dict[int, int] = {}
    for i, raw_area in enumerate(p.items_of(top, "areas", "file", nonempty=True)):
        a = p.mapping(raw_area, top.line_of("areas"), f"area #{i + 1}")
        if a is None:
            continue
        number = p.number(a, "number", f"area #{i + 1}")
        where = f"area {number}" if number else f"area #{i + 1}"
        p.fields(a, where, _AREA, ("number", "title", "goals", "measures"))
        if number in numbers:
            msg = p.say("duplicate_area", number=number, first=numbers[number])
            p.add(a.line_of("number"), where, msg)
        elif number:
            numbers[number] = a.line_of("number")
        shapes.append((a, number, where, _goals(p, a, number, where, ctx.goal_lines)))
    areas = tuple(
        Area(
            number,
            p.text(a, "title", where),
            p.text(a, "description", where),
            p.texts(a, "examples", where, nonempty=False),
            goals,
            _measures(p, a, number, where, ctx),
        )
        for a, number, where, goals in shapes
    )
    p.check()
    assert starts is not None  # a missing or bad date is a recorded problem
    return ActionPlan(
        year=plan_year,
        title=title,
        issuer=issuer,
        starts=starts,
        followup=followup,
        areas=areas,
        source=source,
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def load_action_plan(
    path: Path | str, known_bodies: set[str], year: int | None = None
) -> ActionPlan:
    """Read and validate an action-plan file; `year` (e.g. from --year) must match it."""
    data, raw = yamlsrc.load(path)
    return parse_action_plan(data, str(path), raw, known_bodies, year)
