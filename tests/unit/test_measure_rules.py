"""Pure rules of measures: the lifecycle definition, due windows, rollover arithmetic,
report wording and escaping — no database."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import workflows
from process.core.errors import InvalidInput
from process.plans.measure_actions import command_for
from process.plans.measure_queries import OPEN_STATES, due_window
from process.plans.rollover import free_code, next_title, shift_date
from process.reports.followup import FollowupReport, render, share_text
from process.reports.measure_text import when_text
from process.workflow import guards, machines
from process.workflow.definition import load_definition

MEASURE = load_definition(workflows.path_of("measure"))
TODAY = dt.date(2014, 4, 20)


def test_measure_workflow_shape():
    assert MEASURE.initial == "planned"
    assert [s.name for s in MEASURE.states] == [
        "planned",
        "ongoing",
        "postponed",
        "done",
        "followed_up",
        "cancelled",
        "carried_over",
    ]
    assert {s.name for s in MEASURE.states if s.final} == {
        "followed_up",
        "cancelled",
        "carried_over",
    }
    reporting = {"start", "report_progress", "complete"}
    for t in MEASURE.triggers:
        expected = (
            ("working_group", "responsible_body") if t.name in reporting else ("working_group",)
        )
        assert t.roles == expected, t.name
    carry_over = MEASURE.trigger("carry_over")
    assert carry_over is not None and set(OPEN_STATES) == set(carry_over.sources)
    # responsible_body is contextual: the drafting workflow (whose roles are granted) lacks it
    assert "responsible_body" not in load_definition(workflows.path_of("drafting")).roles


@pytest.mark.parametrize(
    "state,trigger,comment,expected",
    [
        ("planned", "start", None, "ongoing"),
        ("ongoing", "report_progress", "Lägesrapport", "ongoing"),
        ("ongoing", "report_progress", None, None),  # comment_given refuses
        ("planned", "complete", None, "done"),
        ("ongoing", "postpone", "Försenad", "postponed"),
        ("postponed", "resume", None, "ongoing"),
        ("postponed", "cancel", "Ingen budget", "cancelled"),
        ("done", "follow_up", "Uppnått", "followed_up"),
        ("postponed", "carry_over", None, "carried_over"),
    ],
)
def test_measure_machine(state, trigger, comment, expected):
    assert machines.fire(MEASURE, state, trigger, guards.GuardContext(comment=comment)) == expected


def test_machine_refuses_impossible_moves():
    with pytest.raises(machines.MachineError):
        machines.fire(MEASURE, "done", "start", guards.GuardContext())


@pytest.mark.parametrize(
    "within,overdue,expected",
    [
        (14, False, ("2014-04-20", "2014-05-04")),
        (0, False, ("2014-04-20", "2014-04-20")),
        (None, True, (None, "2014-04-19")),
        (14, True, (None, "2014-05-04")),
    ],
)
def test_due_window(within, overdue, expected):
    low, high = due_window(TODAY, within, overdue)
    assert (low and low.isoformat(), high and high.isoformat()) == expected


def test_due_window_refuses_negative_days():
    with pytest.raises(InvalidInput, match="0 or more"):
        due_window(TODAY, -1, False)


def test_rollover_arithmetic():
    assert shift_date(dt.date(2014, 12, 31), 1) == dt.date(2015, 12, 31)
    assert shift_date(dt.date(2016, 2, 29), 1) == dt.date(2017, 2, 28)
    assert next_title("Handlingsplan för regionalt serviceprogram 2014", 2014, 2015) == (
        "Handlingsplan för regionalt serviceprogram 2015"
    )
    assert next_title("Handlingsplan", 2014, 2015) == "Handlingsplan (2015)"
    assert free_code(2, "2.B", {"2.A"}) == "2.B"
    assert free_code(2, "2.B", {"2.A", "2.B", "2.C"}) == "2.D"
    with pytest.raises(InvalidInput, match="no free measure letter"):
        free_code(1, "1.A", {f"1.{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})


def test_words():
    assert share_text(2, 4, "sv") == "2 av 4 (50 %)"
    assert share_text(1, 3, "en") == "1 of 3 (33%)"
    assert share_text(0, 0, "sv") == "0 av 0 (0 %)"
    assert when_text(5, True, "sv") == "om 5 dagar"
    assert when_text(0, True, "en") == "today"
    assert when_text(-3, True, "sv") == "3 dagar sent"
    assert when_text(-3, False, "sv") == "passerat"
    assert command_for("start", "2.B", 2014) == "rsp measure advance 2.B start"
    assert command_for("carry_over", "2.B", 2014) == "rsp plan rollover 2014 2015"
    assert command_for("follow_up", "2.B", 2014).startswith("rsp followup record 2.B --year")


def _report(title: str) -> FollowupReport:
    m = {
        "code": "1.A",
        "title": title,
        "subgoal": "<b>delmål</b>",
        "goals": ["1.1"],
        "state_label": "Planerad",
        "outcome": None,
        "outcome_label": "Ej uppföljd",
        "comment": None,
        "responsible": ["<i>Kommun</i>"],
        "repeat": None,
        "area": 1,
        "recorded_by": None,
        "recorded_at": None,
    }
    area: dict[str, Any] = {
        "number": 1,
        "title": "Område",
        "share": "0 av 1 (0 %)",
        "counts": {"achieved": 0, "partly": 0, "not_": 0, "missing": 1},
        "goals": [
            {"code": "1.1", "title": "Mål", "note": "", "also_text": "", "measures": [m]},
            {"code": "1.2", "title": "Tomt mål", "note": "", "also_text": "", "measures": []},
        ],
    }
    return {
        "lang": "sv",
        "year": 2014,
        "plan_title": "Plan",
        "programme": "P",
        "region": "R",
        "areas": [area],
        "measures": [m],
        "counts": area["counts"],
        "share": area["share"],
        "followed": [],
        "not_followed": [],
        "compiled": "2015-01-25",
    }


def test_html_is_escaped_and_markdown_is_not():
    data = _report("<script>alert(1)</script>")
    html = render(data, "html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;i&gt;Kommun&lt;/i&gt;" in html and "&lt;b&gt;delmål&lt;/b&gt;" in html
    md = render(data, "md")
    assert "- **1.A** <script>alert(1)</script>" in md
    assert "### Mål 1.2: Tomt mål\n\n- Inga insatser detta år" in md
    assert (
        render(data, "csv")
        .splitlines()[1]
        .startswith(
            "2014;1;Område;1.1;1.A;<script>alert(1)</script>;<b>delmål</b>;<i>Kommun</i>;Planerad"
        )
    )
