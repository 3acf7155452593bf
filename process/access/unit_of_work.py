"""Who may manage bodies and plans, and the one way plan services write: in a transaction,
with a refused attempt audited on its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlmodel import Session

from process.access import people
from process.core.clock import Clock
from process.core.errors import InvalidInput, RspError
from process.storage import lookup
from process.storage.database import Database
from process.storage.tables import Programme

T = TypeVar("T")
WORKING_GROUP = "working_group"
MANAGERS = (people.ADMIN, WORKING_GROUP)
MAX_TEXT = 4000


def require_manager(session: Session, actor: str, prog: Programme, what: str) -> str:
    """The role (admin or working_group) the actor manages bodies and plans as."""
    assert prog.id is not None
    return people.require_role(people.actor_for(session, actor, prog.id), actor, MANAGERS, what)


def check_text(value: str | None, what: str, required: bool = True) -> str | None:
    """A comment or note: non-empty when required, at most 4000 characters."""
    if value is None or not value.strip():
        if required:
            raise InvalidInput(f"{what} must not be empty")
        return None
    if len(value) > MAX_TEXT:
        raise InvalidInput(f"{what} is longer than {MAX_TEXT} characters")
    return value.strip()


def write(db: Database, clock: Clock, actor: str, programme_key: str | None, action: str,
          work: Callable[[Session, Programme], T], **audit_columns: Any) -> T:
    """Run `work` in one write transaction; a refusal is audited as `action`, then raised."""
    return _run(db, db.write, clock, actor, programme_key, action, work, audit_columns)


def read(db: Database, clock: Clock, actor: str, programme_key: str | None, action: str,
         work: Callable[[Session, Programme], T], **audit_columns: Any) -> T:
    """Run `work` (checks before a write) in a read session; a refusal is audited."""
    return _run(db, db.read, clock, actor, programme_key, action, work, audit_columns)


def _run(db: Database, session_of: Callable[[], Any], clock: Clock, actor: str,
         programme_key: str | None, action: str, work: Callable[[Session, Programme], T],
         audit_columns: dict[str, Any]) -> T:
    programme_id = None
    try:
        with session_of() as session:
            prog = lookup.find_programme(session, programme_key)
            programme_id = prog.id
            return work(session, prog)
    except RspError as error:
        if programme_id is not None:
            people.audit_refusal(db, clock, actor, programme_id, action, error, **audit_columns)
        raise
