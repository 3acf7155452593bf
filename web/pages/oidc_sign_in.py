"""Signing in with the region's OpenID Connect provider (Entra ID, or SITHS and Freja eID
through their gateways): a button posts here, the browser goes to the provider and comes
back to the callback, where the verified claims are mapped to a registered person.

The callback is a GET (the provider sends the browser back that way); what protects it is
the state, the nonce and PKCE of this browser's sign-in, not a form token.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from process.access.caller import OIDC
from process.core.errors import PermissionDenied
from web.auth import oidc, sessions
from web.forms import Fields
from web.page import Page
from web.pages.sign_in import UNKNOWN, refuse, sign_in_response
from web.redirects import safe_next

router = APIRouter()
log = logging.getLogger("rsp.web")
CALLBACK = "/sign-in/oidc/callback"


def _with_state(page: Page, response: Response, state: dict) -> Response:
    if state:
        response.set_cookie(
            oidc.STATE_COOKIE,
            oidc.dump_state(page.ctx.secret, state),
            max_age=oidc.STATE_SECONDS,
            path=oidc.STATE_PATH,
            httponly=True,
            samesite="lax",
            secure=page.secure(),
        )
    else:
        response.delete_cookie(
            oidc.STATE_COOKIE,
            path=oidc.STATE_PATH,
            httponly=True,
            samesite="lax",
            secure=page.secure(),
        )
    return response


@router.post("/sign-in/oidc")
async def start(request: Request, form: Fields) -> Response:
    """Off to the provider, with this browser's state, nonce and PKCE verifier."""
    page = await run_in_threadpool(Page.of, request)
    page.check_csrf(form)
    ctx = page.ctx
    base = ctx.settings.base_url or ""  # make_context demands it
    state: dict = {"next": safe_next(form.get("next"))}
    request.scope["session"] = state
    try:
        redirect = await ctx.oauth.authorize_redirect(request, base + CALLBACK)
    except Exception as exc:  # noqa: BLE001 - the provider cannot be reached or read
        log.error("OpenID provider unavailable: %s", exc)
        return _problem(page, 502, "oidc.unavailable")
    redirect.status_code = 303
    return _with_state(page, page.finish(redirect), state)


@router.get(CALLBACK)
async def callback(request: Request) -> Response:
    """Back from the provider: check state, nonce and token; sign the person in."""
    from authlib.integrations.base_client import OAuthError

    page = await run_in_threadpool(Page.of, request)
    ctx = page.ctx
    state = oidc.load_state(ctx.secret, request.cookies.get(oidc.STATE_COOKIE))
    request.scope["session"] = state
    next_path = safe_next(state.get("next"))
    try:
        token = await ctx.oauth.authorize_access_token(request)
    except OAuthError as exc:
        reason = f"OpenID Connect: {exc.error}: {exc.description or ''}".strip(": ")
        await run_in_threadpool(refuse, ctx, UNKNOWN, OIDC, "web.sign_in", PermissionDenied(reason))
        return _with_state(page, _problem(page, 400, "oidc.failed"), {})
    except Exception as exc:  # noqa: BLE001 - the provider cannot be reached or read
        log.error("OpenID provider unavailable: %s", exc)
        return _with_state(page, _problem(page, 502, "oidc.unavailable"), {})
    claims = dict(token.get("userinfo") or {})
    return await run_in_threadpool(_sign_in, page, claims, next_path)


def _sign_in(page: Page, claims: dict, next_path: str) -> Response:
    """The person the claims name signed in, or the page saying nobody is (audited)."""
    ctx = page.ctx
    assert ctx.settings.oidc is not None
    try:
        with ctx.db.read() as session:
            known = oidc.person_of(session, ctx.settings.oidc, claims)
    except oidc.ClaimsRefused as refused:
        refuse(ctx, UNKNOWN, OIDC, "web.sign_in", PermissionDenied(str(refused)))
        return _with_state(
            page,
            page.render(
                "sign_in_unknown.html",
                status=403,
                title=page.t("oidc.unknown.title"),
                shown=refused.shown,
            ),
            {},
        )
    new_token, _who = sessions.start(
        ctx.db,
        ctx.clock,
        ctx.settings,
        known.id,
        known.login,
        OIDC,
        page.session_token,
        {"via": "oidc", "issuer": claims.get("iss"), "sub": claims.get("sub")},
    )
    return _with_state(page, sign_in_response(page, new_token, next_path), {})


def _problem(page: Page, status: int, key: str) -> Response:
    return page.render(
        "problem.html", status=status, title=page.t(f"{key}.title"), message=page.t(f"{key}.text")
    )
