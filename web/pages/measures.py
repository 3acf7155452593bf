"""Measures: the list with its filters (as `rsp measures list`), and one measure's page with
its content, targets, bodies, notes and history, and the actions the signed-in person may
take (start, report progress, complete, postpone, resume, cancel, a note), each through
`process.plans.measure_actions`, as `rsp measure advance|note`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from process.access import capabilities
from process.core.clock import STOCKHOLM
from process.core.errors import NotFound, RspError
from process.plans import measure_actions as lifecycle
from process.plans import measure_queries as queries
from process.reports.followup import OUTCOME_WORDS
from process.reports.measure_text import when_text
from process.workflow.definition import Definition
from web import access, measure_filters, refusals, views
from web.access import ProgrammeView
from web.auth.sessions import SignedIn
from web.forms import Fields
from web.page import Page, PageNotFound
from web.pages.history import event_rows

router = APIRouter()


@router.get("/p/{key}/measures")
def measure_list(request: Request, key: str) -> Response:
    """The programme's measures, narrowed by plan, area, goal, state, body and due date."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    ctx, lang = page.ctx, page.lang
    today = ctx.clock.now().astimezone(STOCKHOLM).date()
    with ctx.db.read() as session:
        flows = views.workflows_of(session, key)
        opts = measure_filters.options(session, programme.id, flows, lang)
        chosen = measure_filters.choose(request.query_params, opts, lang)
        rows = (
            []
            if chosen.errors
            else queries.list_measures(session, key, today, chosen.filters, lang)
        )
    lines = [
        {
            **r.to_json(),
            "when": when_text(r.days_left, r.days_left < 0, lang)
            if r.days_left is not None
            else None,
        }
        for r in rows
    ]
    return page.render(
        "measures.html",
        status=400 if chosen.errors else 200,
        title=page.t("measures.title"),
        programme=programme,
        nav="nav.measures",
        rows=lines,
        opts=opts,
        chosen=chosen.values,
        errors=chosen.errors,
        error_summary=list(chosen.errors.items()),
        by_deadline=chosen.filters.by_deadline,
    )


def _actions(
    session: Any,
    user: SignedIn,
    programme: ProgrammeView,
    m: dict[str, Any],
    flows: views.Workflows,
    lang: str,
) -> dict[str, Any]:
    """The triggers the person may fire on the measure now, and whether they may write notes."""
    who = lifecycle.measure_actor(session, user.login, programme.id, m["id"])
    roles = who.roles if who else frozenset()
    mine: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for step in m["next_steps"]:
        if set(step.get("marks", ())) & set(lifecycle.OWN_COMMAND):
            continue
        d = _definition_with(flows, step["trigger"])
        item = {
            **step,
            "blocked": views.blocked_texts(d, step["blocked_by"], lang),
            "who": views.role_names(flows.all(), step["roles"], lang),
            "needs_comment": "comment_given"
            in (t.guards if (t := d.trigger(step["trigger"])) else ()),
        }
        (mine if set(step["roles"]) & roles else others).append(item)
    writers = {
        *capabilities.roles_for(session, programme.id, capabilities.WRITE_NOTES),
        lifecycle.RESPONSIBLE,
    }
    return {"mine": mine, "others": others, "may_note": bool(writers & roles)}


def _definition_with(flows: views.Workflows, trigger: str) -> Definition:
    """The measure definition that has this trigger (the process's, if none has)."""
    return next((d for d in flows.measures if d.trigger(trigger)), flows.process)


def _measure_page(
    page: Page,
    key: str,
    year: int,
    code: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form: str = "",
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    user, programme = access.enter(page, key)
    ctx, lang = page.ctx, page.lang
    today = ctx.clock.now().astimezone(STOCKHOLM).date()
    with ctx.db.read() as session:
        try:
            m = queries.show_measure(session, key, code, year, today, lang)
        except NotFound:
            raise PageNotFound() from None
        flows = views.workflows_of(session, key)
        acts = _actions(session, user, programme, m, flows, lang)
    for d in m["deadlines"]:
        d["when"] = when_text(d["days_left"], d["overdue"], lang)
    followup = m["followup"]
    if followup:
        followup = {
            **followup,
            "outcome_words": OUTCOME_WORDS[followup["outcome"]].get(
                lang, OUTCOME_WORDS[followup["outcome"]]["sv"]
            ),
        }
    errors = errors or {}
    return page.render(
        "measure.html",
        status=status,
        title=f"{m['code']} {m['title']}",
        programme=programme,
        nav="nav.measures",
        m=m,
        acts=acts,
        followup=followup,
        history=event_rows(m["history"], flows, lang),
        errors=errors,
        error_summary=[
            (f"{k}-{form}" if k != refusals.GENERAL else f"form-{form}", v)
            for k, v in errors.items()
        ],
        error_form=form,
        values=values or {},
        detail=detail,
        done=page.request.query_params.get("done"),
    )


@router.get("/p/{key}/measures/{year}/{code}")
def measure(request: Request, key: str, year: int, code: str) -> Response:
    """One measure and what the person may do with it."""
    return _measure_page(Page.of(request), key, year, code)


@router.post("/p/{key}/measures/{year}/{code}/advance")
def advance(request: Request, key: str, year: int, code: str, form: Fields) -> Response:
    """Fire a trigger on the measure as the signed-in person."""
    page = Page.of(request)
    page.check_csrf(form)
    user, _programme = access.enter(page, key)
    ctx = page.ctx
    trigger = form.get("trigger", "")
    comment = form.get("comment", "").strip() or None
    version = form.get("version", "")
    try:
        lifecycle.advance(
            ctx.db,
            ctx.clock,
            user.caller,
            key,
            code,
            trigger,
            comment,
            year,
            expected_version=int(version) if version.isdigit() else None,
        )
    except NotFound:
        raise PageNotFound() from None
    except RspError as error:
        with ctx.db.read() as session:
            flows = views.workflows_of(session, key)
        found = _definition_with(flows, trigger).trigger(trigger)
        refusal = refusals.explain(error, page.lang, flows.all(), found)
        return _measure_page(
            page, key, year, code, refusal.status, refusal.fields, trigger, form, refusal.detail
        )
    return page.redirect(f"/p/{key}/measures/{year}/{code}?done={trigger}")


@router.post("/p/{key}/measures/{year}/{code}/note")
def note(request: Request, key: str, year: int, code: str, form: Fields) -> Response:
    """Add a progress note to the measure as the signed-in person."""
    page = Page.of(request)
    page.check_csrf(form)
    user, _programme = access.enter(page, key)
    ctx = page.ctx
    try:
        lifecycle.add_note(ctx.db, ctx.clock, user.caller, key, code, form.get("text", ""), year)
    except NotFound:
        raise PageNotFound() from None
    except RspError as error:
        refusal = refusals.explain(error, page.lang)
        fields = {("text" if k == "comment" else k): v for k, v in refusal.fields.items()}
        return _measure_page(
            page, key, year, code, refusal.status, fields, "note", form, refusal.detail
        )
    return page.redirect(f"/p/{key}/measures/{year}/{code}?done=note")
