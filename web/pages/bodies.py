"""Organisationer och kontaktpersoner (bodies and their contact people), for those who
manage plans and bodies: the list, add a body, correct its name and addresses, add,
correct and remove its contact people, through `process.bodies.body_admin` and
`process.bodies.bodies.set_member` (audited, refusals too, as `rsp bodies` is)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from process.access import capabilities
from process.bodies import bodies, body_admin
from process.bodies.body_admin import FieldProblems
from process.core import contact
from process.core.errors import InvalidInput, NotFound, PermissionDenied, RspError
from web import access, admin_nav, form_problems
from web.access import ProgrammeView
from web.form_problems import GENERAL
from web.forms import Fields
from web.page import Page, PageNotFound

router = APIRouter()


def _kinds(page: Page) -> list[tuple[str, str]]:
    return [(k, page.t(f"bodies.kind.{k}")) for k in body_admin.KINDS]


def _bad_address(text: str) -> str:
    return next((a for a in body_admin.split_addresses(text) if contact.address_problem(a)), text)


def _field_words(page: Page, problems: dict[str, str], form: dict[str, str]) -> dict[str, str]:
    """Each field's problem in the page's language."""
    out = {}
    for field, text in problems.items():
        base = field.split("-", 1)[0]
        if base == "key":
            word = page.t("bodies.bad.key_taken" if "exists" in text else "bodies.bad.key")
        elif base == "name":
            word = page.t(
                "bodies.bad.name_missing" if "must not be empty" in text else "bodies.bad.name"
            )
        elif base == "kind":
            word = page.t("bodies.bad.kind")
        elif base == "emails":
            word = (
                page.t("bodies.bad.emails_missing")
                if "at least one" in text
                else page.t("bodies.bad.email", value=_bad_address(form.get("emails", "")))
            )
        elif base == "email":
            if "give" in text or "needs" in text:
                word = page.t("bodies.bad.email_missing")
            elif "address already" in text:
                word = page.t("bodies.bad.email_taken")
            else:
                word = page.t("bodies.bad.email", value=form.get(field, "").strip())
        elif base == "login":
            word = page.t("bodies.bad.member" if "already a member" in text else "bodies.bad.login")
        else:
            word = text
        out[field] = word
    return out


def _refusal(page: Page, error: RspError, form: dict[str, str]) -> tuple[int, dict[str, str]]:
    if isinstance(error, FieldProblems):
        return 400, _field_words(page, error.fields, form)
    if isinstance(error, PermissionDenied):
        if "holds roles" in str(error):
            return 403, {GENERAL: page.t("bodies.bad.admin_only")}
        return 403, {GENERAL: page.t("form.not_allowed")}
    if isinstance(error, InvalidInput) and "nothing to change" in str(error):
        return 400, {GENERAL: page.t("bodies.bad.nothing")}
    return 400, {GENERAL: page.t("refused.other")}


def _allowed(page: Page, key: str) -> tuple[ProgrammeView, bool]:
    _user, programme = access.enter(page, key)
    return programme, admin_nav.holds(page.ctx.db, programme, capabilities.MANAGE_PLANS)


def _list_page(
    page: Page,
    key: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    programme, may = _allowed(page, key)
    title = page.t("bodies.title")
    if not may:
        return admin_nav.refused(page, programme, title, capabilities.MANAGE_PLANS)
    with page.ctx.db.read() as session:
        rows = bodies.list_bodies(session, programme.key)
    errors = errors or {}
    return page.render(
        "bodies.html",
        status=status,
        title=title,
        programme=programme,
        nav="nav.bodies",
        rows=rows,
        kinds=_kinds(page),
        errors=errors,
        error_summary=form_problems.summary(errors),
        values=values or {},
        detail=detail,
    )


@router.get("/p/{key}/bodies")
def body_list(request: Request, key: str) -> Response:
    """Every body with its addresses and contact people; the form to add one."""
    return _list_page(Page.of(request), key)


@router.post("/p/{key}/bodies")
def add(request: Request, key: str, form: Fields) -> Response:
    """Add a body with its addresses."""
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    body_key = form.get("key", "").strip()
    try:
        body_admin.add_body(
            page.ctx.db,
            page.ctx.clock,
            user.caller,
            programme.key,
            body_key,
            form.get("name", ""),
            form.get("kind", ""),
            body_admin.split_addresses(form.get("emails", "")),
        )
    except RspError as error:
        status, fields = _refusal(page, error, form)
        return _list_page(page, key, status, fields, form, str(error))
    return page.redirect(f"/p/{key}/bodies/{body_key}?done=added")


def _body_page(
    page: Page,
    key: str,
    body_key: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form_name: str = "",
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    programme, may = _allowed(page, key)
    if not may:
        return admin_nav.refused(page, programme, page.t("bodies.title"), capabilities.MANAGE_PLANS)
    with page.ctx.db.read() as session:
        try:
            body = bodies.show_body(session, programme.key, body_key)
            people = body_admin.contacts(session, programme.id, body_key)
        except NotFound:
            raise PageNotFound() from None
    errors = errors or {}
    return page.render(
        "body.html",
        status=status,
        title=body.name,
        programme=programme,
        nav="nav.bodies",
        body=body,
        kind_word=page.t(f"bodies.kind.{body.kind}"),
        people=people,
        errors=errors,
        error_summary=form_problems.summary(errors),
        error_form=form_name,
        values=values or {},
        detail=detail,
        done=page.request.query_params.get("done", ""),
    )


@router.get("/p/{key}/bodies/{body_key}")
def body(request: Request, key: str, body_key: str) -> Response:
    """One body: correct its name and addresses; its contact people."""
    return _body_page(Page.of(request), key, body_key)


@router.post("/p/{key}/bodies/{body_key}/edit")
def edit(request: Request, key: str, body_key: str, form: Fields) -> Response:
    """Correct the body's name and addresses."""
    return _change(request, key, body_key, form, "edit", "")


