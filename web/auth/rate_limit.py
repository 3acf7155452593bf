"""Rate limits kept in the database, so that every web worker on it counts together: a
counter per key (a hashed address, a hashed client) and fixed window of time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from process.core.clock import Clock
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.web_tables import WebRateCount
from web.auth import tokens

WINDOW = dt.timedelta(minutes=15)
_T = table_of(WebRateCount)


@dataclass(frozen=True)
class Limit:
    """At most `most` attempts per window for one kind of key."""

    kind: str
    most: int


PER_ADDRESS = Limit("address", 5)  # sign-in links asked for one address
PER_CLIENT = Limit("client", 30)  # sign-in links asked from one client address
CODES_PER_CLIENT = Limit("code", 30)  # codes typed from one client address


@dataclass(frozen=True)
class Verdict:
    """Whether the attempt may go on, and whether it is the first one refused in this
    window (only that one is audited: a flood does not flood the audit trail)."""

    allowed: bool
    first_refusal: bool = False


def window_start(now: dt.datetime, window: dt.timedelta = WINDOW) -> dt.datetime:
    """The start of the window `now` falls in (pure)."""
    epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    whole = (now - epoch) // window
    return epoch + whole * window


def key_of(limit: Limit, value: str) -> str:
    """The stored key: the kind and a hash of the value (no address kept in the clear)."""
    return f"{limit.kind}:{tokens.digest(value.strip().lower())}"


def _upsert(dialect: str) -> sa.Insert:
    """INSERT … ON CONFLICT DO UPDATE count + 1 RETURNING count, on either database."""
    from sqlalchemy.dialects import postgresql, sqlite

    keys, more = ["key", "window_start"], {"count": _T.c.count + 1}
    if dialect == "postgresql":
        return (
            postgresql.insert(_T)
            .on_conflict_do_update(index_elements=keys, set_=more)
            .returning(_T.c.count)
        )
    return (
        sqlite.insert(_T)
        .on_conflict_do_update(index_elements=keys, set_=more)
        .returning(_T.c.count)
    )


def allow(db: Database, clock: Clock, checks: list[tuple[Limit, str]]) -> Verdict:
    """Count one attempt against each (limit, value); refused when any is over its limit."""
    now = clock.now()
    start = window_start(now)
    over = first = False
    with db.write() as session:
        conn = session.connection()
        conn.execute(sa.delete(_T).where(_T.c.window_start < start - WINDOW))
        stmt = _upsert(conn.dialect.name)
        for limit, value in checks:
            count = conn.execute(
                stmt, {"key": key_of(limit, value), "window_start": start, "count": 1}
            ).scalar_one()
            over = over or count > limit.most
            first = first or count == limit.most + 1
    return Verdict(not over, over and first)
