"""The tables of the browser interface's sign-in: sessions kept on the server, single-use
sign-in links, shared rate-limit counters and the server's cookie-signing secret.

Nothing secret is stored in the clear: a session row is keyed by the SHA-256 of the token
its cookie holds, a sign-in link by the hash of its token, its code by a salted hash.
Several `rsp serve` workers on one database share all of it.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from process.storage.tables import utc_column


class WebSecret(SQLModel, table=True):
    """A secret the web workers share (the cookie-signing key), made once by the first."""

    __tablename__ = "web_secret"
    name: str = Field(primary_key=True)
    value: str
    created_at: dt.datetime = utc_column()


class WebSession(SQLModel, table=True):
    """A signed-in browser: who, how they signed in, until when."""

    __tablename__ = "web_session"
    id: str = Field(primary_key=True)  # SHA-256 of the token in the browser's cookie
    person_id: int = Field(foreign_key="person.id", index=True)
    channel: str  # web:email-link | web:oidc
    csrf_token: str  # the token every form of this session carries
    created_at: dt.datetime = utc_column()
    last_seen_at: dt.datetime = utc_column()
    expires_at: dt.datetime = utc_column(index=True)  # the absolute end
    ended_at: dt.datetime | None = utc_column(nullable=True)
    ended_reason: str | None = None  # signed_out | replaced | idle | expired


class WebSignInLink(SQLModel, table=True):
    """A sign-in link mailed to a person: single use, short-lived, bound to the browser
    that asked for it; its short code signs in that browser from another device's mail."""

    __tablename__ = "web_sign_in_link"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    code_hash: str  # SHA-256 of the link's salt and the code
    browser_hash: str = Field(index=True)  # SHA-256 of the asking browser's id
    person_id: int = Field(foreign_key="person.id", index=True)
    next_path: str  # where the person lands after signing in
    lang: str
    created_at: dt.datetime = utc_column()
    expires_at: dt.datetime = utc_column(index=True)
    used_at: dt.datetime | None = utc_column(nullable=True)
    code_attempts: int = 0


class WebRateCount(SQLModel, table=True):
    """How many attempts one key (a hashed address or client) made in one time window."""

    __tablename__ = "web_rate_count"
    __table_args__ = (sa.PrimaryKeyConstraint("key", "window_start"),)
    key: str
    window_start: dt.datetime = utc_column(index=True)
    count: int = 0
