"""each programme its own reminder rules (kept once per content hash) and measure workflow

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import process.storage.tables

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("loaded_at", process.storage.tables.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reminder_rules_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("measure_definition_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_programme_reminder_rules", "reminder_rules", ["reminder_rules_id"], ["id"]
        )
        batch_op.create_foreign_key(
            "fk_programme_measure_definition",
            "workflow_definition",
            ["measure_definition_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_constraint("fk_programme_measure_definition", type_="foreignkey")
        batch_op.drop_constraint("fk_programme_reminder_rules", type_="foreignkey")
        batch_op.drop_column("measure_definition_id")
        batch_op.drop_column("reminder_rules_id")
    op.drop_table("reminder_rules")
