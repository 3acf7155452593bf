"""OpenID Connect with the region's identity provider (authlib): the client made from the
settings, the short-lived state of a sign-in in progress (a signed cookie scoped to the
callback), and which person the verified claims name."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from itsdangerous import BadSignature, Signer
from sqlmodel import Session

from web.auth import people
from web.settings import OidcSettings

STATE_COOKIE = "rsp_oidc"
STATE_PATH = "/sign-in/oidc"
STATE_SECONDS = 600


class ClaimsRefused(Exception):
    """The provider's claims name nobody here (why, for the audit; `shown`: the address or
    login the person signed in with, for the page)."""

    def __init__(self, reason: str, shown: str = "") -> None:
        super().__init__(reason)
        self.shown = shown


def client(settings: OidcSettings) -> Any:
    """authlib's OpenID Connect client for the provider (discovery, PKCE S256, nonce)."""
    from authlib.integrations.starlette_client import OAuth

    oauth = OAuth()
    oauth.register(
        "region",
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        server_metadata_url=settings.metadata_url,
        client_kwargs={"scope": settings.scope, "code_challenge_method": "S256"},
    )
    return oauth.create_client("region")


def load_state(secret: bytes, cookie: str | None) -> dict[str, Any]:
    """The sign-in in progress kept in the browser (signed by this server), or empty."""
    if not cookie:
        return {}
    try:
        data = json.loads(Signer(secret, salt="rsp-oidc").unsign(cookie))
    except (BadSignature, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def dump_state(secret: bytes, data: Mapping[str, Any]) -> str:
    """The sign-in in progress as a signed cookie value."""
    return Signer(secret, salt="rsp-oidc").sign(json.dumps(dict(data))).decode("ascii")


def person_of(session: Session, settings: OidcSettings, claims: Mapping[str, Any]) -> people.Known:
    """The registered person the verified claims name, or ClaimsRefused saying why not."""
    value = claims.get(settings.claim)
    if not isinstance(value, str) or not value.strip():
        raise ClaimsRefused(f"the provider sent no {settings.claim!r} claim")
    value = value.strip()
    if settings.match == "login":
        found = people.by_login(session, value)
    else:
        if (
            settings.claim == "email"
            and settings.require_verified
            and claims.get("email_verified") is not True
        ):
            raise ClaimsRefused(f"the provider has not verified the address {value}", value)
        found = people.by_email(session, value)
    if found is None:
        raise ClaimsRefused(
            f"no registered person has the {settings.match} {value!r} (claim {settings.claim!r})",
            value,
        )
    return found
