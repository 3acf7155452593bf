"""Swedish working days: the one place that knows which days count (pure functions).

A deadline set by law or ordinance that falls on a Saturday, Sunday, public holiday,
Midsummer Eve, Christmas Eve or New Year's Eve moves to the next working day
(lag (1930:173) om beräkning av lagstadgad tid). The holidays come from the `holidays`
package with the de-facto holidays (the three eves) included; its version is pinned in
pyproject.toml because a new release could change a name or a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from process.core.clock import STOCKHOLM

CATEGORIES = ("public", "de_facto")
MORNING = dt.time(8, 0)
_MAX_SCAN = 31  # no run of non-working days in Sweden is longer than this


@lru_cache(maxsize=256)
def _holidays_of(year: int) -> dict[dt.date, str]:
    import holidays

    table = holidays.Sweden(years=year, categories=CATEGORIES, language="sv")
    return dict(table.items())


def holiday_name(day: dt.date) -> str | None:
    """The Swedish name of the holiday or eve on `day`, or None for an ordinary day."""
    return _holidays_of(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    """True on Monday-Friday unless a public holiday or Midsummer/Christmas/New Year's Eve."""
    return day.weekday() < 5 and day not in _holidays_of(day.year)


@lru_cache(maxsize=8192)
def next_working_day(day: dt.date) -> dt.date:
    """`day` itself if it is a working day, else the first working day after it (1930:173)."""
    current = day
    for _ in range(_MAX_SCAN):
        if is_working_day(current):
            return current
        current += dt.timedelta(days=1)
    raise AssertionError(f"no working day within {_MAX_SCAN} days of {day}")


def following_working_day(day: dt.date) -> dt.date:
    """The first working day strictly after `day`."""
    return next_working_day(day + dt.timedelta(days=1))


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie in the period from `start` to `end`, both included."""
    return period(start, end).working_days


@dataclass(frozen=True)
class Period:
    """What a period of days contains, e.g. a remiss period over Christmas."""

    start: dt.date
    end: dt.date
    calendar_days: int
    working_days: int
    weekend_days: int
    lost_to_holidays: tuple[tuple[dt.date, str], ...]  # holidays and eves on Monday-Friday

    @property
    def lost(self) -> int:
        """How many Monday-Friday days the holidays and eves take away."""
        return len(self.lost_to_holidays)


def period(start: dt.date, end: dt.date) -> Period:
    """Count the working days of `start`..`end` (both included) and the days holidays take."""
    if end < start:
        return Period(start, end, 0, 0, 0, ())
    working = weekend = 0
    lost: list[tuple[dt.date, str]] = []
    day = start
    while day <= end:
        name = holiday_name(day)
        if day.weekday() >= 5:
            weekend += 1
        elif name is not None:
            lost.append((day, name))
        else:
            working += 1
        day += dt.timedelta(days=1)
    return Period(start, end, (end - start).days + 1, working, weekend, tuple(lost))


@lru_cache(maxsize=8192)
def working_morning(day: dt.date, at: dt.time = MORNING) -> dt.datetime:
    """`at` (08:00) Stockholm time on `day`, or on the next working day if `day` is not one."""
    target = next_working_day(day)
    return dt.datetime.combine(target, at, tzinfo=STOCKHOLM)


def next_working_morning(moment: dt.datetime, at: dt.time = MORNING) -> dt.datetime:
    """The first `at` (08:00 Stockholm) on a working day that is at or after `moment`."""
    if moment.tzinfo is None:
        raise ValueError("next_working_morning needs a timezone-aware moment")
    local = moment.astimezone(STOCKHOLM)
    candidate = working_morning(local.date(), at)
    if candidate < local:
        candidate = working_morning(following_working_day(local.date()), at)
    return candidate
