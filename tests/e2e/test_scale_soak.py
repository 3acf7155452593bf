"""Soak at scale: one PostgreSQL database with all 21 regions' programmes (8 yearly plans of
200 measures each, tests/scale.py), the real daemon, four `rsp remind run-once` processes
run again and again as cron users would, and eight writers, all at once.

The writers are real `rsp` commands: seven of them start, complete, postpone and resume
measures, report progress, write notes and record follow-ups in random regions; the
eighth edits Gotland's 2030 plan file and imports it again and again, each time moving
another open measure's target a week ahead, so new reminders fall due while the senders
run. The daemon sends through a real SMTP server on loopback (STARTTLS, AUTH).

Checked at the end: a second daemon was refused; every writer's command either worked or
was refused with a clear message (never a traceback); every reminder due in the final
state of the database is in the outbox and was delivered (zero lost), every message
reached the server exactly once, and no reminder was queued twice (zero duplicates); the
audit chain verifies. The amount of work is fixed (RSP_SOAK_OPS commands per writer,
default 12), so the test waits for work, not for time: no command, SMTP answer or daemon
line has a time limit but the hang guard (tests.support.HANG_GUARD). On a busy 2-core
machine the first round of the four cron runs takes minutes (each sends its share, up to
1,000, of the ~5,400 mails the daemon's first sweep queues); that is work, not a hang.
"""

from __future__ import annotations

import email
import json
import os
import random
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa

from process.access import audit_verify
from process.storage import schema
from process.storage.database import open_database
from tests import scale
from tests.e2e.test_scheduler import READY, Daemon
from tests.mailsupport import SMTP_PASSWORD, SMTP_USER, make_certificates, smtp_server
from tests.support import HANG_GUARD, postgres_schema_url, run_rsp

pytestmark = pytest.mark.postgres

OPS = int(os.environ.get("RSP_SOAK_OPS", "12"))
CRON_RUNS = 3
NOW = scale.NOW.isoformat(timespec="minutes")
PLANNER_REGION = "gotland"
WRITER_REGIONS = [slug for slug, _ in scale.REGIONS if slug != PLANNER_REGION]
CODES = [
    f"{a}.{chr(65 + i)}"
    for a in range(1, scale.AREAS + 1)
    for i in range(scale.PER_PLAN // scale.AREAS)
]


@dataclass
class Outcomes:
    """What the concurrent commands answered: exit status counts and any bad answer."""

    counts: Counter[str] = field(default_factory=Counter)
    bad: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, what: str, args: tuple[str, ...], code: int, out: str, err: str) -> None:
        with self.lock:
            self.counts[f"{what}:{code}"] += 1
            clear = code == 0 or (code == 1 and err.strip().startswith("Error: "))
            if "Traceback" in out + err or not clear:
                self.bad.append(f"{' '.join(args)} -> {code}: {err[-500:]}")


