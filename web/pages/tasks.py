"""'Mina uppgifter': everything the signed-in person may do now: the process steps they
hold a role for, the measures of their bodies (or all, for those who work on every
measure) due within 30 days or overdue, and the remiss replies they are to record."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from process.access import capabilities
from process.core.clock import STOCKHOLM
from process.plans import measure_queries as queries
from process.remiss import rules as remiss
from process.reports import status as status_service
from process.reports.measure_text import when_text
from web import access, views
from web.page import Page

router = APIRouter()
DUE_WITHIN = 30  # days ahead that count as "due soon"


@router.get("/p/{key}/tasks")
def tasks(request: Request, key: str) -> Response:
    """What the person may do now, most urgent first."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    ctx, lang = page.ctx, page.lang
    now = ctx.clock.now()
    today = now.astimezone(STOCKHOLM).date()
    with ctx.db.read() as session:
        s = status_service.status(session, key, now, lang)
        flows = views.workflows_of(session, key)
        roles_for = capabilities.roles_for
        every_measure = bool(
            set(roles_for(session, programme.id, capabilities.WRITE_NOTES)) & programme.roles
        )
        due = queries.Filters(due_within=DUE_WITHIN, overdue=True)
        if every_measure:
            rows = queries.list_measures(session, key, today, due, lang)
        else:
            rows = [
                r
                for body in sorted(programme.bodies)
                for r in queries.list_measures(
                    session,
                    key,
                    today,
                    queries.Filters(body=body, due_within=DUE_WITHIN, overdue=True),
                    lang,
                )
            ]
        replies = None
        if set(roles_for(session, programme.id, capabilities.RUN_REMISS)) & programme.roles:
            overview = remiss.remiss_overview(session, programme.id, today)
            if overview and overview["open"]:
                replies = overview
    d = flows.process
    steps: list[dict[str, Any]] = []
    for n in s.next_steps:
        trigger = d.trigger(n.trigger)
        if trigger is None or trigger.marks or not views.may_fire(trigger, programme.roles):
            continue
        steps.append(
            {
                "trigger": n.trigger,
                "label": n.label,
                "blocked": views.blocked_texts(d, n.blocked_by, lang),
            }
        )
    seen, measures = set(), []
    for r in sorted(rows, key=lambda r: (r.deadline, r.year, r.code)):
        if (r.id, r.deadline, r.deadline_text) in seen:
            continue
        seen.add((r.id, r.deadline, r.deadline_text))
        left = r.days_left if r.days_left is not None else 0  # due lines have a deadline
        measures.append({**r.to_json(), "when": when_text(left, left < 0, lang), "late": left < 0})
    return page.render(
        "tasks.html",
        title=page.t("tasks.title"),
        programme=programme,
        nav="nav.tasks",
        steps=steps,
        measures=measures,
        replies=replies,
        every_measure=every_measure,
        due_within=DUE_WITHIN,
        nothing=not (steps or measures or replies),
    )
