"""Scale on PostgreSQL: one database holding all 21 regions' programmes, 8 yearly plans of
200 measures each (33,600 measures, 50,400 dated targets, ~117,000 audit rows; built by
tests/scale.py), looked at on Wednesday 2030-03-06.

Each figure is a ratio to a floor measured in the same run on the same server:
1. status of one programme: at scale vs the same call on a database holding that
   programme alone (<= 1.5x: the other 20 regions cost it nothing).
2. measure lists of one programme (due within 14 days, overdue, the 2030 plan, the whole
   programme's 1,600): at scale vs alone (<= 2x, see LIST_ALONE_TARGET); and the service
   call vs the same answer through a bare psycopg connection, the programme looked up by
   its key and the same SQL (<= 3x, as on SQLite, for the lists of 1,000 rows or more; the
   short lists' ratio is reported: there rsp's fixed ~2 ms per call, not the data, is
   the difference).
3. the sweep of the whole database (every region's due reminders rendered and queued,
   ~5,400 mails) vs a bare psycopg select of the due targets with their bodies'
   addresses and one insert of as many outbox-sized rows (<= 3x, as on SQLite).
4. the digest of one programme: its data at scale vs alone (<= 1.5x), the HTML in
   <= 250 ms. (Data <= render, the SQLite benchmark's target, is for a 10,000-measure
   programme; here a programme has 200 current measures, renders in ~5 ms, and the
   digest's 21 fixed queries dominate: what scale must not do is make them grow.)
Without a PostgreSQL server the module is skipped with the reason (it is not part of
`make test`; the soak at the same scale is, in tests/e2e/test_scale_soak.py).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from notifications.digest import data as digest
from notifications.digest.render import render
from notifications.reminders import measure_items, sweep
from notifications.reminders.rules import load_rules
from process.core.clock import FixedClock
from process.plans import measure_queries as measures
from process.reports import status as status_service
from process.storage import schema
from process.storage.database import Database, open_database
from tests import scale
from tests.bench import test_bench_sweep
from tests.bench.benchutil import alternating, per_op, report
from tests.support import postgres_schema_url

pytestmark = pytest.mark.bench

KEY = scale.programme_key("jamtland-harjedalen")
RULES = load_rules()
ALONE_TARGET, RAW_TARGET, SWEEP_TARGET = 1.5, 3.0, 3.0
MANY_ROWS = 1000  # lists this long (as on SQLite: 1,074 rows) are held to 3x the driver
# A whole programme's list is 5 % of the measures: PostgreSQL reads the measure table
# through (a sequential scan, ~15 ms at 33,600 rows) rather than 8 index lookups, and a
# date window reads every programme's targets in it; so lists get 2x against alone.
LIST_ALONE_TARGET = 2.0
RENDER_LIMIT = 0.250
BATCHES, PER_BATCH, WARMUP = 7, 10, 5
SWEEP_REPS = 3


def _open(regions: tuple[tuple[str, str], ...]) -> Iterator[Database]:
    with postgres_schema_url() as url:
        db = open_database(url)
        try:
            schema.upgrade(db)
            built = scale.build(db, regions)
            print(
                f"\n  built {built.programmes} programme(s), {built.measures} measures, "
                f"{built.deadlines} targets, {built.audit_rows} audit rows in "
                f"{built.seconds:.0f} s"
            )
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            yield db
        finally:
            db.dispose()


@pytest.fixture(scope="module")
def big() -> Iterator[Database]:
    yield from _open(scale.REGIONS)


@pytest.fixture(scope="module")
def alone() -> Iterator[Database]:
    yield from _open(tuple(r for r in scale.REGIONS if r[0] == "jamtland-harjedalen"))


def paired(subject: Callable[[], object], floor: Callable[[], object]) -> tuple[float, float]:
    """Fastest batch mean of each, subject and floor taking turns."""
    s_times, f_times = alternating(subject, floor, BATCHES, PER_BATCH, WARMUP)
    return min(s_times), min(f_times)


def test_status_of_one_programme_at_scale_vs_alone(big: Database, alone: Database) -> None:
    def status_of(db: Database) -> Callable[[], status_service.Status]:
        def call() -> status_service.Status:
            with db.read() as session:
                return status_service.status(session, KEY, scale.NOW)

        return call

    assert status_of(big)() == status_of(alone)()
    value, floor = paired(status_of(big), status_of(alone))
    ratio = report(
        "scale: status of 1 of 21 programmes vs alone",
        value,
        floor,
        ALONE_TARGET,
        programmes=len(scale.REGIONS),
    )
    assert ratio <= ALONE_TARGET


@pytest.mark.parametrize(
    "name,filters",
    [
        ("due within 14 days", measures.Filters(due_within=14)),
        ("overdue", measures.Filters(overdue=True)),
        ("plan 2030", measures.Filters(year=2030)),
        ("whole programme", measures.Filters()),
    ],
)
def test_measure_lists_vs_alone_and_raw_psycopg(
    big: Database, alone: Database, name: str, filters: measures.Filters
) -> None:
    with big.read() as session:
        prog_id = (
            session.connection()
            .execute(sa.text("SELECT id FROM programme WHERE key = :k"), {"k": KEY})
            .scalar_one()
        )
    sql = str(
        measures.list_query(prog_id, filters, scale.TODAY, None).compile(
            dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
        )
    )
    raw = big.engine.raw_connection()
    cursor = raw.cursor()

    def service_of(db: Database) -> Callable[[], list[dict[str, Any]]]:
        def call() -> list[measures.MeasureLine]:
            with db.read() as session:
                return measures.list_measures(session, KEY, scale.TODAY, filters)

        return call

    service = service_of(big)

    def floor() -> list[Any]:
        """The same answer through the bare driver: the programme by its key, the rows."""
        cursor.execute("SELECT id FROM programme WHERE key = %s", (KEY,))
        assert cursor.fetchone()[0] == prog_id
        cursor.execute(sql)
        rows = cursor.fetchall()
        raw.commit()
        return rows

    rows = service()
    assert [r.id for r in rows] == [r[0] for r in floor()] and rows
    assert [r.code for r in rows] == [r.code for r in service_of(alone)()]
    try:
        value, floor_s = paired(service, floor)
    finally:
        raw.close()
    print(f"\n  {name}: {len(rows)} rows")
    scaled = report(
        f"scale: measures list ({name}) vs alone",
        *paired(service, service_of(alone)),
        LIST_ALONE_TARGET,
        rows=len(rows),
    )
    # The bare driver's ratio holds where the rows are the work; a list of a few rows
    # costs rsp a fixed ~2 ms more (session, ORM, one more round trip), whatever the scale.
    target = RAW_TARGET if len(rows) >= MANY_ROWS else None
    ratio = report(
        f"scale: measures list ({name}) vs raw psycopg",
        value,
        floor_s,
        target,
        rows=len(rows),
        measures=33_600,
    )
    assert scaled <= LIST_ALONE_TARGET
    assert target is None or ratio <= target


FLOOR_SELECT = test_bench_sweep.FLOOR_SELECT.replace("?", "%s")  # psycopg's placeholders
FLOOR_TABLE = "CREATE TABLE floor_outbox (LIKE outbox_message INCLUDING ALL)"
FLOOR_INSERT = (
    "INSERT INTO floor_outbox (recipient, subject, rule, due_on, deadline, kind, "
    "programme_id, message_id, lang, mail_subject, body_text, body_html, to_json, cc_json, "
    "status, attempts, next_attempt_at, created_at) VALUES "
    "(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING"
)


def _floor_sweep(raw: Any, low: Any, high: Any, repeat: int, pads: tuple[str, str]) -> int:
    """Select the due targets with their bodies' addresses, insert one row per address
    (each `repeat` times, under other rule names, to match rsp's mail count), commit."""
    cursor = raw.cursor()
    cursor.execute(FLOOR_SELECT, (low, high))
    rows = []
    for (
        did,
        mid,
        due,
        text,
        code,
        title,
        subgoal,
        year,
        prog,
        pos,
        name,
        emails,
    ) in cursor.fetchall():
        subject = f"measure:{mid}:deadline:{did}"
        for address in json.loads(emails):
            for k in range(repeat):
                rows.append(
                    (
                        address,
                        subject,
                        f"measure.rule{k}",
                        due,
                        due,
                        "measure",
                        prog,
                        f"<{did}.{pos}.{k}.{address}@floor>",
                        "sv",
                        f"Påminnelse: {code} {title}: {text} – senast {due}",
                        f"{title} {subgoal} {year} {name} {pads[0]}",
                        f"<p>{title} {subgoal} {year} {name}</p>{pads[1]}",
                        json.dumps([[name, address]]),
                        "[]",
                        "pending",
                        0,
                        scale.NOW,
                        scale.NOW,
                    )
                )
    cursor.executemany(FLOOR_INSERT, rows)
    raw.commit()
    return len(rows)


def test_sweep_of_the_whole_database_vs_raw_psycopg(big: Database) -> None:
    clock = FixedClock(scale.NOW)
    span = measure_items.window(RULES, scale.NOW)
    assert span is not None and span[0] is not None
    raw = big.engine.raw_connection()
    cur = raw.cursor()
    cur.execute(FLOOR_TABLE)
    raw.commit()

    def reset() -> None:
        cur.execute("DELETE FROM outbox_message")
        cur.execute("DELETE FROM floor_outbox")
        raw.commit()

    first = sweep.sweep(big, clock, RULES, domain="bench.example")
    assert first.problems == [] and first.inserted > 4_000
    assert sweep.sweep(big, clock, RULES, domain="bench.example").inserted == 0
    cur.execute("SELECT avg(length(body_text)), avg(length(body_html)) FROM outbox_message")
    text_len, html_len = cur.fetchone()
    pads = ("x" * int(text_len), "x" * int(html_len))
    reset()
    one = _floor_sweep(raw, *span, 1, pads)
    repeat = max(1, round(first.inserted / one))
    sweep_times, floor_times = [], []
    try:
        for _ in range(SWEEP_REPS):
            reset()
            start = time.perf_counter()
            n = _floor_sweep(raw, *span, repeat, pads)
            floor_times.append(time.perf_counter() - start)
            reset()
            start = time.perf_counter()
            done = sweep.sweep(big, clock, RULES, domain="bench.example")
            sweep_times.append(time.perf_counter() - start)
            assert done.inserted == first.inserted
    finally:
        reset()
        raw.close()
    print(
        f"\n  sweep: {first.due} reminders due, {first.inserted} mails queued; floor "
        f"{n} rows; sweep {[round(t * 1000) for t in sweep_times]} ms, floor "
        f"{[round(t * 1000) for t in floor_times]} ms"
    )
    ratio = report(
        "scale: sweep of 21 programmes vs raw psycopg",
        min(sweep_times),
        min(floor_times),
        SWEEP_TARGET,
        due=first.due,
        mails=first.inserted,
        floor_rows=n,
        sweep_median_ms=round(statistics.median(sweep_times) * 1000),
    )
    assert ratio <= SWEEP_TARGET


def test_digest_of_one_programme_at_scale(big: Database, alone: Database) -> None:
    def build_of(db: Database) -> Callable[[], dict[str, Any]]:
        def call() -> dict[str, Any]:
            with db.read() as session:
                return digest.build(session, KEY, scale.NOW, "sv", lead=True)

        return call

    data = build_of(big)()
    assert data == build_of(alone)() | {"compiled": data["compiled"]}
    assert data["measures"]["total"] == scale.PER_PLAN  # the current plan's
    render_s = per_op(lambda: render(data, "html"), PER_BATCH)
    value, floor = paired(build_of(big), build_of(alone))
    print(
        f"\n  digest: {len(data['overdue'])} overdue, {len(data['due_soon'])} due soon; "
        f"render {render_s * 1000:.1f} ms, data {value * 1000:.1f} ms"
    )
    ratio = report(
        "scale: digest data of 1 of 21 programmes vs alone",
        value,
        floor,
        ALONE_TARGET,
        render_ms=round(render_s * 1000, 2),
    )
    assert render_s <= RENDER_LIMIT
    assert ratio <= ALONE_TARGET
