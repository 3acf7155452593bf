"""Conditions that repeat every sweep (a person without an e-mail address, a body without
one): reported once, when they appear, not on every run of the daemon or of cron.

Which conditions stand is remembered in the database, in the installation's audit chain:
a row `reminders.notes` (outcome `noted`) is written whenever the set of conditions
changes, holding a short hash of each one that stands and the text of those that are new.
A condition that goes away and comes back is new again. Every process that sweeps (the
daemon, `rsp remind run-once` from cron, a standby) reads the same memory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa

from process.access import audit
from process.core.clock import Clock
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.tables import AuditEvent

ACTION = "reminders.notes"
OUTCOME = "noted"
KEEP_TEXTS = 50  # the new conditions' texts kept in one row (their hashes all are)
_A = table_of(AuditEvent)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def standing(db: Database) -> set[str]:
    """The hashes of the conditions the newest notes row says stand."""
    with db.read() as session:
        last = (
            session.connection()
            .execute(
                sa.select(_A.c.detail)
                .where(_A.c.action == ACTION, _A.c.programme_id.is_(None))
                .order_by(_A.c.id.desc())
                .limit(1)
            )
            .scalar()
        )
    if last is None:
        return set()
    detail = json.loads(last) if isinstance(last, str) else last
    return set(detail.get("standing", []))


def new_ones(db: Database, clock: Clock, actor: str, problems: Sequence[str]) -> list[str]:
    """The conditions among `problems` not reported before (in their order, each once);
    remembers the set that stands now when it changed."""
    current = {_digest(p): p for p in problems}
    before = standing(db)
    if set(current) == before:
        return []
    fresh = [text for key, text in current.items() if key not in before]
    with db.write() as session:
        audit.append(
            session,
            at=clock.now(),
            recorded_at=clock.recorded(),
            actor=actor,
            action=ACTION,
            outcome=OUTCOME,
            subject="outbox",
            detail={
                "standing": sorted(current),
                "new": fresh[:KEEP_TEXTS],
                "new_count": len(fresh),
                "gone_count": len(before - set(current)),
            },
        )
    return fresh