@router.post("/p/{key}/bodies/{body_key}/contacts")
def add_contact(request: Request, key: str, body_key: str, form: Fields) -> Response:
    """Add a contact person (registered already, or registered now)."""
    return _change(request, key, body_key, form, "contact_add", "")


@router.post("/p/{key}/bodies/{body_key}/contacts/{login}/{what}")
def change_contact(
    request: Request, key: str, body_key: str, login: str, what: str, form: Fields
) -> Response:
    """Correct a contact person's name and address (`edit`), or remove them (`remove`)."""
    if what not in ("edit", "remove"):
        raise PageNotFound()
    return _change(request, key, body_key, form, f"contact_{what}", login)


def _change(
    request: Request, key: str, body_key: str, form: dict[str, str], what: str, login: str
) -> Response:
    page = Page.of(request)
    page.check_csrf(form)
    user, programme = access.enter(page, key)
    db, clock, actor = page.ctx.db, page.ctx.clock, user.caller
    done = what
    try:
        if what == "edit":
            body_admin.edit_body(
                db,
                clock,
                actor,
                programme.key,
                body_key,
                form.get("name", ""),
                body_admin.split_addresses(form.get("emails", "")),
            )
        elif what == "contact_add":
            body_admin.add_contact(
                db,
                clock,
                actor,
                programme.key,
                body_key,
                form.get("login", "").strip(),
                form.get("name", ""),
                form.get("email", "").strip(),
            )
            done = "contact_added"
        elif what == "contact_edit":
            body_admin.edit_contact(
                db,
                clock,
                actor,
                programme.key,
                body_key,
                login,
                form.get(f"name-{login}", ""),
                form.get(f"email-{login}", "").strip(),
            )
        else:
            bodies.set_member(db, clock, actor, programme.key, body_key, login, remove=True)
    except NotFound:
        raise PageNotFound() from None
    except RspError as error:
        status, fields = _refusal(page, error, form)
        if what == "contact_add":  # its fields' ids differ from the body form's above it
            fields = {k if k == GENERAL else f"contact-{k}": v for k, v in fields.items()}
        form_name = f"contact_edit-{login}" if what == "contact_edit" else what
        return _body_page(page, key, body_key, status, fields, form_name, form, str(error))
    return page.redirect(f"/p/{key}/bodies/{body_key}?done={done}")
