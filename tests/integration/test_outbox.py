"""The sweep, the outbox and the sender on real databases (a SQLite file and PostgreSQL):
exactly once under concurrency, backoff, permanent failures, a crash between send and
record, the drafting milestones as deadline items."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
import sqlalchemy as sa

from notifications.mail import outbox, sender
from notifications.mail.testing import Crash, RecordingTransport
from notifications.mail.transports import PermanentFailure, TemporaryFailure, TransportConfigError
from notifications.reminders import sweep
from notifications.reminders.rules import load_rules
from process.access import audit_verify
from process.core.clock import FixedClock
from process.core.decision_refs import parse_decision_ref
from process.core.errors import PermissionDenied
from process.storage.database import open_database
from process.workflow import engine
from tests.mailsupport import synthetic as _synthetic
from tests.support import HANG_GUARD, at, make_programme

RULES = load_rules()
FROM = "Regionalt serviceprogram <rsp@region.example>"
N_ITEMS = 40


def synthetic(n: int = N_ITEMS):
    return _synthetic(n)


def rows(db, status: str | None = None):
    """The outbox rows, typed (datetimes come back aware on both databases)."""
    t = outbox.TABLE
    query = sa.select(t).order_by(t.c.id)
    if status is not None:
        query = query.where(t.c.status == status)
    with db.read() as s:
        return s.connection().execute(query).all()


def audit_actions(db):
    with db.read() as s:
        return Counter(
            f"{r[0]}:{r[1]}"
            for r in s.connection().execute(sa.text("SELECT action, outcome FROM audit_event"))
        )


def test_milestone_reminders_go_to_the_roles_that_act(any_db, clock):
    make_programme(any_db, clock)
    clock.set(at("2022-02-10"))
    report = sweep.sweep(any_db, clock, RULES, domain="region.example")
    assert (report.due, report.mails, report.inserted) == (1, 2, 2)
    got = {(r.recipient, r.subject, r.rule, str(r.due_on)) for r in rows(any_db)}
    assert got == {
        ("sekreterare@x.example", "process:1:start_decided", "milestone.before_14", "2022-02-08"),
        ("ordforande@x.example", "process:1:start_decided", "milestone.before_14", "2022-02-08"),
    }
    again = sweep.sweep(any_db, clock, RULES, domain="region.example")
    assert (again.inserted, again.existing) == (0, 2)
    assert audit_actions(any_db)["reminders.queued:applied"] == 1
    # once the milestone is reached, no more reminders for it
    clock.set(at("2022-02-22"))
    engine.advance(
        any_db,
        clock,
        "sekreterare",
        None,
        "decide_start",
        decision=parse_decision_ref("2022-02-22 § 17 RUN/536/2021"),
    )
    clock.set(at("2022-02-28"))  # 3 days before 1 March is a Saturday: sent on Monday
    later = sweep.sweep(any_db, clock, RULES)
    new = {(r.recipient, r.subject, r.rule) for r in rows(any_db)} - {
        (g[0], g[1], g[2]) for g in got
    }
    assert new == {
        ("processledare@x.example", "process:1:drafting", "milestone.before_3"),
        ("ordforande@x.example", "process:1:drafting", "milestone.before_3"),
    }
    assert later.problems == []
    with any_db.read() as s:
        assert audit_verify.verify(s).ok


def _in_threads(db, work, n: int = 2, barrier: threading.Barrier | None = None) -> list:
    """Run work(db_i, i) in n threads, each with its own engine; return their results.

    A thread that fails breaks `barrier` (the one its partners meet at), so they stop
    waiting at once instead of running into the hang guard."""
    results: list = [None] * n
    errors: list[BaseException] = []

    def run(i: int) -> None:
        own = open_database(db.url)
        try:
            results[i] = work(own, i)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
            if barrier is not None:
                barrier.abort()
        finally:
            own.dispose()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=HANG_GUARD)
    assert not any(t.is_alive() for t in threads), f"hung: a thread ran {HANG_GUARD} s"
    assert not errors, errors
    return results


def test_two_sweeps_at_once_make_each_reminder_once(any_db):
    """Both sweeps read (and find nothing queued) before either writes; both insert."""
    clock = FixedClock(at("2023-05-08", 10))
    both_read = threading.Barrier(2)
    items = synthetic()

    def source(session, rules, now, lang):
        both_read.wait(timeout=HANG_GUARD)  # neither has written yet
        return items(session, rules, now, lang)

    reports = _in_threads(
        any_db, lambda db, i: sweep.sweep(db, clock, RULES, sources=[source]), barrier=both_read
    )
    assert sorted(r.inserted for r in reports) == [0, 2 * N_ITEMS]
    assert sum(r.existing for r in reports) == 2 * N_ITEMS  # the loser's rows all conflicted
    table = rows(any_db)
    assert len(table) == 2 * N_ITEMS  # lead + Länsstyrelsen for each item
    assert len({(r.subject, r.rule, r.due_on, r.recipient) for r in table}) == 2 * N_ITEMS
    assert audit_actions(any_db)["reminders.queued:applied"] == 1


class _Meeting(RecordingTransport):
    """Delivers, but its first delivery waits until the other sender's first one."""

    def __init__(self, barrier: threading.Barrier) -> None:
        super().__init__()
        self.barrier = barrier

    def send(self, msg, sender_addr, recipient):  # type: ignore[no-untyped-def]
        if not self.deliveries:
            self.barrier.wait(timeout=HANG_GUARD)  # both senders hold a claim at this moment
        super().send(msg, sender_addr, recipient)


