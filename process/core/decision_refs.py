"""Board decision references: parse what a secretary types, e.g. '2023-05-23 § 89 RUN/536/2021'."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from process.core import diary_numbers
from process.core.clock import MONTHS, parse_day
from process.core.errors import InvalidInput


# the meeting date as 2022-02-22, 22/2 2022 or 22 februari 2022 (process.core.clock)
# (a month by its name only, so that '§ 12 RS 2025-00118' holds no date but the meeting's)
# (both compiled on first use: a command that records no decision does not pay for them)
@functools.cache
def date_re() -> re.Pattern[str]:
    """The meeting date's pattern (compiled once, when a reference is first parsed)."""
    month = "|".join(sorted(MONTHS, key=len, reverse=True))
    return re.compile(
        rf"(?<![\d/-])(\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}\s+\d{{4}}"
        rf"|\d{{1,2}}\s+(?:{month})\.?\s+\d{{4}})(?![\d/-])",
        re.IGNORECASE,
    )


# § 89, § 89a, § 89 a, §§ 89-90 (kept whole, as written)
_PARA_ONE = r"\d{1,4}(?:[a-zA-Z]|\s[a-z])?"


@functools.cache
def para_re() -> re.Pattern[str]:
    """The paragraph's pattern (compiled once, when a reference is first parsed)."""
    return re.compile(rf"§§?\s*({_PARA_ONE}(?:\s?[-–]\s?{_PARA_ONE})?)(?!\w)")


DIARY_RE = diary_numbers.COMMON
EXAMPLE = "'2023-05-23 § 89 RUN/536/2021'"


@dataclass(frozen=True)
class DecisionRef:
    """Where a decision was taken: meeting date, paragraph (§) and diary number."""

    meeting_date: dt.date
    paragraph: str
    diary_number: str  # as written
    text: str = ""
    diary_normalised: str = ""  # 'RS 2021/536' however it was written

    @property
    def diary_key(self) -> str:
        """The normalised diary number, by which two spellings of one number are one."""
        return self.diary_normalised or diary_numbers.normalise(self.diary_number)

    def __str__(self) -> str:
        return (
            f"{self.meeting_date.isoformat()} {paragraph_sign(self.paragraph)} "
            f"{self.paragraph}, {self.diary_number}"
        )


def paragraph_sign(paragraph: str) -> str:
    """'§§' before a range of paragraphs (89-90), else '§'."""
    return "§§" if re.search(r"\d\s?[-–]\s?\d", paragraph) else "§"


@dataclass(frozen=True)
class TypedRef:
    """A decision reference as someone typed it, parsed by the service inside its unit of
    work (`resolve`), so that a reference it refuses is audited like any refusal."""

    raw: str
    text: str = ""
    paragraph_required: bool = True


@dataclass(frozen=True)
class DiaryForm:
    """A region's own way of writing diary numbers (its process file's `diary_numbers:`)."""

    pattern: str | None = None
    example: str | None = None


def resolve(
    ref: DecisionRef | TypedRef | None, form: DiaryForm | None = None
) -> DecisionRef | None:
    """`ref` parsed if it was typed (InvalidInput naming what is missing), else as it is."""
    if isinstance(ref, TypedRef):
        return parse_decision_ref(ref.raw, ref.text, ref.paragraph_required, form)
    return ref


def parse_decision_ref(
    raw: str, text: str = "", paragraph_required: bool = True, form: DiaryForm | None = None
) -> DecisionRef:
    """Parse a decision reference in any order; raise InvalidInput naming what is missing.

    A delegated decision may have no paragraph (`paragraph_required=False`); the diary
    number may be written in any common form, or in the region's own `form`."""
    form = form or DiaryForm()
    example = f"'2023-05-23 § 89 {form.example}'" if form.example else EXAMPLE
    if "\n" in raw or "\r" in raw or len(raw) > 200:
        raise InvalidInput("--decision must be one short line, e.g. " + example)
    problems = []
    dates = date_re().findall(raw)
    paras = para_re().findall(raw)
    diaries = diary_numbers.find(raw, form.pattern)
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
        forms = f"{form.example}, {diary_numbers.FORMS}" if form.example else diary_numbers.FORMS
        problems.append(
            f"the diary number (written e.g. {forms})" if not diaries else "only one diary number"
        )
    if problems or meeting is None:
        raise InvalidInput(
            f"decision reference {raw!r} needs "
            + " and ".join(problems)
            + "; e.g. --decision "
            + example
        )
    return DecisionRef(
        meeting, " ".join(paras[0].split()), diaries[0].written, text.strip(), diaries[0].normalised
    )


def format_ref(ref: DecisionRef) -> str:
    """'2023-05-23 § 89, RUN/536/2021', or without '§' when the decision has none."""
    return str(ref) if ref.paragraph else f"{ref.meeting_date.isoformat()}, {ref.diary_number}"
