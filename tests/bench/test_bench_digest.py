"""The weekly digest of a programme with 10,000 measures, on a SQLite file opened by
`process.db.open_database` (same pragmas).

1. The HTML renders in at most 250 ms (the one absolute limit: a mail for the steering
   group, made on the daemon's machine).
2. Building its data costs at most as much as rendering it, measured in the same run: the
   data comes from a fixed number of set-based queries, none per measure or body, so
   it grows with the rows fetched, not with round trips. A query count that does not
   grow with the number of measures is checked in tests/integration/test_digest.py.

The 10,000 measures are one year's plan in four priority areas, every state, a deadline
each spread over the year (about 3,000 overdue and 270 due within 14 days on the day of
the digest), two responsible bodies each; plus refused attempts and failed mails for the
process lead's copy, which is the one measured.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from notifications.digest import data as digest
from notifications.digest.render import render
from process.core.clock import FixedClock
from process.storage.database import Database
from tests.bench.benchutil import alternating, insert_measures, report
from tests.support import at, database, make_programme

pytestmark = pytest.mark.bench

N_MEASURES = 10_000
AREAS = 4
YEAR = 2015
NOW = "2015-06-01"
RENDER_LIMIT = 0.250  # seconds
TARGET = 1.0  # data / render
BATCHES, PER_BATCH, WARMUP = 7, 3, 2
N_REFUSED, N_FAILED = 60, 40
STATES = ("planned", "ongoing", "postponed", "done", "followed_up", "planned", "ongoing")


def _fill(path: str) -> None:
    """One plan of N_MEASURES measures, plus refused audit rows and failed outbox rows."""
    stamp = "2015-01-01 08:00:00.000000"
    with sqlite3.connect(path) as conn:
        prog_id, def_id = conn.execute(
            "SELECT p.programme_id, m.definition_id FROM measure m "
            "JOIN action_plan p ON p.id = m.plan_id"
        ).fetchone()
        body_ids = [r[0] for r in conn.execute("SELECT id FROM body ORDER BY id")]
        plan_id = conn.execute(
            "INSERT INTO action_plan (programme_id, year, title, followup, source, "
            "imported_at) VALUES (?, ?, ?, '', 'bench', ?)",
            (prog_id, YEAR, f"Handlingsplan {YEAR}", stamp),
        ).lastrowid
        conn.executemany(
            "INSERT INTO plan_area (plan_id, number, title, description, examples)"
            " VALUES (?, ?, ?, '', '[]')",
            [(plan_id, n, f"Prioriterat område {n}") for n in range(1, AREAS + 1)],
        )
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM measure").fetchone()[0]
        rows, deadlines, bodies = [], [], []
        for i in range(N_MEASURES):
            mid, area = first + i, i % AREAS + 1
            rows.append(
                (
                    mid,
                    plan_id,
                    f"{area}.{i}",
                    area,
                    f"Insats {i}: service i byarna",
                    "Delmål",
                    json.dumps([f"{area}.1"]),
                    "[]",
                    "[]",
                    STATES[i % len(STATES)],
                    stamp,
                    1,
                    def_id,
                    stamp,
                )
            )
            due = dt.date(YEAR, 1, 1) + dt.timedelta(days=(i * 7919) % 365)
            deadlines.append((mid, due.isoformat(), "Insatsen genomförd"))
            bodies += [
                (mid, 0, body_ids[i % len(body_ids)]),
                (mid, 1, body_ids[(i + 3) % len(body_ids)]),
            ]
        insert_measures(conn, rows, deadlines, bodies)
        conn.execute("ANALYZE")


def _lead_rows(db: Database, clock: FixedClock) -> None:
    """Refused attempts in the period (through the audit service) and failed mails."""
    from notifications.mail.outbox import TABLE
    from process.access import audit

    with db.write() as session:
        prog_id = session.connection().exec_driver_sql("SELECT id FROM programme").scalar()
        for i in range(N_REFUSED):
            audit.append(
                session,
                at=clock.now() - dt.timedelta(hours=i),
                actor="processledare",
                action="transition",
                outcome="refused",
                programme_id=prog_id,
                subject="process:1",
                trigger="adopt",
                detail={"reason": f"processledare may not adopt ({i})"},
            )
        session.connection().execute(
            TABLE.insert(),
            [
                {
                    "recipient": f"kommun{i}@x.example",
                    "subject": f"measure:{i}",
                    "rule": "measure.before_7",
                    "due_on": dt.date(2015, 5, 25),
                    "deadline": dt.date(2015, 6, 1),
                    "kind": "measure",
                    "programme_id": prog_id,
                    "message_id": f"<bench{i}@x.example>",
                    "lang": "sv",
                    "mail_subject": "Påminnelse",
                    "body_text": "",
                    "body_html": "",
                    "to_json": "[]",
                    "cc_json": "[]",
                    "status": "failed",
                    "attempts": 10,
                    "next_attempt_at": clock.now(),
                    "last_error": "550 5.1.1 no such user",
                    "created_at": clock.now(),
                }
                for i in range(N_FAILED)
            ],
        )


@pytest.fixture
def big_db(tmp_path: Path) -> Iterator[tuple[Database, FixedClock]]:
    with database("sqlite", tmp_path) as db:
        clock = FixedClock(at("2015-01-01"))
        make_programme(db, clock)
        path = db.engine.url.database
        assert path
        _fill(path)
        clock.set(at(NOW))
        _lead_rows(db, clock)
        yield db, clock


def test_digest_of_10000_measures(big_db: tuple[Database, FixedClock]) -> None:
    db, clock = big_db
    now = clock.now()

    def build() -> dict[str, Any]:
        with db.read() as session:
            return digest.build(session, None, now, "sv", lead=True)

    data = build()

    def draw() -> str:
        return render(data, "html")

    html = draw()
    assert data["measures"]["total"] == N_MEASURES
    assert len(data["overdue"]) > 2_000 and len(data["due_soon"]) > 100
    assert len(data["refused"]) == N_REFUSED and len(data["failed"]) == N_FAILED
    build_times, render_times = alternating(build, draw, BATCHES, PER_BATCH, WARMUP)
    build_s, render_s = min(build_times), min(render_times)
    print(
        f"\n  {N_MEASURES} measures: {len(data['overdue'])} overdue, "
        f"{len(data['due_soon'])} due within 14 days; HTML {len(html) / 1e6:.2f} MB; "
        f"render {render_s * 1000:.0f} ms (limit {RENDER_LIMIT * 1000:.0f} ms), "
        f"data {build_s * 1000:.0f} ms"
    )
    ratio = report(
        "digest data vs render (10,000 measures)",
        build_s,
        render_s,
        TARGET,
        render_ms=round(render_s * 1000, 2),
        render_limit_ms=RENDER_LIMIT * 1000,
        data_median_ms=round(statistics.median(build_times) * 1000, 2),
        render_median_ms=round(statistics.median(render_times) * 1000, 2),
        measures=N_MEASURES,
        overdue=len(data["overdue"]),
        due_soon=len(data["due_soon"]),
        html_bytes=len(html),
    )
    assert render_s <= RENDER_LIMIT, f"the HTML took {render_s * 1000:.0f} ms to render"
    assert ratio <= TARGET, f"building the data costs {ratio:.2f}x rendering it"
