"""The installation: what the whole database is. Made for replay (`rsp init --replay`:
the demo, tests, simulations, where `--now` may write) or for real use; sealed with an
audit key or not; and who administers it (may create programmes and seal the trail)."""

from __future__ import annotations

import datetime as dt
import json
import weakref
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from process.core.errors import InvalidInput, PermissionDenied
from process.storage import core_tables
from process.storage.database import Database

_TABLE = core_tables.installation


@dataclass(frozen=True)
class Facts:
    """What every write needs to know about the database."""

    replay: bool
    key_id: str | None
    cli_writers: tuple[str, ...] = ()  # empty: anyone may write from the command line


_cache: dict[str, Facts] = {}


_urls: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def _key(session: Session) -> str:
    """The database a session works on, by its URL (a read and a write session have
    different engine objects on one database); the URL's text is made once per engine."""
    return _url_of(session.get_bind())


def _url_of(bind: Any) -> str:
    found = _urls.get(bind)
    if found is None:
        found = _urls[bind] = bind.engine.url.render_as_string(hide_password=False)
    return found


def facts(session: Session) -> Facts:
    """The installation's facts (read once per database and process: they change only
    when it is sealed or its command-line writers are set, which forget them)."""
    key = _key(session)
    found = _cache.get(key)
    if found is None:
        row = (
            session.connection()
            .execute(sa.select(_TABLE.c.replay, _TABLE.c.key_id, _TABLE.c.cli_writers))
            .first()
        )
        found = (
            Facts(bool(row[0]), row[1], tuple(json.loads(row[2] or "[]")))
            if row
            else Facts(False, None)
        )
        _cache[key] = found
    return found


def forget(session: Session | None = None) -> None:
    """Read the facts again (after the installation was created or sealed)."""
    if session is None:
        _cache.clear()
    else:
        _cache.pop(_key(session), None)


def ensure(session: Session, recorded_at: dt.datetime, replay: bool) -> bool:
    """Create the installation's row if the database has none; whether it was created.
    Asking for replay on a database made for real use is refused (a programme added to a
    replay database is part of the replay)."""
    row = session.connection().execute(sa.select(_TABLE.c.replay)).first()
    if row is None:
        session.connection().execute(
            sa.insert(_TABLE),
            {"id": 1, "created_at": recorded_at, "replay": replay, "cli_writers": "[]"},
        )
        forget(session)
        return True
    if replay and not row[0]:
        raise InvalidInput(
            "this database is for real use: a replay (--replay, --now) needs a database of its own"
        )
    return False


def administers(session: Session, login: str) -> bool:
    """Whether the person with this login administers the installation."""
    person = core_tables.person
    row = (
        session.connection()
        .execute(
            sa.select(person.c.administers_installation).where(person.c.login == str(login).lower())
        )
        .first()
    )
    return bool(row and row[0])


def require_admin(db: Database, login: str, what: str) -> None:
    """PermissionDenied unless `login` administers the installation."""
    with db.read() as session:
        if not administers(session, login):
            raise PermissionDenied(
                f"{login} does not administer this installation, so cannot "
                f"{what} (the installation's administrators can; the first "
                "is whoever created its first programme)"
            )


def known_facts(bind: Any) -> Facts | None:
    """The facts of the database of engine `bind` if this process has read them (`facts`)."""
    return _cache.get(_url_of(bind))


def refuse_cli_writer(session: Session, actor: str) -> None:
    """PermissionDenied when the installation names who may write from the command line
    and `actor` came from it as another OS user: on a server, a person is who they signed
    in as in the browser."""
    refuse_writer(facts(session), actor)


def refuse_writer(known: Facts, actor: str) -> None:
    """`refuse_cli_writer` with the installation's facts at hand."""
    from process.access.caller import CLI, channel_of, os_user_of

    allowed = known.cli_writers
    if not allowed or channel_of(actor) != CLI or os_user_of(actor) in allowed:
        return
    raise PermissionDenied(
        f"on this installation only {', '.join(allowed)} may change "
        f"anything from the command line, not the OS user "
        f"{os_user_of(actor)}: sign in to the browser interface (rsp serve) "
        "instead"
    )
