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


def claim(
    db: Database,
    now: dt.datetime,
    limit: int,
    lease: dt.timedelta,
    only: Sequence[int] | None = None,
) -> tuple[str, list[dict[str, Any]]]:
    """Take up to `limit` rows that are due (or whose claim lapsed), of the ids `only` when
    given; returns token and rows."""
    token = uuid.uuid4().hex
    ready = sa.or_(
        sa.and_(TABLE.c.status == PENDING, TABLE.c.next_attempt_at <= now),
        sa.and_(TABLE.c.status == SENDING, TABLE.c.claimed_until < now),
    )
    if only is not None:
        ready = sa.and_(ready, TABLE.c.id.in_(list(only)))
    pick = (
        sa.select(TABLE.c.id)
        .where(ready)
        .order_by(TABLE.c.next_attempt_at, TABLE.c.id)
        .limit(limit)
    )
    mark = dict(status=SENDING, claim_token=token, claimed_until=now + lease)
    with db.write() as session:
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            ids = [r[0] for r in conn.execute(pick.with_for_update(skip_locked=True))]
            if not ids:
                return token, []
            conn.execute(sa.update(TABLE).where(TABLE.c.id.in_(ids)).values(**mark))
        else:  # SQLite: one statement under BEGIN IMMEDIATE
            conn.execute(
                sa.update(TABLE).where(TABLE.c.id.in_(pick.scalar_subquery())).values(**mark)
            )
        rows = (
            conn.execute(
                sa.select(TABLE)
                .where(TABLE.c.claim_token == token)
                .order_by(TABLE.c.next_attempt_at, TABLE.c.id)
            )
            .mappings()
            .all()
        )
    return token, [dict(r) for r in rows]


def _record(
    db: Database,
    clock: Clock,
    row: Mapping[str, Any],
    token: str,
    error: Exception | None,
    policy: RetryPolicy,
    report: SendReport,
    transport: str,
    actor: str = SYSTEM_ACTOR,
) -> None:
    """The row's new status and its audit row (sent, retry or failed, naming the
    transport), in one transaction."""
    now = clock.now()
    attempts = row["attempts"] + 1
    values: dict[str, Any] = {"attempts": attempts, "claim_token": None, "claimed_until": None}
    reason = None
    if error is None:
        values.update(status=SENT, sent_at=now, last_error=None)
    elif isinstance(error, TemporaryFailure) and attempts < policy.max_attempts:
        reason = str(error)
        values.update(
            status=PENDING, last_error=reason, next_attempt_at=now + policy.delay(attempts)
        )
    else:
        reason = str(error)
        if isinstance(error, TemporaryFailure):
            reason = f"gave up after {attempts} attempts: {reason}"
        values.update(status=FAILED, last_error=reason)
    with db.write() as session:
        conn = session.connection()
        done = conn.execute(
            sa.update(TABLE)
            .where(TABLE.c.id == row["id"], TABLE.c.claim_token == token)
            .values(**values)
        )
        if done.rowcount != 1:
            report.lost_claims += 1
            report.problems.append(
                f"outbox {row['id']}: claim lapsed and was taken over; "
                "this send is not recorded here"
            )
            return
        action = {SENT: "mail.sent", PENDING: "mail.retry", FAILED: "mail.failed"}[values["status"]]
        detail = {
            "outbox_id": row["id"],
            "recipient": row["recipient"],
            "rule": row["rule"],
            "due_on": str(row["due_on"]),
            "message_id": row["message_id"],
            "attempts": attempts,
            "transport": transport,
        }
        if reason is not None:
            detail["reason"] = reason
        audit.append(
            session,
            at=now,
            recorded_at=clock.recorded(),
            actor=actor,
            action=action,
            outcome="refused" if values["status"] == FAILED else "applied",
            programme_id=row["programme_id"],
            subject=row["subject"],
            detail=detail,
        )
    if values["status"] == FAILED:
        report.failed += 1
        report.problems.append(f"outbox {row['id']} to {row['recipient']}: {reason}")
    elif values["status"] == SENT:
        report.sent += 1
        report.sent_ids.append((row["programme_id"], row["id"]))
    else:
        report.retry += 1


def release(
    db: Database, token: str, ids: Sequence[int], when: dt.datetime, reason: str | None
) -> None:
    """Hand claimed rows back unsent (no attempt counted), due again at `when`."""
    if not ids:
        return
    with db.write() as session:
        session.connection().execute(
            sa.update(TABLE)
            .where(TABLE.c.id.in_(list(ids)), TABLE.c.claim_token == token)
            .values(
                status=PENDING,
                claim_token=None,
                claimed_until=None,
                next_attempt_at=when,
                last_error=reason,
            )
        )


def send_pending(
    db: Database,
    clock: Clock,
    transport: Transport,
    mail_from: str,
    *,
    policy: RetryPolicy | None = None,
    max_batches: int = 50,
    stop: threading.Event | None = None,
    actor: str = SYSTEM_ACTOR,
    only: Sequence[int] | None = None,
) -> SendReport:
    """Send what is due now, batch by batch; raises TransportConfigError if nothing can go.
    `only`: just these outbox rows, if due (a sign-in link, sent at once)."""
    policy = policy or RetryPolicy()
    sender = parse_mail_from(mail_from)
    envelope_from = parseaddr(str(sender))[1]
    name = transport.description
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
                    transport.send(
                        build_email(row, sender, clock.now()), envelope_from, row["recipient"]
                    )
                except TransportConfigError as exc:
                    release(
                        db, token, [r["id"] for r in rows[i:]], clock.now() + policy.base, str(exc)
                    )
                    raise
                except (TemporaryFailure, PermanentFailure) as exc:
                    error = exc
                except InvalidInput as exc:  # a header that must not be sent
                    error = PermanentFailure(str(exc))
                _record(db, clock, row, token, error, policy, report, name, actor)
                if isinstance(error, Unreachable):
                    for rest in rows[i + 1 :]:
                        _record(db, clock, rest, token, error, policy, report, name, actor)
                    return report
            if len(rows) < policy.batch:
                break
    finally:
        transport.close()
    return report
