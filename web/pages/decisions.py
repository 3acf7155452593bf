"""Board decisions (the capability to decide for the board): the list with each decision's
step and (expected) final date; each decision's own page with the minutes approved
(justerat) and announced (anslaget), an appeal and its outcome, each recorded through
`process.decisions.steps` as `rsp decision approve-minutes|announce|appeal|resolve`."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from process.access import capabilities
from process.core.clock import STOCKHOLM
from process.core.errors import InvalidInput, NotFound, PermissionDenied, RspError
from process.decisions import finality
from process.decisions import steps as decision_steps
from process.decisions.finality import DecisionView
from process.reports import status as status_service
from process.reports.remiss_text import decision_note
from process.storage.table_of import table_of
from process.storage.tables import AuditEvent
from web import access, form_problems, views
from web.access import ProgrammeView
from web.form_problems import GENERAL, FieldProblems
from web.forms import Fields
from web.page import Page, PageNotFound
from web.pages.history import event_rows
from web.words import t

router = APIRouter()
STEPS = {  # the form's name → (the service, the step it records, its audit action)
    "approve": "minutes_approved",
    "announce": "announced",
    "appeal": "appealed",
    "resolve": "resolved",
}


def today_of(page: Page) -> dt.date:
    """Today in Sweden, by the server's clock."""
    return page.ctx.clock.now().astimezone(STOCKHOLM).date()


def decides(session: Session, programme: ProgrammeView) -> bool:
    """Whether the person holds the capability to decide for the board here."""
    roles = capabilities.roles_for(session, programme.id, capabilities.DECIDE_FOR_BOARD)
    return bool(set(roles) & programme.roles)


def _final_text(d: DecisionView, lang: str) -> str:
    if d["final_on"]:
        return t("decisions.final_on", lang, day=d["final_on"].isoformat())
    if d["expected_final"]:
        return t("decisions.expected", lang, day=d["expected_final"].isoformat())
    return "–"


