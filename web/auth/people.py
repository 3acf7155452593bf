"""Finding the registered person an address or a login names (for signing in); a
deactivated person is nobody here."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from process.storage.table_of import table_of
from process.storage.tables import Person

_P = table_of(Person)


@dataclass(frozen=True)
class Known:
    """A registered person, as signing in needs them."""

    id: int
    login: str
    name: str
    email: str | None


def by_email(session: Session, address: str) -> Known | None:
    """The one person with this address (any case), or None (none, or several share it)."""
    rows = (
        session.connection()
        .execute(
            sa.select(_P.c.id, _P.c.login, _P.c.name, _P.c.email)
            .where(sa.func.lower(_P.c.email) == address.strip().lower(), _P.c.active)
            .limit(2)
        )
        .all()
    )
    return Known(*rows[0]) if len(rows) == 1 else None


def by_login(session: Session, login: str) -> Known | None:
    """The person with this login (whatever its case: rsp keeps logins in lower case),
    or None."""
    row = (
        session.connection()
        .execute(
            sa.select(_P.c.id, _P.c.login, _P.c.name, _P.c.email).where(
                _P.c.login == login.strip().lower(), _P.c.active
            )
        )
        .first()
    )
    return Known(*row) if row else None


def by_id(session: Session, person_id: int) -> Known | None:
    """The person with this id, or None."""
    row = (
        session.connection()
        .execute(
            sa.select(_P.c.id, _P.c.login, _P.c.name, _P.c.email).where(
                _P.c.id == person_id, _P.c.active
            )
        )
        .first()
    )
    return Known(*row) if row else None


def masked(address: str) -> str:
    """An address for the audit trail of a failed sign-in: 'k…@region.example'."""
    local, _at, domain = address.strip().partition("@")
    return f"{local[:1]}…@{domain}" if domain else "…"
