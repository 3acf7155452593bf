"""The year-end follow-up report: by priority area and goal, each measure's outcome against
its sub-goal, and the share achieved per area. Markdown, HTML (autoescaped) or CSV;
Swedish by default. This is what goes to Tillväxtverket and to the board each April.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TypedDict

import sqlalchemy as sa
from sqlmodel import Session

from process.core.catalogue import Entry, entry, say, section
from process.core.clock import STOCKHOLM
from process.core.errors import NotFound
from process.core.words import OUTCOME_LABELS, long_date, phrase
from process.reports import templating
from process.reports.spreadsheet_csv import spreadsheet_csv
from process.storage import lookup
from process.storage.body_tables import Body as BodyRow
from process.storage.plan_tables import (
    ActionPlan,
    Measure,
    MeasureBody,
    MeasureFollowup,
    PlanArea,
    PlanGoal,
    table,
)
from process.workflow import stored
from process.workflow.definition import label_text

FORMATS = ("md", "html", "csv", "xlsx")
OUTCOME_WORDS: dict[str | None, Entry] = {
    **{k: v for k, v in OUTCOME_LABELS.items()},
    None: entry("followup_outcome.none"),
}
WORDS = section("followup")


def word(key: str, lang: str, **values: Any) -> str:
    """A phrase of the report in the wanted language (Swedish when unknown)."""
    return phrase(WORDS, key, lang, **values)


def share_text(achieved: int, total: int, lang: str) -> str:
    """ "2 av 4 (50 %)" / "2 of 4 (50%)" (pure)."""
    pct = round(100 * achieved / total) if total else 0
    return word("share_of", lang, achieved=achieved, total=total, pct=pct)


def _counts(items: list[dict[str, Any]]) -> dict[str, int]:
    """How many measures had each outcome; `followed` counts those followed up, which the
    shares are computed over (a measure nobody followed up is not 'not achieved')."""
    c = {"total": len(items), "achieved": 0, "partly": 0, "not_": 0, "missing": 0}
    for m in items:
        c[
            {"achieved": "achieved", "partly": "partly", "not": "not_"}.get(m["outcome"], "missing")
        ] += 1
    c["followed"] = c["total"] - c["missing"]
    return c


def _also_text(entries: list[dict[str, Any]], lang: str) -> str:
    """One sentence for the measures already reported under an earlier goal: 'Även 2.B och
    2.D bidrar till målet; de redovisas under mål 2.1.'"""
    by_goal: dict[str, list[str]] = {}
    for m in entries:
        if m.get("repeat"):
            by_goal.setdefault(m["repeat"], []).append(m["code"])
    parts = []
    for goal, codes in by_goal.items():
        key = "also_one" if len(codes) == 1 else "also_many"
        parts.append(word(key, lang, codes=series(codes, lang), goal=goal))
    return " ".join(parts)


def series(items: list[str], lang: str) -> str:
    """'2.B', '2.B och 2.D', '2.B, 2.D och 2.E' ('and' in English)."""
    joiner = " och " if lang != "en" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + joiner + items[-1]


def _group(area: dict[str, Any], goals: dict[str, dict[str, Any]], lang: str) -> None:
    """Put the area's measures under its goals (and other goals they serve), each once."""
    own = [c for c, g in goals.items() if g["area"] == area["number"]]
    extra = sorted(
        {c for m in area["measures"] for c in m["goals"] if c not in own},
        key=lambda c: [int(x) for x in c.split(".")] if c in goals else [999],
    )
    groups = []
    placed: dict[str, str] = {}
    for code in [*own, *extra]:
        g = goals.get(code, {"area": None, "title": ""})
        entries = []
        for m in area["measures"]:
            if code in m["goals"]:
                entries.append({**m, "repeat": placed.get(m["code"])})
                placed.setdefault(m["code"], code)
        note = (
            word("goal_elsewhere", lang, n=g["area"])
            if g["area"] not in (None, area["number"])
            else ""
        )
        groups.append(
            {
                "code": code,
                "title": g["title"],
                "note": note,
                "measures": entries,
                "also_text": _also_text(entries, lang),
            }
        )
    loose = [{**m, "repeat": None} for m in area["measures"] if not m["goals"]]
    if loose:
        groups.append(
            {
                "code": "",
                "title": word("no_goal", lang),
                "note": "",
                "measures": loose,
                "also_text": "",
            }
        )
    area["goals"] = groups


class FollowupReport(TypedDict):
    """A year's follow-up as the report templates, the CSV and the workbook read it.

    A TypedDict: it is the context of the report templates (people's own too), which
    read it as a mapping; its areas and measures stay plain mappings for them."""

    lang: str
    year: int
    plan_title: str
    programme: str
    region: str
    areas: list[dict[str, Any]]
    measures: list[dict[str, Any]]
    counts: dict[str, int]
    share: str
    followed: list[dict[str, Any]]
    not_followed: list[dict[str, Any]]
    compiled: str


