"""Benchmark fixtures: a real SQLite file holding the example programme, in `drafting`.

tests/bench is excluded from the normal run by pyproject's `norecursedirs`; `make bench`
names the folder explicitly, which pytest collects.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from process.core.clock import FixedClock
from process.core.decision_refs import parse_decision_ref
from process.storage.database import Database
from process.workflow import engine
from tests.support import clock_at, database, make_programme

WORKER = "processledare"  # holds working_group: may fire consult_service_z
REPEATABLE = "consult_service_z"  # drafting -> drafting, needs a comment
COMMENT = "Service-Z: nulägesbeskrivning och prioriteringar"


@pytest.fixture(scope="session")
def pycache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bytecode cache shared by every timed process of the run (see benchutil.clean_env)."""
    return tmp_path_factory.mktemp("pycache")


@pytest.fixture
def drafting_db(tmp_path: Path) -> Iterator[tuple[Database, FixedClock]]:
    """The example programme on a fresh SQLite file (WAL), its process in `drafting`."""
    with database("sqlite", tmp_path) as db:
        clock = clock_at("2022-02-22")
        make_programme(db, clock)
        engine.advance(
            db,
            clock,
            "sekreterare",
            None,
            "decide_start",
            decision=parse_decision_ref("2022-02-22 § 12 RUN/536/2021", "Arbetet påbörjas"),
        )
        clock.advance(days=7)
        engine.advance(db, clock, WORKER, None, "begin_drafting")
        yield db, clock
