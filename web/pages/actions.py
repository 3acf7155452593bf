"""Process actions: a confirmation page for one trigger (what it records, from which stage
to which, who may, what still blocks it; the decision reference when the board decides),
and the form that fires it through `process.workflow.engine.advance`, as `rsp advance`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from process.core.decision_refs import DecisionRef, TypedRef
from process.core.errors import RspError
from process.storage import lookup
from process.workflow import engine
from process.workflow.next_steps import next_steps
from web import access, decision_input, refusals, views
from web.access import ProgrammeView
from web.forms import Fields
from web.page import Page, PageNotFound

router = APIRouter()


def _situation(page: Page, programme: ProgrammeView, name: str) -> dict[str, Any]:
    """The trigger, the process's stage and version, and what blocks the trigger now."""
    ctx, lang = page.ctx, page.lang
    with ctx.db.read() as session:
        prog = lookup.find_programme(session, programme.key)
        inst = lookup.instance_of(session, prog)
        flows = views.workflows_of(session, programme.key)
        d = flows.process
        trigger = d.trigger(name)
        if trigger is None:
            raise PageNotFound()
        step = next(
            (
                n
                for n in next_steps(
                    session, d, inst.state, f"process:{inst.id}", lang, prog.id, ctx.clock.now()
                )
                if n.trigger == name
            ),
            None,
        )
    return {
        "trigger": trigger,
        "definitions": flows.all(),
        "definition": d,
        "label": views.trigger_label(d, name, lang),
        "from": views.state_label(d, inst.state, lang),
        "to": views.state_label(d, trigger.dest, lang),
        "who": views.role_names([d], trigger.roles, lang),
        "possible": step is not None,
        "version": inst.version,
        "blocked": views.blocked_texts(d, step.blocked_by, lang) if step else [],
        "mine": views.may_fire(trigger, programme.roles),
        "own_service": bool(trigger.marks),
        "needs_comment": views.needs_comment(trigger),
        "decision": trigger.decision,
        "repeats": trigger.repeats,
    }


def _render(
    page: Page,
    programme: ProgrammeView,
    s: dict[str, Any],
    status: int = 200,
    values: dict[str, str] | None = None,
    refusal: refusals.Refusal | None = None,
) -> Response:
    errors = refusal.fields if refusal else {}
    return page.render(
        "action.html",
        status=status,
        title=s["label"],
        programme=programme,
        nav="nav.overview",
        s=s,
        values=values or {},
        errors=errors,
        error_summary=[
            (k if k != refusals.GENERAL else "action-form", v) for k, v in errors.items()
        ],
        detail=refusal.detail if refusal else "",
    )


@router.get("/p/{key}/actions/{name}")
def confirm(request: Request, key: str, name: str) -> Response:
    """What firing the trigger records, and the form to do it (for those who may)."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    s = _situation(page, programme, name)
    return _render(page, programme, s, 200 if s["possible"] else 409)


@router.post("/p/{key}/actions/{name}")
def fire(request: Request, key: str, name: str, form: Fields) -> Response:
    """Fire the trigger as the signed-in person; a refusal shows the form again."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    s = _situation(page, programme, name)
    ctx, lang = page.ctx, page.lang
    comment = form.get("comment", "").strip() or None
    raw_ref = form.get("decision", "").strip()
    decision: DecisionRef | TypedRef | None = None
    bad_ref = None
    if raw_ref:
        try:
            decision = decision_input.parse(raw_ref, form.get("decision_text", ""), lang)
        except decision_input.DecisionProblem as problem:
            # the service refuses it too, and audits the refusal (as from the CLI); the
            # form says what the reference lacks, in the page's language
            bad_ref = problem
            decision = TypedRef(raw_ref, form.get("decision_text", ""))
    version = form.get("version", "")
    try:
        engine.advance(
            ctx.db,
            ctx.clock,
            user.caller,
            key,
            name,
            comment=comment,
            decision=decision,
            expected_version=int(version) if version.isdigit() else None,
        )
    except RspError as error:
        if bad_ref is not None:
            refusal = refusals.Refusal(400, {"decision": str(bad_ref)})
            return _render(page, programme, s, 400, form, refusal)
        refusal = refusals.explain(error, lang, s["definitions"], s["trigger"], s["blocked"])
        return _render(
            page, programme, _situation(page, programme, name), refusal.status, form, refusal
        )
    return page.redirect(f"/p/{key}?done={name}")
