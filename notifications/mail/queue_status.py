"""What the database already records about sending, for `rsp scheduler status`: the
queue, the oldest mail waiting, the last mail sent, the last sweep that queued mail, the
newest audit checkpoint."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from notifications.mail.outbox import TABLE, counts
from process.storage.checkpoint_table import AuditCheckpoint
from process.storage.outbox_table import PENDING, SENDING
from process.storage.table_of import table_of
from process.storage.tables import AuditEvent

_A = table_of(AuditEvent)
_C = table_of(AuditCheckpoint)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat() if isinstance(value, dt.datetime) else str(value)


@dataclass(frozen=True)
class QueueFacts:
    """The outbox queue and the trail's newest checkpoint; times as ISO text in UTC."""

    queue: int
    failed: int
    sent: int
    oldest_waiting: str | None
    last_sent: str | None
    last_queued: str | None
    checkpoint: str | None
    checkpoint_reason: str | None


def queue_status(session: Session) -> QueueFacts:
    """The outbox and trail facts, times as ISO text in UTC (None when there is none)."""
    conn = session.connection()
    waiting = TABLE.c.status.in_((PENDING, SENDING))
    oldest = conn.execute(
        sa.select(sa.func.min(TABLE.c.created_at), sa.func.min(TABLE.c.recorded_at)).where(waiting)
    ).first()
    last_sent = conn.execute(sa.select(sa.func.max(TABLE.c.sent_at))).scalar()
    last_queued = conn.execute(
        sa.select(sa.func.max(_A.c.recorded_at)).where(_A.c.action == "reminders.queued")
    ).scalar()
    checkpoint = conn.execute(
        sa.select(_C.c.made_at, _C.c.reason).order_by(_C.c.id.desc()).limit(1)
    ).first()
    by_status = counts(session)
    return QueueFacts(
        queue=by_status[PENDING] + by_status[SENDING],
        failed=by_status["failed"],
        sent=by_status["sent"],
        oldest_waiting=_iso(oldest[1] or oldest[0]) if oldest else None,
        last_sent=_iso(last_sent),
        last_queued=_iso(last_queued),
        checkpoint=_iso(checkpoint[0]) if checkpoint else None,
        checkpoint_reason=checkpoint[1] if checkpoint else None,
    )