def report_data(
    session: Session,
    programme_key: str | None,
    year: int,
    lang: str = "sv",
    today: dt.date | None = None,
) -> FollowupReport:
    """The follow-up of a year's plan as plain values, grouped for the templates."""
    prog = lookup.find_programme(session, programme_key)
    conn = session.connection()
    p, a, g = table(ActionPlan), table(PlanArea), table(PlanGoal)
    m, f = table(Measure), table(MeasureFollowup)
    plan = (
        conn.execute(sa.select(p).where(p.c.programme_id == prog.id, p.c.year == year))
        .mappings()
        .first()
    )
    if plan is None:
        raise NotFound(f"no action plan for {year}; import one with 'rsp plan import'")
    goals = {
        r.code: {"area": r.area, "title": r.title}
        for r in conn.execute(
            sa.select(g.c.code, g.c.area, g.c.title)
            .where(g.c.plan_id == plan["id"])
            .order_by(g.c.id)
        )
    }
    areas = {
        r.number: {"number": r.number, "title": r.title, "measures": []}
        for r in conn.execute(
            sa.select(a.c.number, a.c.title).where(a.c.plan_id == plan["id"]).order_by(a.c.number)
        )
    }
    rows = (
        conn.execute(
            sa.select(
                m.c.id,
                m.c.code,
                m.c.area,
                m.c.title,
                m.c.subgoal,
                m.c.goals,
                m.c.state,
                m.c.definition_id,
                f.c.outcome,
                f.c.comment,
                f.c.reason,
                f.c.recorded_by,
                f.c.recorded_at,
            )
            .outerjoin(f, f.c.measure_id == m.c.id)
            .where(m.c.plan_id == plan["id"])
            .order_by(m.c.area, m.c.code)
        )
        .mappings()
        .all()
    )
    defs = {i: stored.definition_of(session, i) for i in {r["definition_id"] for r in rows}}
    mb, b = table(MeasureBody), table(BodyRow)
    names: dict[int, list[str]] = {}
    for mid, name in conn.execute(
        sa.select(mb.c.measure_id, b.c.name)
        .join(b, b.c.id == mb.c.body_id)
        .join(m, m.c.id == mb.c.measure_id)
        .where(m.c.plan_id == plan["id"])
        .order_by(mb.c.measure_id, mb.c.position)
    ):
        names.setdefault(mid, []).append(name)
    for r in rows:
        state = defs[r["definition_id"]].state(r["state"])
        outcome = OUTCOME_WORDS[r["outcome"]]
        item = {
            **r,
            "goals": json.loads(r["goals"]),
            "state_label": label_text(state.label, lang),
            "outcome_label": outcome.get(lang, outcome["sv"]),
            "responsible": names.get(r["id"], []),
        }
        areas.setdefault(r["area"], {"number": r["area"], "title": "", "measures": []})
        areas[r["area"]]["measures"].append(item)
    everything = [x for ar in areas.values() for x in ar["measures"]]
    for ar in areas.values():
        ar["counts"] = _counts(ar["measures"])
        ar["share"] = share_text(ar["counts"]["achieved"], ar["counts"]["followed"], lang)
        ar["not_followed"] = [x for x in ar["measures"] if x["outcome"] is None]
        _group(ar, goals, lang)  # every goal its measures serve, then only those followed up
        ar["measures"] = [x for x in ar["measures"] if x["outcome"] is not None]
        for group in ar["goals"]:
            group["measures"] = [x for x in group["measures"] if x["outcome"] is not None]
    total = _counts(everything)
    return FollowupReport(
        lang=lang,
        year=year,
        plan_title=plan["title"],
        programme=prog.name,
        region=prog.region,
        areas=[areas[k] for k in sorted(areas)],
        measures=everything,
        counts=total,
        share=share_text(total["achieved"], total["followed"], lang),
        followed=[x for x in everything if x["outcome"] is not None],
        not_followed=[x for x in everything if x["outcome"] is None],
        compiled=long_date(today or dt.date(year + 1, 1, 1), lang),
    )


def render(data: FollowupReport, fmt: str) -> str:
    """The report in a format: md, html (autoescaped) or csv (for Excel: `;`, UTF-8 with
    a BOM, formula-like cells defused)."""
    if fmt == "csv":
        return _csv(data)
    env = templating.report_environment(data["lang"], word)
    return templating.render(templating.load(env, f"followup_report.{fmt}"), dict(data))


def render_xlsx(data: FollowupReport) -> bytes:
    """The report as an Excel workbook: the same rows as the CSV, text cells as text."""
    from process.reports.spreadsheet_xlsx import workbook

    title = ("Uppföljning " if data["lang"] == "sv" else "Follow-up ") + str(data["year"])
    return workbook([(title, _rows(data))])


def _csv(data: FollowupReport) -> str:
    return spreadsheet_csv(_rows(data))


def _rows(data: FollowupReport) -> list[list[Any]]:
    lang = data["lang"]
    keys = (
        "year",
        "area",
        "area_title",
        "goals",
        "measure",
        "title",
        "subgoal",
        "responsible",
        "state",
        "outcome",
        "comment",
        "recorded_by",
        "recorded_at",
    )
    heads = {
        "year": word("year", lang),
        "area": word("area", lang),
        "area_title": word("area_title", lang),
        "goals": word("goals", lang),
        "measure": word("measure", lang),
        "title": say("common.title", lang),
        "subgoal": word("subgoal", lang),
        "responsible": word("responsible", lang),
        "state": word("state", lang),
        "outcome": word("outcome", lang),
        "comment": word("comment", lang),
        "recorded_by": word("recorded_by", lang),
        "recorded_at": word("recorded_at", lang),
    }
    titles = {ar["number"]: ar["title"] for ar in data["areas"]}
    rows: list[list[Any]] = [[heads[k] for k in keys]]
    for m in data["measures"]:
        at = m["recorded_at"]
        rows.append(
            [
                data["year"],
                m["area"],
                titles.get(m["area"], ""),
                ", ".join(m["goals"]),
                m["code"],
                m["title"],
                m["subgoal"],
                ", ".join(m["responsible"]),
                m["state_label"],
                m["outcome_label"],
                m["comment"] or "",
                m["recorded_by"] or "",
                at.astimezone(STOCKHOLM).date().isoformat() if at else "",
            ]
        )
    return rows
