"""Measures at scale, on a SQLite file opened by `process.db.open_database` (same pragmas).

1. `rsp measures list --due-within 14` over 100,000 measures: the service call (session,
   programme lookup, the query, rows with state labels) costs at most 3x the same query
   through the stdlib `sqlite3` module on the same file, in the same run. Both must use
   the deadline index (checked with EXPLAIN QUERY PLAN).
2. Importing a generated 1,000-measure plan takes at most a few seconds (the seconds are
   reported; the ratio is against parsing and validating the same file alone).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite as sqlite_dialect

from process.core.clock import FixedClock
from process.plans import measure_queries as measures
from process.plans import plan_import as plans
from process.plans.plan_file import load_action_plan
from process.storage.database import Database
from tests.bench.benchutil import alternating, insert_measures, report
from tests.plangen import plan_yaml
from tests.support import at, clock_at, database, make_programme

pytestmark = pytest.mark.bench

N_MEASURES = 100_000
PER_PLAN = 1_000
DAYS_SPREAD = 1_000  # deadlines spread over this many days: ~100 a day
TODAY = dt.date(2015, 6, 1)
LIST_TARGET = 3.0
BATCHES, PER_BATCH, WARMUP = 7, 20, 10
IMPORT_SIZE = 1_000
IMPORT_SECONDS = 5.0
IMPORT_TARGET = 3.0
IMPORT_REPS = 3

RAW_SQL = """
SELECT m.id, p.year, m.code, m.area, m.title, m.state, m.definition_id, b.key,
       d.due_date, d.text
FROM measure_deadline d
JOIN measure m ON m.id = d.measure_id
JOIN action_plan p ON p.id = m.plan_id
LEFT JOIN measure_body mb ON mb.measure_id = m.id AND mb.position = 0
LEFT JOIN body b ON b.id = mb.body_id
WHERE d.due_date <= ? AND m.state IN ('planned', 'ongoing', 'postponed')
  AND d.due_date >= ? AND p.programme_id = ?
