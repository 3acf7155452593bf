"""The year-end follow-up of a year's plan in one form: every measure with its outcome
(uppnått / delvis / ej uppnått), comment and, for a measure not done but achieved, the
reason; saved together (rows left empty are left for later) through
`process.plans.measure_actions.record_followups`. The report as a page, a print view, .xlsx
and CSV (`process.reports.followup`), and the rollover into next year's plan with what it
will carry (`process.plans.rollover`)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from process.access import capabilities
from process.core.clock import STOCKHOLM
from process.core.errors import NotFound, PermissionDenied, RspError
from process.plans import measure_actions as lifecycle
from process.plans import measure_queries
from process.plans import rollover as rollover_service
from process.reports import followup as report_service
from process.reports.spreadsheet_xlsx import XLSX_TYPE
from process.storage.plan_tables import ActionPlan, table
from web import access, form_problems
from web.access import ProgrammeView
from web.form_problems import GENERAL
from web.forms import Fields, ManyFields
from web.page import Page, PageNotFound
from web.words import t

router = APIRouter()
OUTCOMES = lifecycle.OUTCOMES


def slug(code: str) -> str:
    """A measure's code as part of a field's id ('1.A' → '1-A')."""
    return code.replace(".", "-")


def plan_years(session: Session, programme_id: int) -> list[int]:
    """The years the programme has an action plan for, oldest first."""
    p = table(ActionPlan)
    return list(
        session.connection()
        .execute(sa.select(p.c.year).where(p.c.programme_id == programme_id).order_by(p.c.year))
        .scalars()
    )


def follows_up(session: Session, programme: ProgrammeView) -> bool:
    """Whether the person holds the capability to follow up and roll over here."""
    roles = capabilities.roles_for(session, programme.id, capabilities.FOLLOW_UP)
    return bool(set(roles) & programme.roles)


def _year(page: Page, years: list[int], asked: str | None) -> int:
    if asked:
        if not asked.isdigit() or int(asked) not in years:
            raise PageNotFound()
        return int(asked)
    today = page.ctx.clock.now().astimezone(STOCKHOLM).date()
    past = [y for y in years if y < today.year]  # the year-end follow-up: last year's plan
    if past:
        return past[-1]
    if not years:
        raise PageNotFound()
    return years[0]


def _data(page: Page, programme: ProgrammeView, year: int) -> report_service.FollowupReport:
    today = page.ctx.clock.now().astimezone(STOCKHOLM).date()
    with page.ctx.db.read() as session:
        try:
            return report_service.report_data(session, programme.key, year, page.lang, today)
        except NotFound:
            raise PageNotFound() from None


def _form_page(
    page: Page,
    key: str,
    year_text: str | None,
    status: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    _user, programme = access.enter(page, key)
    with page.ctx.db.read() as session:
        years = plan_years(session, programme.id)
        may = follows_up(session, programme)
        open_now = measure_queries.open_states(session)
    if not years and not year_text:  # no action plan yet: say so (not 'page not found')
        return page.render(
            "followup_none.html",
            title=page.t("nav.followup"),
            programme=programme,
            nav="nav.followup",
        )
    year = _year(page, years, year_text)
    data = _data(page, programme, year)
    rows = []
    for m in data["measures"]:
        s = slug(m["code"])
        rows.append(
            {
                **m,
                "slug": s,
                "value_outcome": (values or {}).get(f"outcome-{s}", m["outcome"] or ""),
                "value_comment": (values or {}).get(f"comment-{s}", m["comment"] or ""),
                "value_reason": (values or {}).get(f"reason-{s}", m["reason"] or ""),
            }
        )
    carried = [m for m in data["measures"] if m["state"] in open_now]
    errors = errors or {}
    return page.render(
        "followup.html",
        status=status,
        title=page.t("followup.title", year=year),
        programme=programme,
        nav="nav.followup",
        year=year,
        years=years,
        data=data,
        rows=rows,
        carried=carried,
        may=may,
        outcomes=[(o, report_service.OUTCOME_WORDS[o][page.lang]) for o in OUTCOMES],
        errors=errors,
        error_summary=form_problems.summary(errors),
        detail=detail,
        done=page.request.query_params.get("done", ""),
        carried_n=page.request.query_params.get("n", ""),
    )


@router.get("/p/{key}/followup")
def followup(request: Request, key: str) -> Response:
    """The year-end follow-up form of a year's plan (default: last year's)."""
    return _form_page(Page.of(request), key, request.query_params.get("year"))


def _field_problem(code: str, message: str, m: dict[str, Any] | None, lang: str) -> tuple[str, str]:
    s = slug(code)
    if "--reason" in message and "longer than" not in message:
        state = m["state_label"] if m else ""
        return f"reason-{s}", t("followup.bad.reason", lang, state=state)
    if "--outcome" in message:
        return f"outcome-{s}", t("followup.bad.outcome", lang)
    if "longer than" in message:
        field = "reason" if "--reason" in message else "comment"
        return f"{field}-{s}", t("form.too_long", lang)
    if "--comment" in message:
        return f"comment-{s}", t("followup.bad.comment", lang)
    return f"outcome-{s}", message


@router.post("/p/{key}/followup/{year}")
def save(request: Request, key: str, year: int, form: ManyFields) -> Response:
    """Save the rows filled in, together: all of them or, with a problem, none."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    data = _data(page, programme, year)
    by_code = {m["code"]: m for m in data["measures"]}
    entries = []
    for m in data["measures"]:
        s = slug(m["code"])
        outcome = form.get(f"outcome-{s}", "").strip()
        comment = form.get(f"comment-{s}", "")
        reason = form.get(f"reason-{s}", "")
        if not (outcome or comment.strip() or reason.strip()):
            continue  # left for later
        entries.append(lifecycle.FollowupEntry(m["code"], outcome, comment, reason.strip() or None))
    try:
        done = lifecycle.record_followups(
            page.ctx.db, page.ctx.clock, user.caller, key, year, entries
        )
    except lifecycle.FollowupProblems as problems:
        errors = dict(
            _field_problem(code, text, by_code.get(code), page.lang)
            for code, text in problems.problems.items()
        )
        errors = {GENERAL: t("form.not_saved", page.lang), **errors}
        return _form_page(page, key, str(year), 400, errors, form)
    except PermissionDenied as error:
        return _form_page(
            page, key, str(year), 403, {GENERAL: t("form.not_allowed", page.lang)}, form, str(error)
        )
    except RspError as error:
        return _form_page(
            page, key, str(year), 409, {GENERAL: t("refused.other", page.lang)}, form, str(error)
        )
    return page.redirect(f"/p/{key}/followup?year={year}&done=saved&n={len(done)}")


