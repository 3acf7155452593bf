"""One request as the pages see it: the language, the signed-in person (if any), the
browser's id before sign-in, the CSRF token of its forms, and rendering with the layout.

Cookies: `rsp_session` (the signed session token), `rsp_browser` (the signed id of a
browser that is not signed in: its forms' CSRF token and the binding of its sign-in
links), `rsp_lang` (sv or en). All HttpOnly and SameSite=Lax, Secure behind TLS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from itsdangerous import BadSignature, Signer
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from process.core import vocab
from process.reports import templating
from web.auth import sessions, tokens
from web.auth.sessions import SignedIn
from web.context import WebContext
from web.words import LANGS, t

SESSION, BROWSER, LANG = "rsp_session", "rsp_browser", "rsp_lang"
YEAR = 365 * 24 * 3600


class SignInRequired(Exception):
    """The page needs a signed-in person; the browser is sent to sign in, then back."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class PageNotFound(Exception):
    """Nothing here for this person (also what another programme's ids get)."""


class CsrfRejected(Exception):
    """A form without this browser's CSRF token: nothing was done."""


def signer(ctx: WebContext, purpose: str) -> Signer:
    """The signer of one kind of cookie."""
    return Signer(ctx.secret, salt=f"rsp-{purpose}")


def unsign(ctx: WebContext, purpose: str, value: str | None) -> str | None:
    """A signed cookie's value, or None when absent or not signed by this server."""
    if not value:
        return None
    try:
        return signer(ctx, purpose).unsign(value).decode("utf-8")
    except (BadSignature, UnicodeDecodeError):
        return None


@dataclass
class Page:
    """The request, who is asking, and the cookies the response must set."""

    request: Request
    ctx: WebContext
    lang: str
    user: SignedIn | None
    session_token: str | None
    browser_id: str | None
    cookies: dict[str, str | None] = field(default_factory=dict)  # name → value, None: delete

    @classmethod
    def of(cls, request: Request) -> Page:
        """The page of a request (made once per request, kept on `request.state`)."""
        found = getattr(request.state, "page", None)
        if isinstance(found, Page):
            return found
        ctx: WebContext = request.app.state.rsp
        asked = request.query_params.get("lang")
        lang = asked if asked in LANGS else request.cookies.get(LANG)
        lang = lang if lang in LANGS else "sv"
        vocab.use_language(lang)  # a refused word lists the accepted ones in this language
        token = unsign(ctx, "session", request.cookies.get(SESSION))
        user = sessions.load(ctx.db, ctx.clock, ctx.settings, token) if token else None
        page = cls(
            request, ctx, lang, user, token, unsign(ctx, "browser", request.cookies.get(BROWSER))
        )
        if asked in LANGS and request.cookies.get(LANG) != asked:
            page.cookies[LANG] = asked
        if token and user is None:
            page.cookies[SESSION] = None  # ended or expired: forget it
        request.state.page = page
        return page

    # --- who ----------------------------------------------------------------------------

    def require_user(self) -> SignedIn:
        """The signed-in person, or SignInRequired (back here afterwards)."""
        if self.user is None:
            raise SignInRequired(self.here())
        return self.user

    def here(self) -> str:
        """This page's path and query, without the language switch."""
        query = [(k, v) for k, v in self.request.query_params.multi_items() if k != "lang"]
        return self.request.url.path + (f"?{urlencode(query)}" if query else "")

    def ensure_browser_id(self) -> str:
        """This browser's id before sign-in (made and set as a cookie when it has none)."""
        if self.browser_id is None:
            self.browser_id = tokens.new_token()
            self.cookies[BROWSER] = self.browser_id
        return self.browser_id

    # --- forms --------------------------------------------------------------------------

    @property
    def csrf_token(self) -> str:
        """The token every form of this page carries."""
        if self.user is not None:
            return self.user.csrf_token
        return tokens.keyed(self.ctx.secret, "csrf:" + self.ensure_browser_id())

    def check_csrf(self, form: dict[str, str]) -> None:
        """CsrfRejected unless the form carries this browser's token."""
        sent = form.get("csrf", "")
        if self.user is not None:
            expected = self.user.csrf_token
        elif self.browser_id is not None:
            expected = tokens.keyed(self.ctx.secret, "csrf:" + self.browser_id)
        else:
            raise CsrfRejected()
        if not sent or not tokens.same(sent, expected):
            raise CsrfRejected()

    # --- responses ----------------------------------------------------------------------

    def secure(self) -> bool:
        """Whether cookies get the Secure flag (behind TLS, or always when so configured)."""
        mode = self.ctx.settings.secure_cookies
        return mode == "always" or (mode == "auto" and self.request.url.scheme == "https")

    def finish(self, response: Response) -> Response:
        """Set (or delete) the cookies this request decided on."""
        for name, value in self.cookies.items():
            if value is None:
                response.delete_cookie(
                    name, path="/", httponly=True, samesite="lax", secure=self.secure()
                )
                continue
            signed = (
                value
                if name == LANG
                else signer(self.ctx, "session" if name == SESSION else "browser")
                .sign(value)
                .decode()
            )
            response.set_cookie(
                name,
                signed,
                max_age=YEAR if name == LANG else None,
                path="/",
                httponly=True,
                samesite="lax",
                secure=self.secure(),
            )
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    def t(self, key: str, **values: object) -> str:
        """A word of the pages in this page's language."""
        return t(key, self.lang, **values)

    def lang_url(self, lang: str) -> str:
        """This page in another language."""
        query = [(k, v) for k, v in self.request.query_params.multi_items() if k != "lang"]
        return self.request.url.path + "?" + urlencode([*query, ("lang", lang)])

    def render(self, name: str, status: int = 200, **context: Any) -> Response:
        """A page of the layout, with the language, the person and the form token."""
        values = {
            "lang": self.lang,
            "t": self.t,
            "user": self.user,
            "path": self.request.url.path,
            "other_lang": "en" if self.lang == "sv" else "sv",
            "other_lang_url": self.lang_url("en" if self.lang == "sv" else "sv"),
            "programme": None,
            "nav": None,
            "errors": {},
            "error_summary": [],
            "admin_links": self.admin_links,
        }
        values.update(context)
        values["csrf"] = self.csrf_token  # after the page's own: it may set the cookie
        body = templating.render(templating.load(self.ctx.templates, name), values)
        return self.finish(HTMLResponse(body, status_code=status))

    def admin_links(self, programme: Any) -> list[tuple[str, str]]:
        """The administration pages of the programme this person may open (for the menu)."""
        from web import admin_nav

        return admin_nav.links(self.ctx.db, programme) if self.user is not None else []

    def redirect(self, path: str) -> Response:
        """See other: after a form, or to sign in (always a path on this site)."""
        return self.finish(RedirectResponse(path, status_code=303))
