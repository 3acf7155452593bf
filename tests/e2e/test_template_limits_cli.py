"""A region's template that would run for hours, through the real `rsp` command and the
real daemon: `rsp templates check` reports it with its file and line and ends (no
worker left behind); the daemon logs it, still sends what the outbox holds, and stops
at once on SIGTERM even while the template is being rendered.

The limit is CPU time (RSP_TEMPLATE_CPU_SECONDS), not wall-clock time: the bad template
needs ~10^10 steps, the good ones milliseconds, so a loaded machine decides nothing.
"""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import pytest

from tests.e2e.test_scheduler import READY, Daemon
from tests.support import HANG_GUARD, RSP, run_rsp

LOOPS = (
    'Hej {{ name }}\n{% for a in "x" * 100000 %}{% for b in "x" * 100000 %}'
    "{% endfor %}{% endfor %}\n"
)
QUEUE_DAY = "2022-02-10"  # the start decision's 14-day reminder (caught up): 2 mails
NEXT_DAY = "2022-02-21"  # its 3-day reminder (the 19th is a Saturday): 2 more to render


def workers(parent: int) -> list[int]:
    """The template workers serving the process `parent` (its pid ends their argv)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"process.reports.template_worker" in argv and str(parent).encode() in argv[-3:]:
            found.append(int(proc.name))
    return found


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def wait_until(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    """Poll `condition` until it holds (a condition, not a fixed sleep); fail after the
    hang guard."""
    tick = threading.Event()
    for _ in range(int(HANG_GUARD / 0.05)):
        if condition():
            return
        tick.wait(0.05)
    raise AssertionError(f"not within the hang guard: {what}")


@pytest.fixture
def dbfile(tmp_path: Path) -> str:
    db = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
        ).returncode
        == 0
    )
    for login, role in (("sekreterare", "board"), ("ordforande", "steering_group")):
        r = run_rsp(
            "people",
            "add",
            login,
            "--name",
            login.title(),
            "--email",
            f"{login}@region.example",
            "--role",
            role,
            db=db,
        )
        assert r.returncode == 0, r.stderr
    return db


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "reminder.sv.txt").write_text(LOOPS, encoding="utf-8")
    return tpl


def test_templates_check_stops_the_template_and_ends_cleanly(tmp_path, bad_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    env.update(RSP_DATABASE_URL=str(tmp_path / "unused.db"), RSP_TEMPLATE_CPU_SECONDS="3")
    proc = subprocess.Popen(
        [RSP, "templates", "check", str(bad_dir)],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == 1, (out, err)
    assert "Traceback" not in err
    assert (
        f"ERROR: template {bad_dir}/reminder.sv.txt:2: stopped: it used more than 3 s of "
        "CPU time (the limit, RSP_TEMPLATE_CPU_SECONDS)"
    ) in err
    assert "1 problem(s) in 1 template(s)" in err
    assert workers(proc.pid) == []


def test_the_daemon_logs_a_runaway_template_and_still_sends(dbfile, tmp_path, bad_dir):
    out = tmp_path / "outbox"
    queued = run_rsp("remind", "run-once", "--no-send", db=dbfile, now=QUEUE_DAY)
    assert "2 köade" in queued.stdout, queued.stderr
    daemon = Daemon(
        dbfile,
        {
            "RSP_NOW": NEXT_DAY,
            "RSP_OUTBOX_DIR": str(out),
            "RSP_TEMPLATE_DIR": str(bad_dir),
            "RSP_TEMPLATE_CPU_SECONDS": "3",
        },
    )
    try:
        daemon.wait_for(READY)
        line = daemon.wait_for("stopped: it used more than 3 s of CPU time")
        assert f"template {bad_dir}/reminder.sv.txt:2:" in line
        assert daemon.count("genomgång: inget köat (en mall är trasig") == 1
        assert daemon.count("utskick: 2 skickade") == 1  # what the outbox held went out
        assert daemon.stop() == 0
        daemon.wait_for("rsp scheduler: stoppad")
    finally:
        daemon.kill()
    # the 2 reminders queued before (and the weekly digest, if its job ran before the stop)
    assert len(list(out.glob("*.eml"))) in (2, 3)
    assert workers(daemon.proc.pid) == []


def test_sigterm_stops_the_daemon_while_it_renders_a_runaway_template(dbfile, tmp_path, bad_dir):
    daemon = Daemon(
        dbfile,
        {
            "RSP_NOW": NEXT_DAY,
            "RSP_OUTBOX_DIR": str(tmp_path / "out"),
            "RSP_TEMPLATE_DIR": str(bad_dir),
            "RSP_TEMPLATE_CPU_SECONDS": "3600",
        },
    )
    try:
        daemon.wait_for(READY)
        wait_until(
            lambda: any(cpu_ticks(p) > 50 for p in workers(daemon.proc.pid)),
            "a worker busy with the template",
        )
        seen = environment_of(workers(daemon.proc.pid)[0])
        assert "RSP_DATABASE_URL" not in seen and "RSP_TEMPLATE_DIR" not in seen  # not for it
        assert daemon.stop() == 0  # Daemon.stop waits at most 60 s
        daemon.wait_for("rsp scheduler: stoppad")
        assert daemon.count("rsp is stopping") == 1
    finally:
        daemon.kill()
    wait_until(lambda: workers(daemon.proc.pid) == [], "the worker gone")
