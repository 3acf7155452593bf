"""The programme's overview: the stage and since when, the milestones planned against
reached with a timeline, what may happen next and who may do it, and the decisions that
are not final yet (from `process.reports.status`, as `rsp status`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from process.core.clock import STOCKHOLM
from process.reports import status as status_service
from process.reports.remiss_text import decision_note
from process.reports.status_text import milestone_note
from web import access, views
from web.page import Page

router = APIRouter()


@router.get("/p/{key}")
def overview(request: Request, key: str) -> Response:
    """Where the programme's process stands."""
    page = Page.of(request)
    user, programme = access.enter(page, key)
    ctx, lang = page.ctx, page.lang
    now = ctx.clock.now()
    with ctx.db.read() as session:
        s = status_service.status(session, key, now, lang)
        flows = views.workflows_of(session, key)
    d = flows.process
    milestones = [
        {
            "label": m.label,
            "planned": m.planned,
            "actual": m.actual,
            "status": m.status,
            "note": milestone_note(m.status, m.delta_days, lang),
            "current": m.state == s.state,
            "reached": m.actual is not None,
        }
        for m in s.milestones
    ]
    steps: list[dict[str, Any]] = []
    for n in s.next_steps:
        trigger = d.trigger(n.trigger)
        assert trigger is not None
        steps.append(
            {
                "trigger": n.trigger,
                "label": n.label,
                "to": views.state_label(d, n.to_state, lang),
                "who": views.role_names([d], n.roles, lang),
                "decision": n.decision,
                "blocked": views.blocked_texts(d, n.blocked_by, lang),
                "own_service": bool(trigger.marks),
                "mine": views.may_fire(trigger, programme.roles),
            }
        )
    pending = [
        {**x, "note": decision_note(x, lang)}
        for x in s.decisions
        if x.get("step") not in ("final", "overturned")
    ]
    return page.render(
        "overview.html",
        title=page.t("overview.title"),
        programme=programme,
        nav="nav.overview",
        s=s,
        milestones=milestones,
        steps=steps,
        pending=pending,
        today=now.astimezone(STOCKHOLM).date(),
        done=request.query_params.get("done"),
        done_label=views.trigger_label(d, request.query_params.get("done", ""), lang),
    )
