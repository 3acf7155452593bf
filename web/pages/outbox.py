"""Utkorgen (the outbox), for the administrator: the programme's mails queued, sent and
failed, failed ones first; a failed mail (or all of them) sent again through
`notifications.mail.outbox_admin.retry`, audited as `rsp outbox retry` is."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from notifications.mail import outbox_admin, outbox_view
from process.access import capabilities
from process.core.errors import NotFound, PermissionDenied, RspError
from web import access, admin_nav, form_problems
from web.form_problems import GENERAL
from web.forms import Fields
from web.page import Page, PageNotFound

router = APIRouter()
LIMIT = 200


def _page(
    page: Page, key: str, status: int = 200, errors: dict[str, str] | None = None, detail: str = ""
) -> Response:
    _user, programme = access.enter(page, key)
    title = page.t("outbox.title")
    if not admin_nav.holds(page.ctx.db, programme, capabilities.ADMINISTER):
        return admin_nav.refused(page, programme, title, capabilities.ADMINISTER)
    with page.ctx.db.read() as session:
        rows = outbox_view.listing(session, programme.id, LIMIT)
        counts = outbox_view.counts(session, programme.id)
    errors = errors or {}
    done = page.request.query_params.get("done", "")
    return page.render(
        "outbox.html",
        status=status,
        title=title,
        programme=programme,
        nav="nav.outbox",
        rows=rows,
        counts=counts,
        total=sum(counts.values()),
        limit=LIMIT,
        errors=errors,
        error_summary=form_problems.summary(errors),
        detail=detail,
        done=int(done) if done.isdigit() else None,
    )


@router.get("/p/{key}/outbox")
def outbox(request: Request, key: str) -> Response:
    """The programme's mails, failed ones first."""
    return _page(Page.of(request), key)


@router.post("/p/{key}/outbox/retry")
def retry(request: Request, key: str, form: Fields) -> Response:
    """Send a failed mail again (`id`), or every failed mail of the programme (`all`)."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    everything = bool(form.get("all"))
    ids: list[int] = []
    if not everything:
        raw = form.get("id", "")
        if not raw.isdigit():
            raise PageNotFound()
        with page.ctx.db.read() as session:
            if outbox_view.programme_of(session, int(raw)) != programme.id:
                raise PageNotFound()  # another programme's mail, or none
        ids = [int(raw)]
    try:
        n = outbox_admin.retry(
            page.ctx.db, page.ctx.clock, user.caller, ids, everything, programme.id
        )
    except NotFound:
        raise PageNotFound() from None
    except PermissionDenied as error:
        return _page(page, key, 403, {GENERAL: page.t("form.not_allowed")}, str(error))
    except RspError as error:
        return _page(page, key, 400, {GENERAL: page.t("outbox.bad.not_failed")}, str(error))
    return page.redirect(f"/p/{key}/outbox?done={n}")
