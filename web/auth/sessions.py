"""Sessions kept on the server: a row per signed-in browser, found by the hash of the token
its cookie holds. Signing out and expiry are real because the row says so; a new session
(a new token) is made at every sign-in, so a token planted before it is worth nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from process.access import unit_of_work
from process.access.caller import Caller
from process.access.unit_of_work import Work
from process.core.clock import Clock
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.tables import Person
from process.storage.web_tables import WebSession
from web.auth import tokens
from web.settings import WebSettings

TOUCH_EVERY = dt.timedelta(minutes=1)  # how stale `last_seen_at` may get before it is updated
KEEP_ENDED = dt.timedelta(days=2)  # ended and expired rows are removed after this
_S = table_of(WebSession)
_P = table_of(Person)


@dataclass(frozen=True)
class SignedIn:
    """The person a browser is signed in as, and how."""

    session_id: str
    person_id: int
    login: str
    name: str
    email: str | None
    channel: str
    csrf_token: str

    @property
    def caller(self) -> Caller:
        """The person as the services' actor, with the channel they signed in by."""
        return Caller(self.login, self.channel)


def _usable(row: sa.Row, now: dt.datetime, settings: WebSettings) -> bool:
    return row.ended_at is None and now < row.expires_at and now - row.last_seen_at < settings.idle


def load(db: Database, clock: Clock, settings: WebSettings, token: str) -> SignedIn | None:
    """The signed-in person of a session token, or None when it is unknown, ended, idle too
    long or past its absolute end; marks the session as used (at most once a minute)."""
    sid = tokens.digest(token)
    query = (
        sa.select(
            _S.c.id,
            _S.c.person_id,
            _S.c.channel,
            _S.c.csrf_token,
            _S.c.last_seen_at,
            _S.c.expires_at,
            _S.c.ended_at,
            _P.c.login,
            _P.c.name,
            _P.c.email,
        )
        .join(_P, _P.c.id == _S.c.person_id)
        .where(_S.c.id == sid, _P.c.active)  # a deactivated person's sessions end
    )
    with db.read() as session:
        row = session.connection().execute(query).first()
    now = clock.now()
    if row is None or not _usable(row, now, settings):
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        with db.write() as session:
            session.connection().execute(
                sa.update(_S)
                .where(_S.c.id == sid, _S.c.ended_at.is_(None))
                .values(last_seen_at=now)
            )
    return SignedIn(
        row.id, row.person_id, row.login, row.name, row.email, row.channel, row.csrf_token
    )


def start(
    db: Database,
    clock: Clock,
    settings: WebSettings,
    person_id: int,
    login: str,
    channel: str,
    replacing: str | None,
    detail: dict,
    first: Callable[[Work], None] | None = None,
) -> tuple[str, SignedIn]:
    """Sign a person in: end the session the browser had (if any), make a new one and audit
    it, in one transaction (after `first`, e.g. using up the sign-in link); returns the new
    token for the cookie and who is signed in."""
    token = tokens.new_token()
    caller = Caller(login, channel)

    def work(w: Work) -> SignedIn:
        if first is not None:
            first(w)
        conn, now = w.session.connection(), w.now
        if replacing:
            conn.execute(
                sa.update(_S)
                .where(_S.c.id == tokens.digest(replacing), _S.c.ended_at.is_(None))
                .values(ended_at=now, ended_reason="replaced")
            )
        conn.execute(
            sa.delete(_S).where(
                sa.or_(_S.c.expires_at < now - KEEP_ENDED, _S.c.ended_at < now - KEEP_ENDED)
            )
        )
        csrf = tokens.new_token()
        conn.execute(
            sa.insert(_S).values(
                id=tokens.digest(token),
                person_id=person_id,
                channel=channel,
                csrf_token=csrf,
                created_at=now,
                last_seen_at=now,
                expires_at=now + settings.absolute,
            )
        )
        person = conn.execute(sa.select(_P.c.name, _P.c.email).where(_P.c.id == person_id)).one()
        w.audit("web.sign_in", subject=f"person:{person_id}", detail=detail)
        return SignedIn(
            tokens.digest(token), person_id, login, person.name, person.email, channel, csrf
        )

    signed_in = unit_of_work.write(db, clock, caller, None, "web.sign_in", work, installation=True)
    return token, signed_in


def end(db: Database, clock: Clock, who: SignedIn) -> None:
    """Sign out: the session ends now (its cookie is worth nothing after), audited."""

    def work(w: Work) -> None:
        w.session.connection().execute(
            sa.update(_S)
            .where(_S.c.id == who.session_id, _S.c.ended_at.is_(None))
            .values(ended_at=w.now, ended_reason="signed_out")
        )
        w.audit("web.sign_out", subject=f"person:{who.person_id}")

    unit_of_work.write(db, clock, who.caller, None, "web.sign_out", work, installation=True)
