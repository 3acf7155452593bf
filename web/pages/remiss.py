"""The remiss: open it with a picker of bodies and groups, seeing the computed reply date
and the working days lost to holidays before confirming; each consulted body's state
(answered, late, missing); record a reply; close; the compilation (remissammanställning)
as a page, .xlsx and HTML for printing, with a column for the region's response. Every
write through `process.remiss.actions`, as `rsp remiss open|reply|close`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from process.access import capabilities
from process.bodies import bodies as bodies_service
from process.bodies.bodies import BodyInfo
from process.core.clock import STOCKHOLM
from process.core.errors import InvalidInput, NotFound, PermissionDenied, RspError
from process.core.workdays import period
from process.remiss import actions as remiss_actions
from process.remiss import rules as remiss_rules
from process.reports import remiss_compilation as compilation
from process.reports.spreadsheet_xlsx import XLSX_TYPE
from process.storage import lookup
from process.workflow.next_steps import next_steps
from web import access, form_problems, refusals, views
from web.access import ProgrammeView
from web.form_problems import GENERAL, FieldProblems
from web.forms import Fields
from web.page import Page, PageNotFound
from web.words import t

router = APIRouter()
POSITIONS = remiss_rules.POSITIONS


def _today(page: Page) -> dt.date:
    return page.ctx.clock.now().astimezone(STOCKHOLM).date()


def _trigger_state(page: Page, programme: ProgrammeView, mark: str) -> dict[str, Any]:
    """The process trigger carrying `mark`: whether possible now, whether the person may
    fire it, and what blocks it."""
    ctx, lang = page.ctx, page.lang
    with ctx.db.read() as session:
        prog = lookup.find_programme(session, programme.key)
        inst = lookup.instance_of(session, prog)
        flows = views.workflows_of(session, programme.key)
        d = flows.process
        trigger = d.marked(mark, inst.state)
        if trigger is None:
            return {"trigger": None, "possible": False, "mine": False, "blocked": []}
        step = next(
            (
                n
                for n in next_steps(
                    session, d, inst.state, f"process:{inst.id}", lang, prog.id, ctx.clock.now()
                )
                if n.trigger == trigger.name
            ),
            None,
        )
    return {
        "trigger": trigger,
        "definitions": flows.all(),
        "possible": step is not None,
        "mine": views.may_fire(trigger, programme.roles),
        "blocked": views.blocked_texts(d, step.blocked_by, lang) if step else [],
        "label": views.trigger_label(d, trigger.name, lang),
    }


def _state(
    b: remiss_rules.ConsultedBody, r: remiss_rules.RemissOverview, today: dt.date, lang: str
) -> tuple[str, str]:
    """(css class, words): answered (in time or late), waiting, late without answer, missing."""
    if b["answered"]:
        words = t("remiss.state.answered", lang, day=str(b["received"]))  # ISO: a reply has a day
        if b["late"]:
            return "late", words + " " + t("remiss.state.after", lang)
        return "on-plan", words
    if b["position"] == remiss_rules.NO_ANSWER:
        return "late", t("remiss.state.no_answer", lang)
    if today > r["reply_by"]:
        return "late", t("remiss.state.overdue", lang, day=r["reply_by"].isoformat())
    return "", t("remiss.state.waiting", lang)


def _remiss_page(
    page: Page,
    key: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form: str = "",
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    _user, programme = access.enter(page, key)
    lang, today = page.lang, _today(page)
    with page.ctx.db.read() as session:
        r = remiss_rules.remiss_overview(session, programme.id, today)
        records = bool(
            set(capabilities.roles_for(session, programme.id, capabilities.RUN_REMISS))
            & programme.roles
        )
    opening = _trigger_state(page, programme, remiss_actions.OPENS)
    closing = _trigger_state(page, programme, remiss_actions.CLOSES)
    rows = []
    if r is not None:
        for b in r["bodies"]:
            css, words = _state(b, r, today, lang)
            rows.append(
                {
                    **b,
                    "css": css,
                    "state": words,
                    "position_label": remiss_rules.position_word(b["position"], lang)
                    if b["answered"]
                    else "",
                }
            )
    errors = errors or {}
    return page.render(
        "remiss.html",
        status=status,
        title=page.t("remiss.title"),
        programme=programme,
        nav="nav.remiss",
        r=r,
        rows=rows,
        records=records and r is not None and r["open"],
        waiting=[
            (b["key"], b["name"]) for b in (r["bodies"] if r else []) if b["position"] is None
        ],
        positions=[(p, remiss_rules.position_word(p, lang)) for p in POSITIONS],
        opening=opening,
        closing=closing,
        errors=errors,
        error_summary=form_problems.summary(errors),
        error_form=form,
        values=values or {},
        detail=detail,
        done=page.request.query_params.get("done", ""),
        today=today.isoformat(),
    )


@router.get("/p/{key}/remiss")
def remiss_page(request: Request, key: str) -> Response:
    """The remiss: its period and each consulted body's state; reply and close forms."""
    return _remiss_page(Page.of(request), key)


