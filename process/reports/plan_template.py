"""The template of a yearly action plan (handlingsplan): a documented YAML file, or an Excel
workbook with one sheet per part of the plan, an example row in each and an instructions
sheet. Both hold the same example plan, and `rsp plan import` reads either back."""

from __future__ import annotations

from typing import Any

from process.core import yamlsrc
from process.core.catalogue import entry
from process.plans.plan_columns import INSTRUCTIONS, SHEETS, heading, sheet_name
from process.plans.plan_file import ActionPlan, parse_action_plan
from process.reports.spreadsheet_xlsx import workbook

__all__ = [
    "EXAMPLE_BODIES",
    "example_plan",
    "instructions_rows",
    "plan_sheets",
    "template_xlsx",
    "template_yaml",
    "workbook_of",
]

EXAMPLE_BODIES = ("lansstyrelsen", "kommunerna")

_YAML = entry("plan.template_yaml")


def template_yaml(year: int, lang: str = "sv") -> str:
    """The documented YAML template of a plan for `year`, its comments in `lang`."""
    return _YAML["en" if lang == "en" else "sv"].format(year=year, next=year + 1)


def example_plan(year: int) -> ActionPlan:
    """The template's example plan, as the YAML import reads it."""
    text = template_yaml(year)
    data = yamlsrc.loads(text, "template.yaml")
    return parse_action_plan(data, "template.yaml", text.encode(), set(EXAMPLE_BODIES), year)


def plan_sheets(plan: ActionPlan, lang: str) -> dict[str, list[list[Any]]]:
    """A plan's rows, sheet by sheet (headings first), as the workbook reader reads them."""
    rows: dict[str, list[list[Any]]] = {}
    for sheet in SHEETS:
        rows[sheet.key] = [[heading(c, lang) for c in sheet.columns]]
    rows["plan"].append([plan.year, plan.title, plan.issuer, plan.starts, plan.followup or None])
    for area in plan.areas:
        examples = "\n".join(area.examples) or None
        rows["areas"].append([area.number, area.title, area.description or None, examples])
        for goal in area.goals:
            rows["goals"].append([goal.id, goal.title])
        for m in area.measures:
            rows["measures"].append(
                [
                    m.id,
                    m.title,
                    m.subgoal,
                    ", ".join(m.goals),
                    "\n".join(m.activities),
                    ", ".join(m.responsible),
                    "\n".join(m.financing),
                    "\n".join(f"{d.date.isoformat()} {d.text}" for d in m.deadlines),
                ]
            )
    return rows


def instructions_rows(lang: str) -> list[list[Any]]:
    """The instructions sheet's rows: how to fill in, then each column's help."""
    words = INSTRUCTIONS["en" if lang == "en" else "sv"]
    rows: list[list[Any]] = [[words[0]], *([line] for line in words[1:]), []]
    sv = lang != "en"
    rows.append(
        ["Blad", "Kolumn", "Krävs", "Så fyller du i"]
        if sv
        else ["Sheet", "Column", "Required", "How to fill in"]
    )
    yes, no = ("ja", "nej") if sv else ("yes", "no")
    for sheet in SHEETS:
        for c in sheet.columns:
            rows.append(
                [
                    sheet_name(sheet, lang),
                    heading(c, lang),
                    yes if c.required else no,
                    c.help_sv if sv else c.help_en,
                ]
            )
    return rows


def workbook_of(plan: ActionPlan, lang: str = "sv", instructions: bool = True) -> bytes:
    """A plan as an .xlsx the reader reads back (with the instructions sheet first)."""
    sheets = plan_sheets(plan, lang)
    named = [(sheet_name(s, lang), sheets[s.key]) for s in SHEETS]
    if instructions:
        named.insert(
            0, ("Instruktioner" if lang != "en" else "Instructions", instructions_rows(lang))
        )
    return workbook(named)


def template_xlsx(year: int, lang: str = "sv") -> bytes:
    """The documented .xlsx template of a plan for `year`: one example row in each sheet."""
    return workbook_of(example_plan(year), lang)
