"""The audit trail: append-only, hash-chained per programme, authenticated with the
installation's key, verifiable and exportable.

Each programme's rows form a chain of their own (`chain` = its id; the installation's own
events chain 0), so that writers on different programmes never wait for each other: each
row's hash covers its content and the hash of the row before it in its chain, and its
MAC (HMAC-SHA256 with the key outside the database) covers that hash. Rows written before
chains were per programme stay as they were, in one global chain (-1), which every new
chain continues from. Appends to one chain are serialised: SQLite's write lock; an
advisory transaction lock per chain on PostgreSQL (a process transition takes it with its
first read). A head read or written under that lock is kept for the rest of the
transaction, so the next row of the chain costs no read.

Every row has two times: `at`, when it counts as having happened (what `--now` replays
and `--effective` backdates), and `recorded_at`, when it was really written.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import IO, Any

import sqlalchemy as sa
from sqlmodel import Session

from process.access import audit_key, fast_write, installation
from process.access.caller import channel_of, os_user_of
from process.core.errors import PermissionDenied
from process.storage import core_tables

GENESIS = "0" * 64
LEGACY_CHAIN = -1  # the one global chain of the rows written before release 0.2
INSTALLATION_CHAIN = 0  # events of no programme: the installation's own chain
PG_LOCK_KEY = 0x52535041  # "RSPA": pg_advisory_xact_lock(PG_LOCK_KEY, chain)
LEGACY_FIELDS = (
    "id",
    "at",
    "actor",
    "role",
    "action",
    "outcome",
    "programme_id",
    "subject",
    "trigger",
    "from_state",
    "to_state",
    "comment",
    "decision_id",
    "detail",
    "prev_hash",
)
FIELDS = (
    "chain",
    "seq",
    "at",
    "recorded_at",
    "actor",
    "channel",
    "os_user",
    "role",
    "action",
    "outcome",
    "programme_id",
    "subject",
    "trigger",
    "from_state",
    "to_state",
    "comment",
    "decision_id",
    "detail",
    "prev_hash",
)
COLUMNS = ("id", *FIELDS[:2], *FIELDS[2:], "hash", "mac")


def _iso(value: Any) -> Any:
    return value.astimezone(dt.UTC).isoformat() if isinstance(value, dt.datetime) else value


def row_hash(values: dict[str, Any]) -> str:
    """The hash of one audit row's content (its `prev_hash` included)."""
    legacy = values.get("chain", LEGACY_CHAIN) == LEGACY_CHAIN
    payload = {  # `_iso` written out: this runs for every row written and verified
        k: v.astimezone(dt.UTC).isoformat() if isinstance(v := values.get(k), dt.datetime) else v
        for k in (LEGACY_FIELDS if legacy else FIELDS)
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_of(programme_id: int | None) -> int:
    """The chain a row of this programme (or of none) belongs to."""
    return INSTALLATION_CHAIN if programme_id is None else programme_id


_TABLE = core_tables.audit_event
_HEAD = (
    sa.select(_TABLE.c.seq, _TABLE.c.hash)
    .where(_TABLE.c.chain == sa.bindparam("c"))
    .order_by(_TABLE.c.seq.desc())
    .limit(1)
)
_INSERT = sa.insert(_TABLE)
_PG_LOCK = sa.text("SELECT pg_advisory_xact_lock(:k, :c)")


def sealing_key(session: Session) -> audit_key.AuditKey | None:
    """The key new rows are authenticated with: required once the installation is keyed."""
    return key_for(installation.facts(session))


def key_for(facts: installation.Facts) -> audit_key.AuditKey | None:
    """The key new rows of an installation with these facts are authenticated with."""
    key = audit_key.current()
    if facts.key_id is None:
        return None
    if key is None:
        raise PermissionDenied(
            "this installation's audit trail is sealed with a key kept "
            f"outside the database: writing needs it ({audit_key.ENV_VAR}); "
            "the web server and the scheduler have it — use the browser "
            "interface, or ask the administrator"
        )
    if key.key_id != facts.key_id:
        raise PermissionDenied(
            f"{audit_key.ENV_VAR} {key.path} is not this installation's "
            f"audit key (its id is {key.key_id}, the trail's {facts.key_id})"
        )
    return key


def _head(conn: sa.Connection, chain: int) -> tuple[int, str]:
    """(seq, hash) of the chain's newest row; an empty chain continues the legacy one."""
    last = conn.execute(_HEAD, {"c": chain}).first()
    if last is not None:
        return int(last[0]), str(last[1])
    legacy = conn.execute(_HEAD, {"c": LEGACY_CHAIN}).first()
    return 0, str(legacy[1]) if legacy is not None else GENESIS


def _lock(conn: sa.Connection, chain: int) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_LOCK, {"k": PG_LOCK_KEY, "c": chain})


