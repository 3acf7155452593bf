"""Delegations: the board's delegations of a kind of decision (made, used, revoked), a new
one and a revocation (the capability to decide for the board), a decision taken under a
delegation that covers the signed-in person, and the report back to the board for a period;
each through `process.decisions.delegation`, as `rsp delegate|decide|delegations`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from process.access import people, people_admin
from process.core.clock import STOCKHOLM
from process.core.decision_refs import TypedRef
from process.core.errors import NotFound, PermissionDenied, RspError
from process.decisions import delegation
from process.storage import lookup
from web import access, decision_input, form_problems, views
from web.access import ProgrammeView
from web.form_problems import GENERAL, FieldProblems
from web.forms import Fields
from web.page import Page, PageNotFound
from web.pages.decisions import decides, today_of
from web.words import t

router = APIRouter()


def _ref_problem(raw: str, lang: str, paragraph: bool = True) -> str:
    """What a typed decision reference lacks, in words."""
    try:
        decision_input.parse(raw, "", lang)
    except decision_input.DecisionProblem as problem:
        if paragraph or "§" not in str(problem) or raw.count("§") > 1:
            return str(problem)
    return t("refused.decision_missing", lang)


def _explain(
    error: RspError, lang: str, raw_ref: str, kind: str, paragraph: bool = True
) -> tuple[int, dict[str, str]]:
    text = str(error)
    if isinstance(error, PermissionDenied):
        if "delegat" in text:
            return 403, {GENERAL: t("delegations.bad.not_covered", lang, kind=kind)}
        return 403, {GENERAL: t("form.not_allowed", lang)}
    if "--decision" in text or "decision reference" in text or "missing" in text:
        return 400, {"decision": _ref_problem(raw_ref, lang, paragraph)}
    if "kind" in text and "name of lower-case" in text:
        return 400, {"kind": t("delegations.bad.kind", lang)}
    if "give the delegate" in text or "no person with login" in text or "unknown role" in text:
        return 400, {"to_login": t("delegations.bad.to", lang)}
    if "already delegated" in text:
        return 400, {"to_login": t("delegations.bad.already", lang)}
    if "lies in the future" in text:
        return 400, {"decision": t("decision.bad.future", lang)}
    if "cannot be taken under it" in text:
        return 400, {"decision": t("delegations.bad.before_delegation", lang)}
    if "recorded already" in text:
        return 400, {"decision": t("delegations.bad.recorded", lang)}
    if "must not be empty" in text:
        return 400, {"text": t("form.text_missing", lang)}
    if "longer than" in text:
        field = "text" if "-m (the decision)" in text else "comment"
        return 400, {field: t("form.too_long", lang)}
    if "revoked on" in text:
        return 409, {GENERAL: t("delegations.bad.revoked", lang)}
    if isinstance(error, NotFound):
        return 404, {GENERAL: t("refused.other", lang)}
    return 400, {GENERAL: t("refused.other", lang)}


def _report(page: Page, programme: ProgrammeView) -> tuple[dict[str, Any], dict[str, str]]:
    """The report back for the period asked (default: this year so far)."""
    q, lang = page.request.query_params, page.lang
    today = today_of(page)
    errors: dict[str, str] = {}
    since: dt.date | None = dt.date(today.year, 1, 1)
    until: dt.date | None = today
    try:
        since = form_problems.page_day(page, q.get("since", ""), "since") or since
    except FieldProblems as problem:
        errors.update(problem.fields)
    try:
        until = form_problems.page_day(page, q.get("until", ""), "until") or until
    except FieldProblems as problem:
        errors.update(problem.fields)
    assert since is not None and until is not None
    if not errors and until < since:
        errors["until"] = t("delegations.bad.until", lang)
    values = {
        "since": q.get("since", since.isoformat()),
        "until": q.get("until", until.isoformat()),
    }
    if errors:
        return {"values": values, "decisions": []}, errors
    with page.ctx.db.read() as session:
        data = delegation.report(session, programme.key, since, until, lang)
    return {"values": values, **data}, errors


def _page(
    page: Page,
    key: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form: str = "",
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    user, programme = access.enter(page, key)
    lang = page.lang
    with page.ctx.db.read() as session:
        rows = delegation.list_delegations(session, key)
        may = decides(session, programme)
        flows = views.workflows_of(session, key)
        persons = people_admin.list_people(session, programme.id)
        actor = people.actor_for(session, user.login, programme.id)
        prog = lookup.find_programme(session, key)
    covering = sorted(
        {
            d["kind"]
            for d in rows
            if d["active"]
            and actor is not None
            and (d["to_login"] == actor.login or d["to_role"] in actor.roles)
        }
    )
    roles = [(r, views.role_names([flows.process], [r], lang)) for r in flows.process.roles]
    shown = [
        {
            **d,
            "kind_label": delegation.kind_word(d["kind"], lang),
            "to_words": d["to_login"]
            or t(
                "delegations.role",
                lang,
                role=views.role_names([flows.process], [d["to_role"] or ""], lang),
            ),
            "revoked_day": (
                revoked.astimezone(STOCKHOLM).date().isoformat()
                if (revoked := d["revoked_at"])
                else ""
            ),
        }
        for d in rows
    ]
    report, report_errors = _report(page, programme)
    all_errors = {**(errors or {}), **report_errors}
    return page.render(
        "delegations.html",
        status=status if status != 200 or not report_errors else 400,
        title=page.t("delegations.title"),
        programme=programme,
        nav="nav.decisions",
        rows=shown,
        may=may,
        covering=[(k, delegation.kind_word(k, lang)) for k in covering],
        persons=[(p["login"], f"{p['name']} ({p['login']})") for p in persons],
        roles=roles,
        report=report,
        board=prog.board_name,
        errors=all_errors,
        error_summary=form_problems.summary(all_errors),
        error_form=form,
        values=values or {},
        detail=detail,
        done=page.request.query_params.get("done", ""),
    )


@router.get("/p/{key}/delegations")
def delegations(request: Request, key: str) -> Response:
    """The delegations, who used them, the forms, and the report back for a period."""
    return _page(Page.of(request), key)


@router.post("/p/{key}/delegations")
def create(request: Request, key: str, form: Fields) -> Response:
    """Record the board's delegation of a kind of decision."""
    page = Page.of(request)
    page.check_csrf(form)
    user, _programme = access.enter(page, key)
    ctx = page.ctx
    kind = form.get("kind", "").strip()
    raw = form.get("decision", "").strip()
    try:
        delegation.delegate(
            ctx.db,
            ctx.clock,
            user.caller,
            key,
            kind,
            form.get("to_login", "").strip() or None,
            form.get("to_role", "").strip() or None,
            TypedRef(raw, form.get("comment", "")),
            form.get("comment", "").strip() or None,
        )
    except RspError as error:
        status, fields = _explain(error, page.lang, raw, kind)
        return _page(page, key, status, fields, "create", form, str(error))
    return page.redirect(f"/p/{key}/delegations?done=created")


