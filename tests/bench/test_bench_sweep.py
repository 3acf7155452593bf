"""The reminder sweep at scale, on a SQLite file opened by `process.db.open_database`.

100,000 measures, 1% of them with a reminder due now (open measures whose deadline lies
between 150 days ago and 14 days ahead); the rest are closed measures near their deadline
(2,000) or open ones with deadlines months to years ahead. One `sweep.sweep` (every
source, the due computation, rendering both mail parts per recipient, the idempotent
insert with RETURNING, the audit row) costs at most 3x the floor, measured in the same
run: the stdlib `sqlite3` module selecting the same deadlines through the same index,
joined with their bodies' addresses, and `executemany` inserting as many outbox rows of
the same size into a table like the outbox (same columns, same unique key and index),
in one transaction on the same file.
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

from notifications.reminders import measure_items, sweep
from notifications.reminders.rules import load_rules
from process.core.clock import FixedClock
from process.storage.database import Database
from tests.bench.benchutil import insert_measures, report
from tests.support import at, clock_at, database, make_programme

pytestmark = pytest.mark.bench

N_MEASURES = 100_000
PER_PLAN = 1_000
DUE = N_MEASURES // 100  # 1%
CLOSED_NEAR = 2 * DUE  # done / followed up / cancelled, deadlines inside the window
NOW = at("2016-03-02", 10)  # a Wednesday
TODAY = NOW.date()
TARGET = 3.0
REPS = 9
RULES = load_rules()

FLOOR_SELECT = """
SELECT d.id, d.measure_id, d.due_date, d.text, m.code, m.title, m.subgoal, p.year,
       p.programme_id, mb.position, b.name, b.emails
FROM measure_deadline d
JOIN measure m ON m.id = d.measure_id
JOIN action_plan p ON p.id = m.plan_id
JOIN measure_body mb ON mb.measure_id = m.id
JOIN body b ON b.id = mb.body_id
WHERE d.due_date >= ? AND d.due_date <= ? AND m.state IN ('planned', 'ongoing', 'postponed')
ORDER BY d.due_date, d.id, mb.position
"""
FLOOR_TABLE = """
CREATE TABLE floor_outbox (
    id INTEGER PRIMARY KEY, recipient VARCHAR NOT NULL, subject VARCHAR NOT NULL,
    rule VARCHAR NOT NULL, due_on DATE NOT NULL, deadline DATE NOT NULL,
    kind VARCHAR NOT NULL, programme_id INTEGER, message_id VARCHAR NOT NULL UNIQUE,
    lang VARCHAR NOT NULL, mail_subject VARCHAR NOT NULL, body_text VARCHAR NOT NULL,
    body_html VARCHAR NOT NULL, to_json VARCHAR NOT NULL, cc_json VARCHAR NOT NULL,
    status VARCHAR NOT NULL, attempts INTEGER NOT NULL, next_attempt_at DATETIME NOT NULL,
    claim_token VARCHAR, claimed_until DATETIME, last_error VARCHAR, sent_at DATETIME,
    created_at DATETIME NOT NULL,
    UNIQUE (subject, rule, due_on, recipient))
