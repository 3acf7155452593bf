"""decisions keep their diary number as written and in a normalised form

A diary number may be written 'RS 2021/536', 'RS 2021-00536' or 'RS/2021/536': the
normalised form ('RS 2021/536', see process.core.diary_numbers) makes them one. This
adds `diary_normalised` to the board's and the delegated decisions and fills it for the
decisions already recorded (from the common forms; a form no rule knows is kept in
capitals, as written).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from process.core.diary_numbers import normalise

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("decision", "delegated_decision")


def upgrade() -> None:
    bind = op.get_bind()
    for name in TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("diary_normalised", sa.String(), nullable=True))
        table = sa.table(
            name,
            sa.column("id", sa.Integer()),
            sa.column("diary_number"),
            sa.column("diary_normalised"),
        )
        rows = bind.execute(sa.select(table.c.id, table.c.diary_number)).all()
        for row_id, written in rows:
            bind.execute(
                sa.update(table)
                .where(table.c.id == row_id)
                .values(diary_normalised=normalise(written))
            )


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("diary_normalised")
