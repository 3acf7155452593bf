"""The one clock: the only place that reads the wall clock.

A clock tells two times. The *effective* time (`now`) is when something counts as having
happened: what guards, deadlines and reports look at, and what `--now` replays. The
*recorded* time (`recorded`) is when rsp wrote it down: always the real time, except in
tests, which fake both. Every row rsp writes carries both.
"""

from __future__ import annotations

import datetime as dt
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


def parse_now(text: str, what: str = "--now") -> dt.datetime:
    """Parse `--now`: a date (09:00 Stockholm time that day) or an ISO date-time.

    A date-time without an offset is taken as Stockholm time.
    """
    raw = text.strip()
    try:
        if len(raw) == 10:
            day = _in_range(dt.date.fromisoformat(raw), what, text)
            return dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=STOCKHOLM)
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
        raise InvalidInput(f"--effective {text!r} lies in the future: it records something "
                           "that happened earlier")
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
