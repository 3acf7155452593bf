"""When a board decision becomes final (laga kraft): pure date rules.

A decision may be executed once its minutes are approved (justerat) and becomes final
when the appeal period has run out without an appeal: three weeks after the day the
approved minutes were announced (anslaget) on the notice board (kommunallagen 13 kap.
5 §). If that last day is a Saturday, Sunday, public holiday, Midsummer Eve, Christmas
Eve or New Year's Eve it moves to the next working day (lag 1930:173); the decision is
final the day after. An appeal stops it until resolved: upheld → final, overturned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from process.core.decision_refs import paragraph_sign

APPEAL_WEEKS = 3
STEPS = ("decided", "minutes_approved", "announced", "appealed", "final", "overturned")


@dataclass(frozen=True)
class Steps:
    """The recorded steps of one decision after its meeting (plain values)."""

    meeting_date: dt.date
    minutes_approved_on: dt.date | None = None
    announced_on: dt.date | None = None
    appealed_on: dt.date | None = None
    appeal_outcome: str | None = None  # upheld | overturned
    resolved_on: dt.date | None = None


def appeal_last_day(announced_on: dt.date) -> dt.date:
    """The last day to appeal: three weeks after the announcement, moved by lag 1930:173."""
    from process.core.workdays import next_working_day  # holidays: only when needed

    return next_working_day(announced_on + dt.timedelta(weeks=APPEAL_WEEKS))


def final_from(announced_on: dt.date) -> dt.date:
    """The day an unappealed decision becomes final: the day after the last appeal day."""
    return appeal_last_day(announced_on) + dt.timedelta(days=1)


def step_of(s: Steps, today: dt.date) -> tuple[str, dt.date | None]:
    """Where a decision stands on `today`, and the day it is (or is expected to be) final."""
    if s.appeal_outcome == "overturned":
        return "overturned", None
    if s.appeal_outcome == "upheld":
        return "final", s.resolved_on
    if s.appealed_on is not None:
        return "appealed", None
    if s.announced_on is not None:
        final_on = final_from(s.announced_on)
        return ("final" if today >= final_on else "announced"), final_on
    if s.minutes_approved_on is not None:
        return "minutes_approved", None
    return "decided", None


def reference(meeting_date: dt.date, paragraph: str, diary_number: str) -> str:
    """'2023-05-23 § 89, RUN/536/2021' (a delegated decision may have no §)."""
    para = f" {paragraph_sign(paragraph)} {paragraph}" if paragraph else ""
    return f"{meeting_date.isoformat()}{para}, {diary_number}"
