"""The weekly digest's data: plain values for one programme and one period, built with a
fixed number of set-based queries (none per milestone, measure or body), for the
templates of `notifications.digest_render`.

The period runs from `since` (default: seven days before today) 00:00 Stockholm time up
to `now`; its end date is the digest's date (the outbox's `due_on`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from notifications.digest import timeline
from notifications.digest.words import (
    days_text,
    milestone_count_text,
    milestone_text,
    since_text,
    w,
)
from notifications.reminders import standing
from process.access import checkpoints, installation
from process.core.clock import STOCKHOLM
from process.core.errors import InvalidInput
from process.core.words import long_date
from process.decisions import finality
from process.plans.measure_queries import open_states
from process.remiss import rules as remiss_service
from process.reports import status as status_service
from process.storage import lookup
from process.storage.body_tables import Body as BodyRow
from process.storage.plan_tables import (
    ActionPlan,
    Measure,
    MeasureBody,
    MeasureDeadline,
    PlanArea,
    table,
)
from process.storage.tables import AuditEvent
from process.workflow import stored
from process.workflow.definition import label_text

DUE_WITHIN = 14
PERIOD_DAYS = 7
_M, _P, _D = table(Measure), table(ActionPlan), table(MeasureDeadline)
_MB, _B, _A = table(MeasureBody), table(BodyRow), table(PlanArea)
_AUD = table(AuditEvent)


@dataclass(frozen=True)
class Period:
    """The digest's period: dates (both included) and the moments they stand for."""

    start: dt.date
    end: dt.date
    start_at: dt.datetime
    end_at: dt.datetime


def period_for(
    now: dt.datetime,
    since: dt.date | None = None,
    until: dt.date | None = None,
    days: int = PERIOD_DAYS,
) -> Period:
    """From `since` (default: `days` days before the end) 00:00 Stockholm time up to `now`;
    the end date is `until` (a scheduled digest's date) or today."""
    end = until or now.astimezone(STOCKHOLM).date()
    start = since if since is not None else end - dt.timedelta(days=days)
    if start > end:
        raise InvalidInput(f"--since {start} lies after the period's end ({end})")
    start_at = dt.datetime(start.year, start.month, start.day, tzinfo=STOCKHOLM)
    return Period(start, end, start_at, now)


def build(
    session: Session,
    programme_key: str | None,
    now: dt.datetime,
    lang: str = "sv",
    lead: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, Any]:
    """Everything the digest shows, as plain values (dates as ISO text)."""
    period = period_for(now, since, until)
    st = status_service.status(session, programme_key, now, lang)
    pid = lookup.programme_id(session, programme_key)
    today = period.end
    data: dict[str, Any] = {
        "lang": lang,
        "lead": lead,
        "programme": st.programme_name,
        "key": st.programme,
        "region": st.region,
        "period": {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "start_text": long_date(period.start, lang),
            "end_text": long_date(period.end, lang),
        },
        "compiled": (
            long_date(now.astimezone(STOCKHOLM).date(), lang)
            + " "
            + now.astimezone(STOCKHOLM).strftime("%H:%M")
        ),
        "today": today.isoformat(),
        "today_text": long_date(today, lang),
        "page": "",  # the digest's page in the browser (a mailed digest links to it)
    }
    data["stage"] = _stage(st, today, lang)
    data["milestones"], data["timeline"] = _milestones(st, today, lang)
    data["decisions"] = decisions_in(session, pid, period)
    data["pending"] = pending(session, pid, today)
    data["measures"] = measure_summary(session, pid, today, lang)
    data["overdue"], data["due_soon"] = due_measures(session, pid, today, lang)
    data["due_within"] = DUE_WITHIN
    data["remiss"] = remiss(session, pid, today)
    if lead:
        data["refused"] = refused_attempts(session, pid, period)
        data["failed"] = failed_mails(session, pid)
        data["standing"] = standing.conditions(session, pid, now, lang)
    newest = checkpoints.latest(session)
    data["checkpoint"] = newest.published() if newest is not None else None
    data["replay"] = installation.facts(session).replay
    return data


