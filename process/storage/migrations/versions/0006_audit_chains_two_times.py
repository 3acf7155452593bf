"""audit trail per programme, keyed; two times in every row; the installation

Every audit row now records the real time it was written (`recorded_at`) beside its
effective time (`at`), the channel it came by and the OS user of the command line; rows
are chained per programme (`chain`, `seq`) so that writers on different programmes never
wait for each other, and carry an HMAC (`mac`) with the installation's key. Rows written
before stay as they are, in the one global chain -1, which every new chain continues.
Role grants and outbox rows get their real time too; the installation says whether the
database was made for replay and which audit key seals it; checkpoints are kept.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import process.storage.tables

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

UTC = process.storage.tables.UTCDateTime


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recorded_at", UTC(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("channel", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("os_user", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("chain", sa.Integer(), nullable=False, server_default="-1"))
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("mac", sa.String(), nullable=True))
    op.execute("UPDATE audit_event SET seq = id")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_audit_chain_seq", ["chain", "seq"])
        batch_op.create_index(
            "ix_audit_subject_trigger", ["subject", "trigger", "outcome"], unique=False
        )
    if bind.dialect.name == "postgresql":  # ids from a sequence: chains no longer share a lock
        op.execute("CREATE SEQUENCE IF NOT EXISTS audit_event_id_seq OWNED BY audit_event.id")
        op.execute(
            "SELECT setval('audit_event_id_seq', "
            "COALESCE((SELECT max(id) FROM audit_event), 0) + 1, false)"
        )
        op.execute(
            "ALTER TABLE audit_event ALTER COLUMN id SET DEFAULT nextval('audit_event_id_seq')"
        )
    # plain ADD COLUMNs: a batch would copy `person` and `role_grant`, which others refer to
    op.add_column("role_grant", sa.Column("recorded_at", UTC(timezone=True), nullable=True))
    op.add_column(
        "person",
        sa.Column(
            "administers_installation", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
    )
    # whoever administers a programme so far administers the installation
    op.execute(
        "UPDATE person SET administers_installation = "
        "(id IN (SELECT person_id FROM role_grant WHERE role = 'admin'))"
    )
    op.add_column("outbox_message", sa.Column("recorded_at", UTC(timezone=True), nullable=True))
    op.create_table(
        "installation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("replay", sa.Boolean(), nullable=False),
        sa.Column("key_id", sa.String(), nullable=True),
        sa.Column("public_key", sa.String(), nullable=True),
        sa.Column("keyed_at", UTC(timezone=True), nullable=True),
        sa.Column("cli_writers", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "audit_checkpoint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_at", UTC(timezone=True), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("signature", sa.String(), nullable=False),
        sa.Column("public_key", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("audit_checkpoint")
    op.drop_table("installation")
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_column("recorded_at")
    with op.batch_alter_table("role_grant", schema=None) as batch_op:
        batch_op.drop_column("recorded_at")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("administers_installation")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_subject_trigger")
        batch_op.drop_constraint("uq_audit_chain_seq", type_="unique")
        for column in ("mac", "seq", "chain", "os_user", "channel", "recorded_at"):
            batch_op.drop_column(column)
