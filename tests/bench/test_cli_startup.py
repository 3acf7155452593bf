"""Process start-up: `rsp --help` vs `import click` (at most 1.3x); `rsp advance` (1.15x)
and `rsp status` (1.25x) vs importing their libraries (click, sqlmodel, transitions).

Wall time of fresh processes, subject and floor alternating; each is taken as the mean of
its fastest quarter of runs (noise only ever adds time); medians are printed and recorded.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from process.core.clock import FixedClock
from process.storage.database import Database
from tests.bench.benchutil import (
    PYTHON,
    RSP,
    clean_env,
    costliest_extra,
    extra_imports,
    fast,
    fmt_extra,
    imported_modules,
    report,
    summary,
    time_pair,
)
from tests.bench.conftest import COMMENT, REPEATABLE, WORKER

pytestmark = pytest.mark.bench

HELP_TARGET = 1.3  # issue 11
ADVANCE_TARGET = 1.15
STATUS_TARGET = 1.25
HELP_REPS = 30
ADVANCE_REPS = 20
FORBIDDEN = ("yaml", "jinja2", "alembic", "apscheduler", "holidays", "icalendar")


def _medians(subject: list[float], floor: list[float]) -> str:
    return (
        f"  medians: {statistics.median(subject) * 1000:.0f} ms vs "
        f"{statistics.median(floor) * 1000:.0f} ms = "
        f"{statistics.median(subject) / statistics.median(floor):.2f}x"
    )


def test_help_vs_import_click(tmp_path: Path, pycache: Path) -> None:
    env = clean_env(pycache)
    subject, floor = [RSP, "--help"], [PYTHON, "-c", "import click"]
    subject_times, floor_times = time_pair(subject, floor, HELP_REPS, env, tmp_path)
    extra = extra_imports(
        imported_modules([RSP, "--help"], env, tmp_path),
        imported_modules(["-c", "import click"], env, tmp_path),
    )
    ratio = report(
        "rsp --help",
        fast(subject_times),
        fast(floor_times),
        HELP_TARGET,
        subject_runs=summary(subject_times),
        floor_runs=summary(floor_times),
        extra_imports=[list(r) for r in extra],
    )
    print(_medians(subject_times, floor_times))
    print(f"  imported beyond click: {fmt_extra(extra) or 'nothing'}")
    assert ratio <= HELP_TARGET


def _advance_env(db: Database, pycache: Path) -> dict[str, str]:
    path = db.engine.url.database
    assert path
    return clean_env(pycache, RSP_DATABASE_URL=path, RSP_USER=WORKER, RSP_NOW="2022-03-15T10:00")


def test_advance_vs_import_libraries(
    drafting_db: tuple[Database, FixedClock], tmp_path: Path, pycache: Path
) -> None:
    db, _clock = drafting_db
    env = _advance_env(db, pycache)
    db.dispose()
    subject = [RSP, "advance", REPEATABLE, "-m", COMMENT]
    floor = [PYTHON, "-c", "import click, sqlmodel, transitions"]
    subject_times, floor_times = time_pair(
        subject, floor, ADVANCE_REPS, clean_env(pycache), tmp_path, subject_env=env
    )
    subject_modules = imported_modules(subject, env, tmp_path)
    floor_modules = imported_modules(floor[1:], clean_env(pycache), tmp_path)
    extra = extra_imports(subject_modules, floor_modules)
    costliest = costliest_extra(subject_modules, floor_modules)
    ratio = report(
        "rsp advance",
        fast(subject_times),
        fast(floor_times),
        ADVANCE_TARGET,
        subject_runs=summary(subject_times),
        floor_runs=summary(floor_times),
        extra_imports=[list(r) for r in extra],
        costliest_extra=[list(r) for r in costliest],
    )
    print(_medians(subject_times, floor_times))
    print(f"  imported beyond click, sqlmodel, transitions: {fmt_extra(extra)}")
    print(
        "  costliest of those (self time): "
        + ", ".join(f"{name} {us / 1000:.1f} ms" for name, us in costliest)
    )
    assert ratio <= ADVANCE_TARGET


def test_status_vs_import_libraries(
    drafting_db: tuple[Database, FixedClock], tmp_path: Path, pycache: Path
) -> None:
    db, _clock = drafting_db
    env = _advance_env(db, pycache)
    db.dispose()
    subject = [RSP, "status"]
    floor = [PYTHON, "-c", "import click, sqlmodel, transitions"]
    subject_times, floor_times = time_pair(
        subject, floor, ADVANCE_REPS, clean_env(pycache), tmp_path, subject_env=env
    )
    extra = extra_imports(
        imported_modules(subject, env, tmp_path),
        imported_modules(floor[1:], clean_env(pycache), tmp_path),
    )
    ratio = report(
        "rsp status",
        fast(subject_times),
        fast(floor_times),
        STATUS_TARGET,
        subject_runs=summary(subject_times),
        floor_runs=summary(floor_times),
        extra_imports=[list(r) for r in extra],
    )
    print(_medians(subject_times, floor_times))
    print(f"  imported beyond click, sqlmodel, transitions: {fmt_extra(extra)}")
    assert ratio <= STATUS_TARGET


def test_advance_imports_nothing_heavy(
    drafting_db: tuple[Database, FixedClock], tmp_path: Path, pycache: Path
) -> None:
    db, _clock = drafting_db
    env = _advance_env(db, pycache)
    db.dispose()
    modules = imported_modules([RSP, "advance", REPEATABLE, "-m", COMMENT], env, tmp_path)
    heavy = sorted({m.split(".")[0] for m in modules} & set(FORBIDDEN))
    print(
        f"\n  rsp advance imports {len(modules)} modules; "
        f"of {', '.join(FORBIDDEN)}: {', '.join(heavy) or 'none'}"
    )
    assert not heavy, f"rsp advance imports {heavy}: keep them off the advance path"
