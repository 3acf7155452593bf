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

revision = '0011'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    with op.batch_alter_table('measure_followup', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('measure_followup', schema=None) as batch_op:
        batch_op.drop_column('reason')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('active')
