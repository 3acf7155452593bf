"""Board decision references: parse what a secretary types, e.g. '2023-05-23 § 89 RUN/536/2021'."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from process.core.clock import parse_day
from process.core.errors import InvalidInput

# the meeting date as 2022-02-22, 22/2 2022 or 22 februari 2022 (process.core.clock)
DATE_RE = re.compile(r"(?<![\d/])(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}\s+\d{4}"
                     r"|\d{1,2}\s+[^\W\d_]+\.?\s+\d{4})(?![\d/])")
PARA_RE = re.compile(r"§\s*(\d{1,4}[a-z]?)", re.IGNORECASE)
DIARY_RE = re.compile(
    r"(?<![\w/])([A-ZÅÄÖ]{1,12}\s?\d{0,4}/\d{1,7}/\d{4}|\d{3}-\d{1,7}-\d{4})(?![\w/])"
)
EXAMPLE = "'2023-05-23 § 89 RUN/536/2021'"


@dataclass(frozen=True)
class DecisionRef:
    """Where a decision was taken: meeting date, paragraph (§) and diary number."""

    meeting_date: dt.date
    paragraph: str
    diary_number: str
    text: str = ""

    def __str__(self) -> str:
        return f"{self.meeting_date.isoformat()} § {self.paragraph}, {self.diary_number}"


@dataclass(frozen=True)
class TypedRef:
    """A decision reference as someone typed it, parsed by the service inside its unit of
    work (`resolve`), so that a reference it refuses is audited like any refusal."""

    raw: str
    text: str = ""
    paragraph_required: bool = True


def resolve(ref: DecisionRef | TypedRef | None) -> DecisionRef | None:
    """`ref` parsed if it was typed (InvalidInput naming what is missing), else as it is."""
    if isinstance(ref, TypedRef):
        return parse_decision_ref(ref.raw, ref.text, ref.paragraph_required)
    return ref


def parse_decision_ref(raw: str, text: str = "", paragraph_required: bool = True) -> DecisionRef:
    """Parse a decision reference in any order; raise InvalidInput naming what is missing.

    A delegated decision may have no paragraph (`paragraph_required=False`)."""
    if "\n" in raw or "\r" in raw or len(raw) > 200:
        raise InvalidInput("--decision must be one short line, e.g. " + EXAMPLE)
    problems = []
    dates = DATE_RE.findall(raw)
    paras = PARA_RE.findall(raw)
    diaries = DIARY_RE.findall(raw)
    meeting = None
    if len(dates) != 1:
        problems.append("the meeting date (YYYY-MM-DD)" if not dates else "only one date")
    else:
        try:
            meeting = parse_day(dates[0], "the meeting date")
        except InvalidInput:
            problems.append(f"a real meeting date ({dates[0]} does not exist)")
    if not paras and not paragraph_required:
        paras = [""]
    if len(paras) != 1:
        problems.append("the paragraph (§ N)" if not paras else "only one paragraph (§)")
    if len(diaries) != 1:
        problems.append("the diary number (e.g. RUN/536/2021)" if not diaries
                        else "only one diary number")
    if problems or meeting is None:
        raise InvalidInput(f"decision reference {raw!r} needs " + " and ".join(problems)
                           + "; e.g. --decision " + EXAMPLE)
    return DecisionRef(meeting, paras[0], diaries[0].replace(" ", ""), text.strip())


def format_ref(ref: DecisionRef) -> str:
    """'2023-05-23 § 89, RUN/536/2021', or without '§' when the decision has none."""
    return str(ref) if ref.paragraph else f"{ref.meeting_date.isoformat()}, {ref.diary_number}"
