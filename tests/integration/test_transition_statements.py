"""A persisted transition in as few round trips as its promises allow (issue 13), on a
SQLite file and on PostgreSQL: one read (programme, process, the actor's roles; on
PostgreSQL it also takes the programme's chain lock), one compare-and-set that brings the
chain's head back, one insert of the sealed row. Rows appended later in the same
transaction continue from the head it wrote; a rolled-back transaction's head is never
used again; and the trail verifies with the key throughout."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from process.access import audit, audit_key, audit_verify, trail_check
from process.access.unit_of_work import Work
from process.core.clock import FixedClock
from process.core.decision_refs import parse_decision_ref
from process.core.errors import InvalidInput
from process.storage.database import Database
from process.workflow import engine
from tests.support import at, make_programme

WORKER = "processledare"


@pytest.fixture
def key(tmp_path: Path) -> Iterator[audit_key.AuditKey]:
    made = audit_key.generate(str(tmp_path / "audit.key"))
    audit_key.use(made)
    yield made
    audit_key.use(None)


def _drafting(db: Database, clock: FixedClock) -> None:
    make_programme(db, clock)
    trail_check.seal(db, clock, "it-admin")
    ref = parse_decision_ref("2022-02-22 § 12 RUN/536/2021")
    engine.advance(db, clock, "sekreterare", None, "decide_start", decision=ref)
    engine.advance(db, clock, WORKER, None, "begin_drafting")


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    """The statements sent to the database while the block runs, as the driver sees them
    (a transition runs on the DBAPI connection itself: `process/access/fast_write.py`)."""
    seen: list[str] = []

    def note(sql: str) -> None:
        seen.append(" ".join(sql.split())[:40])

    def checkout(dbapi_conn, _record, _proxy):  # type: ignore[no-untyped-def]
        if db.dialect == "sqlite":
            dbapi_conn.set_trace_callback(note)
        else:
            import psycopg

            class Recording(psycopg.Cursor):
                def execute(self, query, params=None, **kw):  # type: ignore[no-untyped-def, override]
                    note(str(query))
                    return super().execute(query, params, **kw)

            dbapi_conn.cursor_factory = Recording

    db.engine.dispose()
    sa.event.listen(db.engine, "checkout", checkout)
    try:
        yield seen
    finally:
        sa.event.remove(db.engine, "checkout", checkout)
        db.engine.dispose()  # no connection keeps the recorder


def _verified(db: Database, key: audit_key.AuditKey) -> int:
    with db.read() as session:
        result = audit_verify.verify_rows(audit.iter_rows(session), key=key)
    assert result.ok, result.problems[:3]
    return result.rows


def test_a_transition_is_one_read_one_update_one_insert(any_db, key):
    clock = FixedClock(at("2022-02-22"))
    _drafting(any_db, clock)
    rows = _verified(any_db, key)
    with _statements(any_db) as seen:
        engine.advance(any_db, clock, WORKER, None, "consult_service_z", comment="Service-Z")
    body = [s for s in seen if s.split()[0] not in ("BEGIN", "COMMIT")]
    assert [s.split()[0] for s in body] == ["SELECT", "UPDATE", "INSERT"], seen
    if any_db.dialect == "postgresql":
        assert "pg_advisory_xact_lock" not in " ".join(body[1:])  # taken once, in the read
    assert _verified(any_db, key) == rows + 1
    for n in range(3):  # each continues the chain from the head the update brought back
        engine.advance(any_db, clock, WORKER, None, "consult_service_z", comment=f"möte {n}")
    assert _verified(any_db, key) == rows + 4


def test_rows_after_the_first_in_one_transaction_continue_the_chain(any_db, key):
    clock = FixedClock(at("2022-02-22"))
    _drafting(any_db, clock)
    rows = _verified(any_db, key)

    def two_more(w: Work, result: engine.Advanced) -> None:
        w.audit("note", subject=result.subject, comment="första")
        audit.append_many(
            w.session,
            [
                {
                    "at": w.now,
                    "recorded_at": w.recorded,
                    "actor": w.actor,
                    "action": "note",
                    "programme_id": w.programme_id,
                    "comment": text,
                }
                for text in ("andra", "tredje")
            ],
        )
        w.audit("note", subject=result.subject, comment="fjärde")

    engine.advance(any_db, clock, WORKER, None, "consult_service_z", comment="x", then=two_more)
    assert _verified(any_db, key) == rows + 5
    with any_db.read() as session:
        seqs = [
            r["seq"]
            for r in audit.iter_rows(session, chain=1)
            if r["action"] in ("transition", "note")
        ]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)


def test_a_rolled_back_transactions_head_is_not_used_again(any_db, key):
    clock = FixedClock(at("2022-02-22"))
    _drafting(any_db, clock)
    rows = _verified(any_db, key)

    def refuse_after_writing(w: Work, result: engine.Advanced) -> None:
        w.audit("note", subject=result.subject, comment="rolled back with the rest")
        raise InvalidInput("not after all")

    with pytest.raises(InvalidInput, match="not after all"):
        engine.advance(
            any_db, clock, WORKER, None, "consult_service_z", comment="x", then=refuse_after_writing
        )
    engine.advance(any_db, clock, WORKER, None, "consult_service_z", comment="y")
    # the refusal's row and the second transition's row; nothing of the rolled-back work
    assert _verified(any_db, key) == rows + 2
    with any_db.read() as session:
        last = list(audit.iter_rows(session, chain=1))[-2:]
    assert [(r["outcome"], r["comment"]) for r in last] == [("refused", "x"), ("applied", "y")]


def test_the_fast_path_writes_the_row_the_unit_of_work_writes(any_db, key):
    """A plain transition runs on the DBAPI connection (`engine._fast_advance`); one with a
    hook goes through the ORM unit of work. Both write the same row but for its place in
    the chain, and both move the process the same way."""
    clock = FixedClock(at("2022-02-22"))
    _drafting(any_db, clock)

    def state() -> tuple[str, int]:
        with any_db.read() as session:
            row = (
                session.connection()
                .exec_driver_sql("SELECT state, version FROM process_instance")
                .one()
            )
        return row[0], row[1]

    before = state()
    through_sqlalchemy: list[str] = []

    def seen(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        through_sqlalchemy.append(statement)

    sa.event.listen(any_db.engine, "before_cursor_execute", seen)
    try:
        fast = engine.advance(any_db, clock, WORKER, None, "consult_service_z", comment="samma")
        assert through_sqlalchemy == []  # it took the fast path
        middle = state()
        through_sqlalchemy.clear()
        slow = engine.advance(
            any_db,
            clock,
            WORKER,
            None,
            "consult_service_z",
            comment="samma",
            then=lambda w, r: None,
        )
        assert any(s.startswith("INSERT INTO audit_event") for s in through_sqlalchemy)
    finally:
        sa.event.remove(any_db.engine, "before_cursor_execute", seen)
    assert middle == (before[0], before[1] + 1) and state() == (before[0], before[1] + 2)
    assert (fast.to_state, fast.role, fast.subject) == (slow.to_state, slow.role, slow.subject)
    with any_db.read() as session:
        rows = {r["id"]: r for r in audit.iter_rows(session, chain=1)}
    a, b = rows[fast.audit_id], rows[slow.audit_id]
    assert b["seq"] == a["seq"] + 1 and b["prev_hash"] == a["hash"]
    chained = ("id", "seq", "prev_hash", "hash", "mac")
    assert {k: v for k, v in a.items() if k not in chained} == {
        k: v for k, v in b.items() if k not in chained
    }
    assert a["mac"] == key.mac(a["hash"]) and a["outcome"] == "applied"
    assert _verified(any_db, key) > 0


def test_a_driver_error_on_the_fast_path_is_sqlalchemys(tmp_path, key):
    """The fast path's errors come out as the unit of work's would (sqlalchemy.exc), and
    its connection goes back to the pool usable."""
    import sqlite3

    from tests.support import database

    with database("sqlite", tmp_path) as db:
        clock = FixedClock(at("2022-02-22"))
        _drafting(db, clock)

        def short_wait(dbapi_conn, _record, _proxy):  # type: ignore[no-untyped-def]
            dbapi_conn.execute("PRAGMA busy_timeout=50")

        db.engine.dispose()
        sa.event.listen(db.engine, "checkout", short_wait)
        holder = sqlite3.connect(str(db.engine.url.database), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
        try:
            with pytest.raises(sa.exc.OperationalError, match="locked"):
                engine.advance(db, clock, WORKER, None, "consult_service_z", comment="låst")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
            sa.event.remove(db.engine, "checkout", short_wait)
        done = engine.advance(db, clock, WORKER, None, "consult_service_z", comment="fri")
        assert done.audit_id > 0
        assert _verified(db, key) > 0
