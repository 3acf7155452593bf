"""The yearly action plan (handlingsplan): priority areas → goals → measures, validated.

Pure: `load_action_plan` reads a YAML file, checks everything it can and raises one
`DefinitionError` listing every problem as `{source}:{line}: {where}: {problem}`.
Bodies (ansvariga aktörer) come from `process.bodyfile`, re-exported here.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from process import yamlsrc
from process.bodyfile import Body, Problems, describe, load_bodies, parse_bodies
from process.errors import DefinitionError

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
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

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


def _number(p: Problems, m: yamlsrc.Located, key: str, where: str) -> int:
    """A positive whole-number field (0 when absent or bad)."""
    value = m.get(key)
    if key not in m or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
        return value or 0
    p.add(
        m.line_of(key),
        where,
        f"field {key!r}: must be a positive whole number, not {describe(value)}",
    )
    return 0


def _date(
    p: Problems, m: yamlsrc.Located, key: str, where: str, label: str
) -> datetime.date | None:
    """A YYYY-MM-DD field (None when absent or bad)."""
    if key not in m:
        return None
    value = m[key]
    if isinstance(value, str) and DATE_RE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    p.add(m.line_of(key), where, f"field {label!r}: {value!r} is not a date (YYYY-MM-DD)")
    return None


def _unknown(kind: str, value: str, known: Iterable[str]) -> str:
    """'unknown body 'x'', with a suggestion when a known name is close."""
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown {kind} {value!r}{hint}"


def _check_body(p: Problems, line: int, where: str, label: str, key: str, known: set[str]) -> None:
    if key not in known:
        p.add(line, where, f"field {label!r}: {_unknown('body', key, known)} (not in the bodies)")


def _goals(
    p: Problems, a: yamlsrc.Located, number: int, where: str, seen: dict[str, int]
) -> tuple[Goal, ...]:
    goals: list[Goal] = []
    for j, raw in enumerate(p.items_of(a, "goals", where)):
        g = p.mapping(raw, a.line_of("goals"), f"{where} goal #{j + 1}")
        if g is None:
            continue
        gid = g.get("id")
        gwhere = f"goal {gid}" if isinstance(gid, str) and gid else f"{where} goal #{j + 1}"
        p.fields(g, gwhere, _GOAL, _GOAL)
        gid = p.text(g, "id", gwhere)
        match = GOAL_ID_RE.match(gid)
        if gid and not match:
            p.add(g.line_of("id"), gwhere, f"field 'id': {gid!r} must be <area>.<number>, e.g. 1.1")
        elif match and number and int(match[1]) != number:
            p.add(
                g.line_of("id"),
                gwhere,
                f"field 'id': {gid!r} must start with '{number}.' (it is in area {number})",
            )
        if gid in seen:
            p.add(g.line_of("id"), gwhere, f"duplicate goal id {gid!r} (first on line {seen[gid]})")
        elif gid:
            seen[gid] = g.line_of("id")
        goals.append(Goal(gid, p.text(g, "title", gwhere)))
    if "goals" in a and isinstance(a["goals"], list) and not a["goals"]:
        p.add(a.line_of("goals"), where, "field 'goals': must list at least one goal")
    return tuple(goals)


def _measure(
    p: Problems, m: yamlsrc.Located, number: int, where: str, ctx: _Context
) -> Measure | None:
    mid = m.get("id")
    where = f"measure {mid}" if isinstance(mid, str) and mid else where
    p.fields(m, where, _MEASURE, _MEASURE)
    mid = p.text(m, "id", where)
    match = MEASURE_ID_RE.match(mid)
    if mid and not match:
        p.add(m.line_of("id"), where, f"field 'id': {mid!r} must be <area>.<LETTER>, e.g. 2.B")
    elif match and number and int(match[1]) != number:
        p.add(
            m.line_of("id"),
            where,
            f"field 'id': {mid!r} must start with '{number}.' (it is in area {number})",
        )
    if mid in ctx.measure_lines:
        first = ctx.measure_lines[mid]
        p.add(m.line_of("id"), where, f"duplicate measure id {mid!r} (first on line {first})")
    elif mid:
        ctx.measure_lines[mid] = m.line_of("id")
    goals = p.texts(m, "goals", where)
    for i, gid in enumerate(goals):
        if gid not in ctx.goal_lines:
            p.add(
                m.line_of("goals"),
                where,
                f"field 'goals[{i}]': {_unknown('goal', gid, ctx.goal_lines)} "
                f"(the plan's goals: {', '.join(ctx.goal_lines)})",
            )
    responsible = p.texts(m, "responsible", where)
    for i, key in enumerate(responsible):
        _check_body(p, m.line_of("responsible"), where, f"responsible[{i}]", key, ctx.bodies)
        if key in responsible[:i]:
            p.add(
                m.line_of("responsible"),
                where,
                f"field 'responsible[{i}]': {key!r} is listed twice",
            )
    deadlines: list[Deadline] = []
    for k, raw in enumerate(p.items_of(m, "deadlines", where)):
        d = p.mapping(raw, m.line_of("deadlines"), f"{where} deadlines[{k}]")
        if d is None:
            continue
        label = f"deadlines[{k}]."
        p.fields(d, where, _DEADLINE, _DEADLINE, prefix=label)
        date = _date(p, d, "date", where, f"{label}date")
        text = p.text(d, "text", where, f"{label}text")
        if date and ctx.year and date.year < ctx.year:
            p.add(
                d.line_of("date"),
                where,
                f"field '{label}date': {date} is before the plan year {ctx.year}",
            )
        elif date and ctx.year and date.year > ctx.year + 1:
            p.add(
                d.line_of("date"),
                where,
                f"field '{label}date': {date} is more than a year after the plan year {ctx.year}",
            )
        if date:
            deadlines.append(Deadline(date, text))
    if "deadlines" in m and isinstance(m["deadlines"], list) and not m["deadlines"]:
        p.add(m.line_of("deadlines"), where, "field 'deadlines': must list at least one deadline")
    return Measure(
        id=mid,
        area=number,
        title=p.text(m, "title", where),
        subgoal=p.text(m, "subgoal", where),
        goals=goals,
        activities=p.texts(m, "activities", where),
        responsible=responsible,
        financing=p.texts(m, "financing", where),
        deadlines=tuple(deadlines),
        line=m.line,
    )


@dataclass
class _Context:
    year: int
    bodies: set[str]
    goal_lines: dict[str, int]
    measure_lines: dict[str, int]


def parse_action_plan(
    data: Any, source: str, raw: bytes, known_bodies: set[str], year: int | None = None
) -> ActionPlan:
    """Validate parsed action-plan data; all problems raise one DefinitionError."""
    p = Problems(source)
    top = p.mapping(data, 1, "file")
    if top is None:
        raise DefinitionError(p.items)
    p.fields(top, "file", _TOP, _TOP)
    head = p.mapping(top["plan"], top.line_of("plan"), "plan") if "plan" in top else None
    plan_year, starts, title, issuer, followup = 0, None, "", "", ""
    if head is not None:
        p.fields(head, "plan", _PLAN, ("year", "title", "issuer", "starts"))
        plan_year = _number(p, head, "year", "plan")
        title, issuer = p.text(head, "title", "plan"), p.text(head, "issuer", "plan")
        followup = p.text(head, "followup", "plan")
        starts = _date(p, head, "starts", "plan", "starts")
        if issuer:
            _check_body(p, head.line_of("issuer"), "plan", "issuer", issuer, known_bodies)
        if year is not None and plan_year and year != plan_year:
            p.add(
                head.line_of("year"),
                "plan",
                f"field 'year': the plan is for {plan_year}, not {year} as asked",
            )
        if starts and plan_year and starts.year != plan_year:
            p.add(
                head.line_of("starts"),
                "plan",
                f"field 'starts': {starts} is not in the plan year {plan_year}",
            )
    ctx = _Context(plan_year, known_bodies, {}, {})
    shells: list[tuple[int, str, str, tuple[str, ...], tuple[Goal, ...]]] = []
    pending: list[list[tuple[yamlsrc.Located, str]]] = []
    numbers: dict[int, int] = {}
    for i, raw_area in enumerate(p.items_of(top, "areas", "file")):
        a = p.mapping(raw_area, top.line_of("areas"), f"area #{i + 1}")
        if a is None:
            continue
        number = _number(p, a, "number", f"area #{i + 1}")
        where = f"area {number}" if number else f"area #{i + 1}"
        p.fields(a, where, _AREA, ("number", "title", "goals", "measures"))
        if number in numbers:
            p.add(
                a.line_of("number"),
                where,
                f"duplicate area number {number} (first on line {numbers[number]})",
            )
        elif number:
            numbers[number] = a.line_of("number")
        goals = _goals(p, a, number, where, ctx.goal_lines)
        shells.append(
            (
                number,
                p.text(a, "title", where),
                p.text(a, "description", where),
                p.texts(a, "examples", where, nonempty=False),
                goals,
            )
        )
        mine: list[tuple[yamlsrc.Located, str]] = []
        for k, raw_measure in enumerate(p.items_of(a, "measures", where)):
            mwhere = f"{where} measure #{k + 1}"
            m = p.mapping(raw_measure, a.line_of("measures"), mwhere)
            if m is not None:
                mine.append((m, mwhere))
        pending.append(mine)
    if "areas" in top and top["areas"] == []:
        p.add(top.line_of("areas"), "file", "field 'areas': must list at least one area")
    areas = []
    for (number, area_title, description, examples, goals), mine in zip(
        shells, pending, strict=True
    ):
        measures = tuple(_measure(p, m, number, mwhere, ctx) for m, mwhere in mine)
        areas.append(
            Area(
                number,
                area_title,
                description,
                examples,
                goals,
                tuple(x for x in measures if x is not None),
            )
        )
    p.check()
    assert starts is not None  # a missing or bad date is a recorded problem
    return ActionPlan(
        year=plan_year,
        title=title,
        issuer=issuer,
        starts=starts,
        followup=followup,
        areas=tuple(areas),
        source=source,
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def load_action_plan(
    path: Path | str, known_bodies: set[str], year: int | None = None
) -> ActionPlan:
    """Read and validate an action-plan file; `year` (e.g. from --year) must match it."""
    data, raw = yamlsrc.load(path)
    return parse_action_plan(data, str(path), raw, known_bodies, year)
