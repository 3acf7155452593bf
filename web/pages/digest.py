"""The digest in the browser: the same content as the weekly mail
(`notifications.digest.data.build`), for any period (from, until), and the process lead's
copy (refused attempts, failed mails) for those who receive it."""

from __future__ import annotations

import datetime as dt
from functools import partial

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from notifications.digest import data as digest_data
from notifications.digest.render import step_text
from notifications.digest.words import position_word, w
from process.access import capabilities
from process.core.clock import STOCKHOLM
from process.core.errors import InvalidInput
from web import access, form_problems
from web.form_problems import FieldProblems
from web.page import Page

router = APIRouter()


@router.get("/p/{key}/digest")
def digest(request: Request, key: str) -> Response:
    """The digest of a period (default: the 7 days up to today)."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    q, lang = request.query_params, page.lang
    now = page.ctx.clock.now()
    errors: dict[str, str] = {}
    since: dt.date | None = None
    until: dt.date | None = None
    try:
        since = form_problems.page_day(page, q.get("since", ""), "since")
    except FieldProblems as problem:
        errors.update(problem.fields)
    try:
        until = form_problems.page_day(page, q.get("until", ""), "until")
    except FieldProblems as problem:
        errors.update(problem.fields)
    today = now.astimezone(STOCKHOLM).date()
    if until is not None and until > today:
        errors["until"] = page.t("digest.bad.future")
    with page.ctx.db.read() as session:
        lead_roles = capabilities.roles_for(session, programme.id, capabilities.RECEIVE_LEAD_DIGEST)
        may_lead = bool(set(lead_roles) & programme.roles)
        lead = may_lead and q.get("lead") == "1"
        data = None
        if not errors:
            try:
                moment = (
                    now
                    if until is None or until == today
                    else dt.datetime(until.year, until.month, until.day, 23, 59, tzinfo=STOCKHOLM)
                )
                data = digest_data.build(session, key, moment, lang, lead, since, until)
            except InvalidInput:
                errors["since"] = page.t("delegations.bad.until")
    values = {
        "since": q.get("since", data["period"]["start"] if data else ""),
        "until": q.get("until", data["period"]["end"] if data else today.isoformat()),
    }
    return page.render(
        "digest.html",
        status=400 if errors else 200,
        title=page.t("digest.title"),
        programme=programme,
        nav="nav.digest",
        d=data,
        values=values,
        may_lead=may_lead,
        lead=lead,
        errors=errors,
        error_summary=form_problems.summary(errors),
        w=partial(w, lang=lang),
        step=partial(step_text, lang=lang),
        position=partial(position_word, lang=lang),
    )