def _reply_problem(error: RspError, lang: str) -> tuple[int, dict[str, str]]:
    text = str(error)
    if isinstance(error, PermissionDenied):
        return 403, {GENERAL: t("form.not_allowed", lang)}
    if "--received" in text:
        return 400, {"received": t("remiss.bad.received", lang)}
    if text.startswith("position"):
        return 400, {"position": t("remiss.bad.position", lang)}
    if "-m (the summary)" in text:
        key = "form.too_long" if "longer than" in text else "remiss.bad.summary"
        return 400, {"summary": t(key, lang)}
    if "already answered" in text or "not consulted" in text or "no body" in text.lower():
        return 400, {"body": t("remiss.bad.body", lang)}
    return 409, {GENERAL: t("refused.other", lang)}


@router.post("/p/{key}/remiss/reply")
def reply(request: Request, key: str, form: Fields) -> Response:
    """Record a consulted body's reply."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    try:
        received = form_problems.page_day(page, form.get("received", ""), "received", True)
        assert received is not None
        remiss_actions.record_reply(
            page.ctx.db,
            page.ctx.clock,
            user.caller,
            key,
            form.get("body", ""),
            received,
            form.get("position", ""),
            form.get("summary", ""),
        )
    except FieldProblems as problem:
        form_problems.audit(page, programme.id, "remiss.reply", InvalidInput(str(problem)))
        return _remiss_page(page, key, 400, problem.fields, "reply", form)
    except RspError as error:
        status, fields = _reply_problem(error, page.lang)
        if isinstance(error, NotFound) and "body" in str(error):
            status, fields = 400, {"body": t("remiss.bad.body", page.lang)}
        return _remiss_page(page, key, status, fields, "reply", form, str(error))
    return page.redirect(f"/p/{key}/remiss?done=reply")


@router.post("/p/{key}/remiss/close")
def close(request: Request, key: str, form: Fields) -> Response:
    """Close the remiss (fires the trigger marked closes_remiss)."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    try:
        remiss_actions.close_remiss(
            page.ctx.db, page.ctx.clock, user.caller, key, form.get("comment", "").strip() or None
        )
    except RspError as error:
        s = _trigger_state(page, programme, remiss_actions.CLOSES)
        refusal = refusals.explain(
            error, page.lang, s.get("definitions", ()), s["trigger"], s["blocked"]
        )
        fields = {(k if k != "comment" else "close-comment"): v for k, v in refusal.fields.items()}
        return _remiss_page(page, key, refusal.status, fields, "close", form, refusal.detail)
    return page.redirect(f"/p/{key}/remiss?done=close")


# --- opening ----------------------------------------------------------------------------


def _chosen(form: dict[str, str], known: list[BodyInfo]) -> list[str]:
    return [b.key for b in known if form.get(f"body-{b.key}")]


def _preview(
    page: Page, programme: ProgrammeView, keys: list[str], asked: dt.date | None
) -> dict[str, Any]:
    """What opening would record: the bodies (groups stand for members), the reply date
    (moved to a working day), the working days and those lost to holidays."""
    opened_on = _today(page)
    wanted, reply_by = remiss_rules.reply_dates(opened_on, asked)
    with page.ctx.db.read() as session:
        consulted = remiss_actions.consulted_bodies(session, programme.id, keys)
        names = {b.key: b.name for b in bodies_service.list_bodies(session, programme.key)}
    p = period(opened_on, reply_by)
    return {
        "opened_on": opened_on,
        "reply_by": reply_by,
        "asked": wanted,
        "moved": wanted != reply_by,
        "working_days": p.working_days,
        "lost": [{"date": d, "name": n} for d, n in p.lost_to_holidays],
        "bodies": [names.get(k, k) for _i, k in consulted],
    }


def _signature(keys: list[str], reply_by: str, comment: str) -> str:
    return "|".join([",".join(keys), reply_by.strip(), comment.strip()])


