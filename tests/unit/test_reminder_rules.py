"""Reminder rules as data, and which reminders are due: pure, with real Swedish dates."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from notifications.reminders.due import (
    DeadlineItem,
    Recipient,
    due_now,
    due_window,
    schedule,
    simulate,
)
from notifications.reminders.rules import check_roles, load_rules, parse_rules
from process.core import yamlsrc
from process.core.clock import STOCKHOLM
from process.core.errors import DefinitionError

D = dt.date.fromisoformat
RULES_YAML = """\
reminders:
  send_at: "08:00"
  catch_up_days: 7
  measures:
    working_days: move_to_next
    rules:
      - {id: before_14, days_before: 14}
      - {id: before_7, days_before: 7}
      - {id: before_1, days_before: 1}
      - {id: on_day, days_before: 0}
      - {id: overdue_weekly, every_days_overdue: 7, max_times: 4}
  milestones:
    working_days: as_is
    rules:
      - {id: before_3, days_before: 3}
"""


def rules_from(text: str, source: str = "reminders.yaml"):
    return parse_rules(yamlsrc.loads(textwrap.dedent(text), source), source)


RULES = rules_from(RULES_YAML)
LEAD = Recipient("lead@kommun.example", "Krokoms kommun")
OTHER = Recipient("rsp@lansstyrelsen.example", "Länsstyrelsen")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def item(due: str, kind: str = "measure", subject: str = "measure:1") -> DeadlineItem:
    return DeadlineItem(kind, subject, "Servicepunkter i Krokom", D(due), (LEAD,), (OTHER,))


def test_the_bundled_rules_are_valid():
    rules = load_rules()
    assert set(rules.kinds) == {"measure", "milestone", "remiss"}
    assert rules.send_at == dt.time(8, 0)
    assert [r.id for r in rules.kinds["measure"].rules][:4] == [
        "before_14",
        "before_7",
        "before_1",
        "on_day",
    ]


def test_every_problem_is_reported_with_file_and_line():
    bad = """\
        reminders:
          send_at: "8 o'clock"
          catch_up_days: -1
          colour: blue
          measures:
            working_days: sometimes
            cc_roles: [board]
            rules:
              - {id: before_7, days_before: 7}
              - {id: before_7, days_before: 3}
              - {id: Weekly, every_days_overdue: 0}
              - {days_before: 2, every_days_overdue: 7}
              - {id: on_day, days_before: -1, max_times: 3}
              - just a string
    """
    with pytest.raises(DefinitionError) as err:
        rules_from(bad, "r.yaml")
    text = "\n".join(err.value.problems)
    for expected in [
        "r.yaml:2: reminders: 'send_at' must be a time like \"08:00\"",
        "r.yaml:3: reminders: 'catch_up_days' must be a whole number from 0",
        "r.yaml:4: reminders: unknown field 'colour'",
        "r.yaml:6: measures: 'working_days' must be one of move_to_next, as_is",
        "r.yaml:7: measures: 'cc_roles' applies to milestones only",
        "r.yaml:10: measures: duplicate rule id 'before_7' (first on line 9)",
        "r.yaml:11: measures rule: 'id' must be a lower-case name",
        "'every_days_overdue' must be a whole number from 1",
        "r.yaml:12: measures rule: give exactly one of 'days_before'",
        "r.yaml:13: measures rule on_day: 'days_before' must be a whole number from 0",
        "r.yaml:13: measures rule on_day: 'max_times' only goes with 'every_days_overdue'",
        "r.yaml:12: measures rule: 'id' is missing",
        "r.yaml:8: measures rule: a rule must be a mapping",  # a plain string has no line
    ]:
        assert expected in text, f"missing {expected!r} in:\n{text}"
    assert all(p.startswith("r.yaml:") for p in err.value.problems)


@pytest.mark.parametrize(
    "text,words",
    [
        ("reminders: 3\n", "r.yaml:1: a reminder rules file must be a mapping with a 'reminders:'"),
        ("reminders: {send_at: '08:00'}\n", "give at least one of 'measures', 'milestones'"),
        (
            "reminders:\n  measures: {rules: []}\n",
            "r.yaml:2: measures: 'rules' must be a non-empty",
        ),
        (
            "reminders:\n  measures:\n"
            "    rules: [{id: a, days_before: 1}, {id: b, days_before: 1}]\n",
            "two rules remind the same number of days",
        ),
        ("reminders:\n  measures: [1]\n", "measures: must be a mapping with 'rules'"),
        ("reminders:\n  measures:\n    rules: [{id: a, days_before: 1}\n", "r.yaml:"),
    ],
)
def test_small_mistakes(text, words):
    with pytest.raises(DefinitionError, match=None) as err:
        rules_from(text, "r.yaml")
    assert words in str(err.value)


def test_cc_roles_must_exist_in_the_workflow():
    rules = rules_from("""\
        reminders:
          milestones:
            cc_roles: [steering_group, kings]
            rules: [{id: before_3, days_before: 3}]
    """)
    check_roles(rules, {"board", "steering_group", "kings"})
    with pytest.raises(DefinitionError, match="unknown role.*kings"):
        check_roles(rules, {"board", "steering_group"})


def test_schedule_moves_to_working_mornings_and_collapses_same_day():
    """Deadline Monday 15 May 2023: 14 days before is 1 May (Första maj) → 2 May; one day
    before is a Sunday → Monday, the same morning as 'on the day', which wins."""
    occ = schedule(RULES.kinds["measure"], item("2023-05-15"), RULES.send_at, D("2023-07-01"))
    assert [(o.rule, o.due_on.isoformat(), o.send_at.isoformat()) for o in occ] == [
        ("measure.before_14", "2023-05-01", "2023-05-02T08:00:00+02:00"),
        ("measure.before_7", "2023-05-08", "2023-05-08T08:00:00+02:00"),
        ("measure.on_day", "2023-05-15", "2023-05-15T08:00:00+02:00"),
        ("measure.overdue_weekly", "2023-05-22", "2023-05-22T08:00:00+02:00"),
        ("measure.overdue_weekly", "2023-05-29", "2023-05-29T08:00:00+02:00"),
        ("measure.overdue_weekly", "2023-06-05", "2023-06-05T08:00:00+02:00"),
        ("measure.overdue_weekly", "2023-06-12", "2023-06-12T08:00:00+02:00"),  # max_times 4
    ]


@pytest.mark.parametrize(
    "now,rule",
    [
        ("2023-05-02T07:59", None),  # before the first moment
        ("2023-05-02T08:00", "measure.before_14"),
        ("2023-05-05T15:00", "measure.before_14"),  # still the latest one
        ("2023-05-08T08:30", "measure.before_7"),
        ("2023-05-14T12:00", "measure.before_7"),  # Sunday: 'one day before' waits for Monday
        ("2023-05-15T08:00", "measure.on_day"),
        ("2023-06-01T10:00", "measure.overdue_weekly"),  # catch-up: only the latest weekly one
        ("2023-06-19T10:00", "measure.overdue_weekly"),
        ("2023-06-20T10:00", None),  # the last weekly one is more than 7 days old
    ],
)
def test_due_now_gives_the_latest_passed_occurrence(now, rule):
    due = due_now(RULES, [item("2023-05-15")], at(now))
    assert [d.rule for d in due] == ([rule] if rule else [])
    if rule == "measure.overdue_weekly" and now.startswith("2023-06-01"):
        assert due[0].due_on == D("2023-05-29")
        assert due[0].days_left == -17  # counted from the day it goes, not the nominal day


def test_a_reminder_caught_up_on_a_weekend_waits_for_monday_morning():
    (r,) = due_now(RULES, [item("2023-05-15")], at("2023-05-13T11:00"))  # a Saturday
    assert (r.rule, r.send_at) == ("measure.before_7", at("2023-05-15T08:00"))
    assert r.days_left == 0
    (r,) = due_now(RULES, [item("2023-05-15")], at("2023-05-10T11:00"))  # a Wednesday
    assert r.send_at == at("2023-05-10T11:00") and r.days_left == 5


def test_a_saturday_christmas_eve_deadline_moves_to_27_december():
    due = due_now(RULES, [item("2022-12-24")], at("2022-12-27T09:00"))
    assert len(due) == 1
    (r,) = due
    assert (r.rule, r.deadline, r.days_left) == ("measure.on_day", D("2022-12-27"), 0)


def test_without_moving_the_deadline_the_reminder_says_overdue():
    rules = rules_from("""\
        reminders:
          measures:
            working_days: as_is
            rules: [{id: on_day, days_before: 0}]
    """)
    (r,) = due_now(rules, [item("2022-12-24")], at("2022-12-27T08:00"))
    assert (r.deadline, r.days_left) == (D("2022-12-24"), -3)


def test_items_of_a_kind_without_rules_are_ignored():
    assert due_now(RULES, [item("2023-05-15", kind="digest")], at("2023-05-15T09:00")) == []


def test_catch_up_days_zero_means_only_today():
    rules = rules_from(RULES_YAML.replace("catch_up_days: 7", "catch_up_days: 0"))
    assert due_now(rules, [item("2023-05-15")], at("2023-05-09T09:00")) == []
    assert len(due_now(rules, [item("2023-05-15")], at("2023-05-08T17:00"))) == 1


def test_recipients_once_each_to_before_cc():
    dup = DeadlineItem(
        "measure",
        "measure:2",
        "X",
        D("2023-05-15"),
        (LEAD, Recipient("LEAD@kommun.example", "again")),
        (OTHER, Recipient("lead@kommun.example"), Recipient(" ")),
    )
    (r,) = due_now(RULES, [dup], at("2023-05-15T08:00"))
    assert [(p.address, how) for p, how in r.recipients()] == [
        ("lead@kommun.example", "to"),
        ("rsp@lansstyrelsen.example", "cc"),
    ]


def test_simulate_lists_the_coming_reminders_in_order():
    items = [
        item("2023-05-15"),
        item("2023-06-05", subject="measure:2"),
        item("2023-05-10", kind="milestone", subject="process:1:adopted"),
    ]
    out = simulate(RULES, items, at("2023-05-03T12:00"), D("2023-05-31"))
    seen = [(r.send_at.date().isoformat(), r.item.subject, r.rule) for r in out]
    assert seen[0] == ("2023-05-03", "measure:1", "measure.before_14")  # due at the start
    assert ("2023-05-08", "process:1:adopted", "milestone.before_3") in seen  # Sun 7 → Mon 8
    assert ("2023-05-22", "measure:2", "measure.before_14") in seen
    assert ("2023-05-29", "measure:2", "measure.before_7") in seen
    assert ("2023-05-29", "measure:1", "measure.overdue_weekly") in seen
    assert [r.send_at for r in out] == sorted(r.send_at for r in out)
    assert all(r.send_at.date() <= D("2023-05-31") for r in out)


def test_due_window_bounds_the_deadlines_worth_querying():
    measure = RULES.kinds["measure"]
    low, high = due_window(measure, 7, D("2023-05-15"))
    assert high == D("2023-05-29")
    assert low == D("2023-05-15") - dt.timedelta(days=4 * 7 + 7 + 10)
    endless = rules_from(RULES_YAML.replace(", max_times: 4", "")).kinds["measure"]
    assert due_window(endless, 7, D("2023-05-15"))[0] is None
