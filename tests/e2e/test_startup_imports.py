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


def test_help_imports_no_command_group_module():
    """`rsp --help` lists the groups of other modules from cli.LAZY_HELP, unimported."""
    groups = {m for m in imported("--help") if m.startswith(("process.cli.", "notifications"))}
    assert groups == {"process.cli.context"}, f"rsp --help imports {sorted(groups)}"


def test_lazy_help_is_each_groups_own_help():
    """cli.LAZY_HELP (what `rsp --help` shows before a group's module is imported) says
    what each group's own help says, for every group registered on first need."""
    import click

    import cli

    cli._register_command_groups()
    for name, first_paragraph in cli.LAZY_HELP.items():
        real = cli.main.commands[name]
        shown = click.Command(name, help=first_paragraph)
        assert not real.hidden
        for limit in (20, 45, 80, 200):
            assert shown.get_short_help_str(limit) == real.get_short_help_str(limit), name
    # in a fresh process: the groups registered on first need are those of LAZY_HELP
    script = (
        "import cli; before = set(cli.main.commands); cli._register_command_groups(); "
        "print(' '.join(sorted(set(cli.main.commands) - before)))"
    )
    r = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=HANG_GUARD
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == sorted(cli.LAZY_HELP)
