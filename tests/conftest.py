"""Fixtures: a FixedClock, and real databases (SQLite file; PostgreSQL per-test schema)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from process.storage.database import Database
from tests.support import clock_at, database


@pytest.fixture
def clock():
    return clock_at("2021-10-15")


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    with database("sqlite", tmp_path) as db:
        yield db


@pytest.fixture
def pg_db(tmp_path: Path) -> Iterator[Database]:
    with database("postgres", tmp_path) as db:
        yield db


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on a real SQLite file and on the real PostgreSQL server."""
    with database(request.param, tmp_path) as db:
        yield db
