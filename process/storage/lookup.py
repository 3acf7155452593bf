"""Finding a programme and its drafting process in the database: by key, or the only one,
with messages that say what exists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import sqlalchemy as sa
from sqlmodel import Session, select

from process.core.errors import InvalidInput, NotFound
from process.storage.tables import ProcessInstance, Programme


def find_programme(session: Session, key: str | None) -> Programme:
    """The programme named by key, or the only one in the database."""
    if key:
        prog = session.exec(select(Programme).where(Programme.key == key)).first()
        if prog is None:
            keys = session.exec(select(Programme.key)).all()
            raise NotFound(
                f"no programme {key!r} here" + (f"; known: {', '.join(keys)}" if keys else "")
            )
        return prog
    progs = session.exec(select(Programme).limit(3)).all()
    if not progs:
        raise NotFound(
            "this database has no programme yet: run 'rsp init --example "
            "jamtland-harjedalen' or 'rsp init --definition FILE --key KEY ...'"
        )
    if len(progs) > 1:
        keys = session.exec(select(Programme.key)).all()
        raise InvalidInput(
            "several programmes here; choose one with --programme KEY: " + ", ".join(keys)
        )
    return progs[0]


_ID_BY_KEY = sa.select(Programme.__table__.c.id).where(  # type: ignore[attr-defined]
    Programme.__table__.c.key == sa.bindparam("key")  # type: ignore[attr-defined]
)  # type: ignore[attr-defined]


def programme_id(session: Session, key: str | None) -> int:
    """The id of the programme named by key (or of the only one); errors as find_programme."""
    if key:
        found = session.connection().execute(_ID_BY_KEY, {"key": key}).scalar()
        if found is not None:
            return int(found)
    prog = find_programme(session, key)
    return id_of(prog)


def instance_of(session: Session, programme: Programme | ProgrammeRef) -> ProcessInstance:
    """The drafting process of a programme."""
    inst = session.exec(
        select(ProcessInstance).where(ProcessInstance.programme_id == programme.id)
    ).first()
    if inst is None:
        raise NotFound(f"programme {programme.key!r} has no process")
    return inst


@dataclass(frozen=True)
class ProgrammeRef:
    """A programme's fields as plain values: cheap to make (a table row object is not),
    for the hot path of a transition."""

    id: int
    key: str
    name: str
    region: str
    board_name: str
    reminder_rules_id: int | None = None
    measure_definition_id: int | None = None


class _Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def id_of(row: _Stored) -> int:
    """The id of a row that is stored (flushed): a typed stand-in for `assert row.id`."""
    if row.id is None:
        raise AssertionError(f"{type(row).__name__} has no id: not flushed yet")
    return row.id
