"""What a command loads before it starts: `rsp --help` stays a click program (no database
library, no templates, no YAML), and `rsp advance` keeps the report and mail machinery off
its path. The timings are benchmarks (tests/bench/test_cli_startup.py); this keeps the
imports that made them slow from coming back."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support import HANG_GUARD, RSP


def imported(*args: str) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    r = subprocess.run(
        [sys.executable, "-X", "importtime", RSP, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in r.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_help_loads_no_database_template_or_yaml_library():
    heavy = {m.split(".")[0] for m in imported("--help")} & {
        "sqlalchemy",
        "sqlmodel",
        "pydantic",
        "jinja2",
        "yaml",
        "alembic",
        "apscheduler",
    }
    assert not heavy, f"rsp --help imports {sorted(heavy)}"
