"""The outbox: insert reminders idempotently, list and show them, put failed ones back.

Inserting uses `INSERT ... ON CONFLICT DO NOTHING` on the reminder key on SQLite and on
PostgreSQL alike, so two sweeps racing each other make each row once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any, TypedDict, cast

import sqlalchemy as sa
from sqlmodel import Session

from process.core.errors import InvalidInput, NotFound
from process.storage.outbox_table import FAILED, PENDING, STATUSES, OutboxMessage
from process.storage.table_of import table_of

KEY = ("subject", "rule", "due_on", "recipient")
TABLE: sa.Table = table_of(OutboxMessage)


def make_message_id(domain: str) -> str:
    """A new Message-ID on a stable domain (made once with the row, reused on every retry)."""
    from email.utils import make_msgid

    return make_msgid(idstring="rsp", domain=domain)


@lru_cache(maxsize=256)
def pairs_json(pairs: tuple[tuple[str, str], ...]) -> str:
    """[[name, address], ...] as JSON (every recipient of a reminder has the same)."""
    return json.dumps([list(p) for p in pairs], ensure_ascii=False)


def _check_dialect(dialect: str) -> None:
    if dialect not in ("postgresql", "sqlite"):
        raise InvalidInput(f"the outbox needs SQLite or PostgreSQL, not {dialect}")


@lru_cache(maxsize=8)
def _driver_insert(
    dialect: sa.Dialect,
) -> tuple[str, Callable[[dict], tuple], list[tuple[int, Callable[[Any], Any]]]]:
    """The driver's INSERT ... ON CONFLICT DO NOTHING of one outbox row, a getter of its
    values in column order, and the bind processors of the columns that have one (dates
    and UTC datetimes, stored as SQLAlchemy stores them)."""
    names = [c.name for c in TABLE.c if c.name != "id"]
    mark = "?" if dialect.name == "sqlite" else "%s"
    sql = (
        f"INSERT INTO {TABLE.name} ({', '.join(names)}) VALUES "
        f"({', '.join(mark for _ in names)}) ON CONFLICT ({', '.join(KEY)}) DO NOTHING"
    )
    processors = [(i, TABLE.c[n].type.bind_processor(dialect)) for i, n in enumerate(names)]
    return sql, itemgetter(*names), [(i, p) for i, p in processors if p is not None]


def _driver_params(dialect: sa.Dialect, rows: Sequence[dict[str, Any]]) -> list[tuple]:
    _sql, get, processors = _driver_insert(dialect)
    done: dict[tuple[int, Any], Any] = {}  # the rows share their dates and times
    params = []
    for r in rows:
        values = list(get(r))
        for i, process in processors:
            key = (i, values[i])
            if key not in done:
                done[key] = process(values[i])
            values[i] = done[key]
        params.append(tuple(values))
    return params


def insert_rows(session: Session, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Insert the rows whose key is new; returns (id, programme_id, subject, rule) of each.

    Through the driver's executemany, not SQLAlchemy's multi-row VALUES (parameters built
    per row; on PostgreSQL psycopg re-parses each 11,000-placeholder statement): on
    SQLite (one writer at a time: the caller's write transaction holds the lock) then the
    rows above the highest id before it; on PostgreSQL psycopg's pipelined executemany
    with RETURNING, one result per row."""
    if not rows:
        return []
    conn = session.connection()
    _check_dialect(conn.dialect.name)
    sql = _driver_insert(conn.dialect)[0]
    params = _driver_params(conn.dialect, rows)
    found = (TABLE.c.id, TABLE.c.programme_id, TABLE.c.subject, TABLE.c.rule)
    names = [c.name for c in found]
    if conn.dialect.name == "sqlite":
        before = conn.execute(sa.select(sa.func.max(TABLE.c.id))).scalar() or 0
        conn.exec_driver_sql(sql, params)
        return [
            dict(zip(names, r, strict=True))
            for r in conn.execute(sa.select(*found).where(TABLE.c.id > before).order_by(TABLE.c.id))
        ]
    cursor: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f"{sql} RETURNING {', '.join(names)}", params, returning=True)
        inserted: list[dict[str, Any]] = []
        while True:
            inserted += [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
            if not cursor.nextset():
                return inserted
    finally:
        cursor.close()


def existing_keys(
    session: Session, subjects: Iterable[str], since: dt.date
) -> set[tuple[str, str, dt.date, str]]:
    """The reminder keys already in the outbox for these subjects, due on or after `since`."""
    wanted = sorted(set(subjects))
    found: set[tuple[str, str, dt.date, str]] = set()
    conn = session.connection()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = conn.execute(
            sa.select(*(TABLE.c[k] for k in KEY)).where(
                TABLE.c.subject.in_(chunk), TABLE.c.due_on >= since
            )
        )
        found.update((r[0], r[1], r[2], r[3]) for r in rows)
    return found


class OutboxListed(TypedDict):
    """An outbox row without its mail bodies, as 'rsp outbox list --json' prints it.

    A TypedDict, not a dataclass: the JSON output is the row's columns in table order,
    and one column is named `to_json`."""

    id: int
    recipient: str
    subject: str
    rule: str
    due_on: dt.date
    deadline: dt.date
    kind: str
    programme_id: int | None
    message_id: str
    lang: str
    mail_subject: str
    to_json: str
    cc_json: str
    status: str
    attempts: int
    next_attempt_at: dt.datetime
    claimed_until: dt.datetime | None
    last_error: str | None
    sent_at: dt.datetime | None
    created_at: dt.datetime
    recorded_at: dt.datetime | None


class OutboxMail(OutboxListed):
    """An outbox row with its mail: the text and HTML bodies, and the sender's claim."""

    body_text: str
    body_html: str
    claim_token: str | None


class RetriedRow(TypedDict):
    """A failed message put back to pending: what it was before (for the audit row)."""

    id: int
    status: str
    recipient: str
    subject: str
    programme_id: int | None
    last_error: str | None


def list_rows(
    session: Session, status: str | None = None, limit: int = 50, programme_id: int | None = None
) -> list[OutboxListed]:
    """The newest outbox rows (without the mail bodies), optionally of one status."""
    if status is not None and status not in STATUSES:
        raise InvalidInput(f"status {status!r}: use one of {', '.join(STATUSES)}")
    cols = [c for c in TABLE.c if c.name not in ("body_text", "body_html", "claim_token")]
    query = sa.select(*cols).order_by(TABLE.c.id.desc()).limit(limit)
    if status is not None:
        query = query.where(TABLE.c.status == status)
    if programme_id is not None:
        query = query.where(TABLE.c.programme_id == programme_id)
    return [cast(OutboxListed, dict(r)) for r in session.connection().execute(query).mappings()]


def get_row(session: Session, row_id: int) -> OutboxMail:
    """One outbox row with its mail, or NotFound."""
    row = (
        session.connection()
        .execute(sa.select(TABLE).where(TABLE.c.id == row_id))
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(f"no outbox message {row_id} (see 'rsp outbox list')")
    return cast(OutboxMail, dict(row))


def retry(
    session: Session,
    ids: Sequence[int],
    now: dt.datetime,
    all_failed: bool = False,
    programme_id: int | None = None,
) -> list[RetriedRow]:
    """Put failed messages back to pending, due now; returns the rows changed (before).
    `programme_id` with `all_failed`: only that programme's failed messages."""
    query = sa.select(
        TABLE.c.id,
        TABLE.c.status,
        TABLE.c.recipient,
        TABLE.c.subject,
        TABLE.c.programme_id,
        TABLE.c.last_error,
    )
    if all_failed:
        query = query.where(TABLE.c.status == FAILED)
        if programme_id is not None:
            query = query.where(TABLE.c.programme_id == programme_id)
    else:
        query = query.where(TABLE.c.id.in_(list(ids)))
    rows = [cast(RetriedRow, dict(r)) for r in session.connection().execute(query).mappings()]
    if not all_failed:
        missing = sorted(set(ids) - {r["id"] for r in rows})
        if missing:
            raise NotFound(f"no outbox message {', '.join(map(str, missing))}")
        busy = [r["id"] for r in rows if r["status"] != FAILED]
        if busy:
            raise InvalidInput(
                f"only failed messages can be retried; not failed: "
                f"{', '.join(map(str, busy))} (pending ones are retried anyway)"
            )
    if rows:
        session.connection().execute(
            sa.update(TABLE)
            .where(TABLE.c.id.in_([r["id"] for r in rows]), TABLE.c.status == FAILED)
            .values(
                status=PENDING,
                attempts=0,
                next_attempt_at=now,
                claim_token=None,
                claimed_until=None,
            )
        )
    return rows


def counts(session: Session) -> dict[str, int]:
    """How many messages there are in each status."""
    rows = session.connection().execute(
        sa.select(TABLE.c.status, sa.func.count()).group_by(TABLE.c.status)
    )
    out = dict.fromkeys(STATUSES, 0)
    out.update({r[0]: r[1] for r in rows})
    return out
