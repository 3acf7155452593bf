"""The built wheel installs into a fresh virtual environment without the development
tools (pytest, mypy, hypothesis), with the `postgres` extra, and its `rsp` runs:
--version, --help, and `init` on a new SQLite file (the migrations, workflows and
templates are in the wheel).

The fresh venv resolves rsp's dependencies from the package index pip is configured with
(here the machine's registry mirror); without one reachable the test skips (fails in CI).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support import HANG_GUARD, ROOT


def _run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), capture_output=True, text=True, cwd=cwd, env=env, timeout=HANG_GUARD
    )


def test_wheel_installs_without_dev_tools_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = _run(sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT))
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(dist.glob("rsp-*-py3-none-any.whl"))
    assert next(dist.glob("rsp-*.tar.gz"))
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    assert "cli.py" in names and "process/storage/migrations/versions/0001_initial.py" in names
    assert not any(n.startswith("tests/") for n in names)
    requires = [
        line for line in metadata.decode().splitlines() if line.startswith("Requires-Dist:")
    ]
    runtime = [r for r in requires if "extra ==" not in r]
    for tool in ("pytest", "mypy", "hypothesis", "ruff", "playwright"):
        assert not any(tool in r for r in runtime), f"{tool} is a runtime dependency"
    assert any("psycopg" in r and 'extra == "postgres"' in r for r in requires)

    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", str(venv)).returncode == 0
    pip = _run(str(venv / "bin" / "pip"), "install", "--quiet", f"{wheel}[postgres]")
    if pip.returncode != 0 and "No matching distribution" in pip.stderr + pip.stdout:
        message = f"no package index reachable for rsp's dependencies: {pip.stderr[-500:]}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    assert pip.returncode == 0, pip.stderr[-2000:]
    python = str(venv / "bin" / "python")
    for tool in ("pytest", "mypy", "hypothesis"):
        assert _run(python, "-c", f"import {tool}").returncode != 0, f"{tool} was installed"
    assert _run(python, "-c", "import psycopg").returncode == 0

    rsp = str(venv / "bin" / "rsp")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    version = _run(rsp, "--version", env=clean)
    assert version.returncode == 0 and "0.1.0" in version.stdout, version.stderr
    helped = _run(rsp, "--help", env=clean)
    assert helped.returncode == 0 and "scheduler" in helped.stdout, helped.stderr
    init = _run(
        rsp,
        "--db",
        str(tmp_path / "fresh.db"),
        "init",
        "--example",
        "jamtland-harjedalen",
        cwd=tmp_path,
        env={**clean, "RSP_USER": "it-admin"},
    )
    assert init.returncode == 0, init.stderr
    status = _run(
        rsp,
        "--db",
        str(tmp_path / "fresh.db"),
        "status",
        cwd=tmp_path,
        env={**clean, "RSP_USER": "it-admin"},
    )
    assert status.returncode == 0 and "Program" in status.stdout, status.stderr
