"""Signing in by e-mail link, and signing out.

1. The person types their address (POST /sign-in/email). Whether or not it is known, the
   page that follows says the same; a known person gets a mail at once with a link and a
   six-digit code, valid 15 minutes, once, and only in this browser.
2. Opening the link (GET /sign-in/link) shows a button; only pressing it (POST) signs in,
   so a mail scanner that follows links cannot use the link up.
3. Or the code from the mail is typed into the waiting page (POST /sign-in/code), when
   the mail is read on another device.
Every sign-in, failure and sign-out is audited; requests are rate-limited.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, BackgroundTasks
from starlette.requests import Request
from starlette.responses import Response

from process.access import unit_of_work
from process.access.caller import EMAIL_LINK, Caller
from process.access.unit_of_work import Work
from process.core import contact
from process.core.errors import InvalidInput, PermissionDenied, RspError
from web.auth import link_mail, links, rate_limit, sessions
from web.auth import people as known_people
from web.context import WebContext
from web.forms import Fields
from web.page import BROWSER, SESSION, Page
from web.redirects import safe_next

router = APIRouter()
# The actor of a failed sign-in nobody can be named for (no login has parentheses).
UNKNOWN = "(unknown)"


def _client(request: Request) -> str:
    return request.client.host if request.client else "-"


def refuse(
    ctx: WebContext,
    actor: str,
    channel: str,
    action: str,
    error: RspError,
    person_id: int | None = None,
) -> None:
    """Audit a refused sign-in step (in its own transaction: it changed nothing)."""
    unit_of_work.audit_refusal(
        ctx.db,
        ctx.clock,
        Caller(actor, channel),
        None,
        action,
        error,
        subject=f"person:{person_id}" if person_id else None,
    )


def sign_in_response(page: Page, token: str, next_path: str) -> Response:
    """Signed in: the new session's cookie, the pre-sign-in browser id gone, on to `next`."""
    page.cookies[SESSION] = token
    page.cookies[BROWSER] = None
    return page.redirect(safe_next(next_path))


@router.get("/sign-in")
def sign_in_form(request: Request, next: str = "/", signed_out: str = "") -> Response:
    """The sign-in page: an address for a link, or the organisation's account."""
    page = Page.of(request)
    if page.user is not None:
        return page.redirect(safe_next(next))
    return _form(page, safe_next(next), notice="signed_out" if signed_out else None)


def _form(
    page: Page,
    next_path: str,
    status: int = 200,
    address: str = "",
    errors: dict[str, str] | None = None,
    notice: str | None = None,
) -> Response:
    settings = page.ctx.settings
    return page.render(
        "sign_in.html",
        status=status,
        title=page.t("sign_in.title"),
        next=next_path,
        address=address,
        errors=errors or {},
        error_summary=list((errors or {}).items()),
        notice=notice,
        email_sign_in=settings.email_sign_in,
        oidc_label=(settings.oidc.label or page.t("sign_in.oidc_default"))
        if settings.oidc
        else None,
    )


@router.post("/sign-in/email")
def ask_for_link(request: Request, tasks: BackgroundTasks, form: Fields) -> Response:
    """Mail a sign-in link to a registered address; the same answer for any address."""
    page = Page.of(request)
    page.check_csrf(form)
    ctx = page.ctx
    next_path = safe_next(form.get("next"))
    address = form.get("email", "").strip()
    if not ctx.settings.email_sign_in:
        return page.redirect("/sign-in")
    if contact.address_problem(address) is not None:  # rsp's one rule for addresses
        return _form(page, next_path, 400, address, {"email": page.t("sign_in.bad_address")})
    verdict = rate_limit.allow(
        ctx.db,
        ctx.clock,
        [(rate_limit.PER_ADDRESS, address), (rate_limit.PER_CLIENT, _client(request))],
    )
    with ctx.db.read() as session:
        person = known_people.by_email(session, address)
    if not verdict.allowed:
        if verdict.first_refusal:
            refuse(
                ctx,
                person.login if person else UNKNOWN,
                EMAIL_LINK,
                "web.sign_in_link",
                PermissionDenied(
                    "too many sign-in links asked for (rate limit); "
                    f"address {known_people.masked(address)}"
                ),
                person.id if person else None,
            )
        return _form(page, next_path, 429, address, {"email": page.t("sign_in.too_many")})
    if person is None:
        refuse(
            ctx,
            UNKNOWN,
            EMAIL_LINK,
            "web.sign_in_link",
            InvalidInput(f"no registered person has the address {known_people.masked(address)}"),
        )
    else:
        outbox_id = _issue(page, person, address, next_path)
        tasks.add_task(link_mail.send_now, ctx.db, ctx.clock, ctx.mail, ctx.env, outbox_id)
    return page.redirect("/sign-in/sent")


