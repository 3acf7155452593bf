"""Benchmark helpers: time fresh processes, read `-X importtime`, report and record a ratio.

Every benchmark compares rsp with a floor measured in the same run on the same machine
and asserts the ratio, never absolute seconds. Results are appended to results.jsonl.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.support import HANG_GUARD

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.jsonl"
PYTHON = sys.executable  # the venv's python (pytest runs from .venv/bin)
RSP = str(Path(sys.executable).parent / "rsp")


def clean_env(pycache: Path, **extra: str) -> dict[str, str]:
    """The environment for timed processes: no RSP_* setting, plus `extra`, and a bytecode
    cache in `pycache`. (Where PYTHONDONTWRITEBYTECODE is set, rsp's own modules would be
    compiled from source in every process while the floor's libraries load their .pyc
    from site-packages; a private cache gives both the same start, and leaves the
    working tree alone. The warm-up runs fill it.)"""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("RSP_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.update(extra)
    return env


def run_timed(argv: Sequence[str], env: dict[str, str], cwd: Path) -> float:
    """Wall time of one fresh process, in seconds; fails if it exits non-zero."""
    start = time.perf_counter()
    proc = subprocess.run(
        list(argv),
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=HANG_GUARD,
    )
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0, f"{' '.join(argv)} failed: {proc.stderr}"
    return elapsed


def time_pair(
    subject: Sequence[str],
    floor: Sequence[str],
    reps: int,
    env: dict[str, str],
    cwd: Path,
    subject_env: dict[str, str] | None = None,
    warmup: int = 2,
) -> tuple[list[float], list[float]]:
    """Run subject and floor alternately `reps` times (after a warm-up); their times."""
    s_env = subject_env or env
    for _ in range(warmup):
        run_timed(floor, env, cwd)
        run_timed(subject, s_env, cwd)
    subject_times, floor_times = [], []
    for _ in range(reps):
        floor_times.append(run_timed(floor, env, cwd))
        subject_times.append(run_timed(subject, s_env, cwd))
    return subject_times, floor_times


def imported_modules(argv: Sequence[str], env: dict[str, str], cwd: Path) -> dict[str, int]:
    """Every module a process imports (`python -X importtime`): name -> self time in µs."""
    proc = subprocess.run(
        [PYTHON, "-X", "importtime", *argv],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=HANG_GUARD,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    modules: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        self_us, _cumulative, name = line.removeprefix("import time:").split("|", 2)
        modules[name.strip()] = int(self_us)
    return modules


def extra_imports(subject: dict[str, int], floor: dict[str, int]) -> list[tuple[str, int, int]]:
    """Modules only the subject imports, grouped by top-level package:
    (package, summed self time in µs, number of modules), costliest first."""
    groups: dict[str, list[int]] = {}
    for name, self_us in subject.items():
        if name not in floor:
            groups.setdefault(name.split(".")[0], []).append(self_us)
    rows = [(pkg, sum(times), len(times)) for pkg, times in groups.items()]
    return sorted(rows, key=lambda r: -r[1])


def costliest_extra(
    subject: dict[str, int], floor: dict[str, int], limit: int = 10
) -> list[tuple[str, int]]:
    """The single modules only the subject imports, by self time in µs, costliest first."""
    rows = [(name, us) for name, us in subject.items() if name not in floor]
    return sorted(rows, key=lambda r: -r[1])[:limit]


def fmt_extra(rows: list[tuple[str, int, int]], limit: int = 25) -> str:
    shown = [
        f"{pkg} {us / 1000:.1f} ms ({n} module{'s' if n > 1 else ''})"
        for pkg, us, n in rows[:limit]
    ]
    more = f", … {len(rows) - limit} more" if len(rows) > limit else ""
    return ", ".join(shown) + more


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def report(name: str, value: float, floor: float, target: float | None, **details: object) -> float:
    """Print `BENCH name: ... = ratio`, append a JSON line to results.jsonl; the ratio.
    A target of None: the ratio is reported, not held to anything."""
    ratio = value / floor
    verdict = "reported" if target is None else "ok" if ratio <= target else "MISSED"
    aim = "no target" if target is None else f"target <= {target}x"
    print(f"\nBENCH {name}: {ms(value)} vs floor {ms(floor)} = {ratio:.2f}x ({aim}) {verdict}")
    record = {
        "bench": name,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "value_ms": round(value * 1000, 4),
        "floor_ms": round(floor * 1000, 4),
        "ratio": round(ratio, 4),
        "target": target,
        "ok": target is None or ratio <= target,
        "python": platform.python_version(),
        "machine": platform.node(),
        "cpus": os.cpu_count(),
        **details,
    }
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return ratio


def fast(times: list[float]) -> float:
    """The mean of the fastest quarter (at least 3) of the runs: noise only ever adds
    time, and unlike the single minimum one lucky run does not decide the ratio."""
    n = max(3, len(times) // 4)
    return statistics.fmean(sorted(times)[:n])


def summary(times: list[float]) -> dict[str, float]:
    """min and median of a list of seconds, in ms, for the JSON line."""
    return {
        "fast_quarter_ms": round(fast(times) * 1000, 4),
        "min_ms": round(min(times) * 1000, 4),
        "median_ms": round(statistics.median(times) * 1000, 4),
        "n": len(times),
    }


def per_op(
    op: Callable[[], object], n: int, timer: Callable[[], float] = time.perf_counter
) -> float:
    """Mean seconds per call of `op` over `n` calls in a row (by `timer`: wall time, or
    `time.process_time` for this process's CPU time)."""
    start = timer()
    for _ in range(n):
        op()
    return (timer() - start) / n


def alternating(
    subject: Callable[[], object],
    floor: Callable[[], object],
    batches: int,
    per_batch: int,
    warmup: int,
    timer: Callable[[], float] = time.perf_counter,
) -> tuple[list[float], list[float]]:
    """Batch means (seconds per call, by `timer`) of subject and floor, taking turns floor
    first, after `warmup` calls of each."""
    per_op(floor, warmup)
    per_op(subject, warmup)
    subject_times, floor_times = [], []
    for _ in range(batches):
        floor_times.append(per_op(floor, per_batch, timer))
        subject_times.append(per_op(subject, per_batch, timer))
    return subject_times, floor_times


def insert_measures(
    conn: sqlite3.Connection,
    measures: Sequence[tuple],
    deadlines: Sequence[tuple],
    bodies: Sequence[tuple],
) -> None:
    """Bulk-insert synthetic measures, their deadlines and responsible bodies (raw sqlite3)."""
    conn.executemany(
        "INSERT INTO measure (id, plan_id, code, area, title, subgoal, goals, activities, "
        "financing, state, state_since, version, definition_id, created_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        measures,
    )
    conn.executemany(
        "INSERT INTO measure_deadline (measure_id, due_date, text) VALUES (?,?,?)", deadlines
    )
    conn.executemany(
        "INSERT INTO measure_body (measure_id, position, body_id) VALUES (?,?,?)", bodies
    )