_HELD = "rsp_audit_chains"


def _held(session: Session) -> dict[int, tuple[int, str] | None]:
    """The chains this transaction holds the append lock of, each with its head (seq, hash)
    once known. Kept per transaction (a savepoint counts as one of its own), so nothing
    known under one transaction's lock is used in another."""
    tx = session.get_nested_transaction() or session.get_transaction()
    found = session.info.get(_HELD)
    if found is None or found[0] is not tx:
        found = (tx, {})
        session.info[_HELD] = found
    return found[1]


def holds_lock(session: Session, chain: int) -> bool:
    """Whether this transaction already serialises appends to `chain`: a SQLite write
    transaction (BEGIN IMMEDIATE holds the database's write lock), or a PostgreSQL one that
    took the chain's advisory lock (`locked`)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        return bool(conn.get_execution_options().get("rsp_write"))
    return chain in _held(session)


def locked(session: Session, chain: int) -> None:
    """Note that this transaction took `chain`'s advisory lock itself (a statement that
    selects `pg_advisory_xact_lock(PG_LOCK_KEY, chain)`): `append` then skips taking it."""
    _held(session).setdefault(chain, None)


def knows_head(session: Session, chain: int) -> bool:
    """Whether the head of `chain` is known in this transaction (read under its lock)."""
    return _held(session).get(chain) is not None


def hold_head(session: Session, chain: int, seq: int, hash_: str) -> None:
    """The head of `chain` as read while this transaction holds its lock (`holds_lock`):
    the next `append` continues from it without reading it again."""
    _held(session)[chain] = (seq, hash_)


def _locked_head(session: Session, conn: sa.Connection, chain: int) -> tuple[int, str]:
    """The chain's head, its lock taken first unless this transaction holds it already."""
    held = _held(session)
    head = held.get(chain)
    if head is not None:
        return head
    if chain not in held:
        _lock(conn, chain)
        held[chain] = None
    return _head(conn, chain)


def _values(
    event: dict[str, Any], chain: int, seq: int, prev: str, key: audit_key.AuditKey | None
) -> dict[str, Any]:
    actor = event["actor"]
    values: dict[str, Any] = {name: None for name in FIELDS}
    values.update(event)
    values.update(
        chain=chain,
        seq=seq,
        at=event["at"].astimezone(dt.UTC),
        recorded_at=event["recorded_at"].astimezone(dt.UTC),
        actor=str(actor),
        channel=event.get("channel") or channel_of(actor),
        os_user=event.get("os_user") or os_user_of(actor),
        outcome=event.get("outcome", "applied"),
        detail=json.dumps(event.get("detail") or {}, sort_keys=True, ensure_ascii=False),
        prev_hash=prev,
    )
    values["hash"] = row_hash(values)
    values["mac"] = key.mac(values["hash"]) if key else None
    return values


def append(
    session: Session,
    *,
    at: dt.datetime,
    recorded_at: dt.datetime,
    actor: str,
    action: str,
    outcome: str = "applied",
    detail: dict[str, Any] | None = None,
    **columns: Any,
) -> dict[str, Any]:
    """Append one row to its programme's chain inside the caller's transaction; returns its
    values (`id` included). `actor` may be a Caller: its channel and OS user are kept."""
    conn = session.connection()
    key = sealing_key(session)
    if outcome == "applied":
        installation.refuse_cli_writer(session, actor)
    chain = chain_of(columns.get("programme_id"))
    seq, prev = _locked_head(session, conn, chain)
    values = _values(
        {
            "at": at,
            "recorded_at": recorded_at,
            "actor": actor,
            "action": action,
            "outcome": outcome,
            "detail": detail,
            **columns,
        },
        chain,
        seq + 1,
        prev,
        key,
    )
    inserted = conn.execute(_INSERT, values)
    values["id"] = inserted.inserted_primary_key[0]  # type: ignore[index]
    hold_head(session, chain, seq + 1, values["hash"])
    return values


_INSERT_COLUMNS = (*FIELDS, "hash", "mac")


