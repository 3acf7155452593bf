"""Crash harness: the real `rsp scheduler run` is killed with SIGKILL at random moments
(50 seeded trials) while it sweeps and sends to a real SMTP server (STARTTLS, AUTH);
then one more run with the clock past the claim lease finishes the work.

Checked at the end: every due reminder was delivered; a message was delivered twice
only within the documented send-versus-record window, and then with the same
Message-ID; nothing was delivered that is not in the outbox; the outbox and the audit
chain are consistent.
"""

from __future__ import annotations

import datetime as dt
import email
import random
import threading
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from process.access import audit_verify
from process.programme import setup
from process.storage.database import open_database
from tests.e2e.test_scheduler import Daemon
from tests.mailsupport import SMTP_PASSWORD, SMTP_USER, make_certificates, smtp_server
from tests.support import HANG_GUARD, clock_at, run_rsp

FROM = "Regionalt serviceprogram <rsp@region.example>"
TRIALS = 50
BOARD_MEMBERS = 60
START = dt.datetime(2022, 2, 10, 9, 0)  # 12 days before the start decision: reminder due
LEASE = dt.timedelta(minutes=16)  # a little more than the sender's claim lease


class Arrivals(list):
    """The SMTP handler's list of received mail, telling waiters when one arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.changed = threading.Condition()

    def append(self, item) -> None:  # type: ignore[no-untyped-def]
        with self.changed:
            super().append(item)
            self.changed.notify_all()

    def wait_for_count(self, n: int, daemon: Daemon) -> None:
        """Block until `n` messages have arrived, or the daemon's first round of sending
        is over (it had fewer to send): events, however slow a busy machine makes them."""
        round_over = threading.Event()

        def watch() -> None:
            try:  # a round ends with its "utskick:" line, or with an error instead
                while True:
                    line = daemon.wait_for("")
                    if "utskick:" in line or " ERROR " in line:
                        break
            except AssertionError:  # it ended (killed) before finishing a round
                pass
            with self.changed:
                round_over.set()
                self.changed.notify_all()

        threading.Thread(target=watch, daemon=True).start()
        with self.changed:
            if not self.changed.wait_for(
                lambda: len(self) >= n or round_over.is_set(), timeout=HANG_GUARD
            ):
                raise AssertionError(
                    f"hung: neither {n} messages nor the end of a round within {HANG_GUARD} s"
                )


def prepare(db_path: str) -> None:
    db = open_database(db_path)
    clock = clock_at("2021-10-15")
    try:
        setup.init(db, clock, "it-admin", example="jamtland-harjedalen", replay=True)
        for i in range(BOARD_MEMBERS):
            setup.add_person(
                db,
                clock,
                "it-admin",
                None,
                f"ledamot{i}",
                f"Ledamot {i}",
                f"ledamot{i}@region.example",
                ["board"],
            )
    finally:
        db.dispose()


def test_sigkill_at_random_moments_loses_nothing(tmp_path: Path):
    db_path = str(tmp_path / "rsp.db")
    prepare(db_path)
    (tmp_path / "certs").mkdir()
    certs = make_certificates(tmp_path / "certs")
    rng = random.Random(20230523)
    kills_while_sending = 0
    with smtp_server(certs) as server:
        arrivals = Arrivals()
        server.handler.received = arrivals
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
            "RSP_MAIL_FROM": FROM,
        }
        for trial in range(TRIALS):
            # each daemon lives one lease after the last, so it may take over what a
            # killed one left claimed
            now = (START + trial * LEASE).isoformat(timespec="minutes")
            daemon = Daemon(db_path, {**env, "RSP_NOW": now})
            try:
                daemon.wait_for("rsp scheduler: igång")
                before = len(arrivals)
                # the kill moment: at once (during the sweep or the claim), or right after
                # the server accepted the k-th message (inside the send-versus-record window)
                if rng.random() < 0.7:
                    arrivals.wait_for_count(before + rng.randint(1, 6), daemon)
                daemon.proc.kill()
                daemon.proc.wait(timeout=HANG_GUARD)
                if len(arrivals) > before:
                    kills_while_sending += 1
            finally:
                daemon.kill()
        # after the lease (15 min) has run out, one run finishes whatever was cut off
        final = run_rsp(
            "remind",
            "run-once",
            db=db_path,
            env=env,
            now=(START + TRIALS * LEASE).isoformat(timespec="minutes"),
        )
        assert final.returncode == 0, final.stderr
        delivered = [email.message_from_bytes(r.data)["Message-ID"] for r in arrivals]

    db = open_database(db_path)
    try:
        with db.read() as s:
            rows = (
                s.connection()
                .execute(sa.text("SELECT message_id, status FROM outbox_message"))
                .all()
            )
            verification = audit_verify.verify(s)
    finally:
        db.dispose()
    assert len(rows) >= BOARD_MEMBERS  # one reminder per board member (and Cc copies)
    statuses = Counter(status for _mid, status in rows)
    assert statuses == {"sent": len(rows)}, statuses
    outbox_ids = {mid for mid, _status in rows}
    counts = Counter(delivered)
    assert set(counts) == outbox_ids  # every due reminder delivered, nothing else
    twice = {mid: n for mid, n in counts.items() if n > 1}
    # a resend only where a kill fell between the server's "250" and the record: each
    # such kill leaves at most one message accepted but unrecorded, and it is resent
    # with the same Message-ID (duplicates are counted per Message-ID). A message can
    # be caught in the window by more than one kill.
    assert sum(n - 1 for n in twice.values()) <= kills_while_sending, twice
    assert verification.ok, verification.problems
    assert kills_while_sending > 0  # some kills really landed in the middle of sending
    print(
        f"crash harness: {TRIALS} kills, {kills_while_sending} while sending, "
        f"{len(rows)} reminders all delivered, {len(twice)} of them resent within the "
        f"window ({sum(n - 1 for n in twice.values())} extra deliveries, same Message-ID)"
    )
