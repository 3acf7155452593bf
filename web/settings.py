"""The browser interface's settings, from the environment (secrets only by reference).

RSP_BASE_URL              the address people reach rsp at, e.g. https://rsp.region.example
                          (links in mails; default: the address of the request)
RSP_WEB_SECURE_COOKIES    auto | always | never (auto: Secure when the request came over
                          https, also as a reverse proxy reports it)
RSP_WEB_IDLE_MINUTES      a session ends after this long unused (default 60)
RSP_WEB_SESSION_HOURS     and at the latest this long after signing in (default 10)
RSP_WEB_SECRET_FILE       a file holding the cookie-signing secret (default: a secret
                          made once and kept in the database)
RSP_WEB_EMAIL_SIGN_IN     yes | no: sign-in by e-mail link (default yes)
RSP_OIDC_ISSUER           the OpenID provider, e.g.
                          https://login.microsoftonline.com/TENANT/v2.0
RSP_OIDC_METADATA_URL     its discovery document (default:
                          ISSUER/.well-known/openid-configuration)
RSP_OIDC_CLIENT_ID        rsp's client id at the provider
RSP_OIDC_CLIENT_SECRET_FILE | RSP_OIDC_CLIENT_SECRET_ENV   where the client secret is
                          (a file, or the NAME of the variable holding it)
RSP_OIDC_CLAIM            the claim that names the person (default email)
RSP_OIDC_MATCH            email | login: which of the person's fields it matches
RSP_OIDC_REQUIRE_VERIFIED yes | no: with the email claim, require email_verified (default
                          yes; Entra ID sends no such claim: set no there)
RSP_OIDC_LABEL            the sign-in button's organisation name, e.g. 'Region JH'
RSP_OIDC_SCOPE            default 'openid email profile'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from process.core.errors import RspError

YES, NO = ("yes", "true", "1", "on"), ("no", "false", "0", "off")
SECURE_MODES = ("auto", "always", "never")


class WebConfigError(RspError):
    """A setting of the web server is missing or wrong (names the variable)."""


@dataclass(frozen=True)
class OidcSettings:
    """How to reach the region's OpenID provider and how its claims name a person."""

    metadata_url: str
    client_id: str
    client_secret: str
    claim: str = "email"
    match: str = "email"  # email | login
    require_verified: bool = True
    label: str = ""
    scope: str = "openid email profile"


@dataclass(frozen=True)
class WebSettings:
    """Everything `rsp serve` needs besides the database, the clock and the mail."""

    base_url: str | None = None
    secure_cookies: str = "auto"
    idle: dt.timedelta = dt.timedelta(minutes=60)
    absolute: dt.timedelta = dt.timedelta(hours=10)
    secret_file: Path | None = None
    email_sign_in: bool = True
    oidc: OidcSettings | None = None

    def describe(self) -> str:
        """One line for the operator (never a secret)."""
        ways = (["e-mail link"] if self.email_sign_in else []) + (
            [f"OpenID Connect ({self.oidc.metadata_url})"] if self.oidc else []
        )
        return (
            f"sign-in by {' and '.join(ways) or 'nothing (no way to sign in!)'}; "
            f"sessions end after {int(self.idle.total_seconds() // 60)} min idle, "
            f"{int(self.absolute.total_seconds() // 3600)} h at most; secure cookies: "
            f"{self.secure_cookies}"
        )


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise WebConfigError(f"{name}={env[name]!r}: use yes or no")


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) <= 0 or int(raw) > 100_000:
        raise WebConfigError(f"{name}={raw!r}: a whole number above 0")
    return int(raw)


