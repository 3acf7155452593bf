"""The one clock: the only place that reads the wall clock.

A clock tells two times. The *effective* time (`now`) is when something counts as having
happened: what guards, deadlines and reports look at, and what `--now` replays. The
*recorded* time (`recorded`) is when rsp wrote it down: always the real time, except in
tests, which fake both. Every row rsp writes carries both.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from process.core.errors import InvalidInput

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class Clock:
    """The system clock: effective and recorded time are the real time, timezone-aware."""

    replaying = False  # True: the effective time is a replay (`--now`), not the real one

    def now(self) -> dt.datetime:
        """The effective time."""
        return dt.datetime.now(dt.UTC)

    def recorded(self) -> dt.datetime:
        """The time a row is written down: the real time."""
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """The current (effective) date in Sweden."""
        return self.now().astimezone(STOCKHOLM).date()


@dataclass
class FixedClock(Clock):
    """A clock that says what it is told, for tests: both times are `current` (unless
    `recorded_at` is given); `advance` moves it."""

    current: dt.datetime = field(default_factory=lambda: dt.datetime(2022, 1, 1, tzinfo=dt.UTC))
    recorded_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.current.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")

    def now(self) -> dt.datetime:
        return self.current

    def recorded(self) -> dt.datetime:
        return self.recorded_at or self.current

    def advance(self, **delta: float) -> None:
        self.current = self.current + dt.timedelta(**delta)

    def set(self, when: dt.datetime) -> None:
        self.current = when


@dataclass
class ReplayClock(Clock):
    """`--now`: the effective time is the one replayed; rows are still recorded at the
    real time. Writes with it are allowed only on a database made for replay."""

    effective: dt.datetime = field(default_factory=lambda: dt.datetime(2022, 1, 1, tzinfo=dt.UTC))
    replaying = True

    def now(self) -> dt.datetime:
        return self.effective


@dataclass
class EffectiveClock(Clock):
    """`--effective`: something that happened earlier is recorded now; its effective time
    is the day given (never in the future), its recorded time the real one."""

    effective: dt.datetime = field(default_factory=lambda: dt.datetime(2022, 1, 1, tzinfo=dt.UTC))

    def now(self) -> dt.datetime:
        return self.effective


MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("mars", "march", "mar"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augusti", "august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})(?:(?:\s+|/|-)(\d{4}))?$")  # 22/2 2022, 30/5
_WORDS = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?(?:\s+(\d{4}))?$")  # 22 februari 2022
DATE_FORMS = "2022-02-22, 22/2 2022 or 22 februari 2022 (30/5: that day this year)"


def parse_day(text: str, what: str, today: dt.date | None = None) -> dt.date:
    """A day as a Swedish reader writes it: `2022-02-22`, `22/2 2022`, `22/2/2022`,
    `22 februari 2022` (or `22 feb 2022`, English month names too). Without a year
    (`30/5`, `30 maj`) it is that day in the year of `today` (the clock's current year);
    refused without `today`."""
    raw = " ".join(text.split())
    bad = InvalidInput(f"{what}: {text!r} is not a date: write e.g. {DATE_FORMS}")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return _in_range(dt.date.fromisoformat(raw), what, text)
        m = _NUMERIC.match(raw)
        if m:
            day, month, year = int(m[1]), int(m[2]), m[3]
        else:
            m = _WORDS.match(raw)
            if not m or m[2].casefold() not in MONTHS:
                raise bad
            day, month, year = int(m[1]), MONTHS[m[2].casefold()], m[3]
        if year is None:
            if today is None:
                raise InvalidInput(f"{what}: {text!r} has no year: write e.g. {DATE_FORMS}")
            return _in_range(dt.date(today.year, month, day), what, text)
        return _in_range(dt.date(int(year), month, day), what, text)
    except ValueError:
        raise bad from None


def parse_now(text: str, what: str = "--now") -> dt.datetime:
    """Parse `--now`: a date (09:00 Stockholm time that day; any form `parse_day` reads,
    with its year) or an ISO date-time.

    A date-time without an offset is taken as Stockholm time.
    """
    raw = text.strip()
    if "T" not in raw and ":" not in raw:
        try:
            day = parse_day(raw, what)
        except InvalidInput as exc:
            if "out of range" in str(exc):
                raise
            raise InvalidInput(
                f"{what} {text!r} is not a date (e.g. {DATE_FORMS.split(' (')[0]})"
                " or date-time (YYYY-MM-DDTHH:MM)"
            ) from None
        return dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=STOCKHOLM)
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            f"{what} {text!r} is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=STOCKHOLM)
    _in_range(moment.date(), what, text)
    return moment


def parse_effective(text: str, real_now: dt.datetime) -> dt.datetime:
    """Parse `--effective`: like `--now`, but never after the real time `real_now`."""
    moment = parse_now(text, "--effective")
    if moment > real_now:
        raise InvalidInput(
            f"--effective {text!r} lies in the future: it records something that happened earlier"
        )
    return moment


def parse_date(text: str, what: str, today: dt.date | None = None) -> dt.date:
    """Parse a date in any form `parse_day` reads, or raise an error naming `what`."""
    return parse_day(text, what, today)


FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years a date given by the user may lie in: the date arithmetic after it (reminder
windows, periods, rollovers) then stays far from the calendar's ends (years 1 and 9999)."""


def _in_range(day: dt.date, what: str, text: str) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInput(f"{what}: {text!r} is out of range (years {FIRST_YEAR}-{LAST_YEAR})")
    return day
