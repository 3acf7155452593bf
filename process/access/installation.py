"""The installation: what the whole database is. Made for replay (`rsp init --replay`:
the demo, tests, simulations, where `--now` may write) or for real use; sealed with an
audit key or not; and who administers it (may create programmes and seal the trail)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import sqlalchemy as sa
from sqlmodel import Session

from process.core.errors import InvalidInput
from process.storage.tables import Installation

_TABLE = Installation.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Facts:
    """What every write needs to know about the database."""

    replay: bool
    key_id: str | None


_cache: WeakKeyDictionary[Any, Facts] = WeakKeyDictionary()


def facts(session: Session) -> Facts:
    """The installation's facts (read once per engine: they change only when sealed)."""
    engine = session.get_bind()
    found = _cache.get(engine)
    if found is None:
        row = session.connection().execute(sa.select(_TABLE.c.replay, _TABLE.c.key_id)).first()
        found = Facts(bool(row[0]), row[1]) if row else Facts(False, None)
        _cache[engine] = found
    return found


def forget(session: Session | None = None) -> None:
    """Read the facts again (after the installation was created or sealed)."""
    if session is None:
        _cache.clear()
    else:
        _cache.pop(session.get_bind(), None)


def ensure(session: Session, recorded_at: dt.datetime, replay: bool) -> bool:
    """Create the installation's row if the database has none; whether it was created.
    Asking for replay on a database made for real use (or the reverse) is refused."""
    row = session.connection().execute(sa.select(_TABLE.c.replay)).first()
    if row is None:
        session.connection().execute(sa.insert(_TABLE), {"id": 1, "created_at": recorded_at,
                                                         "replay": replay})
        forget(session)
        return True
    if bool(row[0]) != replay:
        raise InvalidInput("this database was made for replay (rsp init --replay): a real "
                           "programme needs a database of its own" if row[0] else
                           "this database is for real use: a replay (--replay, --now) needs "
                           "a database of its own")
    return False
