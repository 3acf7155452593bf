"""The signed checkpoints of the audit trail (apart from `tables`: made and read only when
the trail is keyed or checked)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from process.storage.tables import utc_column


class AuditCheckpoint(SQLModel, table=True):
    """A signed statement of every chain's length and head at a moment: published (the
    weekly digest, the registrar's mail) so that removing rows before it is detected."""

    __tablename__ = "audit_checkpoint"
    id: int | None = Field(default=None, primary_key=True)
    made_at: dt.datetime = utc_column()  # the real time
    reason: str  # decision | daily | manual
    body: str  # the signed JSON statement
    signature: str  # Ed25519 signature of `body` (hex)
    public_key: str  # the key that signed it (hex)
