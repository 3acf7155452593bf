"""Administration of people (the capability to administer): the list with roles and
whether active; add a person; correct a name and an e-mail address; grant and remove
roles; deactivate (never delete: the trail keeps them) and activate again. Every change
through `process.programme.setup` as `rsp people add|edit|grant|revoke|deactivate`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from process.access import capabilities, people_admin
from process.core.errors import NotFound, PermissionDenied, RspError
from process.programme import setup
from web import access, form_problems, views
from web.access import ProgrammeView
from web.form_problems import GENERAL
from web.forms import Fields
from web.page import Page, PageNotFound
from web.words import t

router = APIRouter()


def administers(session: Session, programme: ProgrammeView) -> bool:
    """Whether the person holds the capability to administer here."""
    roles = capabilities.roles_for(session, programme.id, capabilities.ADMINISTER)
    return bool(set(roles) & programme.roles)


def _explain(error: RspError, lang: str) -> tuple[int, dict[str, str]]:
    text = str(error)
    if isinstance(error, PermissionDenied):
        return 403, {GENERAL: t("form.not_allowed", lang)}
    if text.startswith("login"):
        return 400, {"login": t("people.bad.login", lang)}
    if "already registered" in text:
        return 400, {"login": t("people.bad.taken", lang)}
    if "address already" in text:
        return 400, {"email": t("people.bad.email_taken", lang)}
    if "address" in text or "e-mail" in text or "@" in text:
        return 400, {"email": t("people.bad.email", lang)}
    if "name" in text and "nothing to change" not in text:
        return 400, {"name": t("people.bad.name", lang)}
    if "nothing to change" in text:
        return 400, {GENERAL: t("people.bad.nothing", lang)}
    if "yourself" in text:
        return 400, {GENERAL: t("people.bad.yourself", lang)}
    if "last" in text and "admin" in text:
        return 400, {GENERAL: t("people.bad.last_admin", lang)}
    if "unknown role" in text:
        return 400, {"role": t("people.bad.role", lang)}
    if "already has the role" in text or "does not have the role" in text:
        return 400, {"role": t("people.bad.role_held", lang)}
    return 409, {GENERAL: t("refused.other", lang)}


def _roles(session: Session, programme: ProgrammeView, lang: str) -> list[tuple[str, str]]:
    flows = views.workflows_of(session, programme.key)
    names = [*flows.process.roles, "admin"]
    return [(r, views.role_names([flows.process], [r], lang)) for r in names]


def _list_page(
    page: Page,
    key: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    _user, programme = access.enter(page, key)
    with page.ctx.db.read() as session:
        may = administers(session, programme)
        rows = people_admin.list_people(session, programme.id) if may else []
        roles = _roles(session, programme, page.lang)
    words = dict(roles)
    for r in rows:
        r["role_words"] = [words.get(x, x) for x in r["roles"]]
    errors = errors or {}
    return page.render(
        "people.html",
        status=status,
        title=page.t("people.title"),
        programme=programme,
        nav="nav.people",
        rows=rows,
        roles=roles,
        may=may,
        errors=errors,
        error_summary=form_problems.summary(errors),
        values=values or {},
        detail=detail,
        done=page.request.query_params.get("done", ""),
    )


@router.get("/p/{key}/people")
def people_list(request: Request, key: str) -> Response:
    """Everyone registered, with their roles here; the form to add a person."""
    return _list_page(Page.of(request), key)


@router.post("/p/{key}/people")
def add(request: Request, key: str, form: Fields) -> Response:
    """Register a person with roles."""
    page = Page.of(request)
    page.check_csrf(form)
    user, _programme = access.enter(page, key)
    login = form.get("login", "").strip()
    roles = [k.removeprefix("role-") for k, v in form.items() if k.startswith("role-") and v]
    try:
        setup.add_person(
            page.ctx.db,
            page.ctx.clock,
            user.caller,
            key,
            login,
            form.get("name", ""),
            form.get("email", "").strip() or None,
            roles,
        )
    except RspError as error:
        status, fields = _explain(error, page.lang)
        return _list_page(page, key, status, fields, form, str(error))
    return page.redirect(f"/p/{key}/people/{login.lower()}?done=added")


def _person_page(
    page: Page,
    key: str,
    login: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form: str = "",
    values: dict[str, str] | None = None,
    detail: str = "",
) -> Response:
    _user, programme = access.enter(page, key)
    with page.ctx.db.read() as session:
        if not administers(session, programme):
            raise PageNotFound()
        found = [
            r
            for r in people_admin.list_people(session, programme.id)
            if r["login"] == login.lower()
        ]
        roles = _roles(session, programme, page.lang)
    if not found:
        raise PageNotFound()
    person: dict[str, Any] = found[0]
    words = dict(roles)
    person["role_words"] = [(x, words.get(x, x)) for x in person["roles"]]
    errors = errors or {}
    return page.render(
        "person.html",
        status=status,
        title=person["name"],
        programme=programme,
        nav="nav.people",
        person=person,
        grantable=[(r, w) for r, w in roles if r not in person["roles"]],
        errors=errors,
        error_summary=form_problems.summary(errors),
        error_form=form,
        values=values or {},
        detail=detail,
        done=page.request.query_params.get("done", ""),
    )


@router.get("/p/{key}/people/{login}")
def person(request: Request, key: str, login: str) -> Response:
    """One person: correct name and address, roles, deactivate."""
    return _person_page(Page.of(request), key, login)


@router.post("/p/{key}/people/{login}/{what}")
def change(request: Request, key: str, login: str, what: str, form: Fields) -> Response:
    """edit (name, e-mail), grant or remove a role, deactivate or activate."""
    page = Page.of(request)
    page.check_csrf(form)
    user, _programme = access.enter(page, key)
    db, clock, actor = page.ctx.db, page.ctx.clock, user.caller
    try:
        if what == "edit":
            email = form.get("email", "").strip()
            setup.edit_person(
                db,
                clock,
                actor,
                key,
                login,
                form.get("name", ""),
                email or None,
                clear_email=not email,
            )
        elif what in ("grant", "remove"):
            setup.change_role(db, clock, actor, key, login, form.get("role", ""), what == "grant")
        elif what in ("deactivate", "activate"):
            setup.set_active(db, clock, actor, key, login, what == "activate")
        else:
            raise PageNotFound()
    except NotFound:
        raise PageNotFound() from None
    except RspError as error:
        status, fields = _explain(error, page.lang)
        if status == 403:  # not an administrator: the list page says who changes people
            return _list_page(page, key, status, fields, None, str(error))
        return _person_page(page, key, login, status, fields, what, form, str(error))
    return page.redirect(f"/p/{key}/people/{login.lower()}?done={what}")
