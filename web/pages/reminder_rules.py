"""Påminnelseregler i kraft (the reminder rules in force), read-only, for those who manage
plans and bodies: the rules, what they apply to now and the reminders coming, from the
services behind `rsp remind rules show` and `rsp remind preview`."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from notifications.reminders import rules_in_force
from process.access import capabilities
from process.core.clock import STOCKHOLM
from web import access, admin_nav, form_problems, views
from web.form_problems import FieldProblems
from web.page import Page

router = APIRouter()
HORIZON_DAYS = 60  # how far ahead the coming reminders are shown by default
MAX_DAYS = 400


def _until(page: Page, today: dt.date) -> tuple[dt.date, dict[str, str]]:
    asked = page.request.query_params.get("until", "")
    default = today + dt.timedelta(days=HORIZON_DAYS)
    if not asked.strip():
        return default, {}
    try:
        day = form_problems.page_day(page, asked, "until")
    except FieldProblems as problem:
        return default, problem.fields
    if day is None or not today <= day <= today + dt.timedelta(days=MAX_DAYS):
        return default, {"until": page.t("rules.bad.until", days=MAX_DAYS)}
    return day, {}


@router.get("/p/{key}/reminder-rules")
def reminder_rules(request: Request, key: str) -> Response:
    """The rules in force, what they apply to, the reminders coming until a day."""
    page = Page.of(request)
    _user, programme = access.enter(page, key)
    title = page.t("rules.title")
    if not admin_nav.holds(page.ctx.db, programme, capabilities.MANAGE_PLANS):
        return admin_nav.refused(page, programme, title, capabilities.MANAGE_PLANS)
    today = page.ctx.clock.now().astimezone(STOCKHOLM).date()
    until, errors = _until(page, today)
    seen = rules_in_force.overview(
        page.ctx.db, page.ctx.clock, programme.id, programme.key, page.lang, until
    )
    with page.ctx.db.read() as session:
        mapping = capabilities.mapping_of(session, programme.id)
        flows = views.workflows_of(session, programme.key)
    cc_words = {}
    for kind, k in seen.in_force.rules.kinds.items():
        roles = [r for entry in k.cc_roles for r in mapping.get(entry, (entry,))]
        if roles:
            cc_words[kind] = views.role_names(flows.all(), dict.fromkeys(roles), page.lang)
    return page.render(
        "reminder_rules.html",
        status=400 if errors else 200,
        title=title,
        programme=programme,
        nav="nav.reminder_rules",
        seen=seen,
        rules=seen.in_force.rules,
        cc_words=cc_words,
        until=until,
        errors=errors,
        error_summary=form_problems.summary(errors),
        asked=page.request.query_params.get("until", ""),
    )