def test_two_senders_at_once_deliver_each_message_once(any_db):
    clock = FixedClock(at("2023-05-08", 10))
    sweep.sweep(any_db, clock, RULES, sources=[synthetic()])
    meet = threading.Barrier(2)
    transports = [_Meeting(meet), _Meeting(meet)]
    reports = _in_threads(
        any_db,
        lambda db, i: sender.send_pending(
            db, clock, transports[i], FROM, policy=sender.RetryPolicy(batch=7)
        ),
        barrier=meet,
    )
    assert all(r.sent > 0 for r in reports) and sum(r.sent for r in reports) == 2 * N_ITEMS
    ids = transports[0].message_ids() + transports[1].message_ids()
    table = rows(any_db)
    assert len(ids) == len(set(ids)) == 2 * N_ITEMS
    assert set(ids) == {r.message_id for r in table} and {r.status for r in table} == {"sent"}
    with any_db.read() as s:
        assert audit_verify.verify(s).ok


def test_sweeps_and_senders_all_at_once(any_db):
    """Two sweeps and two senders started together, three rounds each: every reminder
    is one row, every row is delivered once."""
    clock = FixedClock(at("2023-05-08", 10))
    source, transport = synthetic(), RecordingTransport()
    start = threading.Barrier(4)

    def work(db, i: int) -> None:
        start.wait(timeout=HANG_GUARD)
        for _ in range(3):
            if i < 2:
                sweep.sweep(db, clock, RULES, sources=[source])
            else:
                sender.send_pending(db, clock, transport, FROM, policy=sender.RetryPolicy(batch=7))

    _in_threads(any_db, work, 4, barrier=start)
    sender.send_pending(any_db, clock, transport, FROM)  # whatever the race left pending
    table = rows(any_db)
    ids = transport.message_ids()
    assert len(table) == len(ids) == len(set(ids)) == 2 * N_ITEMS
    assert {r.status for r in table} == {"sent"}


def test_a_crash_between_send_and_record_loses_nothing(any_db):
    clock = FixedClock(at("2023-05-08", 10))
    sweep.sweep(any_db, clock, RULES, sources=[synthetic(3)])
    crashing = RecordingTransport(crash_after=2)
    with pytest.raises(Crash):
        sender.send_pending(any_db, clock, crashing, FROM)
    states = Counter(r.status for r in rows(any_db))
    assert states == {"sent": 1, "sending": 5}  # the 2nd was delivered, never recorded
    delivered_unrecorded = crashing.deliveries[1].message_id
    # while the claim's lease runs, nobody takes the rows
    second = RecordingTransport()
    assert sender.send_pending(any_db, clock, second, FROM).sent == 0
    clock.advance(minutes=16)  # the lease (15 min) has passed: the rows are reclaimed
    report = sender.send_pending(any_db, clock, second, FROM)
    assert report.sent == 5 and {r.status for r in rows(any_db)} == {"sent"}
    assert delivered_unrecorded in second.message_ids()  # resent, with the same Message-ID
    every = crashing.message_ids() + second.message_ids()
    assert len(every) == 7 and len(set(every)) == 6  # one duplicate, nothing lost


