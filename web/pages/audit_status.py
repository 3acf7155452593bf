"""Granskningsspårets status (the audit status), for the administrator: the trail's size,
its key, the newest signed checkpoint and the rows after it (cheap: the chains' heads),
and the last verification with its time; a full verification runs on request (a POST
button), streaming, and its result is kept as an audit row."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from process.access import capabilities, trail_status
from process.core.errors import PermissionDenied, RspError
from web import access, admin_nav, form_problems
from web.form_problems import GENERAL
from web.forms import Fields
from web.page import Page

router = APIRouter()


def _page(
    page: Page, key: str, status: int = 200, errors: dict[str, str] | None = None, detail: str = ""
) -> Response:
    _user, programme = access.enter(page, key)
    title = page.t("audit.title")
    if not admin_nav.holds(page.ctx.db, programme, capabilities.ADMINISTER):
        return admin_nav.refused(page, programme, title, capabilities.ADMINISTER)
    with page.ctx.db.read() as session:
        facts = trail_status.status(session)
    errors = errors or {}
    return page.render(
        "audit_status.html",
        status=status,
        title=title,
        programme=programme,
        nav="nav.audit",
        facts=facts,
        errors=errors,
        error_summary=form_problems.summary(errors),
        detail=detail,
        done=page.request.query_params.get("done", ""),
    )


@router.get("/p/{key}/audit")
def audit_status(request: Request, key: str) -> Response:
    """The trail's facts and the last verification."""
    return _page(Page.of(request), key)


@router.post("/p/{key}/audit/verify")
def verify(request: Request, key: str, form: Fields) -> Response:
    """Verify the whole trail now (streaming, in a worker thread) and keep the result."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    try:
        trail_status.verify(page.ctx.db, page.ctx.clock, user.caller, programme.key)
    except PermissionDenied as error:
        return _page(page, key, 403, {GENERAL: page.t("form.not_allowed")}, str(error))
    except RspError as error:
        return _page(page, key, 400, {GENERAL: page.t("refused.other")}, str(error))
    return page.redirect(f"/p/{key}/audit?done=1")
