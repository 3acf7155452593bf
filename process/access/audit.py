"""The audit trail: append-only, hash-chained, verifiable and exportable.

Each row's hash covers its content and the previous row's hash, so an edited, deleted,
inserted or reordered row breaks the chain. Appends are serialised (SQLite's write lock;
an advisory transaction lock on PostgreSQL) so that ids and the chain follow one order.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import sqlalchemy as sa
from sqlmodel import Session

from process.storage.tables import AuditEvent

GENESIS = "0" * 64
PG_LOCK_KEY = 0x525350_41554454  # "RSP" "AUDT"
FIELDS = ("id", "at", "actor", "role", "action", "outcome", "programme_id", "subject",
          "trigger", "from_state", "to_state", "comment", "decision_id", "detail", "prev_hash")


def row_hash(values: dict[str, Any]) -> str:
    """The hash of one audit row's content (its `prev_hash` included)."""
    payload = {k: values.get(k) for k in FIELDS}
    at = payload["at"]
    if isinstance(at, dt.datetime):
        payload["at"] = at.astimezone(dt.UTC).isoformat()
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_TABLE = AuditEvent.__table__  # type: ignore[attr-defined]
_LAST = sa.select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)
_INSERT = sa.insert(_TABLE)
_PG_LOCK = sa.text("SELECT pg_advisory_xact_lock(:k)")


def append(session: Session, *, at: dt.datetime, actor: str, action: str,
           outcome: str = "applied", detail: dict[str, Any] | None = None,
           **columns: Any) -> dict[str, Any]:
    """Append one audit row inside the caller's transaction; returns its values."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_LOCK, {"k": PG_LOCK_KEY})
    last = conn.execute(_LAST).first()
    values: dict[str, Any] = {
        "id": (last[0] + 1) if last else 1,
        "at": at.astimezone(dt.UTC),
        "actor": actor,
        "action": action,
        "outcome": outcome,
        "detail": json.dumps(detail or {}, sort_keys=True, ensure_ascii=False),
        "prev_hash": last[1] if last else GENESIS,
        **columns,
    }
    for name in FIELDS:
        values.setdefault(name, None)
    values["hash"] = row_hash(values)
    conn.execute(_INSERT, values)
    return values


def append_many(session: Session, events: list[dict[str, Any]]) -> int:
    """Append many audit rows in one statement, chained in the given order; how many.

    Each event holds `at`, `actor`, `action` and any other column, as `append` takes them
    (`detail` a dict); one lock, one read of the chain's head and one insert, however many.
    """
    if not events:
        return 0
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_LOCK, {"k": PG_LOCK_KEY})
    last = conn.execute(_LAST).first()
    next_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    rows = []
    for i, event in enumerate(events):
        values: dict[str, Any] = {name: None for name in FIELDS}
        values.update(event, id=next_id + i, at=event["at"].astimezone(dt.UTC),
                      outcome=event.get("outcome", "applied"),
                      detail=json.dumps(event.get("detail") or {}, sort_keys=True,
                                        ensure_ascii=False), prev_hash=prev)
        values["hash"] = prev = row_hash(values)
        rows.append(values)
    conn.execute(_INSERT, rows)
    return len(rows)


@dataclass
class Verification:
    """What `verify` found: how many rows, and every break in the chain."""

    rows: int = 0
    problems: list[str] = field(default_factory=list)
    head: str = GENESIS

    @property
    def ok(self) -> bool:
        return not self.problems


def iter_rows(session: Session, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Every audit row in chain order, as dicts, read in batches."""
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    last_id = 0
    while True:
        rows = session.connection().execute(
            sa.select(table).where(table.c.id > last_id).order_by(table.c.id).limit(batch)
        ).mappings().all()
        if not rows:
            return
        for r in rows:
            yield dict(r)
        last_id = rows[-1]["id"]


def verify(session: Session, checkpoint: dict[str, Any] | None = None,
           max_problems: int = 20) -> Verification:
    """Check the whole chain; with a checkpoint (an exported head), check nothing was cut."""
    result = Verification()
    prev_hash, expected_id = GENESIS, 1
    seen: dict[int, str] = {}
    for row in iter_rows(session):
        result.rows += 1
        rid = row["id"]
        if rid != expected_id:
            what = "missing (deleted?)" if rid > expected_id else "out of order"
            result.problems.append(f"row {expected_id}: {what}; next row found is {rid}")
        if row["prev_hash"] != prev_hash:
            result.problems.append(
                f"row {rid}: does not follow the row before it (a row was deleted, inserted "
                "or reordered just before it)")
        if row_hash(row) != row["hash"]:
            result.problems.append(f"row {rid}: content does not match its hash (edited)")
        prev_hash, expected_id = row["hash"], rid + 1
        seen[rid] = row["hash"]
        if len(result.problems) >= max_problems:
            result.problems.append("… stopped after too many problems")
            break
    result.head = prev_hash
    if checkpoint:
        cid, chash = int(checkpoint["id"]), str(checkpoint["hash"])
        if cid not in seen:
            result.problems.append(f"checkpoint row {cid} is gone: the newest rows were removed")
        elif seen[cid] != chash:
            result.problems.append(f"row {cid}: differs from the checkpoint")
    return result


def load_checkpoint(path: str) -> dict[str, Any]:
    """A checkpoint file from `checkpoint`, or an error saying why it is not one."""
    from process.core.errors import InvalidInput

    try:
        with open(path, encoding="utf-8") as fh:
            point = json.load(fh)
        if isinstance(point, dict) and isinstance(point.get("hash"), str):
            point["id"] = int(point["id"])
            if point["id"] >= 0:
                return point
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, OverflowError):
        pass
    raise InvalidInput(f"{path}: not a checkpoint from 'rsp audit checkpoint' "
                       '(JSON like {"id": 12, "hash": "…"})')


def checkpoint(session: Session) -> dict[str, Any]:
    """The newest row's id and hash, to keep outside the database."""
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    last = session.connection().execute(
        sa.select(table.c.id, table.c.hash, table.c.at).order_by(table.c.id.desc()).limit(1)
    ).first()
    if not last:
        return {"id": 0, "hash": GENESIS}
    return {"id": last[0], "hash": last[1], "at": last[2].isoformat()}


def _exportable(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["at"] = row["at"].astimezone(dt.UTC).isoformat()
    return out


def export(session: Session, out: IO[str], fmt: str) -> int:
    """Write every audit row as JSON lines or CSV; returns the number of rows."""
    count = 0
    columns = [*FIELDS, "hash"]
    writer = csv.DictWriter(out, fieldnames=columns) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for row in iter_rows(session):
        record = _exportable(row)
        if writer:
            writer.writerow({k: record.get(k) for k in columns})
        else:
            out.write(json.dumps({k: record.get(k) for k in columns}, ensure_ascii=False) + "\n")
        count += 1
    return count
