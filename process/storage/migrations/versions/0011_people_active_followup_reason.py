"""a person can be deactivated (never deleted: the trail keeps them); a follow-up's reason

`person.active` (true for everyone registered so far): a deactivated person cannot sign
in nor act, keeps their name in the trail, and can be activated again.
`measure_followup.reason`: why a measure that is not done is still recorded as achieved
(the follow-up refuses that without a reason).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (not a batch copy of the table: on SQLite that would lose the
    # expression index on lower(login))
    op.add_column(
        "person", sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
    )
    op.add_column("measure_followup", sa.Column("reason", sa.String(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+ too): no copy of the tables, which would
    # lose the lower(login) index and trip the foreign keys to person
    op.execute("ALTER TABLE measure_followup DROP COLUMN reason")
    op.execute("ALTER TABLE person DROP COLUMN active")