def _stage(st: status_service.Status, today: dt.date, lang: str) -> dict[str, Any]:
    since = st.since.astimezone(STOCKHOLM).date()
    upcoming = [m for m in st.milestones if m.actual is None and m.planned is not None]
    nxt = upcoming[0] if upcoming else None
    return {
        "label": st.state_label,
        "state": st.state,
        "final": st.final,
        "since": since.isoformat(),
        "days": st.days_in_state,
        "since_text": since_text(since, st.days_in_state, lang),
        "next": None
        if nxt is None or nxt.planned is None
        else {
            "label": nxt.label,
            "planned": nxt.planned.isoformat(),
            "planned_text": long_date(nxt.planned, lang),
            "when": days_text((nxt.planned - today).days, lang),
        },
    }


def _milestones(
    st: status_service.Status, today: dt.date, lang: str
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    dates = [d for m in st.milestones for d in (m.planned, m.actual)]
    current = [d for m in st.milestones if m.state == st.state for d in (m.planned, m.actual)]
    since = timeline.window_start(dates, today, current)
    axis = timeline.axis_for(dates, today, since=since)
    rows, earlier = [], []
    for m in st.milestones:
        shown = [d for d in (m.planned, m.actual) if d is not None]
        drawn = since is None or not shown or max(shown) >= since
        if not drawn:
            earlier.append(m)
        outside = any(axis.outside(d) for d in shown)
        rows.append(
            {
                "state": m.state,
                "label": m.label,
                "status": m.status,
                "delta": m.delta_days,
                "planned": m.planned.isoformat() if m.planned else "",
                "actual": m.actual.isoformat() if m.actual else "",
                "planned_text": long_date(m.planned, lang),
                "actual_text": long_date(m.actual, lang),
                "note": milestone_text(m.status, m.delta_days, lang),
                "current": m.state == st.state,
                "outside": outside,
                "drawn": drawn,
                "planned_cells": timeline.planned_track(axis, m.planned, today),
                "actual_cells": timeline.actual_track(axis, m.planned, m.actual, m.status, today),
            }
        )
    picture = {
        "start": axis.start.isoformat(),
        "end": axis.end.isoformat(),
        "ticks": timeline.axis_ticks(axis, lang),
        "earlier": _earlier_text(earlier, since, lang),
    }
    return rows, picture


def _earlier_text(earlier: list[Any], since: dt.date | None, lang: str) -> str:
    """One line for the milestones before the picture: how many, and how they went."""
    if not earlier or since is None:
        return ""
    counts: dict[str, int] = {}
    for m in earlier:
        counts[m.status] = counts.get(m.status, 0) + 1
    parts = [milestone_count_text(status, n, lang) for status, n in counts.items()]
    return w(
        "earlier",
        lang,
        n=len(earlier),
        day=long_date(since, lang),
        how=", ".join(p for p in parts if p),
    )


def decisions_in(session: Session, programme_id: int, period: Period) -> list[dict[str, Any]]:
    """Decisions taken in the period, the board's and delegated ones, oldest first."""
    out = []
    for d in finality.decisions_between(session, programme_id, period.start, period.end):
        final = d.get("expected_final")
        out.append(
            {
                "id": d["id"],
                "meeting_date": d["meeting_date"].isoformat(),
                "reference": d["reference"],
                "text": d["text"],
                "by": d.get("decided_by") or d.get("body") or "",
                "delegated": bool(d.get("delegated")),
                "step": d["step"],
                "expected_final": final.isoformat() if final else "",
            }
        )
    return out


def pending(session: Session, programme_id: int, today: dt.date) -> list[dict[str, Any]]:
    """Board decisions not yet final (laga kraft) on `today`, oldest first."""
    out = []
    for d in finality.pending_decisions(session, programme_id, today):
        final = d.get("expected_final")
        out.append(
            {
                "id": d["id"],
                "reference": d["reference"],
                "text": d["text"],
                "step": d["step"],
                "expected_final": final.isoformat() if final else "",
            }
        )
    return out


def current_plan(plans: list[tuple[int, int]], today: dt.date) -> tuple[int, int] | None:
    """The (id, year) of the plan in force: the latest year up to today's, else the first."""
    if not plans:
        return None
    past = [p for p in plans if p[1] <= today.year]
    return max(past, key=lambda p: p[1]) if past else min(plans, key=lambda p: p[1])


def measure_summary(
    session: Session, programme_id: int, today: dt.date, lang: str
) -> dict[str, Any] | None:
    """The plan in force: per priority area, how many measures are in each state."""
    conn = session.connection()
    plans = [
        (r.id, r.year)
        for r in conn.execute(
            sa.select(_P.c.id, _P.c.year).where(_P.c.programme_id == programme_id)
        )
    ]
    plan = current_plan(plans, today)
    if plan is None:
        return None
    counts = conn.execute(
        sa.select(_M.c.area, _M.c.state, _M.c.definition_id, sa.func.count())
        .where(_M.c.plan_id == plan[0])
        .group_by(_M.c.area, _M.c.state, _M.c.definition_id)
    ).all()
    titles = dict(
        conn.execute(sa.select(_A.c.number, _A.c.title).where(_A.c.plan_id == plan[0])).all()
    )
    order: dict[str, int] = {}
    labels: dict[str, str] = {}
    for def_id in sorted({r[2] for r in counts}):
        for s in stored.definition_of(session, def_id).states:
            order.setdefault(s.name, len(order))
            labels.setdefault(s.name, label_text(s.label, lang))
    states = sorted({r[1] for r in counts}, key=lambda s: (order.get(s, 999), s))
    per_area: dict[int, dict[str, int]] = {n: {} for n in titles}
    for area, state, _def_id, n in counts:
        per_area.setdefault(area, {})
        per_area[area][state] = per_area[area].get(state, 0) + n
    areas = []
    for number in sorted(per_area):
        by_state = per_area[number]
        areas.append(
            {
                "number": number,
                "title": titles.get(number, ""),
                "total": sum(by_state.values()),
                "counts": [
                    {"state": s, "label": labels.get(s, s), "n": by_state.get(s, 0)} for s in states
                ],
                "bar": timeline.stacked([(f"state:{s}", by_state.get(s, 0)) for s in states]),
            }
        )
    totals = [
        {"state": s, "label": labels.get(s, s), "n": sum(a.get(s, 0) for a in per_area.values())}
        for s in states
    ]
    return {
        "year": plan[1],
        "areas": areas,
        "states": [{"state": s, "label": labels.get(s, s)} for s in states],
        "totals": totals,
        "total": sum(t["n"] for t in totals),
    }


def _due_until(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=DUE_WITHIN)


def _due_query(programme_id: int, today: dt.date, open_now: tuple[str, ...]) -> sa.Select:
    high = _due_until(today)
    return (
        sa.select(
            _M.c.id,
            _P.c.year,
            _M.c.code,
            _M.c.title,
            _M.c.state,
            _M.c.definition_id,
            _D.c.due_date,
            _D.c.text,
        )
        .select_from(_D.join(_M, _M.c.id == _D.c.measure_id).join(_P, _P.c.id == _M.c.plan_id))
        .where(_P.c.programme_id == programme_id, _M.c.state.in_(open_now), _D.c.due_date <= high)
    )


def due_measures(
    session: Session, programme_id: int, today: dt.date, lang: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Open measures with a deadline passed (overdue) or within DUE_WITHIN days, one row
    per deadline, with every responsible body (lead first)."""
    conn = session.connection()
    open_now = open_states(session)
    q = _due_query(programme_id, today, open_now)
    rows = conn.execute(q.order_by(_D.c.due_date, _P.c.year, _M.c.code)).all()
    has_due = sa.exists().where(_D.c.measure_id == _M.c.id, _D.c.due_date <= _due_until(today))
    bodies: dict[int, list[str]] = {}
    for mid, name in conn.execute(  # the programme's open measures first, then their bodies
        sa.select(_MB.c.measure_id, _B.c.name)
        .select_from(
            _P.join(_M, _M.c.plan_id == _P.c.id)
            .join(_MB, _MB.c.measure_id == _M.c.id)
            .join(_B, _B.c.id == _MB.c.body_id)
        )
        .where(_P.c.programme_id == programme_id, _M.c.state.in_(open_now), has_due)
        .order_by(_MB.c.measure_id, _MB.c.position)
    ).all():
        bodies.setdefault(mid, []).append(name)
    labels = {}
    for def_id in {r.definition_id for r in rows}:
        for s in stored.definition_of(session, def_id).states:
            labels[(def_id, s.name)] = label_text(s.label, lang)
    days: dict[dt.date, tuple[str, int, str, str]] = {}  # many rows share a date
    overdue: list[dict[str, Any]] = []
    soon: list[dict[str, Any]] = []
    for mid, year, code, title, state, def_id, due, text in rows:
        day = days.get(due)
        if day is None:
            left = (due - today).days
            day = days[due] = (due.isoformat(), left, days_text(left, lang), long_date(due, lang))
        (overdue if day[1] < 0 else soon).append(
            {
                "year": year,
                "code": code,
                "title": title,
                "state": labels.get((def_id, state), state),
                "due": day[0],
                "due_text": text,
                "due_date_text": day[3],
                "days_left": day[1],
                "when": day[2],
                "bodies": bodies.get(mid, []),
            }
        )
    return overdue, soon


def remiss(session: Session, programme_id: int, today: dt.date) -> dict[str, Any] | None:
    """The open remiss: replies received and missing; None when no remiss is open."""
    view = remiss_service.remiss_overview(session, programme_id, today)
    if view is None or not view["open"]:
        return None
    bodies = list(view["bodies"])
    reply_by = view["reply_by"]
    return {
        "reply_by": reply_by.isoformat() if reply_by else "",
        "received": [
            {
                "name": b["name"],
                "key": b["key"],
                "position": b["position"],
                "received": b["received"].isoformat() if b["received"] else "",
                "late": bool(b["late"]),
            }
            for b in bodies
            if b["answered"]
        ],
        "missing": [{"name": b["name"], "key": b["key"]} for b in bodies if not b["answered"]],
    }


def refused_attempts(session: Session, programme_id: int, period: Period) -> list[dict[str, Any]]:
    """Attempts the engine or an admin service refused in the period (audited), oldest
    first; failed mails are listed on their own."""
    rows = session.connection().execute(
        sa.select(
            _AUD.c.at,
            _AUD.c.actor,
            _AUD.c.role,
            _AUD.c.action,
            _AUD.c.trigger,
            _AUD.c.subject,
            _AUD.c.from_state,
            _AUD.c.detail,
        )
        .where(
            _AUD.c.programme_id == programme_id,
            _AUD.c.outcome == "refused",
            _AUD.c.action != "mail.failed",
            _AUD.c.at.between(period.start_at, period.end_at),
        )
        .order_by(_AUD.c.id)
    )
    out = []
    for r in rows:
        what = r.action + (f" {r.trigger}" if r.trigger else "")
        out.append(
            {
                "at": r.at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M"),
                "actor": r.actor,
                "role": r.role or "",
                "what": what,
                "subject": r.subject or "",
                "reason": json.loads(r.detail or "{}").get("reason", ""),
            }
        )
    return out


def failed_mails(session: Session, programme_id: int) -> list[dict[str, Any]]:
    """Mails of the programme that the sender gave up on (outbox status failed)."""
    from notifications.mail.outbox import TABLE as OUT
    from process.storage.outbox_table import FAILED

    rows = session.connection().execute(
        sa.select(
            OUT.c.id,
            OUT.c.recipient,
            OUT.c.mail_subject,
            OUT.c.attempts,
            OUT.c.last_error,
            OUT.c.due_on,
        )
        .where(OUT.c.programme_id == programme_id, OUT.c.status == FAILED)
        .order_by(OUT.c.id)
    )
    return [
        {
            "id": r.id,
            "recipient": r.recipient,
            "subject": r.mail_subject,
            "attempts": r.attempts,
            "error": r.last_error or "",
            "due_on": r.due_on.isoformat(),
        }
        for r in rows
    ]


def subject_line(data: dict[str, Any]) -> str:
    """The mail subject: 'Veckorapport <programme>, vecka 21 (2023-05-23)'."""
    end = dt.date.fromisoformat(data["period"]["end"])
    key = "subject_lead" if data["lead"] else "subject"
    return w(
        key,
        data["lang"],
        programme=data["programme"],
        week=end.isocalendar()[1],
        end=end.isoformat(),
    )
