"""Problems with a posted form, shown beside their fields: a date or number the page could
not read is refused before any service runs, and audited as the service would have."""

from __future__ import annotations

import datetime as dt

from process.access import unit_of_work
from process.core.clock import parse_date
from process.core.errors import InvalidInput, RspError
from web.page import Page
from web.words import t

GENERAL = "general"  # the form as a whole
ANCHOR = "form-problem"  # where the summary's link for the form as a whole points


class FieldProblems(Exception):
    """Each field's problem, in the page's language (raised before any service ran)."""

    def __init__(self, fields: dict[str, str], reason: str) -> None:
        super().__init__(reason)
        self.fields = fields


def summary(errors: dict[str, str]) -> list[tuple[str, str]]:
    """The error summary's links: each field's id (the form's anchor for the whole form)."""
    return [(k if k != GENERAL else ANCHOR, v) for k, v in errors.items()]


def day(
    value: str, field: str, lang: str, required: bool = False, today: dt.date | None = None
) -> dt.date | None:
    """A date typed into `field` as a Swedish reader writes it (2023-05-30, 30/5 2023,
    30 maj 2023; without a year: in `today`'s year), None when empty and not required."""
    text = value.strip()
    if not text:
        if required:
            raise FieldProblems({field: t("form.date_missing", lang)}, f"{field}: no date")
        return None
    try:
        return parse_date(text, field, today)
    except InvalidInput as error:
        raise FieldProblems({field: t("form.date_bad", lang, value=text)}, str(error)) from None


def audit(
    page: Page, programme_id: int, action: str, problem: Exception, **columns: object
) -> None:
    """Audit a form refused before its service ran, as the service audits its refusals."""
    user = page.require_user()
    error = problem if isinstance(problem, RspError) else InvalidInput(str(problem))
    unit_of_work.audit_refusal(
        page.ctx.db, page.ctx.clock, user.caller, programme_id, action, error, **columns
    )


def page_day(page: Page, value: str, field: str, required: bool = False) -> dt.date | None:
    """`day` in the page's language, a date without a year in the clock's current year."""
    from process.core.clock import STOCKHOLM

    today = page.ctx.clock.now().astimezone(STOCKHOLM).date()
    return day(value, field, page.lang, required, today)