"""
FLOOR_INSERT = (
    "INSERT INTO floor_outbox (recipient, subject, rule, due_on, deadline, kind, "
    "programme_id, message_id, lang, mail_subject, body_text, body_html, to_json, "
    "cc_json, status, attempts, next_attempt_at, created_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT (subject, rule, due_on, recipient) DO NOTHING"
)


def _deadline(n: int) -> tuple[dt.date, str]:
    """Measure n's deadline and state: the first DUE are due, the next CLOSED_NEAR are
    closed near their deadline, the rest are open and months to years ahead."""
    if n < DUE:
        return TODAY + dt.timedelta(days=14 - (n * 7) % 165), ("planned", "ongoing", "postponed")[
            n % 3
        ]
    if n < DUE + CLOSED_NEAR:
        return TODAY + dt.timedelta(days=14 - (n * 7) % 165), ("done", "followed_up", "cancelled")[
            n % 3
        ]
    return TODAY + dt.timedelta(days=40 + (n * 7919) % 3000), ("planned", "ongoing")[n % 2]


def _fill(path: str) -> None:
    """Add N_MEASURES measures in plans of 1,000, one deadline and two bodies each."""
    with sqlite3.connect(path) as conn:
        prog_id, def_id = conn.execute(
            "SELECT p.programme_id, m.definition_id FROM measure m "
            "JOIN action_plan p ON p.id = m.plan_id"
        ).fetchone()
        body_ids = [r[0] for r in conn.execute("SELECT id FROM body ORDER BY id LIMIT 3")]
        stamp = "2015-01-01 08:00:00.000000"
        order = [(k * 7919) % N_MEASURES for k in range(N_MEASURES)]  # due ones spread out
        for k in range(N_MEASURES // PER_PLAN):
            year = 2015 + k
            plan_id = conn.execute(
                "INSERT INTO action_plan (programme_id, year, title, followup, source, "
                "imported_at) VALUES (?, ?, ?, '', 'bench', ?)",
                (prog_id, year, f"Plan {year}", stamp),
            ).lastrowid
            first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM measure").fetchone()[0]
            rows, dls, mbs = [], [], []
            for i in range(PER_PLAN):
                mid, n = first + i, order[k * PER_PLAN + i]
                due, state = _deadline(n)
                rows.append(
                    (
                        mid,
                        plan_id,
                        f"{i // 25 + 1}.{chr(65 + i % 25)}",
                        i // 25 + 1,
                        f"Insats {n}: servicepunkter i glesbygd",
                        "Delmål uppnått",
                        '["1.1"]',
                        "[]",
                        "[]",
                        state,
                        stamp,
                        1,
                        def_id,
                        stamp,
                    )
                )
                dls.append((mid, due.isoformat(), "Insatsen genomförd"))
                mbs += [(mid, 0, body_ids[n % 3]), (mid, 1, body_ids[(n + 1) % 3])]
            insert_measures(conn, rows, dls, mbs)
        conn.execute(FLOOR_TABLE)
        conn.execute("CREATE INDEX ix_floor_outbox_ready ON floor_outbox (status, next_attempt_at)")
        conn.execute("CREATE INDEX ix_floor_outbox_programme ON floor_outbox (programme_id)")
        conn.execute("ANALYZE")


@pytest.fixture
def big_db(tmp_path: Path) -> Iterator[Database]:
    with database("sqlite", tmp_path) as db:
        make_programme(db, clock_at("2015-01-01"))
        path = db.engine.url.database
        assert path
        _fill(path)
        yield db


def _floor(conn: sqlite3.Connection, low: str, high: str, text_pad: str, html_pad: str) -> int:
    """Select the due deadlines with their bodies' addresses, insert one outbox row per
    address, commit; the number of rows inserted."""
    import json

    stamp = NOW.isoformat()
    conn.execute("BEGIN IMMEDIATE")
    rows = []
    for did, mid, due, text, code, title, subgoal, year, prog, pos, name, emails in conn.execute(
        FLOOR_SELECT, (low, high)
    ):
        subject = f"measure:{mid}:deadline:{did}"
        mail_subject = f"Påminnelse: {code} {title}: {text} – senast {due}"
        for address in json.loads(emails):
            rows.append(
                (
                    address,
                    subject,
                    "measure.rule",
                    due,
                    due,
                    "measure",
                    prog,
                    f"<{did}.{pos}.{address}@floor>",
                    "sv",
                    mail_subject,
                    f"{title} {subgoal} {year} {name} {text_pad}",
                    f"<p>{title} {subgoal} {year} {name}</p>{html_pad}",
                    json.dumps([[name, address]]),
                    "[]",
                    "pending",
                    0,
                    stamp,
                    stamp,
                )
            )
    before = conn.total_changes
    conn.executemany(FLOOR_INSERT, rows)
    inserted = conn.total_changes - before
    conn.execute("COMMIT")
    return inserted


def test_sweep_100k_measures_1pct_due_vs_raw_sqlite(big_db: Database) -> None:
    db = big_db
    path = db.engine.url.database
    assert path
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    span = measure_items.window(RULES, NOW)
    assert span is not None and span[0] is not None
    low, high = span[0].isoformat(), span[1].isoformat()
    floor_plan = " ".join(
        r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + FLOOR_SELECT, (low, high))
    )
    assert "ix_measure_deadline_due" in floor_plan, floor_plan
    sweep_sql = str(
        measure_items.deadline_query(span[0], span[1]).compile(
            dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}
        )
    )
    sweep_plan = " ".join(r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + sweep_sql))
    assert "USING INDEX ix_measure_deadline_due" in sweep_plan, sweep_plan
    clock = FixedClock(NOW)

    def subject() -> sweep.SweepReport:
        return sweep.sweep(db, clock, RULES, domain="bench.example")

    def reset() -> None:
        raw.execute("DELETE FROM outbox_message")
        raw.execute("DELETE FROM floor_outbox")

    first = subject()
    assert first.problems == [] and first.due == DUE and first.inserted == 2 * DUE
    assert subject().inserted == 0  # idempotent at scale too
    sizes = raw.execute(
        "SELECT avg(length(body_text)), avg(length(body_html)) FROM outbox_message"
    ).fetchone()
    text_pad, html_pad = "x" * int(sizes[0]), "x" * int(sizes[1])  # at least rsp's size
    reset()
    assert _floor(raw, low, high, text_pad, html_pad) == first.inserted
    sweep_times, floor_times = [], []
    for _ in range(REPS):
        reset()
        start = time.perf_counter()
        n = _floor(raw, low, high, text_pad, html_pad)
        floor_times.append(time.perf_counter() - start)
        assert n == 2 * DUE
        reset()
        start = time.perf_counter()
        done = subject()
        sweep_times.append(time.perf_counter() - start)
        assert done.inserted == 2 * DUE
    raw.close()
    print(
        f"\n  {N_MEASURES} measures, {DUE} due ({done.mails} mails); sweep "
        f"{[round(t * 1000) for t in sweep_times]} ms, floor "
        f"{[round(t * 1000) for t in floor_times]} ms; query plan: {sweep_plan}"
    )
    ratio = report(
        "sweep 100k measures 1% due",
        min(sweep_times),
        min(floor_times),
        TARGET,
        measures=N_MEASURES,
        due=DUE,
        mails=done.mails,
        sweep_median_ms=round(statistics.median(sweep_times) * 1000, 2),
        floor_median_ms=round(statistics.median(floor_times) * 1000, 2),
    )
    assert ratio <= TARGET
