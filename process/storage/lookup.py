"""Finding a programme and its drafting process in the database: by key, or the only one,
with messages that say what exists.

`find_programme` and `instance_of` give the ORM rows (for code that changes them);
`programme_ref` and `instance_row` the same rows as plain values, read through the Core
tables (`core_tables`), for the paths that only read (`rsp status`, `rsp history`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session, select

from process.core.errors import InvalidInput, NotFound
from process.storage import core_tables

if TYPE_CHECKING:
    from process.storage.tables import ProcessInstance, Programme

_PROG = core_tables.programme
_KEYS = sa.select(_PROG.c.key)


def _not_found(session: Session, key: str) -> NotFound:
    keys = session.connection().execute(_KEYS).scalars().all()
    return NotFound(f"no programme {key!r} here" + (f"; known: {', '.join(keys)}" if keys else ""))


def _check_only(session: Session, found: int) -> None:
    """Refuse unless the database holds exactly one programme (`found`: up to 3 read)."""
    if not found:
        raise NotFound(
            "this database has no programme yet: run 'rsp init --example "
            "jamtland-harjedalen' or 'rsp init --definition FILE --key KEY ...'"
        )
    if found > 1:
        keys = session.connection().execute(_KEYS).scalars().all()
        raise InvalidInput(
            "several programmes here; choose one with --programme KEY: " + ", ".join(keys)
        )


def find_programme(session: Session, key: str | None) -> Programme:
    """The programme named by key, or the only one in the database."""
    from process.storage.tables import Programme  # the class: off the paths that only read

    if key:
        prog = session.exec(select(Programme).where(Programme.key == key)).first()
        if prog is None:
            raise _not_found(session, key)
        return prog
    progs = session.exec(select(Programme).limit(3)).all()
    _check_only(session, len(progs))
    return progs[0]


_ID_BY_KEY = sa.select(_PROG.c.id).where(_PROG.c.key == sa.bindparam("key"))


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
    from process.storage.tables import ProcessInstance

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


_REF_COLUMNS = (
    _PROG.c.id,
    _PROG.c.key,
    _PROG.c.name,
    _PROG.c.region,
    _PROG.c.board_name,
    _PROG.c.reminder_rules_id,
    _PROG.c.measure_definition_id,
)
_REF_BY_KEY = sa.select(*_REF_COLUMNS).where(_PROG.c.key == sa.bindparam("key"))
_REF_ANY = sa.select(*_REF_COLUMNS).limit(3)


def programme_ref(session: Session, key: str | None) -> ProgrammeRef:
    """The programme as `find_programme` finds it (the same errors), as plain values."""
    conn = session.connection()
    if key:
        row = conn.execute(_REF_BY_KEY, {"key": key}).first()
        if row is None:
            raise _not_found(session, key)
        return ProgrammeRef(*row)
    rows = conn.execute(_REF_ANY).all()
    _check_only(session, len(rows))
    return ProgrammeRef(*rows[0])


_INSTANCE = sa.select(core_tables.process_instance).where(
    core_tables.process_instance.c.programme_id == sa.bindparam("pid")
)


def instance_row(session: Session, programme: ProgrammeRef) -> sa.Row[Any]:
    """The drafting process of a programme as `instance_of` finds it, as a row of plain
    values (id, state, state_since, version, definition_id, definition_hash …)."""
    row = session.connection().execute(_INSTANCE, {"pid": programme.id}).first()
    if row is None:
        raise NotFound(f"programme {programme.key!r} has no process")
    return row


_BOTH: dict[bool, sa.Select] = {}


def _both_statement(by_key: bool) -> sa.Select:
    """The programme (its columns labelled `programme_…`) and its process, joined."""
    stmt = _BOTH.get(by_key)
    if stmt is None:
        proc = core_tables.process_instance
        stmt = sa.select(
            *(c.label(f"programme_{c.name}") for c in _REF_COLUMNS), *proc.c
        ).select_from(_PROG.join(proc, proc.c.programme_id == _PROG.c.id))
        if by_key:
            stmt = stmt.where(_PROG.c.key == sa.bindparam("key"))
        else:  # the only programme: two are enough to tell that there are several
            stmt = stmt.where(_PROG.c.id.in_(sa.select(_PROG.c.id).limit(2).scalar_subquery()))
        _BOTH[by_key] = stmt
    return stmt


def programme_and_instance(session: Session, key: str | None) -> tuple[ProgrammeRef, sa.Row[Any]]:
    """`programme_ref` and `instance_row` in one query (the same errors, read apart only
    when the programme or its process is missing, or there are several)."""
    rows = (
        session.connection().execute(_both_statement(bool(key)), {"key": key} if key else {}).all()
    )
    if len(rows) != 1:
        prog = programme_ref(session, key)
        return prog, instance_row(session, prog)
    row = rows[0]
    return ProgrammeRef(*row[: len(_REF_COLUMNS)]), row
