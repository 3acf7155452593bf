"""The rules of the remiss and of decisions becoming final: pure, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from process.core import appeal_period
from process.core.appeal_period import Steps, appeal_last_day, final_from, step_of
from process.core.decision_refs import parse_decision_ref
from process.core.errors import DefinitionError, InvalidInput
from process.decisions import finality
from process.remiss import rules as remiss
from process.workflow import guards
from process.workflow.definition import parse_definition
from process.workflow.guard_facts import DecisionFacts, RemissFacts

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    "announced,last,final",
    [
        ("2023-05-31", "2023-06-21", "2023-06-22"),  # an ordinary Wednesday
        ("2023-06-02", "2023-06-26", "2023-06-27"),  # +3 weeks is Midsummer Eve → Monday
        ("2022-12-03", "2022-12-27", "2022-12-28"),  # Christmas Eve (Sat), Boxing Day → Tuesday
        ("2023-12-10", "2024-01-02", "2024-01-03"),  # New Year's Eve (Sun), New Year's Day
        ("2023-03-18", "2023-04-11", "2023-04-12"),  # Easter: Good Friday … Easter Monday
    ],
)
def test_the_appeal_period_ends_three_weeks_after_the_announcement(announced, last, final):
    assert appeal_last_day(D(announced)) == D(last)
    assert final_from(D(announced)) == D(final)


def test_a_decision_moves_through_its_steps():
    meeting = D("2023-05-23")
    assert step_of(Steps(meeting), D("2023-05-24")) == ("decided", None)
    approved = Steps(meeting, D("2023-05-30"))
    assert step_of(approved, D("2023-06-30")) == ("minutes_approved", None)
    announced = Steps(meeting, D("2023-05-30"), D("2023-05-31"))
    assert step_of(announced, D("2023-06-21")) == ("announced", D("2023-06-22"))
    assert step_of(announced, D("2023-06-22")) == ("final", D("2023-06-22"))
    appealed = Steps(meeting, D("2023-05-30"), D("2023-05-31"), D("2023-06-12"))
    assert step_of(appealed, D("2023-12-01")) == ("appealed", None)
    upheld = Steps(
        meeting, D("2023-05-30"), D("2023-05-31"), D("2023-06-12"), "upheld", D("2023-09-01")
    )
    assert step_of(upheld, D("2023-09-01")) == ("final", D("2023-09-01"))
    overturned = Steps(meeting, None, None, D("2023-06-12"), "overturned", D("2023-09-01"))
    assert step_of(overturned, D("2023-09-01")) == ("overturned", None)
    assert finality.step_word("announced", "sv") == "protokollet anslaget"
    assert finality.step_word("final", "en") == "final"


@pytest.mark.parametrize(
    "day,months,expected",
    [
        ("2022-11-25", 3, "2023-02-25"),
        ("2022-11-30", 3, "2023-02-28"),
        ("2023-11-30", 3, "2024-02-29"),
        ("2023-10-31", 2, "2023-12-31"),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert remiss.add_months(D(day), months) == D(expected)


def test_the_reply_date_moves_to_the_next_working_day():
    assert remiss.reply_dates(D("2022-11-25")) == (D("2023-02-25"), D("2023-02-27"))
    assert remiss.reply_dates(D("2022-11-25"), D("2022-12-24")) == (
        D("2022-12-24"),
        D("2022-12-27"),
    )
    assert remiss.reply_dates(D("2022-11-25"), D("2023-02-24")) == (
        D("2023-02-24"),
        D("2023-02-24"),
    )
    with pytest.raises(InvalidInput, match="must lie after the opening day"):
        remiss.reply_dates(D("2022-11-25"), D("2022-11-25"))


def test_positions_as_typed():
    assert remiss.parse_position("no-comments") == "no_comments"
    assert remiss.parse_position("Agrees") == "agrees"
    assert remiss.parse_position("tillstyrker") == "agrees"
    assert remiss.parse_position("Inga synpunkter") == "no_comments"
    with pytest.raises(InvalidInput, match=r"Tillstyrker \(agrees\), Har synpunkter"):
        remiss.parse_position("maybe")
    assert remiss.position_word("no_answer", "sv") == "Inget svar"
    assert remiss.position_word(None, "en") == "Not answered yet"


def test_decision_final_guard_says_why_not():
    check = guards.resolve("decision_final:adopt")
    assert check is not None and guards.needed_decision("decision_final:adopt") == "adopt"
    ref = "2023-05-23 § 89, RUN/536/2021"
    assert "no decision has been recorded by 'adopt'" in (check(guards.GuardContext()) or "")
    waiting = guards.GuardContext(
        decisions={"adopt": DecisionFacts(ref, "announced", D("2023-06-22"))}
    )
    assert check(waiting) == (
        f"the decision {ref} is not final (laga kraft) yet: the "
        "appeal period runs out first: final on 2023-06-22"
    )
    unapproved = guards.GuardContext(decisions={"adopt": DecisionFacts(ref, "decided")})
    assert "its minutes are not yet approved" in (check(unapproved) or "")
    final = guards.GuardContext(decisions={"adopt": DecisionFacts(ref, "final")})
    assert check(final) is None
    assert guards.resolve("decision_final:") is None


def test_remiss_closable_guard():
    check = guards.resolve("remiss_closable")
    assert check is not None
    assert "no open remiss" in (check(guards.GuardContext()) or "")
    facts = RemissFacts(D("2023-02-27"), D("2023-02-16"), 3, ("berg", "miun"))
    assert check(guards.GuardContext(remiss=facts)) == (
        "the reply date 2023-02-27 has not passed and 2 of 3 bodies have not answered: berg, miun"
    )
    on_the_day = RemissFacts(D("2023-02-27"), D("2023-02-27"), 3, ("berg",))
    assert check(guards.GuardContext(remiss=on_the_day)) is not None
    after = RemissFacts(D("2023-02-27"), D("2023-02-28"), 3, ("berg",))
    assert check(guards.GuardContext(remiss=after)) is None
    everyone = RemissFacts(D("2023-02-27"), D("2023-01-10"), 3, ())
    assert check(guards.GuardContext(remiss=everyone)) is None


def _definition(guard: str, decision: str = "required") -> dict:
    return {
        "workflow": "w",
        "roles": {"board": "Nämnden"},
        "initial": "a",
        "states": [{"name": "a"}, {"name": "b"}, {"name": "c", "final": True}],
        "triggers": [
            {"name": "adopt", "from": "a", "to": "b", "roles": ["board"], "decision": decision},
            {"name": "go", "from": "b", "to": "c", "roles": ["board"], "guards": [guard]},
        ],
    }


def test_definitions_validate_decision_final_guards():
    ok = parse_definition(_definition("decision_final:adopt"), "w.yaml", "h")
    go = ok.trigger("go")
    assert go is not None and go.guards == ("decision_final:adopt",)
    with pytest.raises(
        DefinitionError, match="needs a trigger 'adoption', which this workflow does not have"
    ):
        parse_definition(_definition("decision_final:adoption"), "w.yaml", "h")
    with pytest.raises(DefinitionError, match="trigger 'adopt' records no board decision"):
        parse_definition(_definition("decision_final:adopt", "none"), "w.yaml", "h")
    with pytest.raises(DefinitionError, match="decision_final:<trigger>"):
        parse_definition(_definition("decision_final:"), "w.yaml", "h")


def test_a_delegated_decision_may_have_no_paragraph():
    ref = parse_decision_ref("2024-02-12 RUN/45/2024", paragraph_required=False)
    assert (ref.paragraph, ref.diary_number) == ("", "RUN/45/2024")
    with pytest.raises(InvalidInput, match="the paragraph"):
        parse_decision_ref("2024-02-12 RUN/45/2024")
    assert (
        appeal_period.reference(ref.meeting_date, "", ref.diary_number) == "2024-02-12, RUN/45/2024"
    )