def _secret_by_reference(env: Mapping[str, str], prefix: str) -> str:
    """The secret in the file `<prefix>_FILE` names, or in the variable `<prefix>_ENV` names."""
    file_name, var_name = env.get(f"{prefix}_FILE"), env.get(f"{prefix}_ENV")
    if file_name and var_name:
        raise WebConfigError(f"set {prefix}_FILE or {prefix}_ENV, not both")
    if file_name:
        try:
            value = Path(file_name).expanduser().read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise WebConfigError(
                f"{prefix}_FILE: cannot read {file_name}: {getattr(exc, 'strerror', None) or exc}"
            ) from None
        if not value:
            raise WebConfigError(f"{prefix}_FILE: {file_name} is empty")
        return value
    if var_name:
        value = (env.get(var_name) or "").strip()
        if not value:
            raise WebConfigError(f"{prefix}_ENV names {var_name}, which is not set or empty")
        return value
    raise WebConfigError(
        f"the client secret is missing: set {prefix}_FILE (a file holding "
        f"it) or {prefix}_ENV (the NAME of a variable holding it)"
    )


def oidc_from_env(env: Mapping[str, str]) -> OidcSettings | None:
    """The OpenID Connect settings, or None when RSP_OIDC_ISSUER (or _METADATA_URL) is unset."""
    issuer = (env.get("RSP_OIDC_ISSUER") or "").strip().rstrip("/")
    metadata = (env.get("RSP_OIDC_METADATA_URL") or "").strip()
    if not issuer and not metadata:
        return None
    if not metadata:
        metadata = f"{issuer}/.well-known/openid-configuration"
    if not metadata.startswith(("https://", "http://")):
        raise WebConfigError(f"RSP_OIDC_METADATA_URL {metadata!r} is not an http(s) address")
    client_id = (env.get("RSP_OIDC_CLIENT_ID") or "").strip()
    if not client_id:
        raise WebConfigError("RSP_OIDC_ISSUER is set: set RSP_OIDC_CLIENT_ID too")
    match = (env.get("RSP_OIDC_MATCH") or "email").strip().lower()
    if match not in ("email", "login"):
        raise WebConfigError(f"RSP_OIDC_MATCH={match!r}: use email or login")
    return OidcSettings(
        metadata_url=metadata,
        client_id=client_id,
        client_secret=_secret_by_reference(env, "RSP_OIDC_CLIENT_SECRET"),
        claim=(env.get("RSP_OIDC_CLAIM") or "email").strip(),
        match=match,
        require_verified=_flag(env, "RSP_OIDC_REQUIRE_VERIFIED", True),
        label=(env.get("RSP_OIDC_LABEL") or "").strip(),
        scope=(env.get("RSP_OIDC_SCOPE") or "openid email profile").strip(),
    )


def from_env(env: Mapping[str, str]) -> WebSettings:
    """Read the RSP_WEB_*, RSP_BASE_URL and RSP_OIDC_* settings; WebConfigError if wrong."""
    base = (env.get("RSP_BASE_URL") or "").strip().rstrip("/") or None
    if base is not None and not base.startswith(("https://", "http://")):
        raise WebConfigError(f"RSP_BASE_URL={base!r}: an address starting with https://")
    secure = (env.get("RSP_WEB_SECURE_COOKIES") or "auto").strip().lower()
    if secure not in SECURE_MODES:
        raise WebConfigError(f"RSP_WEB_SECURE_COOKIES={secure!r}: use auto, always or never")
    secret_file = (env.get("RSP_WEB_SECRET_FILE") or "").strip()
    settings = WebSettings(
        base_url=base,
        secure_cookies=secure,
        idle=dt.timedelta(minutes=_positive(env, "RSP_WEB_IDLE_MINUTES", 60)),
        absolute=dt.timedelta(hours=_positive(env, "RSP_WEB_SESSION_HOURS", 10)),
        secret_file=Path(secret_file).expanduser() if secret_file else None,
        email_sign_in=_flag(env, "RSP_WEB_EMAIL_SIGN_IN", True),
        oidc=oidc_from_env(env),
    )
    if not settings.email_sign_in and settings.oidc is None:
        raise WebConfigError(
            "RSP_WEB_EMAIL_SIGN_IN=no and no RSP_OIDC_ISSUER: nobody could sign in"
        )
    return settings