def writer_ops(rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """One random command of a process lead in a random region (never Gotland)."""
    slug = rng.choice(WRITER_REGIONS)
    code = rng.choice(CODES)
    pick = rng.random()
    if pick < 0.25:
        args: tuple[str, ...] = ("measure", "advance", code, "start", "--year", "2030")
    elif pick < 0.45:
        args = ("measure", "advance", code, "complete", "--year", "2030")
    elif pick < 0.55:
        args = ("measure", "advance", code, "postpone", "--year", "2030", "-m", "Väntar")
    elif pick < 0.62:
        args = ("measure", "advance", code, "resume", "--year", "2030")
    elif pick < 0.75:
        args = (
            "measure",
            "advance",
            code,
            "report_progress",
            "--year",
            "2030",
            "-m",
            "Lägesrapport från kommunerna",
        )
    elif pick < 0.87:
        args = ("measure", "note", code, "Avstämning med Service-Z", "--year", "2030")
    else:
        args = (
            "followup",
            "record",
            code,
            "--year",
            "2029",
            "--outcome",
            "partly",
            "-m",
            "Delvis uppnått",
        )
    return slug, args


def run_writer(db: str, seed: int, outcomes: Outcomes) -> None:
    rng = random.Random(seed)
    for _ in range(OPS):
        slug, args = writer_ops(rng)
        r = run_rsp("-p", scale.programme_key(slug), *args, db=db, user=scale.lead(slug), now=NOW)
        outcomes.record(args[0] + " " + args[1], args, r.returncode, r.stdout, r.stderr)


def run_planner(db: str, folder: Path, outcomes: Outcomes, moved: list[str]) -> None:
    """Edit Gotland's 2030 plan: each import moves one more open measure's first target
    to a week ahead (a `before_7` reminder due today)."""
    plan = scale.action_plan(PLANNER_REGION, 2030)
    open_codes = [m.id for m in plan.measures() if scale.history(2030, m.id) in ((), ("ongoing",))]
    for n in range(OPS):
        moved.append(open_codes[n * 7 % len(open_codes)])
        path = folder / f"plan-{n}.yaml"
        path.write_text(
            scale.plan_file(scale.with_target_moved(plan, set(moved))), encoding="utf-8"
        )
        args = ("plan", "import", str(path), "--year", "2030")
        r = run_rsp(
            "-p",
            scale.programme_key(PLANNER_REGION),
            *args,
            db=db,
            user=scale.lead(PLANNER_REGION),
            now=NOW,
        )
        outcomes.record("plan import", args, r.returncode, r.stdout, r.stderr)


def run_cron(db: str, env: dict[str, str], outcomes: Outcomes) -> None:
    for _ in range(CRON_RUNS):
        args = ("remind", "run-once")
        r = run_rsp(*args, db=db, env=env, now=NOW)
        outcomes.record("run-once", args, r.returncode, r.stdout, r.stderr)


def in_threads(jobs: list[Callable[[], None]]) -> None:
    threads = [threading.Thread(target=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_daemon_cron_and_writers_at_scale_lose_and_duplicate_nothing(tmp_path: Path):
    (tmp_path / "certs").mkdir()
    certs = make_certificates(tmp_path / "certs")
    with postgres_schema_url() as url, smtp_server(certs) as server:
        db = open_database(url)
        try:
            schema.upgrade(db)
            built = scale.build(db)
        finally:
            db.dispose()
        env = {
            "RSP_SMTP_HOST": server.host,
            "RSP_SMTP_PORT": str(server.port),
            "RSP_SMTP_TLS": "starttls",
            "RSP_SMTP_USER": SMTP_USER,
            "RSP_SMTP_PASSWORD_ENV": "RSP_TEST_SECRET",
            "RSP_TEST_SECRET": SMTP_PASSWORD,
            "RSP_SMTP_CAFILE": str(certs.ca),
            "RSP_SMTP_HELO": "localhost",
            "RSP_SMTP_TIMEOUT": str(HANG_GUARD),  # a busy machine answers late, not never
            "RSP_MAIL_FROM": "Regionalt serviceprogram <rsp@region.example>",
        }
        daemon = Daemon(url, {**env, "RSP_NOW": NOW}, interval="0.1")
        outcomes, moved = Outcomes(), []
        try:
            daemon.wait_for(READY)
            second = run_rsp("scheduler", "run", "--no-standby", db=url, env=env, now=NOW)
            assert second.returncode == 1 and "en schemaläggare körs redan" in second.stderr
            assert "Traceback" not in second.stderr
            jobs: list[Callable[[], None]] = [
                lambda i=i: run_writer(url, 1000 + i, outcomes) for i in range(7)
            ]
            jobs.append(lambda: run_planner(url, tmp_path, outcomes, moved))
            jobs += [lambda: run_cron(url, env, outcomes) for _ in range(4)]
            in_threads(jobs)
            # the daemon goes on until one of its rounds that began after the last write
            # (so not the one under way now) finds nothing left to send
            daemon.wait_for_count("utskick:", daemon.count("utskick:") + 1)
            while "utskick: 0 skickade" not in daemon.wait_for("utskick:"):
                pass
            assert daemon.stop() == 0
        finally:
            daemon.kill()
        delivered = Counter(
            email.message_from_bytes(r.data)["Message-ID"] for r in server.handler.received
        )

        final = run_rsp(
            "remind", "preview", "--until", scale.TODAY.isoformat(), "--json", db=url, now=NOW
        )
        assert final.returncode == 0, final.stderr
        due_now = json.loads(final.stdout)
        db = open_database(url)
        try:
            with db.read() as s:
                conn = s.connection()
                rows = conn.execute(
                    sa.text(
                        "SELECT message_id, status, subject, rule, recipient, programme_id "
                        "FROM outbox_message"
                    )
                ).all()
                gotland_moved = conn.execute(
                    sa.text(
                        "SELECT count(DISTINCT o.subject) FROM outbox_message o "
                        "JOIN programme p ON p.id = o.programme_id "
                        "WHERE p.key = :k AND o.rule = 'measure.before_7'"
                    ),
                    {"k": scale.programme_key(PLANNER_REGION)},
                ).scalar_one()
                verification = audit_verify.verify(s)
        finally:
            db.dispose()

    assert not outcomes.bad, outcomes.bad[:5]
    assert outcomes.counts["plan import:0"] == OPS, outcomes.counts
    assert outcomes.counts["run-once:0"] == 4 * CRON_RUNS, outcomes.counts
    # zero lost: every reminder due in the final state is queued ...
    assert due_now and all(item["already_queued"] for item in due_now), [
        i for i in due_now if not i["already_queued"]
    ][:3]
    # ... including those the planner's imports made due while the senders ran
    assert gotland_moved >= len(set(moved)), (gotland_moved, moved)
    # ... and every queued message was sent and reached the server exactly once
    assert Counter(status for _m, status, *_ in rows) == {"sent": len(rows)}
    assert set(delivered) == {r.message_id for r in rows}
    assert max(delivered.values()) == 1, [m for m, n in delivered.items() if n > 1][:3]
    # zero duplicates: no reminder queued twice under another date
    keys = Counter((r.subject, r.rule, r.recipient) for r in rows)
    assert max(keys.values()) == 1
    assert verification.ok, verification.problems
    print(
        f"\nsoak at scale: {built.programmes} programmes, {built.measures} measures "
        f"(built in {built.seconds:.0f} s); {len(rows)} reminders queued and delivered "
        f"once each, {len(due_now)} due in the final state all among them; "
        f"commands: {dict(sorted(outcomes.counts.items()))}"
    )
