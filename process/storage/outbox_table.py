"""The outbox table: each reminder to each recipient exists once, with its mail rendered.

The unique key (subject, rule, due_on, recipient) makes a second sweep, a concurrent one
or one after a crash insert nothing new. The Message-ID is fixed when the row is made,
so a retry or a resend after a crash carries the same one. Imported at the end of
`process/models.py`, so that Alembic sees the table.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from process.storage.tables import utc_column

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
STATUSES = (PENDING, SENDING, SENT, FAILED)


class OutboxMessage(SQLModel, table=True):
    """One mail to one recipient; its status says where it stands."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        sa.UniqueConstraint(
            "subject", "rule", "due_on", "recipient", name="uq_outbox_message_reminder"
        ),
        sa.Index("ix_outbox_message_ready", "status", "next_attempt_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    recipient: str  # the envelope address, lower case
    subject: str  # what the reminder is about, e.g. measure:17, process:1:adopted
    rule: str  # e.g. measure.before_7
    due_on: dt.date  # the nominal date of the reminder
    deadline: dt.date  # the deadline that counts (after any working-day move)
    kind: str
    programme_id: int | None = Field(default=None, foreign_key="programme.id", index=True)
    message_id: str = Field(unique=True)
    lang: str
    mail_subject: str
    body_text: str
    body_html: str
    to_json: str  # JSON list of [name, address] for the To header
    cc_json: str  # JSON list of [name, address] for the Cc header
    status: str = PENDING  # pending | sending | sent | failed
    attempts: int = 0
    next_attempt_at: dt.datetime = utc_column()
    claim_token: str | None = None
    claimed_until: dt.datetime | None = utc_column(nullable=True)
    last_error: str | None = None
    sent_at: dt.datetime | None = utc_column(nullable=True)
    created_at: dt.datetime = utc_column()  # effective
    recorded_at: dt.datetime | None = utc_column(nullable=True)  # real
