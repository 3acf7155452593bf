"""Changing the installation: its administrators and who may write from the command
line (installation administrators only; each change audited)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from process.access import audit
from process.access.installation import _TABLE, administers, ensure, forget
from process.core.errors import InvalidInput, NotFound, PermissionDenied
from process.storage import core_tables
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.tables import Person


def set_cli_writers(db: Database, clock: Any, actor: str, users: list[str]) -> None:
    """Name the OS users who may write from the command line (empty: everyone)."""
    with db.write() as session:
        if not administers(session, actor):
            raise PermissionDenied(f"{actor} does not administer this installation")
        if session.connection().execute(sa.select(_TABLE.c.id)).first() is None:
            ensure(session, clock.recorded(), False)
        session.connection().execute(
            sa.update(_TABLE).values(cli_writers=json.dumps(sorted(set(users))))
        )
        forget(session)
        audit.append(
            session,
            at=clock.now(),
            recorded_at=clock.recorded(),
            actor=actor,
            action="installation.cli_writers",
            role="admin",
            detail={"cli_writers": sorted(set(users))},
        )
    forget()


def set_administrator(db: Database, clock: Any, actor: str, login: str, grant: bool) -> None:
    """Make a registered person an administrator of the installation, or no longer one
    (installation administrators only; the last one stays)."""
    person = table_of(Person)
    with db.write() as session:
        if not administers(session, actor):
            raise PermissionDenied(f"{actor} does not administer this installation")
        conn = session.connection()
        found = conn.execute(
            sa.select(person.c.id, person.c.administers_installation).where(
                person.c.login == login.lower()
            )
        ).first()
        if found is None:
            raise NotFound(f"no person with login {login!r} (see 'rsp people list')")
        if not grant and len(overview(session).administrators) <= 1 and found[1]:
            raise InvalidInput("cannot remove the installation's last administrator")
        conn.execute(
            sa.update(person).where(person.c.id == found[0]).values(administers_installation=grant)
        )
        audit.append(
            session,
            at=clock.now(),
            recorded_at=clock.recorded(),
            actor=actor,
            action="installation.admin_granted" if grant else "installation.admin_removed",
            role="admin",
            subject=f"person:{found[0]}",
            detail={"login": login},
        )


@dataclass(frozen=True)
class Overview:
    """The installation as `rsp installation show` prints it (here, not in `installation`:
    only that command needs it)."""

    replay: bool
    key_id: str | None
    public_key: str | None
    cli_writers: tuple[str, ...]
    administrators: tuple[str, ...]


def overview(session: Session) -> Overview:
    """What the installation is and who administers it."""
    row = (
        session.connection()
        .execute(
            sa.select(_TABLE.c.replay, _TABLE.c.key_id, _TABLE.c.public_key, _TABLE.c.cli_writers)
        )
        .first()
    )
    person = core_tables.person
    admins = tuple(
        session.connection()
        .execute(
            sa.select(person.c.login)
            .where(person.c.administers_installation.is_(True))
            .order_by(person.c.login)
        )
        .scalars()
    )
    if row is None:
        return Overview(False, None, None, (), admins)
    return Overview(bool(row[0]), row[1], row[2], tuple(json.loads(row[3] or "[]")), admins)
