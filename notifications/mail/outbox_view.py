"""The outbox as the administrator's page shows it: one programme's mails, failed ones
first, then those waiting, then those sent, newest first within each; and the counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

import sqlalchemy as sa
from sqlmodel import Session

from notifications.mail.outbox import TABLE
from process.storage.outbox_table import FAILED, PENDING, SENDING, SENT, STATUSES

ORDER = (FAILED, PENDING, SENDING, SENT)


@dataclass(frozen=True)
class OutboxEntry:
    """A mail as the outbox page lists it: to whom, about what, where it stands, when."""

    id: int
    recipient: str
    mail_subject: str
    status: str
    attempts: int
    last_error: str | None
    created_at: dt.datetime
    next_attempt_at: dt.datetime
    sent_at: dt.datetime | None
    rule: str
    due_on: dt.date


COLUMNS = tuple(f.name for f in fields(OutboxEntry))


def listing(session: Session, programme_id: int, limit: int = 200) -> list[OutboxEntry]:
    """A programme's mails (without their bodies), failed first, at most `limit`."""
    rank = sa.case({s: i for i, s in enumerate(ORDER)}, value=TABLE.c.status, else_=len(ORDER))
    query = (
        sa.select(*(TABLE.c[c] for c in COLUMNS))
        .where(TABLE.c.programme_id == programme_id)
        .order_by(rank, TABLE.c.id.desc())
        .limit(limit)
    )
    return [OutboxEntry(**r) for r in session.connection().execute(query).mappings()]


def counts(session: Session, programme_id: int) -> dict[str, int]:
    """How many of the programme's mails are in each status."""
    rows = session.connection().execute(
        sa.select(TABLE.c.status, sa.func.count())
        .where(TABLE.c.programme_id == programme_id)
        .group_by(TABLE.c.status)
    )
    out = dict.fromkeys(STATUSES, 0)
    out.update({r[0]: r[1] for r in rows})
    return out


def programme_of(session: Session, message_id: int) -> int | None:
    """The programme a mail belongs to (None: no such mail, or the installation's)."""
    return (
        session.connection()
        .execute(sa.select(TABLE.c.programme_id).where(TABLE.c.id == message_id))
        .scalar()
    )
