"""The wiring of `rsp serve`: the context (database, clock, settings, mail, templates,
cookie secret), the routes of every page, the error pages and the security headers."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from process.core.catalogue import say
from process.core.clock import Clock
from process.storage.database import Database
from web.context import WebContext
from web.page import CsrfRejected, Page, PageNotFound, SignInRequired
from web.render import STATIC, environment
from web.settings import WebSettings

log = logging.getLogger("rsp.web")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),  # a sign-in link's token stays out of Referer
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        b"frame-ancestors 'none'",
    ),
]


class SecurityHeaders:
    """Adds the headers every response carries (no framing, no sniffing, no referrer)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


def make_context(
    db: Database, clock: Clock, settings: WebSettings, env: Mapping[str, str]
) -> WebContext:
    """The server's context: mail from the RSP_MAIL_*/RSP_SMTP_* settings, the cookie secret
    from RSP_WEB_SECRET_FILE or the database, the OpenID client when configured."""
    from notifications.mail import settings as mailconfig
    from web.auth import secret
    from web.settings import WebConfigError

    if settings.base_url is None:  # never taken from a request's Host header
        raise WebConfigError(
            "RSP_BASE_URL is not set: links in sign-in mails and the "
            "OpenID Connect redirect need the address people use"
        )
    mail = mailconfig.settings_from_env(
        env, mailconfig.default_outbox_dir(db.url), shared_database=db.dialect != "sqlite"
    )
    ctx = WebContext(
        db=db,
        clock=clock,
        settings=settings,
        mail=mail,
        secret=secret.load(db, clock, settings.secret_file),
        templates=environment(),
        env=dict(env),
    )
    if settings.oidc is not None:
        from web.auth import oidc

        ctx.oauth = oidc.client(settings.oidc)
    return ctx


def create_app(ctx: WebContext) -> FastAPI:
    """The application: every page's routes on one context."""
    from web.pages import (
        actions,
        audit_status,
        bodies,
        decisions,
        delegations,
        digest,
        followup,
        health,
        history,
        home,
        measures,
        outbox,
        overview,
        people,
        plan_upload,
        reminder_rules,
        remiss,
        sign_in,
        tasks,
    )

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.rsp = ctx
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (
        health,
        sign_in,
        home,
        overview,
        tasks,
        measures,
        actions,
        history,
        decisions,
        delegations,
        followup,
        remiss,
        people,
        plan_upload,
        digest,
        outbox,
        reminder_rules,
        audit_status,
        bodies,
    ):
        app.include_router(module.router)
    if ctx.settings.oidc is not None:
        from web.pages import oidc_sign_in

        app.include_router(oidc_sign_in.router)
    _error_pages(app)
    app.add_middleware(SecurityHeaders)
    return app


def _error_pages(app: FastAPI) -> None:
    @app.exception_handler(SignInRequired)
    async def sign_in_first(request: Request, exc: SignInRequired) -> Response:
        from urllib.parse import urlencode

        page = await run_in_threadpool(Page.of, request)
        return page.redirect("/sign-in?" + urlencode({"next": exc.next_path}))

    @app.exception_handler(PageNotFound)
    async def not_found(request: Request, exc: PageNotFound) -> Response:
        return await run_in_threadpool(_problem, request, 404, "error.not_found")

    @app.exception_handler(CsrfRejected)
    async def csrf(request: Request, exc: CsrfRejected) -> Response:
        return await run_in_threadpool(_problem, request, 403, "error.csrf")

    @app.exception_handler(HTTPException)
    async def http(request: Request, exc: HTTPException) -> Response:
        key = {404: "error.not_found", 405: "error.method"}.get(exc.status_code, "error.bad")
        return await run_in_threadpool(_problem, request, exc.status_code, key)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return await run_in_threadpool(_problem, request, 400, "error.bad")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("error on %s %s", request.method, request.url.path)
        return await run_in_threadpool(_problem, request, 500, "error.internal")


def _problem(request: Request, status: int, key: str) -> Response:
    try:
        page = Page.of(request)
    except Exception:  # noqa: BLE001 - even the page cannot be made: say it plainly
        log.exception("error page without a page")
        return Response("rsp: error", status_code=status, media_type="text/plain")
    return page.render(
        "problem.html", status=status, title=page.t(f"{key}.title"), message=page.t(f"{key}.text")
    )


def app_from_env() -> FastAPI:
    """The application as `uvicorn --factory web.app:app_from_env` (and each worker of
    `rsp serve --workers N`) makes it: database, clock and settings from the environment."""
    from process.core.clock import ReplayClock, parse_now
    from process.storage.database import open_database
    from web import settings as web_settings

    env = dict(os.environ)
    db = open_database(env.get("RSP_DATABASE_URL"))
    db.require_schema()
    now = env.get("RSP_NOW")
    clock: Clock = ReplayClock(parse_now(now)) if now else Clock()
    db.replaying = clock.replaying  # --now writes only on a database made for replay
    return create_app(make_context(db, clock, web_settings.from_env(env), env))


def settings_note(ctx: WebContext, lang: str = "sv") -> Any:
    """What the server will do, for its first lines of output."""
    sign_in, mail = say("serve.sign_in", lang), say("serve.mail", lang)
    return [f"{sign_in}: {ctx.settings.describe()}", f"{mail}: {ctx.mail.describe()}"]
