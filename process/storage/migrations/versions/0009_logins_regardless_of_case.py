"""logins are unique regardless of case: 'Sekreterare' and 'sekreterare' are one person

rsp now keeps every login in lower case (it lower-cases what people type) and looks
people up by that; this migration lower-cases the logins stored before (of people and of
delegations to a person) and adds a unique index on lower(login), so that two people can
no longer differ only in case. A database that already holds two such people is refused
with their logins: which of them is the real one is for an administrator to decide.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from process.core.errors import SchemaError

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    clashes = bind.execute(
        sa.text(
            "SELECT lower(login), min(login), max(login), count(*) FROM person "
            "GROUP BY lower(login) HAVING count(*) > 1 ORDER BY lower(login)"
        )
    ).all()
    if clashes:
        listed = "; ".join(
            f"{low}: {n} people ({first} … {last})" for low, first, last, n in clashes
        )
        raise SchemaError(
            "logins are now unique regardless of case, but this database holds people "
            f"whose logins differ only in case: {listed}. Keep one of each (rename or "
            "remove the others in the person table, e.g. UPDATE person SET login = "
            "'sekreterare-2' WHERE login = 'Sekreterare'), then run 'rsp db upgrade' again"
        )
    bind.execute(sa.text("UPDATE person SET login = lower(login) WHERE login <> lower(login)"))
    bind.execute(
        sa.text(
            "UPDATE delegation SET to_login = lower(to_login) "
            "WHERE to_login IS NOT NULL AND to_login <> lower(to_login)"
        )
    )
    op.create_index("ix_person_login_lower", "person", [sa.text("lower(login)")], unique=True)


def downgrade() -> None:
    op.drop_index("ix_person_login_lower", table_name="person")
