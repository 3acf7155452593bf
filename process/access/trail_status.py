"""The audit trail's status for the administrator's page: its size, whether it is sealed
with a key, the newest signed checkpoint and the rows after it (all cheap: the chains'
heads, no pass over the rows), and the last verification. Verifying is a full streaming
pass (`trail_check.check`), run on request; its result is kept as an audit row, which the
page shows with its time."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from process.access import audit, audit_key, checkpoints, installation, trail_check, unit_of_work
from process.access.capabilities import ADMINISTER
from process.access.unit_of_work import Work
from process.core.clock import Clock
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.tables import AuditEvent, Programme

SUBJECT = "audit-trail"  # the subject of the verification rows (indexed with their id)
VERIFIED = "audit.verified"
_A = table_of(AuditEvent)
_P = table_of(Programme)


@dataclass(frozen=True)
class CheckpointFacts:
    """The newest checkpoint: when, why, how many rows, its head, whether signed."""

    made_at: dt.datetime
    reason: str
    rows: int
    head: str
    signed: bool
    rows_after: int


@dataclass(frozen=True)
class LastVerification:
    """The newest verification on record: when, by whom, and what it found."""

    at: dt.datetime
    actor: str
    ok: bool
    rows: int
    problems: list[str]
    seals_checked: bool
    sealed_rows: int
    checkpoint_held: bool | None  # None: no checkpoint to check against


@dataclass(frozen=True)
class TrailStatus:
    """What the status page shows."""

    rows: int
    chains: int
    key_id: str | None  # the installation is sealed with this key
    server_has_key: bool  # this server holds the key (and seals and checks with it)
    checkpoint: CheckpointFacts | None
    last: LastVerification | None


def combined_head(chains: dict[int, tuple[int, str]]) -> str:
    """One hash standing for every chain's head (as `rsp audit verify` prints it)."""
    text = ";".join(f"{c}:{s}:{h}" for c, (s, h) in sorted(chains.items()))
    return hashlib.sha256(text.encode()).hexdigest() if chains else audit.GENESIS


def _utc(value: Any) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def heads(session: Session, also: Iterable[int] = ()) -> dict[int, tuple[int, str]]:
    """Each chain's newest (seq, hash) by one index lookup per chain (the legacy chain,
    the installation's, each programme's, and `also`): no pass over the rows."""
    conn = session.connection()
    programmes = conn.execute(sa.select(_P.c.id)).scalars()
    out = {}
    for chain in sorted({audit.LEGACY_CHAIN, audit.INSTALLATION_CHAIN, *programmes, *also}):
        row = conn.execute(
            sa.select(_A.c.seq, _A.c.hash)
            .where(_A.c.chain == chain)
            .order_by(_A.c.seq.desc())
            .limit(1)
        ).first()
        if row is not None:
            out[chain] = (int(row[0]), str(row[1]))
    return out


def status(session: Session) -> TrailStatus:
    """The trail's facts now, without reading its rows."""
    cp = checkpoints.latest(session)
    heads_now = heads(session, cp.chains if cp is not None else ())
    rows = sum(seq for seq, _h in heads_now.values())
    facts = None
    if cp is not None:
        after = sum(
            max(0, seq - cp.chains.get(c, (0, ""))[0]) for c, (seq, _h) in heads_now.items()
        )
        facts = CheckpointFacts(
            _utc(cp.made_at),
            cp.reason,
            cp.rows,
            combined_head(cp.chains),
            bool(cp.signature),
            after,
        )
    return TrailStatus(
        rows,
        len(heads_now),
        installation.facts(session).key_id,
        audit_key.current() is not None,
        facts,
        last_verification(session),
    )


def last_verification(session: Session) -> LastVerification | None:
    """The newest verification recorded (found by its subject's index)."""
    row = (
        session.connection()
        .execute(
            sa.select(_A.c.recorded_at, _A.c.at, _A.c.actor, _A.c.detail)
            .where(_A.c.subject == SUBJECT, _A.c.action == VERIFIED)
            .order_by(_A.c.id.desc())
            .limit(1)
        )
        .first()
    )
    if row is None:
        return None
    d = json.loads(row.detail or "{}")
    return LastVerification(
        _utc(row.recorded_at or row.at),
        row.actor,
        bool(d.get("ok")),
        int(d.get("rows", 0)),
        list(d.get("problems", [])),
        bool(d.get("seals_checked")),
        int(d.get("sealed_rows", 0)),
        d.get("checkpoint_held"),
    )


def verify(db: Database, clock: Clock, actor: str, programme_key: str | None) -> bool:
    """Verify the whole trail (chains, seals, state, the newest checkpoint) as an
    administrator of the programme, and record the result as an audit row; whether it held."""

    def allowed(w: Work) -> None:
        w.require(ADMINISTER, "verify the audit trail")

    unit_of_work.check(db, clock, actor, programme_key, VERIFIED, allowed, subject=SUBJECT)
    with db.read() as session:
        newest = checkpoints.latest(session)
    report = trail_check.check(db, checkpoint=newest)
    v = report.verification
    problems = [*v.problems, *report.signature_problems, *v.state]
    detail = {
        "ok": report.ok,
        "rows": v.rows,
        "chains": len(v.chains),
        "head": v.head,
        "problems": problems[:20],
        "seals_checked": v.keyed,
        "sealed_rows": v.sealed,
        "key_id": report.key_id,
        "checkpoint": newest.made_at if newest else None,
        "checkpoint_held": (
            None
            if newest is None
            else not report.signature_problems and not any("checkpoint" in p for p in v.problems)
        ),
        "rows_after_checkpoint": v.checkpoint_rows_after,
    }

    def record(w: Work) -> None:
        w.require(ADMINISTER, "verify the audit trail")
        w.audit(VERIFIED, subject=SUBJECT, detail=detail)

    unit_of_work.write(db, clock, actor, programme_key, VERIFIED, record, subject=SUBJECT)
    return report.ok