def _insert_statement() -> sa.Insert:
    return sa.insert(_TABLE).values({c: sa.bindparam(c) for c in _INSERT_COLUMNS})


def append_raw(
    tx: fast_write.RawWrite,
    facts: installation.Facts,
    head: tuple[int, str],
    event: dict[str, Any],
) -> dict[str, Any]:
    """`append` for a transition's fast path (`fast_write.RawWrite`): the same row, hash
    and seal, continuing from `head`, the chain's newest (seq, hash) read under its lock in
    this transaction. Raises `fast_write.Fallback` where `append` would refuse (no key,
    a wrong key, a command-line writer the installation does not allow)."""
    try:
        key = key_for(facts)
        if event.get("outcome", "applied") == "applied":
            installation.refuse_writer(facts, event["actor"])
    except PermissionDenied as refused:
        raise fast_write.Fallback from refused
    chain = chain_of(event.get("programme_id"))
    values = _values(event, chain, head[0] + 1, head[1], key)
    if set(values) != set(_INSERT_COLUMNS):  # a column this path does not write
        raise fast_write.Fallback
    tx.insert(fast_write.prepared("audit.insert", tx.dialect, _insert_statement), values)
    return values


def append_many(session: Session, events: Sequence[dict[str, Any]]) -> int:
    """Append many rows of one programme in one statement, chained in the given order;
    how many. Each event holds what `append` takes (`at`, `recorded_at`, `actor`,
    `action`, … and `detail` as a dict)."""
    if not events:
        return 0
    conn = session.connection()
    key = sealing_key(session)
    chains = {chain_of(e.get("programme_id")) for e in events}
    if len(chains) != 1:
        raise ValueError("append_many: events of one programme at a time")
    chain = chains.pop()
    for actor in {e["actor"] for e in events if e.get("outcome", "applied") == "applied"}:
        installation.refuse_cli_writer(session, actor)
    seq, prev = _locked_head(session, conn, chain)
    rows = []
    for i, event in enumerate(events):
        values = _values(event, chain, seq + 1 + i, prev, key)
        prev = values["hash"]
        rows.append(values)
    conn.execute(_INSERT, rows)
    hold_head(session, chain, seq + len(rows), prev)
    return len(rows)


def iter_rows(
    session: Session, batch: int = 2000, chain: int | None = None
) -> Iterator[dict[str, Any]]:
    """Every audit row (of one chain, or of all chains one after the other), in chain
    order, as dicts, read in batches."""
    conn = session.connection()
    chains = (
        [chain]
        if chain is not None
        else [
            r[0]
            for r in conn.execute(sa.select(_TABLE.c.chain).distinct().order_by(_TABLE.c.chain))
        ]
    )
    for c in chains:
        last_seq = 0
        while True:
            rows = (
                conn.execute(
                    sa.select(_TABLE)
                    .where(_TABLE.c.chain == c, _TABLE.c.seq > last_seq)
                    .order_by(_TABLE.c.seq)
                    .limit(batch)
                )
                .mappings()
                .all()
            )
            if not rows:
                break
            for r in rows:
                yield dict(r)
            last_seq = rows[-1]["seq"]


def heads(session: Session) -> dict[int, tuple[int, str]]:
    """Each chain's newest (seq, hash)."""
    t = _TABLE
    newest = sa.select(t.c.chain, sa.func.max(t.c.seq).label("seq")).group_by(t.c.chain).subquery()
    rows = session.connection().execute(
        sa.select(t.c.chain, t.c.seq, t.c.hash).join(
            newest, sa.and_(t.c.chain == newest.c.chain, t.c.seq == newest.c.seq)
        )
    )
    return {int(c): (int(s), str(h)) for c, s, h in rows}


def _exportable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _iso(row.get(k)) for k in COLUMNS}


def export(session: Session, out: IO[str], fmt: str) -> int:
    """Write every audit row as JSON lines or CSV (formula-like cells defused); how many."""
    count = 0
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS)) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for row in iter_rows(session):
        record = _exportable(row)
        if writer:
            writer.writerow({k: defuse(record.get(k)) for k in COLUMNS})
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def defuse(value: Any) -> Any:
    """A CSV cell that a spreadsheet would read as a formula (= + - @, tab, CR) kept as
    text by a leading apostrophe; one that starts with an apostrophe gets one more, so
    `restore` gives back exactly what was written."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore(cell: str) -> str:
    """A cell as it was before `defuse`."""
    return cell[1:] if cell.startswith("'") else cell
