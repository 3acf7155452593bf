"""The digest's pure parts: the timeline's geometry, the words ('23 dagar sent'), the
period, the plan in force, the weekly cron, and the templates on hand-made data (HTML
escaped, text and Markdown not; Swedish by default)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from notifications import daemon
from notifications.digest import data as digest
from notifications.digest import mail as digest_mail
from notifications.digest import timeline
from notifications.digest.render import colour, render, state_colour
from notifications.digest.words import days_text, milestone_text, since_text
from process.core.clock import STOCKHOLM, FixedClock
from process.core.errors import InvalidInput

D = dt.date.fromisoformat


def kinds(cells: list[timeline.Cell]) -> list[str]:
    return [c.kind for c in cells]


def total(cells: list[timeline.Cell]) -> float:
    return round(sum(c.width for c in cells), 6)


# --- words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status,delta,sv,en",
    [
        ("on_plan", 0, "enligt plan", "on plan"),
        ("late", 23, "23 dagar sent", "23 days late"),
        ("early", -8, "8 dagar tidigt", "8 days early"),
        ("overdue", 5, "ej nått, 5 dagar efter plan", "not reached, 5 days behind plan"),
        ("upcoming", None, "kommande", "upcoming"),
        ("unplanned", None, "", ""),
    ],
)
def test_milestone_words(status, delta, sv, en):
    assert milestone_text(status, delta, "sv") == sv
    assert milestone_text(status, delta, "en") == en


def test_days_and_since_words():
    assert [days_text(n, "sv") for n in (5, 1, 0, -1, -12)] == [
        "om 5 dagar",
        "i morgon",
        "i dag",
        "1 dag sent",
        "12 dagar sent",
    ]
    assert days_text(-12, "en") == "12 days late"
    assert days_text(-3065, "sv") == "3\u202f065 dagar sent"
    assert days_text(-3065, "en") == "3,065 days late"
    assert since_text(D("2023-05-23"), 1, "sv") == "sedan 23 maj 2023, 1 dag"
    assert since_text(D("2023-05-23"), 4, "en") == "since 23 May 2023, 4 days"


# --- the timeline ---------------------------------------------------------------------


def test_axis_keeps_today_and_leaves_far_dates_at_the_edge():
    today = D("2023-05-23")
    axis = timeline.axis_for([D("2021-10-15"), D("2023-06-01"), D("2030-12-31"), None], today)
    assert axis.start < D("2021-10-15") and D("2023-06-01") < axis.end < D("2023-08-01")
    assert axis.outside(D("2030-12-31")) and not axis.outside(today)
    assert axis.pos(D("2030-12-31")) == 100.0 and axis.pos(D("2000-01-01")) == 0.0
    assert 0 < axis.pos(D("2022-06-01")) < axis.pos(today) < 100


def test_the_picture_begins_half_a_year_back_or_at_the_current_milestone():
    today = D("2024-04-08")
    dates = [
        D("2021-10-15"),
        D("2022-02-22"),
        D("2023-04-30"),
        D("2023-05-23"),
        D("2023-06-01"),
        D("2023-06-26"),
        D("2030-12-31"),
    ]
    # the current stage (planned 2023-06-01, reached 2023-06-26) lies beyond half a year
    since = timeline.window_start(dates, today, [D("2023-06-01"), D("2023-06-26")])
    assert since == D("2023-06-01")
    axis = timeline.axis_for(dates, today, since=since)
    assert D("2023-05-01") < axis.start < D("2023-06-01") and axis.end < D("2024-05-01")
    week = axis.pos(D("2024-01-08")) - axis.pos(D("2024-01-01"))
    assert week > 2.0  # a week is a visible step, not a sliver of eight years
    assert timeline.window_start(dates, today, [D("2024-03-01")]) == D("2023-10-08")
    assert timeline.window_start([D("2024-01-01")], today, []) is None  # nothing earlier


def test_axis_of_one_day_is_not_empty():
    axis = timeline.axis_for([], D("2023-05-23"))
    assert axis.days > 1 and 40 < axis.pos(D("2023-05-23")) < 60


def test_flatten_paints_the_highest_priority_and_fills_the_rest():
    cells = timeline.flatten(
        [(10, 30, "span_late", 2), (28, 32, "actual_late", 4), (50, 50.6, "today", 1)]
    )
    assert kinds(cells) == ["empty", "span_late", "actual_late", "empty", "today", "empty"]
    assert [c.width for c in cells] == [10, 18, 4, 18, 0.6, 49.4]
    assert total(cells) == 100
    assert kinds(timeline.flatten([])) == ["empty"]


def test_a_late_milestone_joins_plan_and_actual():
    axis = timeline.Axis(D("2023-01-01"), D("2023-12-31"))
    today = D("2023-06-15")
    planned = timeline.planned_track(axis, D("2023-04-30"), today)
    actual = timeline.actual_track(axis, D("2023-04-30"), D("2023-05-23"), "late", today)
    assert kinds(planned) == ["empty", "planned", "empty", "today", "empty"]
    assert kinds(actual) == ["empty", "span_late", "actual_late", "empty", "today", "empty"]
    assert total(planned) == total(actual) == 100
    left_of = sum(c.width for c in actual[:2])  # the span starts at the planned date
    assert left_of == pytest.approx(axis.pos(D("2023-05-23")) - timeline.MARKER / 2, abs=0.02)


def test_early_on_plan_overdue_and_upcoming_milestones():
    axis = timeline.Axis(D("2022-01-01"), D("2023-12-31"))
    today = D("2023-06-15")
    early = timeline.actual_track(axis, D("2022-11-30"), D("2022-09-22"), "early", today)
    assert "span_early" in kinds(early) and "actual_early" in kinds(early)
    assert kinds(early).index("actual_early") < kinds(early).index("span_early")
    on_plan = timeline.actual_track(axis, D("2022-03-01"), D("2022-03-01"), "on_plan", today)
    assert kinds(on_plan) == ["empty", "actual_on_plan", "empty", "today", "empty"]
    overdue = timeline.actual_track(axis, D("2023-04-30"), None, "overdue", today)
    assert kinds(overdue) == ["empty", "span_overdue", "actual_overdue", "empty"]
    upcoming = timeline.actual_track(axis, D("2023-09-01"), None, "upcoming", today)
    assert kinds(upcoming) == ["empty", "today", "empty"]
    for cells in (early, on_plan, overdue, upcoming):
        assert total(cells) == 100


def test_markers_at_the_edges_stay_inside():
    axis = timeline.Axis(D("2023-01-01"), D("2023-12-31"))
    first = timeline.planned_track(axis, D("2020-01-01"), D("2023-06-01"))
    last = timeline.planned_track(axis, D("2030-12-31"), D("2023-06-01"))
    assert first[0] == timeline.Cell(timeline.MARKER, "planned")
    assert last[-1] == timeline.Cell(timeline.MARKER, "planned")


def test_axis_ticks_years_and_months():
    years = timeline.axis_ticks(timeline.Axis(D("2021-09-01"), D("2023-07-01")))
    assert [c.label for c in years] == ["2021", "2022", "2023"]
    assert years[0].width == pytest.approx(122 / 668 * 100, abs=0.01) and total(years) == 100
    short = timeline.axis_ticks(timeline.Axis(D("2021-12-10"), D("2023-07-01")))
    assert [c.label for c in short] == ["", "2022", "2023"]  # too narrow for a label
    months = timeline.axis_ticks(timeline.Axis(D("2023-01-01"), D("2023-06-30")), "sv")
    assert [c.label for c in months] == ["jan", "feb", "mar", "apr", "maj", "jun"]
    assert (
        timeline.axis_ticks(timeline.Axis(D("2023-01-01"), D("2023-06-30")), "en")[4].label == "May"
    )


def test_stacked_bar_in_proportion_with_a_visible_minimum():
    cells = timeline.stacked(
        [("state:planned", 90), ("state:ongoing", 0), ("state:done", 1), ("state:postponed", 9)]
    )
    assert kinds(cells) == ["state:planned", "state:done", "state:postponed"]
    assert cells[1].width >= timeline.MIN_SHARE * 0.9
    assert total(cells) == 100
    assert kinds(timeline.stacked([("state:planned", 0)])) == ["empty"]


def test_colours_of_kinds_and_states():
    assert colour("actual_late") != colour("actual_on_plan")
    assert colour("state:done") == state_colour("done")
    assert state_colour("a-state-of-another-region") == state_colour("a-state-of-another-region")
    assert colour("no-such-kind") == colour("empty")


# --- period and plan ------------------------------------------------------------------


def test_period_defaults_to_the_last_seven_days():
    now = dt.datetime(2023, 5, 29, 7, 0, tzinfo=STOCKHOLM)
    p = digest.period_for(now)
    assert (p.start, p.end) == (D("2023-05-22"), D("2023-05-29"))
    assert p.start_at == dt.datetime(2023, 5, 22, tzinfo=STOCKHOLM) and p.end_at == now
    assert digest.period_for(now, D("2023-05-01")).start == D("2023-05-01")
    assert digest.period_for(now, until=D("2023-05-28")).end == D("2023-05-28")
    with pytest.raises(InvalidInput, match="lies after"):
        digest.period_for(now, D("2023-06-01"))


def test_the_plan_in_force():
    plans = [(1, 2014), (2, 2015), (3, 2017)]
    assert digest.current_plan(plans, D("2016-06-01")) == (2, 2015)
    assert digest.current_plan(plans, D("2030-01-01")) == (3, 2017)
    assert digest.current_plan(plans, D("2010-01-01")) == (1, 2014)
    assert digest.current_plan([], D("2016-06-01")) is None


# --- the weekly cron ------------------------------------------------------------------


def stockholm(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


@pytest.mark.parametrize(
    "start,expected",
    [
        ("2023-05-23T12:00", "2023-05-29T07:00:00+02:00"),  # a Tuesday: next Monday
        ("2023-05-29T06:59", "2023-05-29T07:00:00+02:00"),
        ("2023-03-21T12:00", "2023-03-27T07:00:00+02:00"),  # summer time began on the 26th
        ("2023-10-24T12:00", "2023-10-30T07:00:00+01:00"),  # and ended on the 29th
    ],
)
def test_default_cron_is_monday_seven_in_stockholm(start, expected):
    trigger = digest_mail.cron_trigger(digest_mail.DEFAULT_CRON)
    assert trigger.get_next_fire_time(None, stockholm(start)).isoformat() == expected


def test_cron_refuses_weekday_numbers_and_nonsense():
    with pytest.raises(InvalidInput, match="weekday as a name"):
        digest_mail.cron_trigger("0 7 * * 1")
    with pytest.raises(InvalidInput, match="five fields"):
        digest_mail.cron_trigger("every monday")
    with pytest.raises(InvalidInput, match="digest cron"):
        digest_mail.cron_trigger("0 25 * * mon")
    assert (
        digest_mail.cron_trigger("30 6 * * mon-fri")
        .get_next_fire_time(None, stockholm("2023-05-27T12:00"))
        .isoformat()
        == "2023-05-29T06:30:00+02:00"
    )


def test_last_fire_within_the_catch_up_window():
    trigger = digest_mail.cron_trigger(digest_mail.DEFAULT_CRON)
    monday = stockholm("2023-05-29T07:00")
    assert digest_mail.last_fire(trigger, stockholm("2023-05-29T07:00")) == monday
    assert digest_mail.last_fire(trigger, stockholm("2023-05-30T18:00")) == monday
    assert digest_mail.last_fire(trigger, stockholm("2023-06-01T09:00")) is None
    assert digest_mail.last_fire(trigger, stockholm("2023-05-29T06:59")) is None


def test_the_daemon_schedules_the_digest_beside_the_sweep():
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(timezone=STOCKHOLM)
    clock = FixedClock(stockholm("2023-05-29T06:00"))
    trigger = digest_mail.cron_trigger(digest_mail.DEFAULT_CRON)

    def work(stop: threading.Event) -> daemon.Report:
        raise AssertionError("not run here")

    def tick(job_work):  # type: ignore[no-untyped-def]
        return lambda: job_work(threading.Event())

    daemon.add_jobs(
        scheduler, clock.now(), 5, tick, work, [daemon.CronJob(digest_mail.JOB_ID, trigger, work)]
    )
    jobs = {j.id: j for j in scheduler.get_jobs()}
    assert set(jobs) == {daemon.JOB_ID, digest_mail.JOB_ID}
    assert {j.next_run_time for j in jobs.values()} == {clock.now()}  # both at once
    weekly = jobs[digest_mail.JOB_ID]
    assert weekly.trigger is trigger
    assert weekly.coalesce is True and weekly.misfire_grace_time is None
    assert weekly.max_instances == 1


# --- the templates on hand-made data --------------------------------------------------


def sample(lang: str = "sv", lead: bool = False) -> dict:
    axis = timeline.Axis(D("2023-01-01"), D("2023-12-31"))
    today = D("2023-06-01")
    evil = "<script>alert(1)</script>"
    data = {
        "lang": lang,
        "lead": lead,
        "programme": "RSP 2022-2030",
        "key": "rsp",
        "region": "Region JH",
        "period": {
            "start": "2023-05-25",
            "end": "2023-06-01",
            "start_text": "25 maj 2023",
            "end_text": "1 juni 2023",
        },
        "compiled": "1 juni 2023 09:00",
        "today": today.isoformat(),
        "today_text": "1 juni 2023",
        "stage": {
            "label": "Fastställt",
            "state": "adopted",
            "final": False,
            "since": "2023-05-23",
            "days": 9,
            "since_text": "sedan 23 maj 2023, 9 dagar",
            "next": None,
        },
        "milestones": [
            {
                "state": "adopted",
                "label": "Fastställt",
                "status": "late",
                "delta": 23,
                "planned": "2023-04-30",
                "actual": "2023-05-23",
                "note": milestone_text("late", 23, lang),
                "current": True,
                "outside": False,
                "drawn": True,
                "planned_text": "30 april 2023",
                "actual_text": "23 maj 2023",
                "planned_cells": timeline.planned_track(axis, D("2023-04-30"), today),
                "actual_cells": timeline.actual_track(
                    axis, D("2023-04-30"), D("2023-05-23"), "late", today
                ),
            }
        ],
        "timeline": {
            "start": "2023-01-01",
            "end": "2023-12-31",
            "ticks": timeline.axis_ticks(axis, lang),
            "earlier": "",
        },
        "decisions": [
            {
                "id": 1,
                "meeting_date": "2023-05-23",
                "reference": "2023-05-23 § 89, R",
                "text": evil,
                "by": "RUN",
                "delegated": False,
                "step": "decided",
                "expected_final": "",
            }
        ],
        "pending": [],
        "measures": {
            "year": 2023,
            "areas": [
                {
                    "number": 1,
                    "title": evil,
                    "total": 2,
                    "counts": [{"state": "planned", "label": "Planerad", "n": 2}],
                    "bar": timeline.stacked([("state:planned", 2)]),
                }
            ],
            "states": [{"state": "planned", "label": "Planerad"}],
            "totals": [{"state": "planned", "label": "Planerad", "n": 2}],
            "total": 2,
        },
        "overdue": [
            {
                "year": 2023,
                "code": "1.A",
                "title": evil,
                "state": "Planerad",
                "due": "2023-05-01",
                "due_date_text": "1 maj 2023",
                "due_text": "Klart",
                "days_left": -31,
                "when": days_text(-31, lang),
                "bodies": [evil, "Berg"],
            }
        ],
        "due_soon": [],
        "due_within": 14,
        "remiss": {
            "reply_by": "2023-06-20",
            "received": [],
            "missing": [{"name": evil, "key": "x"}],
        },
    }
    if lead:
        data["refused"] = [
            {
                "at": "2023-05-30 10:00",
                "actor": "x",
                "role": "",
                "what": "t",
                "subject": "",
                "reason": evil,
            }
        ]
        data["failed"] = []
    return data


def test_html_escapes_what_people_typed_and_has_no_script_or_resource():
    html = render(sample(lead=True), "html")
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("&lt;script&gt;") == 6  # decision, area, measure, body, remiss, refused
    for forbidden in ("src=", "href=", "url(", "@import", "<img", "<link", "http"):
        assert forbidden not in html
    for section in (
        "stage",
        "milestones",
        "timeline",
        "decisions",
        "pending",
        "remiss",
        "measures",
        "overdue",
        "due-soon",
        "refused",
        "failed",
    ):
        assert f'id="{section}"' in html
    assert "23 dagar sent" in html and 'lang="sv"' in html


def test_text_and_markdown_are_not_escaped():
    for fmt in ("text", "md"):
        out = render(sample(), fmt)
        assert "<script>alert(1)</script>" in out and "&lt;" not in out
        assert "23 dagar sent" in out and "Nekade" not in out  # no lead sections


def test_english_and_the_lead_copy():
    data = sample("en", lead=True)
    text = render(data, "text")
    assert "23 days late" in text and "Refused attempts in the period (1)" in text
    assert "Failed mails (0)" in text
    assert (
        digest.subject_line(data) == "Weekly digest (process lead) RSP 2022-2030, week 22 "
        "(2023-06-01)"
    )
    assert digest.subject_line(sample()) == "Veckorapport RSP 2022-2030, vecka 22 (2023-06-01)"
    with pytest.raises(ValueError, match="format"):
        render(data, "pdf")
