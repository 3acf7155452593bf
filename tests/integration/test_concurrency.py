"""Eight processes change the same process and measures at once (SQLite file, PostgreSQL).

Every attempt either succeeds or fails with rsp's own clear error (a conflict, or a
transition no longer possible); afterwards every success is in the database exactly
once, nothing is half-written, and the audit chain verifies.
"""

from __future__ import annotations

import multiprocessing
import random

import pytest
import sqlalchemy as sa

from process.access import audit_verify
from process.core.clock import FixedClock
from process.core.decision_refs import parse_decision_ref
from process.plans import measure_actions as lifecycle
from process.storage.database import open_database
from process.workflow import engine
from tests.support import HANG_GUARD, at, database, make_programme

WORKERS = 8
OPS = 12
MEASURES = ("1.A", "1.B", "2.A", "2.B", "3.A")


def worker(url: str, seed: int, queue) -> None:
    """One process: a seeded mix of operations; reports what happened to each."""
    from process.core.errors import RspError

    rng = random.Random(seed)
    db = open_database(url)
    clock = FixedClock(at("2014-05-02"))
    results = []
    for i in range(OPS):
        clock.advance(seconds=1)
        kind = rng.choice(["process", "note", "progress", "stale", "followup"])
        code = rng.choice(MEASURES)
        try:
            if kind == "process":
                engine.advance(
                    db, clock, "processledare", None, "consult_service_z", comment=f"w{seed} op{i}"
                )
            elif kind == "note":
                lifecycle.add_note(
                    db, clock, "processledare", None, code, f"w{seed} op{i}", year=2014
                )
            elif kind == "progress":
                lifecycle.advance(
                    db,
                    clock,
                    "processledare",
                    None,
                    code,
                    "report_progress",
                    comment=f"w{seed} op{i}",
                    year=2014,
                )
            elif kind == "stale":
                with db.read() as s:
                    version = (
                        s.connection()
                        .execute(
                            sa.text(
                                "SELECT m.version FROM measure m JOIN action_plan p ON p.id = "
                                "m.plan_id WHERE m.code = :c AND p.year = 2014"
                            ),
                            {"c": code},
                        )
                        .scalar()
                    )
                lifecycle.advance(
                    db,
                    clock,
                    "processledare",
                    None,
                    code,
                    "report_progress",
                    comment=f"w{seed} op{i}",
                    year=2014,
                    expected_version=version,
                )
            else:
                lifecycle.record_followup(
                    db, clock, "processledare", None, code, "partly", f"w{seed} op{i}", year=2014
                )
            results.append((kind, code, "ok", ""))
        except RspError as e:
            results.append((kind, code, type(e).__name__, str(e)))
        except Exception as e:  # noqa: BLE001 - a crash is what this test looks for
            results.append((kind, code, "CRASH", f"{type(e).__name__}: {e}"))
    db.dispose()
    queue.put(results)


def prepare(db) -> None:
    clock = FixedClock(at("2022-02-22"))
    make_programme(db, clock)
    engine.advance(
        db,
        clock,
        "sekreterare",
        None,
        "decide_start",
        decision=parse_decision_ref("2022-02-22 § 17 RUN/536/2021"),
    )
    engine.advance(db, clock, "processledare", None, "begin_drafting")
    clock.set(at("2014-05-01"))
    for code in MEASURES:
        lifecycle.advance(db, clock, "processledare", None, code, "start", year=2014)


def counts(db) -> dict:
    with db.read() as s:
        c = s.connection()
        q = lambda sql: c.execute(sa.text(sql)).scalar()  # noqa: E731
        return {
            "process_version": q("SELECT version FROM process_instance"),
            "process_events": q(
                "SELECT count(*) FROM audit_event WHERE trigger = "
                "'consult_service_z' AND outcome = 'applied'"
            ),
            "notes": q("SELECT count(*) FROM measure_note"),
            "progress": q(
                "SELECT count(*) FROM audit_event WHERE trigger = "
                "'report_progress' AND outcome = 'applied'"
            ),
            "measure_versions": q(
                "SELECT sum(m.version) FROM measure m JOIN action_plan p "
                "ON p.id = m.plan_id WHERE p.year = 2014"
            ),
            "followups": q(
                "SELECT count(*) FROM audit_event WHERE action = "
                "'followup.recorded' AND outcome = 'applied'"
            ),
        }


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_eight_writers_lose_nothing(kind, tmp_path):
    with database(kind, tmp_path) as db:
        prepare(db)
        before = counts(db)
        url = db.url
        ctx = multiprocessing.get_context("spawn")
        queue = ctx.Queue()
        procs = [ctx.Process(target=worker, args=(url, seed, queue)) for seed in range(WORKERS)]
        for p in procs:
            p.start()
        # each worker reports once, when it has done all its work; read before joining
        # (a worker cannot exit while its report is still in the pipe)
        results = [r for _ in procs for r in queue.get(timeout=HANG_GUARD)]
        for p in procs:
            p.join(timeout=HANG_GUARD)
            assert p.exitcode == 0
        after = counts(db)
        with db.read() as s:
            verification = audit_verify.verify(s)

    crashes = [r for r in results if r[2] == "CRASH"]
    assert not crashes, crashes
    assert len(results) == WORKERS * OPS
    ok = {
        k: sum(1 for r in results if r[0] == k and r[2] == "ok")
        for k in ("process", "note", "progress", "stale", "followup")
    }
    # every failure is one of rsp's clear errors, and a stale version says so
    for kind_, _code, outcome, message in results:
        if outcome != "ok":
            assert outcome in ("ConflictError", "InvalidTransition"), (kind_, outcome, message)
            assert message
    assert after["process_events"] - before["process_events"] == ok["process"]
    assert after["process_version"] - before["process_version"] == ok["process"]
    assert after["notes"] - before["notes"] == ok["note"]
    assert after["progress"] - before["progress"] == ok["progress"] + ok["stale"]
    assert after["followups"] - before["followups"] == ok["followup"]
    # every write to a measure claims its version: progress reports and follow-ups
    assert after["measure_versions"] - before["measure_versions"] == (
        ok["progress"] + ok["stale"] + ok["followup"]
    )
    assert verification.ok, verification.problems
    assert ok["process"] and ok["note"] and ok["progress"]