@router.post("/p/{key}/delegations/{delegation_id}/revoke")
def revoke(request: Request, key: str, delegation_id: int, form: Fields) -> Response:
    """Revoke a delegation: it covers no decision from now on."""
    page = Page.of(request)
    page.check_csrf(form)
    user, _programme = access.enter(page, key)
    try:
        delegation.revoke(
            page.ctx.db,
            page.ctx.clock,
            user.caller,
            key,
            delegation_id,
            form.get("comment", "").strip() or None,
        )
    except NotFound:
        raise PageNotFound() from None
    except RspError as error:
        status, fields = _explain(error, page.lang, "", "")
        fields = {GENERAL: " ".join(fields.values())}
        return _page(page, key, status, fields, f"revoke-{delegation_id}", form, str(error))
    return page.redirect(f"/p/{key}/delegations?done=revoked")


@router.post("/p/{key}/delegations/decide")
def decide(request: Request, key: str, form: Fields) -> Response:
    """Record a decision taken under a delegation that covers the signed-in person."""
    page = Page.of(request)
    page.check_csrf(form)
    user, _programme = access.enter(page, key)
    kind = form.get("kind", "").strip()
    raw = form.get("decision", "").strip()
    text = form.get("text", "")
    try:
        delegation.decide(
            page.ctx.db,
            page.ctx.clock,
            user.caller,
            key,
            kind,
            TypedRef(raw, text, paragraph_required=False),
            text,
        )
    except RspError as error:
        status, fields = _explain(error, page.lang, raw, kind, paragraph=False)
        fields = {("decide-" + k if k in ("decision", "text") else k): v for k, v in fields.items()}
        return _page(page, key, status, fields, "decide", form, str(error))
    return page.redirect(f"/p/{key}/delegations?done=decided")
