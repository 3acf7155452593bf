"""Administrative outbox actions, checked and audited like every other change."""

from __future__ import annotations

from sqlmodel import select

from notifications.mail import outbox
from process.access import unit_of_work
from process.access.capabilities import ADMINISTER
from process.access.unit_of_work import Work
from process.core.clock import Clock
from process.storage.database import Database
from process.storage.tables import Programme


def retry(
    db: Database,
    clock: Clock,
    actor: str,
    ids: list[int],
    all_failed: bool,
    programme_id: int | None = None,
) -> int:
    """Put failed outbox messages back to pending (administrators of their programmes);
    `programme_id` with `all_failed`: only that programme's (the outbox page's 'retry all')."""

    def work(w: Work) -> int:
        session = w.session
        rows = outbox.retry(session, ids, w.now, all_failed, programme_id)
        programme_ids = {r["programme_id"] for r in rows}
        if programme_id is not None and all_failed and not rows:
            programme_ids = {programme_id}  # nothing failed there: still its admins only
        elif None in programme_ids or not programme_ids:
            programme_ids = set(session.exec(select(Programme.id)).all()) or {None}
        programmes = [
            session.get(Programme, p) for p in sorted(i for i in programme_ids if i is not None)
        ]
        for prog in programmes:
            assert prog is not None
            w.enter(prog)
            w.require(ADMINISTER, "retry outbox messages")
        for prog in programmes:
            assert prog is not None
            w.enter(prog)
            mine = [r for r in rows if r["programme_id"] in (prog.id, None)]
            w.audit(
                "outbox.retry",
                subject="outbox",
                detail={
                    "outbox_ids": [r["id"] for r in mine],
                    "last_errors": sorted({str(r["last_error"]) for r in mine})[:20],
                },
            )
        return len(rows)

    return unit_of_work.write(
        db, clock, actor, None, "outbox.retry", work, installation=True, subject="outbox"
    )
