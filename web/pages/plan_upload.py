"""The action-plan page: a plan manager (MANAGE_PLANS) uploads a year's plan as an Excel
workbook or a YAML file; it is checked whole through `process.plans.plan_import` and
either imported or shown again with each problem beside its place (Åtgärder!F3,
plan.yaml:12), nothing imported. The template (.xlsx, YAML) is downloaded here too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Depends
from sqlmodel import Session
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from process.access import capabilities
from process.core.clock import STOCKHOLM
from process.core.errors import DefinitionError, InvalidInput, PermissionDenied, RspError
from process.plans import plan_import
from process.plans.plan_workbook import MAX_BYTES
from process.reports import plan_template
from process.reports.spreadsheet_xlsx import XLSX_TYPE
from web import access, form_problems
from web.access import ProgrammeView
from web.form_problems import GENERAL
from web.page import Page
from web.pages.followup import plan_years

router = APIRouter()
KINDS = (".xlsx", ".yaml", ".yml")
SLACK = 100_000  # the form's other fields and the multipart framing
PLACE = re.compile(
    r"^(?P<place>[^:\n]*?![A-Z]+\d+(?::[A-Z]+\d+)?|[^:\n]*?:\d+|[^:\n]+): (?P<text>.*)$"
)


@dataclass
class Upload:
    """The posted form: its text fields and the file (cut off past the largest allowed)."""

    fields: dict[str, str] = field(default_factory=dict)
    name: str = ""
    raw: bytes = b""
    too_big: bool = False
    unread: bool = False  # the body was too big to read at all


async def upload(request: Request) -> Upload:
    """Read the multipart form: the fields and at most MAX_BYTES + 1 of the file (a body
    that says it is far bigger is not read at all)."""
    got = Upload()
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BYTES + SLACK:
        return Upload(too_big=True, unread=True)
    async with request.form(max_files=1, max_fields=10) as form:
        for key, value in form.multi_items():
            if isinstance(value, str):
                got.fields[key] = value[:1000]
            elif isinstance(value, UploadFile) and key == "file":
                got.name = safe_name(value.filename or "")
                got.raw = await value.read(MAX_BYTES + 1)
                got.too_big = len(got.raw) > MAX_BYTES
    return got


Posted = Annotated[Upload, Depends(upload)]


def safe_name(name: str) -> str:
    """The uploaded file's own name, without folders or control characters."""
    base = re.split(r"[\\/]", name)[-1]
    return "".join(ch for ch in base if ch.isprintable())[:100]


def manages_plans(session: Session, programme: ProgrammeView) -> bool:
    """Whether the person holds the capability to manage plans here."""
    roles = capabilities.roles_for(session, programme.id, capabilities.MANAGE_PLANS)
    return bool(set(roles) & programme.roles)


def placed(problems: list[str]) -> list[tuple[str, str]]:
    """Each problem as (its place, what is wrong): 'Åtgärder!F3', 'plan.yaml:12'."""
    out = []
    for line in problems:
        m = PLACE.match(line)
        out.append((m["place"], m["text"]) if m else ("", line))
    return out


def _this_year(page: Page) -> int:
    return page.ctx.clock.now().astimezone(STOCKHOLM).year


def _page(
    page: Page,
    key: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    problems: list[tuple[str, str]] | None = None,
    file_name: str = "",
    detail: str = "",
) -> Response:
    _user, programme = access.enter(page, key)
    with page.ctx.db.read() as session:
        may = manages_plans(session, programme)
        years = plan_years(session, programme.id)
    errors = errors or {}
    q = page.request.query_params
    return page.render(
        "plan_upload.html",
        status=status,
        title=page.t("plans.title"),
        programme=programme,
        nav="nav.plans",
        may=may,
        years=years,
        this_year=_this_year(page),
        errors=errors,
        error_summary=form_problems.summary(errors),
        values=values or {},
        problems=problems or [],
        file_name=file_name,
        detail=detail,
        done=q.get("done", ""),
        done_year=q.get("year", ""),
        created=q.get("created", "0"),
        updated=q.get("updated", "0"),
    )


@router.get("/p/{key}/plans")
def plans(request: Request, key: str) -> Response:
    """The plans read in, the upload form and the template's downloads."""
    return _page(Page.of(request), key)


def _field_problems(page: Page, got: Upload) -> dict[str, str]:
    year = got.fields.get("year", "").strip()
    errors = {}
    if not (year.isdigit() and len(year) == 4):
        errors["year"] = page.t("plans.bad.year")
    if not got.name and not got.raw:
        errors["file"] = page.t("plans.bad.file")
    elif not got.name.lower().endswith(KINDS):
        errors["file"] = page.t("plans.bad.kind")
    elif got.too_big:
        errors["file"] = page.t("plans.bad.size")
    return errors


@router.post("/p/{key}/plans")
def upload_plan(request: Request, key: str, got: Posted) -> Response:
    """Check the uploaded plan whole; import it, or show every problem, nothing imported."""
    page = Page.of(request)
    if got.unread:  # nothing read, not even the form's token: nothing done, nothing audited
        return _page(page, key, 413, {"file": page.t("plans.bad.size")})
    page.check_csrf(got.fields)
    user, programme = access.enter(page, key)
    values = {"year": got.fields.get("year", "")}
    errors = _field_problems(page, got)
    if errors:
        reason = "; ".join(f"{k}: {got.name if k == 'file' else values['year']!r}" for k in errors)
        form_problems.audit(page, programme.id, "plan.import", InvalidInput(reason))
        return _page(page, key, 400, errors, values)
    year = int(values["year"])
    try:
        result = plan_import.import_upload(
            page.ctx.db, page.ctx.clock, user.caller, key, got.name, got.raw, year, page.lang
        )
    except DefinitionError as error:
        problems = placed(error.problems)
        errors = {"file": page.t("plans.problems", n=len(problems))}
        return _page(page, key, 400, errors, values, problems, got.name)
    except PermissionDenied as error:
        errors = {GENERAL: page.t("form.not_allowed")}
        return _page(page, key, 403, errors, values, detail=str(error))
    except RspError as error:
        errors = {GENERAL: page.t("refused.other")}
        return _page(page, key, 409, errors, values, detail=str(error))
    done = "imported" if result.changed else "unchanged"
    return page.redirect(
        f"/p/{key}/plans?done={done}&year={year}"
        f"&created={len(result.created)}&updated={len(result.updated)}"
    )


@router.get("/p/{key}/plans/template.{fmt}")
def template(request: Request, key: str, fmt: str) -> Response:
    """The plan template as an Excel workbook or a YAML file (the example in this year)."""
    page = Page.of(request)
    access.enter(page, key)
    asked = page.request.query_params.get("year", "")
    year = int(asked) if asked.isdigit() and len(asked) == 4 else _this_year(page)
    stem = page.t("file.plan", year=year)
    if fmt == "xlsx":
        body, media = plan_template.template_xlsx(year, page.lang), XLSX_TYPE
    elif fmt == "yaml":
        body, media = plan_template.template_yaml(year, page.lang).encode(), "application/yaml"
    else:
        from web.page import PageNotFound

        raise PageNotFound()
    response = Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'},
    )
    return page.finish(response)
