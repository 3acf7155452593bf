"""index measures by plan and state: a programme's open measures without scanning the others'

Found by the 21-region scale benchmark: the digest's due list and its bodies read every
programme's open measures (a sequential scan of `measure`) to keep one programme's.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 14:05:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.create_index("ix_measure_plan_state", ["plan_id", "state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_index("ix_measure_plan_state")