def test_temporary_failures_back_off_then_succeed(any_db):
    clock = FixedClock(at("2023-05-08", 10))
    sweep.sweep(any_db, clock, RULES, sources=[synthetic(1)])
    transport = RecordingTransport(
        [TemporaryFailure("451 4.3.0 try later"), TemporaryFailure("421 4.7.0 too busy")]
    )
    report = sender.send_pending(any_db, clock, transport, FROM)
    assert (report.sent, report.retry) == (0, 2)
    first = rows(any_db)[0]
    assert (first.status, first.attempts, first.last_error) == ("pending", 1, "451 4.3.0 try later")
    assert first.next_attempt_at == clock.now() + dt.timedelta(minutes=1)
    assert sender.send_pending(any_db, clock, transport, FROM).sent == 0  # not yet due
    clock.advance(minutes=1)
    assert sender.send_pending(any_db, clock, transport, FROM).sent == 2
    assert [r.attempts for r in rows(any_db)] == [2, 2]


def test_permanent_failure_is_recorded_with_the_reason_and_can_be_retried(any_db, clock):
    make_programme(any_db, clock)
    now = FixedClock(at("2023-05-08", 10))
    sweep.sweep(any_db, now, RULES, sources=[synthetic(1)])
    transport = RecordingTransport([PermanentFailure("550 5.1.1 user unknown")])
    report = sender.send_pending(any_db, now, transport, FROM)
    assert (report.failed, report.sent) == (1, 1)
    failed = rows(any_db, "failed")
    assert [r.last_error for r in failed] == ["550 5.1.1 user unknown"]
    assert audit_actions(any_db)["mail.failed:refused"] == 1
    with pytest.raises(PermissionDenied):
        from notifications.mail import outbox_admin as admin

        admin.retry(any_db, now, "processledare", [failed[0].id], False)
    from notifications.mail import outbox_admin as admin

    assert admin.retry(any_db, now, "it-admin", [], True) == 1
    assert sender.send_pending(any_db, now, RecordingTransport(), FROM).sent == 1
    assert audit_actions(any_db)["outbox.retry:applied"] == 1
    assert audit_actions(any_db)["outbox.retry:refused"] == 1


def test_giving_up_after_the_last_attempt(any_db):
    clock = FixedClock(at("2023-05-08", 10))
    sweep.sweep(any_db, clock, RULES, sources=[synthetic(1)])
    policy = sender.RetryPolicy(max_attempts=3)
    down = RecordingTransport([TemporaryFailure("451 busy")] * 6)
    for _ in range(3):
        sender.send_pending(any_db, clock, down, FROM, policy=policy)
        clock.advance(hours=1)
    assert Counter(r.status for r in rows(any_db)) == {"failed": 2}
    assert rows(any_db)[0].last_error == "gave up after 3 attempts: 451 busy"


def test_a_configuration_error_hands_the_rows_back_uncounted(any_db):
    clock = FixedClock(at("2023-05-08", 10))
    sweep.sweep(any_db, clock, RULES, sources=[synthetic(2)])
    broken = RecordingTransport([TransportConfigError("login refused; check $X")])
    with pytest.raises(TransportConfigError):
        sender.send_pending(any_db, clock, broken, FROM)
    table = rows(any_db)
    assert {(r.status, r.attempts) for r in table} == {("pending", 0)}
    assert {r.last_error for r in table} == {"login refused; check $X"}


def test_preview_writes_nothing(any_db, clock):
    make_programme(any_db, clock)
    before = audit_actions(any_db)
    clock.set(at("2022-11-01"))
    planned, problems = sweep.preview(any_db, clock, RULES, dt.date(2023, 6, 30))
    assert problems == []
    seen = {(p.reminder.item.subject, p.reminder.rule) for p in planned}
    assert ("process:1:adopted", "milestone.before_14") in seen
    assert ("process:1:adopted", "milestone.overdue_weekly") in seen
    assert rows(any_db) == [] and audit_actions(any_db) == before
    with pytest.raises(Exception, match="lies before now"):
        sweep.preview(any_db, clock, RULES, dt.date(2022, 1, 1))


def test_outbox_listing_and_counts(any_db):
    clock = FixedClock(at("2023-05-08", 10))
    sweep.sweep(any_db, clock, RULES, sources=[synthetic(2)])
    with any_db.read() as s:
        listed = outbox.list_rows(s, "pending", 10)
        assert len(listed) == 4 and "body_text" not in listed[0]
        assert outbox.counts(s)["pending"] == 4
        assert "Åtgärd" in outbox.get_row(s, listed[0]["id"])["body_text"]
