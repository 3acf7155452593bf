"""The sender: claim outbox rows atomically, send each, record what happened.

Claiming marks rows `sending` with a claim token and a lease (`claimed_until`) in one
transaction: `SELECT ... FOR UPDATE SKIP LOCKED` then UPDATE on PostgreSQL; a single
`UPDATE ... WHERE id IN (SELECT ... LIMIT n)` under SQLite's write lock. Two senders never
hold the same row. A temporary failure (4xx, dropped connection) goes back to `pending`
with exponential backoff; a permanent one (5xx) is `failed` with the server's reason.

The window: if the process dies after the server accepted a message but before the row
says `sent`, the row stays `sending` until its lease ends; then any sender reclaims it
and sends it again, with the same Message-ID. So nothing is lost, and the rare duplicate
can be recognised (and is dropped by many mail systems) by that Message-ID.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Any

import sqlalchemy as sa

from notifications.mail.envelope import build_email, parse_mail_from
from notifications.mail.outbox import TABLE
from notifications.mail.transports import (
    PermanentFailure,
    TemporaryFailure,
    Transport,
    TransportConfigError,
    Unreachable,
)
from process.access import audit
from process.core.clock import Clock
from process.core.errors import InvalidInput
from process.storage.database import Database
from process.storage.outbox_table import FAILED, PENDING, SENDING, SENT

SYSTEM_ACTOR = "rsp-sender"


@dataclass(frozen=True)
class RetryPolicy:
    """Backoff for temporary failures: base * factor^(n-1), capped; then give up."""

    base: dt.timedelta = dt.timedelta(minutes=1)
    factor: float = 2.0
    cap: dt.timedelta = dt.timedelta(hours=4)
    max_attempts: int = 10
    lease: dt.timedelta = dt.timedelta(minutes=15)  # how long a claim holds
    batch: int = 20  # rows per claim; batch * SMTP timeout must stay below the lease

    def delay(self, attempts: int) -> dt.timedelta:
        """How long to wait after the `attempts`-th failed attempt."""
        seconds = self.base.total_seconds() * self.factor ** max(attempts - 1, 0)
        return dt.timedelta(seconds=min(seconds, self.cap.total_seconds()))


@dataclass
class SendReport:
    """What one run of the sender did."""

    sent: int = 0
    retry: int = 0
    failed: int = 0
    lost_claims: int = 0  # rows another sender took over after our lease ended
    problems: list[str] = field(default_factory=list)
    sent_ids: list[tuple[int | None, int]] = field(default_factory=list)


def claim(db: Database, now: dt.datetime, limit: int, lease: dt.timedelta,
          only: Sequence[int] | None = None) -> tuple[str, list[dict[str, Any]]]:
    """Take up to `limit` rows that are due (or whose claim lapsed), of the ids `only` when
    given; returns token and rows."""
    token = uuid.uuid4().hex
    ready = sa.or_(sa.and_(TABLE.c.status == PENDING, TABLE.c.next_attempt_at <= now),
                   sa.and_(TABLE.c.status == SENDING, TABLE.c.claimed_until < now))
    if only is not None:
        ready = sa.and_(ready, TABLE.c.id.in_(list(only)))
    pick = (sa.select(TABLE.c.id).where(ready)
            .order_by(TABLE.c.next_attempt_at, TABLE.c.id).limit(limit))
    mark = dict(status=SENDING, claim_token=token, claimed_until=now + lease)
    with db.write() as session:
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            ids = [r[0] for r in conn.execute(pick.with_for_update(skip_locked=True))]
            if not ids:
                return token, []
            conn.execute(sa.update(TABLE).where(TABLE.c.id.in_(ids)).values(**mark))
        else:  # SQLite: one statement under BEGIN IMMEDIATE
            conn.execute(sa.update(TABLE).where(TABLE.c.id.in_(pick.scalar_subquery()))
                         .values(**mark))
        rows = conn.execute(sa.select(TABLE).where(TABLE.c.claim_token == token)
                            .order_by(TABLE.c.next_attempt_at, TABLE.c.id)).mappings().all()
    return token, [dict(r) for r in rows]


def _record(db: Database, row: Mapping[str, Any], token: str, now: dt.datetime,
            error: Exception | None, policy: RetryPolicy, report: SendReport) -> None:
    attempts = row["attempts"] + 1
    values: dict[str, Any] = {"attempts": attempts, "claim_token": None, "claimed_until": None}
    if error is None:
        values.update(status=SENT, sent_at=now, last_error=None)
    elif isinstance(error, TemporaryFailure) and attempts < policy.max_attempts:
        values.update(status=PENDING, last_error=str(error),
                      next_attempt_at=now + policy.delay(attempts))
    else:
        reason = str(error)
        if isinstance(error, TemporaryFailure):
            reason = f"gave up after {attempts} attempts: {reason}"
        values.update(status=FAILED, last_error=reason)
    with db.write() as session:
        conn = session.connection()
        done = conn.execute(sa.update(TABLE).where(TABLE.c.id == row["id"],
                                                   TABLE.c.claim_token == token).values(**values))
        if done.rowcount != 1:
            report.lost_claims += 1
            report.problems.append(f"outbox {row['id']}: claim lapsed and was taken over; "
                                   "this send is not recorded here")
            return
        if values["status"] == FAILED:
            report.failed += 1
            report.problems.append(f"outbox {row['id']} to {row['recipient']}: {reason}")
            audit.append(session, at=now, actor=SYSTEM_ACTOR, action="mail.failed",
                         outcome="refused", programme_id=row["programme_id"],
                         subject=row["subject"],
                         detail={"outbox_id": row["id"], "recipient": row["recipient"],
                                 "rule": row["rule"], "due_on": str(row["due_on"]),
                                 "message_id": row["message_id"], "attempts": attempts,
                                 "reason": reason})
        elif values["status"] == SENT:
            report.sent += 1
            report.sent_ids.append((row["programme_id"], row["id"]))
        else:
            report.retry += 1


def release(db: Database, token: str, ids: Sequence[int], when: dt.datetime,
            reason: str | None) -> None:
    """Hand claimed rows back unsent (no attempt counted), due again at `when`."""
    if not ids:
        return
    with db.write() as session:
        session.connection().execute(
            sa.update(TABLE).where(TABLE.c.id.in_(list(ids)), TABLE.c.claim_token == token)
            .values(status=PENDING, claim_token=None, claimed_until=None,
                    next_attempt_at=when, last_error=reason))


def _audit_sent(db: Database, now: dt.datetime, sent: list[tuple[int | None, int]]) -> None:
    """One audit row per programme and run: how many mails went, which outbox ids."""
    by_programme: dict[int | None, list[int]] = {}
    for programme_id, row_id in sent:
        by_programme.setdefault(programme_id, []).append(row_id)
    with db.write() as session:
        for programme_id, ids in sorted(by_programme.items(), key=lambda kv: kv[0] or 0):
            audit.append(session, at=now, actor=SYSTEM_ACTOR, action="mail.sent",
                         programme_id=programme_id, subject="outbox",
                         detail={"count": len(ids), "outbox_ids": sorted(ids)[:200]})


def send_pending(db: Database, clock: Clock, transport: Transport, mail_from: str, *,
                 policy: RetryPolicy | None = None, max_batches: int = 50,
                 stop: threading.Event | None = None,
                 only: Sequence[int] | None = None) -> SendReport:
    """Send what is due now, batch by batch; raises TransportConfigError if nothing can go.
    `only`: just these outbox rows, if due (a sign-in link, sent at once)."""
    policy = policy or RetryPolicy()
    sender = parse_mail_from(mail_from)
    envelope_from = parseaddr(str(sender))[1]
    report = SendReport()
    try:
        for _ in range(max_batches):
            token, rows = claim(db, clock.now(), policy.batch, policy.lease, only)
            if not rows:
                break
            for i, row in enumerate(rows):
                if stop is not None and stop.is_set():
                    release(db, token, [r["id"] for r in rows[i:]], clock.now(), None)
                    return report
                error: Exception | None = None
                try:
                    transport.send(build_email(row, sender, clock.now()), envelope_from,
                                   row["recipient"])
                except TransportConfigError as exc:
                    release(db, token, [r["id"] for r in rows[i:]],
                            clock.now() + policy.base, str(exc))
                    raise
                except (TemporaryFailure, PermanentFailure) as exc:
                    error = exc
                except InvalidInput as exc:  # a header that must not be sent
                    error = PermanentFailure(str(exc))
                _record(db, row, token, clock.now(), error, policy, report)
                if isinstance(error, Unreachable):
                    for rest in rows[i + 1:]:
                        _record(db, rest, token, clock.now(), error, policy, report)
                    return report
            if len(rows) < policy.batch:
                break
    finally:
        transport.close()
        if report.sent_ids:
            _audit_sent(db, clock.now(), report.sent_ids)
    return report
