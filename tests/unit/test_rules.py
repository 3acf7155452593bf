"""Pure rules: decision references, guards, milestone comparison, the clock, roles."""

from __future__ import annotations

import datetime as dt

import pytest

from process.access.people import Actor, require_role
from process.core.clock import STOCKHOLM, FixedClock, parse_now
from process.core.decision_refs import parse_decision_ref
from process.core.errors import InvalidInput, PermissionDenied
from process.reports.status import milestone_status
from process.workflow import guards


@pytest.mark.parametrize(
    "raw",
    [
        "2023-05-23 § 89 RUN/536/2021",
        "RUN/536/2021, 2023-05-23, §89",
        "§ 89 RUN/536/2021 2023-05-23",
    ],
)
def test_decision_reference_in_any_order(raw):
    ref = parse_decision_ref(raw)
    assert (ref.meeting_date, ref.paragraph, ref.diary_number) == (
        dt.date(2023, 5, 23),
        "89",
        "RUN/536/2021",
    )
    assert str(ref) == "2023-05-23 § 89, RUN/536/2021"


@pytest.mark.parametrize(
    "raw,missing",
    [
        ("§ 89 RUN/536/2021", "meeting date"),
        ("2023-05-23 RUN/536/2021", "paragraph"),
        ("2023-05-23 § 89", "diary number"),
        ("2023-02-30 § 89 RUN/536/2021", "2023-02-30 does not exist"),
        ("2023-05-23 2023-05-24 § 89 RUN/536/2021", "only one date"),
    ],
)
def test_decision_reference_names_what_is_missing(raw, missing):
    with pytest.raises(InvalidInput, match=missing):
        parse_decision_ref(raw)


def test_decision_reference_refuses_newlines():
    with pytest.raises(InvalidInput, match="one short line"):
        parse_decision_ref("2023-05-23 § 89 RUN/536/2021\nBcc: x@y.z")


def test_guards():
    assert guards.failures(("comment_given",), guards.GuardContext(comment="  ")) == [
        "comment_given: a comment is required (-m) saying what happened"
    ]
    assert guards.failures(("comment_given",), guards.GuardContext(comment="ok")) == []
    ctx = guards.GuardContext(fired={"consult_service_z": 2})
    assert guards.failures(("service_z_consulted",), ctx) == []
    assert guards.failures(("steering_group_checked_in",), ctx) == [
        "steering_group_checked_in: 'check_in_steering_group' has not happened yet in this process"
    ]


@pytest.mark.parametrize(
    "planned,actual,today,expected",
    [
        ("2023-04-30", "2023-05-23", "2023-06-01", ("late", 23)),
        ("2022-11-30", "2022-11-22", "2023-06-01", ("early", -8)),
        ("2022-02-22", "2022-02-22", "2023-06-01", ("on_plan", 0)),
        ("2023-04-30", None, "2023-05-10", ("overdue", 10)),
        ("2023-04-30", None, "2023-04-30", ("upcoming", None)),
    ],
)
def test_milestone_status(planned, actual, today, expected):
    d = dt.date.fromisoformat
    assert milestone_status(d(planned), d(actual) if actual else None, d(today)) == expected


def test_parse_now_date_means_nine_in_stockholm():
    assert parse_now("2022-02-22") == dt.datetime(2022, 2, 22, 9, tzinfo=STOCKHOLM)
    assert parse_now("2022-07-01T14:30") == dt.datetime(2022, 7, 1, 14, 30, tzinfo=STOCKHOLM)
    assert parse_now("2022-07-01T12:00+00:00").utcoffset() == dt.timedelta(0)
    with pytest.raises(InvalidInput, match="--now 'tomorrow'"):
        parse_now("tomorrow")


def test_fixed_clock_advances_and_refuses_naive_time():
    c = FixedClock(dt.datetime(2022, 12, 31, 23, 30, tzinfo=dt.UTC))
    c.advance(hours=1)
    assert c.today() == dt.date(2023, 1, 1)
    with pytest.raises(ValueError):
        FixedClock(dt.datetime(2022, 1, 1))


def test_require_role_names_the_roles_needed():
    a = Actor("maria", "Maria", frozenset({"working_group"}))
    assert require_role(a, "maria", ("working_group", "service_z"), "consult") == "working_group"
    with pytest.raises(PermissionDenied, match="needs one of the roles: board"):
        require_role(a, "maria", ("board",), "adopt")
    with pytest.raises(PermissionDenied, match="'nobody' is not a registered person"):
        require_role(None, "nobody", ("board",), "adopt")
    with pytest.raises(PermissionDenied, match="does not hold the role 'service_z'"):
        require_role(a, "maria", ("working_group", "service_z"), "consult", as_role="service_z")


def test_swedish_dates_and_words_as_typed():
    """Issue 16: dates as a Swedish reader writes them, words by key or label."""
    import datetime as dt

    from process.core import vocab
    from process.core.clock import parse_day
    from process.core.words import OUTCOME_LABELS

    this_year = dt.date(2024, 3, 1)
    for typed in ("2022-02-22", "22/2 2022", "22/2/2022", "22 februari 2022", "22 Feb. 2022"):
        assert parse_day(typed, "--date") == dt.date(2022, 2, 22), typed
    assert parse_day("30/5", "--date", this_year) == dt.date(2024, 5, 30)
    assert parse_day("30 maj", "--date", this_year) == dt.date(2024, 5, 30)
    with pytest.raises(InvalidInput, match="'30/5' has no year"):
        parse_day("30/5", "--date")
    with pytest.raises(InvalidInput, match="'31/2 2022' is not a date: write e.g. 2022-02-22"):
        parse_day("31/2 2022", "--date")
    entries = OUTCOME_LABELS.items()
    assert [
        vocab.resolve(t, entries, "--outcome")
        for t in ("uppnått", "Delvis", "EJ UPPNÅTT", "not", "partly")
    ] == ["achieved", "partly", "not", "not", "partly"]
    with pytest.raises(InvalidInput, match="giltiga värden: Uppnått \\(achieved\\)"):
        vocab.resolve("kanske", entries, "--outcome")
    with pytest.raises(
        InvalidInput, match="accepted values: Achieved, Partly achieved \\(partly\\)"
    ):
        vocab.resolve("kanske", entries, "--outcome", "en")
