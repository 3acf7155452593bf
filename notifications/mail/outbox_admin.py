"""Administrative outbox actions, checked and audited like every other change."""

from __future__ import annotations

from process.access import audit, people
from process.core.clock import Clock
from process.core.errors import RspError
from process.storage.database import Database
from process.storage.tables import Programme


def retry(db: Database, clock: Clock, actor: str, ids: list[int], all_failed: bool) -> int:
    """Put failed outbox messages back to pending (admins of their programme only)."""
    from sqlmodel import select

    from notifications.mail import outbox

    now = clock.now()
    try:
        with db.write() as session:
            rows = outbox.retry(session, ids, now, all_failed)
            programme_ids = {r["programme_id"] for r in rows}
            if None in programme_ids or not programme_ids:
                programme_ids = set(session.exec(select(Programme.id)).all()) or {None}
            for programme_id in sorted(p for p in programme_ids if p is not None):
                people.require_role(people.actor_for(session, actor, programme_id), actor,
                                    {people.ADMIN}, "retry outbox messages")
            for programme_id in sorted(p for p in programme_ids if p is not None):
                mine = [r for r in rows if r["programme_id"] in (programme_id, None)]
                audit.append(session, at=now, actor=actor, role=people.ADMIN,
                             action="outbox.retry", programme_id=programme_id,
                             subject="outbox",
                             detail={"outbox_ids": [r["id"] for r in mine],
                                     "last_errors": sorted({str(r["last_error"])
                                                            for r in mine})[:20]})
            return len(rows)
    except RspError as error:
        people.audit_refusal(db, clock, actor, None, "outbox.retry", error, subject="outbox")
        raise
