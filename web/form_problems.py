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


def day(value: str, field: str, lang: str, required: bool = False) -> dt.date | None:
    """A YYYY-MM-DD date typed into `field` (None when empty and not required)."""
    text = value.strip()
    if not text:
        if required:
            raise FieldProblems({field: t("form.date_missing", lang)}, f"{field}: no date")
        return None
    try:
        return parse_date(text, field)
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
