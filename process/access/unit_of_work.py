"""The one audited unit of work: every change to a programme goes through `write`.

`write` opens one transaction, finds the programme, hands the work a `Work` (the session,
the programme, the acting person, the time, and the capability check), and commits what
the work did together with its audit rows. A refused attempt — a missing capability, an
impossible transition, bad input — changes nothing and is audited on its own, in a
transaction of its own, with what the work had said about itself so far (`w.about`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import Session

from process.access import audit, capabilities, people
from process.core.clock import Clock
from process.core.errors import InvalidInput, RspError
from process.storage import lookup
from process.storage.database import Database
from process.storage.lookup import ProgrammeRef

if TYPE_CHECKING:
    from process.storage.tables import Programme

T = TypeVar("T")
MAX_TEXT = 4000


@dataclass
class Work:
    """One unit of work in progress: what it may use, and what a refusal is audited with."""

    session: Session
    clock: Clock
    actor: str
    now: dt.datetime  # the effective time of everything this work records
    recorded: dt.datetime  # the real time it is written
    entered: Programme | ProgrammeRef | None = None
    entered_id: int | None = None  # kept apart: a rolled-back row cannot be read any more
    role: str | None = None
    refusal: dict[str, Any] = field(default_factory=dict)

    @property
    def programme(self) -> Programme | ProgrammeRef:
        """The programme worked on (found by `write`, or set by `enter`)."""
        if self.entered is None or self.entered.id is None:
            raise RuntimeError("no programme entered")  # a programming error, not input
        return self.entered

    @property
    def programme_id(self) -> int:
        """The id of the programme worked on."""
        if self.entered_id is None:
            raise RuntimeError("no programme entered")
        return self.entered_id

    def enter(self, programme: Programme | ProgrammeRef) -> None:
        """Work on this programme (for work that finds its programme itself)."""
        self.entered, self.entered_id = programme, programme.id

    def about(self, **columns: Any) -> None:
        """What a refusal of this work is audited with (subject, trigger, from_state …)."""
        self.refusal.update(columns)

    def require(self, capability: str, what: str, as_role: str | None = None) -> str:
        """The role the actor holds `capability` with here, or PermissionDenied saying what
        is needed; the role is the one this work's audit rows name."""
        roles = capabilities.roles_for(self.session, self.programme_id, capability)
        return self.require_role(roles, what, as_role)

    def require_role(
        self,
        roles: Iterable[str],
        what: str,
        as_role: str | None = None,
        actor: people.Actor | None = None,
    ) -> str:
        """The role the actor acts in among `roles` (e.g. a trigger's), or PermissionDenied;
        `actor` when the caller knows more roles (contextual ones) than the grants."""
        who = (
            actor
            if actor is not None
            else people.actor_for(self.session, self.actor, self.programme_id)
        )
        self.role = people.require_role(who, self.actor, tuple(roles), what, as_role)
        return self.role

    def audit(self, action: str, **columns: Any) -> dict[str, Any]:
        """Append this work's audit row (who, in which role, on which programme, when)."""
        columns.setdefault("role", self.role)
        columns.setdefault("programme_id", self.entered_id)
        return audit.append(
            self.session,
            at=self.now,
            recorded_at=self.recorded,
            actor=self.actor,
            action=action,
            **columns,
        )


def write(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    action: str,
    work: Callable[[Work], T],
    *,
    find_programme: bool = True,
    installation: bool = False,
    **refusal: Any,
) -> T:
    """Run `work` in one write transaction on the programme and commit it; a refusal is
    audited as `action` (with `refusal`'s columns and what the work added), then raised.

    `find_programme=False`: the work finds (and `enter`s) its programme itself.
    `installation=True`: the work spans programmes; a refusal before it entered one is
    audited without a programme."""
    return _run(
        db.write,
        db,
        clock,
        actor,
        programme_key,
        action,
        work,
        find_programme and not installation,
        refusal,
        installation,
    )


def check(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    action: str,
    work: Callable[[Work], T],
    **refusal: Any,
) -> T:
    """Run `work` (the checks before a write) in a read session; a refusal is audited."""
    return _run(db.read, db, clock, actor, programme_key, action, work, True, refusal, False)


def _run(
    session_of: Callable[[], AbstractContextManager[Session]],
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    action: str,
    work: Callable[[Work], T],
    find_programme: bool,
    refusal: dict[str, Any],
    installation: bool,
) -> T:
    w: Work | None = None
    actor = people.canonical_login(actor)
    try:
        with session_of() as session:
            w = Work(session, clock, actor, clock.now(), clock.recorded(), refusal=dict(refusal))
            if find_programme:
                w.enter(lookup.find_programme(session, programme_key))
            return work(w)
    except RspError as error:
        if w is not None and (w.entered_id is not None or installation):
            audit_refusal(db, clock, actor, w.entered_id, action, error, **w.refusal)
        raise


def audit_refusal(
    db: Database,
    clock: Clock,
    actor: str,
    programme_id: int | None,
    action: str,
    error: RspError,
    **columns: Any,
) -> None:
    """Record a refused attempt in its own transaction (the attempt itself changed nothing)."""
    with db.write() as session:
        audit.append(
            session,
            at=clock.now(),
            recorded_at=clock.recorded(),
            actor=actor,
            action=action,
            outcome="refused",
            programme_id=programme_id,
            detail={"reason": str(error), "error": type(error).__name__},
            **columns,
        )


def fitting(value: str | None) -> str | None:
    """A text to record with a refusal: itself, or None when it is too long to keep."""
    return value if value is None or len(value) <= MAX_TEXT else None


def check_text(value: str | None, what: str, required: bool = True) -> str | None:
    """A comment or note: non-empty when required, at most 4000 characters."""
    if value is None or not value.strip():
        if required:
            raise InvalidInput(f"{what} must not be empty")
        return None
    if len(value) > MAX_TEXT:
        raise InvalidInput(f"{what} is longer than {MAX_TEXT} characters")
    return value.strip()