@router.get("/p/{key}/decisions")
def decision_list(request: Request, key: str) -> Response:
    """Every board decision with its step and (expected) final date; the steps that record
    one; the link to the delegations."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    lang = page.lang
    with page.ctx.db.read() as session:
        rows = finality.board_decisions(session, programme.id, today_of(page))
        s = status_service.status(session, key, page.ctx.clock.now(), lang)
        flows = views.workflows_of(session, key)
    decisions = [
        {**d, "note": decision_note(d, lang), "final_text": _final_text(d, lang)}
        for d in reversed(rows)
    ]
    record = []
    for n in s.next_steps:
        trigger = flows.process.trigger(n.trigger)
        if n.decision and trigger is not None and views.may_fire(trigger, programme.roles):
            record.append({"trigger": n.trigger, "label": n.label})
    return page.render(
        "decisions.html",
        title=page.t("decisions.title"),
        programme=programme,
        nav="nav.decisions",
        decisions=decisions,
        record=record,
    )


def _history(session: Session, decision_id: int) -> list[dict[str, Any]]:
    a = table_of(AuditEvent)
    rows = (
        session.connection()
        .execute(
            sa.select(a).where(a.c.subject == f"decision:{decision_id}").order_by(a.c.id.desc())
        )
        .mappings()
    )
    keys = (
        "id",
        "at",
        "actor",
        "role",
        "action",
        "outcome",
        "subject",
        "trigger",
        "from_state",
        "to_state",
        "comment",
    )
    return [
        {**{k: r[k] for k in keys}, "detail": json.loads(r["detail"]), "decision": None}
        for r in rows
    ]


def _decision_page(
    page: Page,
    key: str,
    decision_id: int,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form: str = "",
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    _user, programme = access.enter(page, key)
    lang = page.lang
    with page.ctx.db.read() as session:
        d = finality.decision_by_id(session, programme.id, decision_id, today_of(page))
        if d is None:
            raise PageNotFound()
        may = decides(session, programme)
        flows = views.workflows_of(session, key)
        history = event_rows(_history(session, decision_id), flows, lang)
    errors = errors or {}
    return page.render(
        "decision.html",
        status=status,
        title=page.t("decision.title", ref=d["reference"]),
        programme=programme,
        nav="nav.decisions",
        d={**d, "note": decision_note(d, lang), "final_text": _final_text(d, lang)},
        forms=_forms(d) if may else [],
        may=may,
        history=history,
        errors=errors,
        error_summary=form_problems.summary(errors),
        error_form=form,
        values=values or {},
        detail=detail,
        done=page.request.query_params.get("done", ""),
        today=today_of(page).isoformat(),
    )


def _forms(d: DecisionView) -> list[str]:
    """The steps that may be recorded on the decision now."""
    step = d["step"]
    if step == "decided":
        return ["approve"]
    if step == "minutes_approved":
        return ["announce"]
    if step == "appealed":
        return ["resolve"]
    if step in ("announced", "final") and d["appealed_on"] is None and not d["appeal_outcome"]:
        return ["appeal"]
    return []


@router.get("/p/{key}/decisions/{decision_id}")
def decision(request: Request, key: str, decision_id: int) -> Response:
    """One board decision: its reference, its steps with their dates, what may be recorded."""
    return _decision_page(Page.of(request), key, decision_id)


def _explain(error: RspError, form: str, lang: str) -> tuple[int, dict[str, str]]:
    """The status and each field's problem of a refused step."""
    text = str(error)
    if isinstance(error, PermissionDenied):
        return 403, {GENERAL: t("form.not_allowed", lang)}
    if isinstance(error, NotFound):
        return 404, {GENERAL: t("refused.other", lang)}
    if found := re.search(r"lies before (\d{4}-\d\d-\d\d)", text):
        return 400, {"day": t("decision.bad.before", lang, day=found.group(1))}
    if "lies in the future" in text:
        return 400, {"day": t("decision.bad.future", lang)}
    if found := re.search(r"appeal period .* ended on (\d{4}-\d\d-\d\d)", text):
        return 400, {"day": t("decision.bad.late_appeal", lang, day=found.group(1))}
    if "--by" in text:
        return 400, {"by": t("decision.bad.by", lang)}
    if "--outcome" in text:
        return 400, {"outcome": t("decision.bad.outcome", lang)}
    return 409, {GENERAL: t("refused.other", lang)}


@router.post("/p/{key}/decisions/{decision_id}/{form_name}")
def record_step(
    request: Request, key: str, decision_id: int, form_name: str, form: Fields
) -> Response:
    """Record one step of the decision as the signed-in person; a refusal shows the form
    again with the problem beside its field (audited as from the CLI)."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    if form_name not in STEPS:
        raise PageNotFound()
    ctx, lang = page.ctx, page.lang
    step = STEPS[form_name]
    try:
        day = form_problems.page_day(page, form.get("day", ""), "day")
        args: dict[str, Any] = {"day": day}
        if form_name == "appeal":
            args["by"] = form.get("by", "")
        if form_name == "resolve":
            args["outcome"] = form.get("outcome", "")
        service: Any = {
            "approve": decision_steps.approve_minutes,
            "announce": decision_steps.announce,
            "appeal": decision_steps.appeal,
            "resolve": decision_steps.resolve,
        }[form_name]
        service(ctx.db, ctx.clock, user.caller, key, decision_id, **args)
    except FieldProblems as problem:
        form_problems.audit(
            page,
            programme.id,
            f"decision.{step}",
            InvalidInput(str(problem)),
            subject=f"decision:{decision_id}",
            decision_id=decision_id,
        )
        return _decision_page(page, key, decision_id, 400, problem.fields, form_name, form)
    except RspError as error:
        status, fields = _explain(error, form_name, lang)
        if status == 404:
            raise PageNotFound() from None
        return _decision_page(page, key, decision_id, status, fields, form_name, form, str(error))
    return page.redirect(f"/p/{key}/decisions/{decision_id}?done={form_name}")
