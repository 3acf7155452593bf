"""The one clock: the only place that reads the wall clock.

Every service takes `now` or a `Clock`; the CLI's `--now` / `RSP_NOW` replaces the
system clock with a fixed one so a timetable can be replayed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from process.core.errors import InvalidInput

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class Clock:
    """Tells the current time, always timezone-aware."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """The current date in Sweden."""
        return self.now().astimezone(STOCKHOLM).date()


@dataclass
class FixedClock(Clock):
    """A clock that says what it is told; `advance` moves it (for tests and replays)."""

    current: dt.datetime = field(default_factory=lambda: dt.datetime(2022, 1, 1, tzinfo=dt.UTC))

    def __post_init__(self) -> None:
        if self.current.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")

    def now(self) -> dt.datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current = self.current + dt.timedelta(**delta)

    def set(self, when: dt.datetime) -> None:
        self.current = when


def parse_now(text: str) -> dt.datetime:
    """Parse `--now`: a date (09:00 Stockholm time that day) or an ISO date-time.

    A date-time without an offset is taken as Stockholm time.
    """
    raw = text.strip()
    try:
        if len(raw) == 10:
            day = _in_range(dt.date.fromisoformat(raw), "--now", text)
            return dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=STOCKHOLM)
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            f"--now {text!r} is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=STOCKHOLM)
    _in_range(moment.date(), "--now", text)
    return moment


def parse_date(text: str, what: str) -> dt.date:
    """Parse a YYYY-MM-DD date or raise an error naming `what`."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{what}: {text!r} is not a date (YYYY-MM-DD)") from None
    return _in_range(day, what, text)


FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years a date given by the user may lie in: the date arithmetic after it (reminder
windows, periods, rollovers) then stays far from the calendar's ends (years 1 and 9999)."""


def _in_range(day: dt.date, what: str, text: str) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInput(f"{what}: {text!r} is out of range (years {FIRST_YEAR}-{LAST_YEAR})")
    return day
