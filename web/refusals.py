"""A refused action, said on the form: which field is wrong and why, in the page's
language, with the HTTP status. The services' own reason (in English) goes along as the
detail; the audit row, written by the service, is the same as from the command line."""

from __future__ import annotations

from dataclasses import dataclass, field

from process.core.errors import (
    ConflictError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    RspError,
)
from process.workflow.definition import Definition, TriggerDef
from web import views
from web.words import t

GENERAL = "general"  # the form as a whole, not one field


@dataclass
class Refusal:
    """What to show: the status, each field's message, and the service's own words."""

    status: int
    fields: dict[str, str] = field(default_factory=dict)
    detail: str = ""


def status_of(error: RspError) -> int:
    """The HTTP status of a refusal."""
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, InvalidTransition | ConflictError):
        return 409
    return 400


def explain(
    error: RspError,
    lang: str,
    definitions: tuple[Definition, ...] = (),
    trigger: TriggerDef | None = None,
    blocked: list[str] | None = None,
) -> Refusal:
    """The refusal of `error` on a form that fires `trigger` (or adds a note)."""
    text = str(error)
    out = Refusal(status_of(error), detail=text)
    if isinstance(error, PermissionDenied):
        who = views.role_names(definitions, trigger.roles, lang) if trigger else ""
        out.fields[GENERAL] = (
            t("refused.permission_who", lang, who=who) if who else t("refused.permission", lang)
        )
    elif isinstance(error, ConflictError):
        out.fields[GENERAL] = t("refused.conflict", lang)
    elif "must not be empty" in text or ("comment" in text and "required" in text):
        out.status, out.fields["comment"] = 400, t("refused.comment", lang)
    elif "longer than" in text:
        out.status, out.fields["comment"] = 400, t("refused.too_long", lang)
    elif isinstance(error, InvalidInput) and "decision" in text:
        out.status, out.fields["decision"] = 400, t("refused.decision_missing", lang)
    elif isinstance(error, InvalidTransition) and blocked:
        out.fields[GENERAL] = t("refused.not_yet", lang, why=" ".join(blocked))
    elif isinstance(error, InvalidTransition):
        out.fields[GENERAL] = t("refused.not_now", lang)
    else:
        out.fields[GENERAL] = t("refused.other", lang)
    return out