def _open_page(
    page: Page,
    key: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    preview: dict[str, Any] | None = None,
    detail: str = "",
) -> Response:
    _user, programme = access.enter(page, key)
    opening = _trigger_state(page, programme, remiss_actions.OPENS)
    with page.ctx.db.read() as session:
        known = sorted(bodies_service.list_bodies(session, key), key=lambda b: b.name)
    values = values or {}
    chosen = set(_chosen(values, known))
    groups = [b for b in known if b.kind == "group"]
    single = [b for b in known if b.kind != "group"]
    errors = errors or {}
    return page.render(
        "remiss_open.html",
        status=status,
        title=page.t("remiss.open.title"),
        programme=programme,
        nav="nav.remiss",
        opening=opening,
        groups=groups,
        single=single,
        chosen=chosen,
        values=values,
        preview=preview,
        signature=_signature(sorted(chosen), values.get("reply_by", ""), values.get("comment", ""))
        if preview
        else "",
        errors=errors,
        error_summary=form_problems.summary(errors),
        detail=detail,
    )


@router.get("/p/{key}/remiss/open")
def open_form(request: Request, key: str) -> Response:
    """The picker of bodies and groups, and the reply date asked for (optional)."""
    return _open_page(Page.of(request), key)


@router.post("/p/{key}/remiss/open")
def open_remiss(request: Request, key: str, form: Fields) -> Response:
    """First the preview (reply date, working days, holidays), then, confirmed, opening."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    lang = page.lang
    with page.ctx.db.read() as session:
        known = bodies_service.list_bodies(session, key)
    keys = sorted(_chosen(form, known))
    comment = form.get("comment", "")
    try:
        asked = form_problems.page_day(page, form.get("reply_by", ""), "reply_by")
    except FieldProblems as problem:
        if form.get("step") == "confirm":
            form_problems.audit(
                page, programme.id, "transition", InvalidInput(str(problem)), trigger="open_remiss"
            )
        return _open_page(page, key, 400, problem.fields, form)
    confirmed = form.get("step") == "confirm" and form.get("previewed") == _signature(
        keys, form.get("reply_by", ""), comment
    )
    if not confirmed:
        if not keys:
            return _open_page(page, key, 400, {"bodies": t("remiss.bad.bodies", lang)}, form)
        try:
            preview = _preview(page, programme, keys, asked)
        except InvalidInput:
            return _open_page(page, key, 400, {"reply_by": t("remiss.bad.reply_by", lang)}, form)
        return _open_page(page, key, 200, None, form, preview)
    try:
        remiss_actions.open_remiss(
            page.ctx.db, page.ctx.clock, user.caller, key, keys, asked, comment.strip() or None
        )
    except RspError as error:
        text = str(error)
        if "--reply-by" in text:
            fields = {"reply_by": t("remiss.bad.reply_by", lang)}
            status = 400
        elif "name the consulted bodies" in text:
            fields, status = {"bodies": t("remiss.bad.bodies", lang)}, 400
        else:
            s = _trigger_state(page, programme, remiss_actions.OPENS)
            refusal = refusals.explain(
                error, lang, s.get("definitions", ()), s["trigger"], s["blocked"]
            )
            fields, status = refusal.fields, refusal.status
        return _open_page(page, key, status, fields, form, None, text)
    return page.redirect(f"/p/{key}/remiss?done=open")


# --- the compilation --------------------------------------------------------------------


def _compiled(page: Page, programme: ProgrammeView) -> dict[str, Any]:
    with page.ctx.db.read() as session:
        try:
            return compilation.compile_data(session, programme.key, _today(page), page.lang)
        except NotFound:
            raise PageNotFound() from None


@router.get("/p/{key}/remiss/compilation")
def compilation_page(request: Request, key: str) -> Response:
    """The remissammanställning as a page, with its print view and .xlsx."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    data = _compiled(page, programme)
    return page.render(
        "remiss_compilation.html",
        title=compilation.word("title", page.lang),
        programme=programme,
        nav="nav.remiss",
        data=data,
        summary=compilation.word(
            "summary",
            page.lang,
            n=len(data["bodies"]),
            answered=len(data["answered"]),
            late=data["late"],
            missing=len(data["missing"]),
        ),
    )


@router.get("/p/{key}/remiss/compilation.{fmt}")
def compilation_file(request: Request, key: str, fmt: str) -> Response:
    """The compilation as .xlsx or as HTML for printing."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    data = _compiled(page, programme)
    if fmt == "xlsx":
        name = t("file.compilation", page.lang)
        return page.finish(
            Response(
                compilation.render_xlsx(data),
                media_type=XLSX_TYPE,
                headers={"Content-Disposition": f'attachment; filename="{name}"'},
            )
        )
    if fmt == "html":
        return page.finish(HTMLResponse(compilation.render(data, "html")))
    raise PageNotFound()
