"""Swedish working days with real dates: holidays, the three eves, Lag 1930:173."""

from __future__ import annotations

import datetime as dt

import pytest

from process.core.clock import STOCKHOLM
from process.core.workdays import (
    following_working_day,
    holiday_name,
    is_working_day,
    next_working_day,
    next_working_morning,
    period,
    working_days_between,
    working_morning,
)

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    "day,name",
    [
        ("2023-06-23", "Midsommarafton"),
        ("2024-12-24", "Julafton"),
        ("2024-12-31", "Nyårsafton"),
        ("2023-04-07", "Långfredagen"),
        ("2023-04-10", "Annandag påsk"),
        ("2023-05-01", "Första maj"),
        ("2023-05-18", "Kristi himmelsfärdsdag"),
        ("2023-06-06", "Nationaldagen"),
        ("2023-01-06", "Trettondedag jul"),
    ],
)
def test_holidays_and_the_three_eves_are_not_working_days(day, name):
    assert holiday_name(D(day)) == name
    assert not is_working_day(D(day))


@pytest.mark.parametrize(
    "day", ["2023-06-22", "2023-04-06", "2023-04-11", "2024-12-23", "2023-01-05", "2022-11-25"]
)
def test_ordinary_weekdays_are_working_days(day):
    assert holiday_name(D(day)) is None
    assert is_working_day(D(day))


def test_weekends_are_not_working_days():
    assert not is_working_day(D("2023-05-13")) and not is_working_day(D("2023-05-14"))
    assert holiday_name(D("2023-05-13")) is None  # a plain Saturday has no holiday name


@pytest.mark.parametrize(
    "deadline,moved",
    [
        ("2022-12-24", "2022-12-27"),  # Saturday julafton, Sunday juldagen, Monday annandag jul
        ("2023-06-23", "2023-06-26"),  # midsommarafton (Fri), midsommardagen (Sat), Sunday
        ("2023-04-07", "2023-04-11"),  # långfredagen → tuesday after annandag påsk
        ("2022-12-31", "2023-01-02"),  # Saturday nyårsafton, Sunday nyårsdagen
        ("2023-12-30", "2024-01-02"),  # Sat, Sun nyårsafton, Mon nyårsdagen
        ("2023-05-13", "2023-05-15"),  # a plain weekend
        ("2023-05-15", "2023-05-15"),  # a working day stays
    ],
)
def test_a_deadline_on_a_non_working_day_moves_to_the_next_working_day(deadline, moved):
    assert next_working_day(D(deadline)) == D(moved)


def test_following_working_day_is_strictly_after():
    assert following_working_day(D("2023-05-15")) == D("2023-05-16")
    assert following_working_day(D("2023-06-22")) == D("2023-06-26")


def test_the_remiss_period_over_christmas_2022():
    """Remiss 25 Nov 2022 – 24 Feb 2023: 66 weekdays, two lost to holidays."""
    p = period(D("2022-11-25"), D("2023-02-24"))
    assert p.calendar_days == 92
    assert p.working_days == 64 == working_days_between(D("2022-11-25"), D("2023-02-24"))
    assert p.lost == 2
    assert [name for _d, name in p.lost_to_holidays] == ["Annandag jul", "Trettondedag jul"]
    assert p.weekend_days + p.working_days + p.lost == p.calendar_days


def test_christmas_2024_takes_six_working_days():
    p = period(D("2024-12-23"), D("2025-01-06"))
    assert p.working_days == 5  # 23, 27, 30 December, 2 and 3 January
    assert {d.isoformat() for d, _ in p.lost_to_holidays} == {
        "2024-12-24",
        "2024-12-25",
        "2024-12-26",
        "2024-12-31",
        "2025-01-01",
        "2025-01-06",
    }


def test_empty_and_single_day_periods():
    assert working_days_between(D("2023-05-15"), D("2023-05-14")) == 0
    assert working_days_between(D("2023-05-15"), D("2023-05-15")) == 1
    assert working_days_between(D("2023-06-23"), D("2023-06-23")) == 0


def test_working_morning_is_eight_o_clock_stockholm_on_a_working_day():
    assert working_morning(D("2022-12-24")) == dt.datetime(2022, 12, 27, 8, tzinfo=STOCKHOLM)
    summer = working_morning(D("2023-06-21"))
    assert summer.utcoffset() == dt.timedelta(hours=2)
    assert summer.astimezone(dt.UTC).hour == 6
    assert working_morning(D("2023-06-21"), dt.time(7, 30)).minute == 30


@pytest.mark.parametrize(
    "moment,expected",
    [
        ("2023-06-22T07:00", "2023-06-22T08:00"),  # before eight on a working day: that morning
        ("2023-06-22T08:00", "2023-06-22T08:00"),  # exactly eight
        ("2023-06-22T10:00", "2023-06-26T08:00"),  # after eight, then midsommar weekend
        ("2022-12-23T16:00", "2022-12-27T08:00"),
        ("2023-03-25T12:00", "2023-03-27T08:00"),  # across the change to summer time
    ],
)
def test_next_working_morning(moment, expected):
    at = dt.datetime.fromisoformat(moment).replace(tzinfo=STOCKHOLM)
    want = dt.datetime.fromisoformat(expected).replace(tzinfo=STOCKHOLM)
    assert next_working_morning(at) == want
    assert next_working_morning(at.astimezone(dt.UTC)) == want


def test_next_working_morning_refuses_a_naive_time():
    with pytest.raises(ValueError, match="timezone-aware"):
        next_working_morning(dt.datetime(2023, 6, 22, 10))
