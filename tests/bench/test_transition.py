"""A persisted transition costs at most 1.3x a bare SQLModel get/update/insert/commit.

Both run on a SQLite WAL file opened by `process.db.open_database` (same pragmas), each op
in a fresh Session on the engine's pooled connection. Batches alternate; the per-op time
of each is the fastest batch's mean (noise only ever adds time).
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path

import pytest
from sqlalchemy.orm import registry
from sqlmodel import Field, Session, SQLModel

from process.core.clock import FixedClock
from process.storage.database import Database, open_database
from process.workflow import engine
from tests.bench.benchutil import alternating, report
from tests.bench.conftest import COMMENT, REPEATABLE, WORKER

pytestmark = pytest.mark.bench

TARGET = 1.3
BATCHES = 7
PER_BATCH = 100
WARMUP = 30

_floor_registry = registry()  # the floor's tables stay out of rsp's SQLModel.metadata


class _FloorBase(SQLModel, registry=_floor_registry):
    pass


class FloorItem(_FloorBase, table=True):
    __tablename__ = "floor_item"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    state: str
    version: int = 1


class FloorNote(_FloorBase, table=True):
    __tablename__ = "floor_note"
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="floor_item.id", index=True)
    at: str
    text: str


def _floor_db(folder: Path) -> Database:
    folder.mkdir()
    db = open_database(str(folder / "floor.db"))
    _floor_registry.metadata.create_all(db.engine)
    with Session(db.engine) as session:
        session.add(FloorItem(id=1, name="RSP 2022-2030", state="drafting"))
        session.commit()
    return db


def _floor_op(db: Database, clock: FixedClock) -> None:
    clock.advance(seconds=1)
    with Session(db.engine) as session:
        item = session.get(FloorItem, 1)
        assert item is not None
        item.version += 1
        session.add(FloorNote(item_id=1, at=clock.now().isoformat(), text=COMMENT))
        session.commit()


def _transition_op(db: Database, clock: FixedClock) -> None:
    clock.advance(seconds=1)
    engine.advance(db, clock, WORKER, None, REPEATABLE, comment=COMMENT)


def test_transition_vs_bare_sqlmodel(
    drafting_db: tuple[Database, FixedClock], tmp_path: Path
) -> None:
    db, clock = drafting_db
    floor_db = _floor_db(tmp_path / "floor")
    floor_clock = FixedClock(dt.datetime(2022, 3, 1, 9, tzinfo=dt.UTC))
    try:

        def transition() -> None:
            _transition_op(db, clock)

        def floor() -> None:
            _floor_op(floor_db, floor_clock)

        transition_times, floor_times = alternating(transition, floor, BATCHES, PER_BATCH, WARMUP)
    finally:
        floor_db.dispose()
    print(
        f"\n  per-op batch means (ms): transition "
        f"{[round(t * 1000, 2) for t in transition_times]}, floor "
        f"{[round(t * 1000, 2) for t in floor_times]}"
    )
    ratio = report(
        "transition",
        min(transition_times),
        min(floor_times),
        TARGET,
        transition_median_ms=round(statistics.median(transition_times) * 1000, 4),
        floor_median_ms=round(statistics.median(floor_times) * 1000, 4),
        ops=BATCHES * PER_BATCH,
    )
    assert ratio <= TARGET, f"a transition costs {ratio:.2f}x the bare SQLModel floor"