@router.post("/p/{key}/followup/{year}/rollover")
def rollover(request: Request, key: str, year: int, form: Fields) -> Response:
    """Carry the unfinished measures of the year into next year's plan."""
    page = Page.of(request)
    page.check_csrf(form)
    user, _programme = access.enter(page, key)
    try:
        result = rollover_service.rollover(
            page.ctx.db, page.ctx.clock, user.caller, key, year, year + 1
        )
    except NotFound:
        raise PageNotFound() from None
    except RspError as error:
        status = 403 if isinstance(error, PermissionDenied) else 409
        return _form_page(
            page,
            key,
            str(year),
            status,
            {GENERAL: t("form.not_allowed" if status == 403 else "refused.other", page.lang)},
            None,
            str(error),
        )
    return page.redirect(
        f"/p/{key}/followup?year={year}&done=rollover&n={len(result.carried)}#rollover"
    )


# --- the report -----------------------------------------------------------------------


@router.get("/p/{key}/followup/{year}/report")
def report(request: Request, key: str, year: int) -> Response:
    """The follow-up report as a page, with its print view and downloads."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    data = _data(page, programme, year)
    return page.render(
        "followup_report.html",
        title=report_service.word("title", page.lang, year=year),
        programme=programme,
        nav="nav.followup",
        data=data,
        year=year,
    )


def _download(page: Page, body: bytes, media: str, name: str) -> Response:
    response = Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
    return page.finish(response)


@router.get("/p/{key}/followup/{year}/report.{fmt}")
def report_file(request: Request, key: str, year: int, fmt: str) -> Response:
    """The report as .xlsx, as CSV for Swedish Excel, or as HTML for printing."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    data = _data(page, programme, year)
    stem = t("file.followup", page.lang, year=year)
    if fmt == "xlsx":
        return _download(page, report_service.render_xlsx(data), XLSX_TYPE, f"{stem}.xlsx")
    if fmt == "csv":
        return _download(
            page,
            report_service.render(data, "csv").encode("utf-8"),
            "text/csv; charset=utf-8",
            f"{stem}.csv",
        )
    if fmt == "html":
        return page.finish(HTMLResponse(report_service.render(data, "html")))
    raise PageNotFound()
