"""A programme's history: every audited event, refused attempts included, newest first,
filtered by outcome, person, kind and period (as `rsp history`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from process.core.clock import STOCKHOLM
from process.reports import status as status_service
from web import access, views
from web.page import Page
from web.words import WORDS, t

router = APIRouter()
KINDS = ("process", "measure", "remiss", "body", "person", "plan", "decision", "other")
SHOWN = 300  # rows on one page


def _kind(subject: str | None) -> str:
    prefix = (subject or "").partition(":")[0]
    return prefix if prefix in KINDS else "other"


def _definition_for(flows: views.Workflows, kind: str, trigger: str | None) -> Any:
    if kind == "measure":
        return next((d for d in flows.measures if trigger and d.trigger(trigger)), flows.process)
    return flows.process


def event_rows(
    events: list[dict[str, Any]], flows: views.Workflows, lang: str
) -> list[dict[str, Any]]:
    """Audit events as the pages show them: when, who, what in words, why refused."""
    rows = []
    for e in events:
        kind = _kind(e["subject"])
        d = _definition_for(flows, kind, e["trigger"])
        if e["action"] == "transition":
            what = views.trigger_label(d, e["trigger"] or "", lang)
            if e["outcome"] == "applied" and e["from_state"] != e["to_state"]:
                what += (
                    f": {views.state_label(d, e['from_state'], lang)} → "
                    f"{views.state_label(d, e['to_state'], lang)}"
                )
        else:
            key = f"action.{e['action']}"
            what = t(key, lang) if key in WORDS else e["action"]
            if e["detail"].get("code"):
                what += f" ({e['detail']['code']})"
        role = e.get("role")
        rows.append(
            {
                **e,
                "kind": kind,
                "what": what,
                "refused": e["outcome"] == "refused",
                "reason": e["detail"].get("reason", ""),
                "role_words": views.role_names(flows.all(), [role], lang) if role else "",
            }
        )
    return rows


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/p/{key}/history")
def history(request: Request, key: str) -> Response:
    """Everything recorded on the programme, refused attempts included."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    ctx, lang, q = page.ctx, page.lang, request.query_params
    with ctx.db.read() as session:
        events = status_service.history(session, key)
        flows = views.workflows_of(session, key)
    chosen = {
        name: (q.get(name) or "").strip() for name in ("outcome", "actor", "kind", "since", "until")
    }
    errors = {}
    if chosen["outcome"] not in ("", "applied", "refused"):
        errors["outcome"] = page.t("filter.unknown")
    if chosen["kind"] not in ("", *KINDS):
        errors["kind"] = page.t("filter.unknown")
    for name in ("since", "until"):
        if chosen[name] and _day(chosen[name]) is None:
            errors[name] = page.t("filter.bad_date")
    actors = sorted({e["actor"] for e in events})
    rows = [] if errors else event_rows(events, flows, lang)
    since, until = _day(chosen["since"]), _day(chosen["until"])
    rows = [
        r
        for r in rows
        if (not chosen["outcome"] or r["outcome"] == chosen["outcome"])
        and (not chosen["actor"] or r["actor"] == chosen["actor"])
        and (not chosen["kind"] or r["kind"] == chosen["kind"])
        and (since is None or r["at"].astimezone(STOCKHOLM).date() >= since)
        and (until is None or r["at"].astimezone(STOCKHOLM).date() <= until)
    ]
    rows.reverse()
    return page.render(
        "history.html",
        status=400 if errors else 200,
        title=page.t("history.title"),
        programme=programme,
        nav="nav.history",
        rows=rows[:SHOWN],
        total=len(rows),
        shown=SHOWN,
        chosen=chosen,
        actors=actors,
        kinds=KINDS,
        errors=errors,
        error_summary=list(errors.items()),
    )