ORDER BY d.due_date, p.year, m.code
"""


def _fill(path: str, n: int) -> None:
    """Add `n` measures in plans of 1,000 (years 2015 on), one deadline and two bodies each."""
    states = ("planned", "ongoing", "postponed", "done", "followed_up", "planned", "ongoing")
    with sqlite3.connect(path) as conn:
        prog_id, def_id = conn.execute(
            "SELECT p.programme_id, m.definition_id FROM measure m "
            "JOIN action_plan p ON p.id = m.plan_id"
        ).fetchone()
        body_ids = [r[0] for r in conn.execute("SELECT id FROM body ORDER BY id LIMIT 3")]
        now = "2015-01-01 08:00:00.000000"
        for k in range(n // PER_PLAN):
            year = 2015 + k
            cur = conn.execute(
                "INSERT INTO action_plan (programme_id, year, title, followup, source, "
                "imported_at) VALUES (?, ?, ?, '', 'bench', ?)",
                (prog_id, year, f"Plan {year}", now),
            )
            plan_id = cur.lastrowid
            first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM measure").fetchone()[0]
            rows, dls, mbs = [], [], []
            for i in range(PER_PLAN):
                mid, n_all = first + i, k * PER_PLAN + i
                rows.append(
                    (
                        mid,
                        plan_id,
                        f"{i // 25 + 1}.{chr(65 + i % 25)}",
                        i // 25 + 1,
                        f"Insats {n_all}",
                        "Delmål",
                        '["1.1"]',
                        "[]",
                        "[]",
                        states[n_all % len(states)],
                        now,
                        1,
                        def_id,
                        now,
                    )
                )
                due = dt.date(2014, 1, 1) + dt.timedelta(days=(n_all * 7919) % DAYS_SPREAD)
                dls.append((mid, due.isoformat(), "Klart"))
                mbs += [(mid, 0, body_ids[n_all % 3]), (mid, 1, body_ids[(n_all + 1) % 3])]
            insert_measures(conn, rows, dls, mbs)
        conn.execute("ANALYZE")


@pytest.fixture
def big_db(tmp_path: Path) -> Iterator[tuple[Database, FixedClock]]:
    with database("sqlite", tmp_path) as db:
        clock = clock_at("2015-06-01")
        make_programme(db, clock)
        path = db.engine.url.database
        assert path
        _fill(path, N_MEASURES)
        yield db, clock


def test_due_within_14_vs_raw_sqlite(big_db: tuple[Database, FixedClock]) -> None:
    db, _clock = big_db
    path = db.engine.url.database
    assert path
    raw = sqlite3.connect(path)
    prog_id = raw.execute("SELECT id FROM programme").fetchone()[0]
    params = ((TODAY + dt.timedelta(days=14)).isoformat(), TODAY.isoformat(), prog_id)
    plan_text = " ".join(r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + RAW_SQL, params))
    assert "ix_measure_deadline_due" in plan_text, plan_text
    filters = measures.Filters(due_within=14)
    service_sql = str(
        measures.list_query(prog_id, filters, TODAY, None).compile(
            dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}
        )
    )
    service_plan = " ".join(r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + service_sql))
    assert "USING INDEX ix_measure_deadline_due" in service_plan, service_plan

    def service() -> list:
        with db.read() as session:
            return measures.list_measures(session, None, TODAY, filters)

    def floor() -> list:
        return raw.execute(RAW_SQL, params).fetchall()

    n_rows = len(service())
    assert n_rows == len(floor()) > 500
    assert [r.id for r in service()] == [r[0] for r in floor()]
    service_times, floor_times = alternating(service, floor, BATCHES, PER_BATCH, WARMUP)
    raw.close()
    print(f"\n  {N_MEASURES} measures, {n_rows} rows due within 14 days; query plan: {plan_text}")
    ratio = report(
        "measures list --due-within 14",
        min(service_times),
        min(floor_times),
        LIST_TARGET,
        measures=N_MEASURES,
        rows=n_rows,
        service_median_ms=round(statistics.median(service_times) * 1000, 4),
        floor_median_ms=round(statistics.median(floor_times) * 1000, 4),
    )
    assert ratio <= LIST_TARGET


class _Count:
    def __init__(self) -> None:
        self.total = self.done = 0

    def start(self, total: int) -> None:
        self.total = total

    def step(self, n: int) -> None:
        self.done += n


def test_import_1000_measure_plan(tmp_path: Path) -> None:
    with database("sqlite", tmp_path) as db:
        clock = clock_at("2015-01-10")
        make_programme(db, clock)
        known = {"lansstyrelsen", "regionforbundet", "kommunerna"}
        import_times, parse_times = [], []
        for i in range(IMPORT_REPS):
            year = 2015 + i
            path = tmp_path / f"plan-{year}.yaml"
            path.write_text(plan_yaml(year, IMPORT_SIZE), encoding="utf-8")
            start = time.perf_counter()
            load_action_plan(path, known, year)
            parse_times.append(time.perf_counter() - start)
            clock.set(at(f"{year}-01-10"))
            progress = _Count()
            start = time.perf_counter()
            result = plans.import_plan(db, clock, "processledare", None, str(path), year, progress)
            import_times.append(time.perf_counter() - start)
            assert len(result.created) == IMPORT_SIZE
            assert progress.total == progress.done == IMPORT_SIZE
    seconds = min(import_times)
    print(
        f"\n  import of {IMPORT_SIZE} measures: {[round(t, 2) for t in import_times]} s; "
        f"parse+validate alone: {[round(t, 2) for t in parse_times]} s"
    )
    ratio = report(
        "plan import 1000 measures",
        seconds,
        min(parse_times),
        IMPORT_TARGET,
        seconds=round(seconds, 3),
        limit_seconds=IMPORT_SECONDS,
        measures=IMPORT_SIZE,
    )
    assert seconds <= IMPORT_SECONDS, f"importing {IMPORT_SIZE} measures took {seconds:.2f} s"
    assert ratio <= IMPORT_TARGET