def _issue(page: Page, person: known_people.Known, address: str, next_path: str) -> int:
    """Make the link, queue its mail and audit it, in one transaction; the outbox id."""
    ctx, browser = page.ctx, page.ensure_browser_id()
    base = ctx.settings.base_url

    def work(w: Work) -> int:
        link_mail.expire_unsent(w.session, w.now)
        issued = links.issue(w.session, w.now, person.id, browser, next_path, page.lang)
        url = f"{base}/sign-in/link?" + urlencode({"token": issued.token})
        parts = link_mail.render(ctx.templates, page.lang, person.name, url, issued.code)
        outbox_id = link_mail.queue(
            w.session,
            w.now,
            w.recorded,
            ctx.mail,
            issued.link_id,
            person.name,
            address,
            page.lang,
            parts,
        )
        w.audit(
            "web.sign_in_link",
            subject=f"person:{person.id}",
            detail={"link": issued.link_id, "outbox_id": outbox_id},
        )
        return outbox_id

    return unit_of_work.write(
        ctx.db,
        ctx.clock,
        Caller(person.login, EMAIL_LINK),
        None,
        "web.sign_in_link",
        work,
        installation=True,
    )


@router.get("/sign-in/sent")
def waiting(request: Request) -> Response:
    """The waiting page: look in your mail; or type the code from it here."""
    page = Page.of(request)
    return _waiting(page)


def _waiting(page: Page, status: int = 200, errors: dict[str, str] | None = None) -> Response:
    return page.render(
        "sign_in_sent.html",
        status=status,
        title=page.t("sent.title"),
        minutes=int(links.LIFETIME.total_seconds() // 60),
        errors=errors or {},
        error_summary=list((errors or {}).items()),
    )


@router.post("/sign-in/code")
def sign_in_by_code(request: Request, form: Fields) -> Response:
    """Sign this browser in with the code from the mail."""
    page = Page.of(request)
    page.check_csrf(form)
    ctx = page.ctx
    verdict = rate_limit.allow(ctx.db, ctx.clock, [(rate_limit.CODES_PER_CLIENT, _client(request))])
    if not verdict.allowed:
        return _waiting(page, 429, {"code": page.t("sign_in.too_many")})
    assert page.browser_id is not None  # check_csrf demands it
    with ctx.db.write() as session:  # a wrong code counts, whatever happens next
        found = links.by_code(session, page.browser_id, form.get("code", ""), ctx.clock.now())
    if found.status != links.OK or found.link_id is None or found.person_id is None:
        if found.status == links.UNKNOWN:  # there was a live link: a wrong code, audited
            refuse(
                ctx,
                UNKNOWN,
                EMAIL_LINK,
                "web.sign_in",
                links.LinkRefused(links.UNKNOWN, "a wrong sign-in code was typed"),
            )
        return _waiting(page, 400, {"code": page.t("sent.bad_code")})
    return _start(page, found, "code")


def _start(page: Page, found: links.Found, via: str) -> Response:
    """Spend the link and sign its person in (refused: the problem page, audited)."""
    ctx = page.ctx
    assert found.link_id is not None and found.person_id is not None
    link_id = found.link_id
    with ctx.db.read() as session:
        person = known_people.by_id(session, found.person_id)
    if person is None:
        return _link_problem(page, links.UNKNOWN)
    try:
        token, _who = sessions.start(
            ctx.db,
            ctx.clock,
            ctx.settings,
            person.id,
            person.login,
            EMAIL_LINK,
            page.session_token,
            {"via": via, "link": link_id},
            first=lambda w: links.use(w.session, link_id, w.now),
        )
    except links.LinkRefused as refused:
        return _link_problem(page, refused.status)
    return sign_in_response(page, token, found.next_path)


@router.get("/sign-in/link")
def open_link(request: Request, token: str = "") -> Response:
    """The page a mailed link opens: a button that signs in (reading changes nothing)."""
    page = Page.of(request)
    ctx = page.ctx
    with ctx.db.read() as session:
        found = links.check(session, token, page.browser_id, ctx.clock.now())
    if found.status != links.OK:
        return _link_problem(page, found.status)
    return page.render("sign_in_link.html", title=page.t("link.title"), token=token)


@router.post("/sign-in/link")
def use_link(request: Request, form: Fields) -> Response:
    """Sign in with the link's token, in the browser that asked for it."""
    page = Page.of(request)
    page.check_csrf(form)
    ctx = page.ctx
    with ctx.db.read() as session:
        found = links.check(session, form.get("token", ""), page.browser_id, ctx.clock.now())
    if found.status != links.OK:
        if found.status != links.UNKNOWN:
            refuse(
                ctx,
                UNKNOWN,
                EMAIL_LINK,
                "web.sign_in",
                links.LinkRefused(found.status, _AUDIT_REASONS[found.status]),
                found.person_id,
            )
        return _link_problem(page, found.status)
    return _start(page, found, "link")


_AUDIT_REASONS = {
    links.USED: "the sign-in link was used already",
    links.EXPIRED: "the sign-in link had expired",
    links.OTHER_BROWSER: "the sign-in link was opened in another browser than the one "
    "that asked for it",
}


def _link_problem(page: Page, status: str) -> Response:
    codes = {links.UNKNOWN: 404, links.USED: 410, links.EXPIRED: 410, links.OTHER_BROWSER: 403}
    return page.render(
        "sign_in_problem.html",
        status=codes.get(status, 400),
        title=page.t(f"link.{status}.title"),
        problem=status,
    )


@router.post("/sign-out")
def sign_out(request: Request, form: Fields) -> Response:
    """End the session (audited) and forget its cookie."""
    page = Page.of(request)
    page.check_csrf(form)
    if page.user is not None:
        sessions.end(page.ctx.db, page.ctx.clock, page.user)
    page.cookies[SESSION] = None
    return page.redirect("/sign-in?signed_out=1")
