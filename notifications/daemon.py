"""The daemon: one APScheduler job that sweeps and sends every few minutes, cron jobs
beside it (the weekly digest, `notifications.digest_mail`), one daemon per database, a
clean stop on SIGTERM. `run_once` is the same work for cron users.

One daemon per database: on PostgreSQL a session advisory lock held on a dedicated
connection for the daemon's life; on SQLite an flock on `<database>.scheduler.lock`.
Correctness does not depend on it (the outbox key and the atomic claim do that); it
keeps two daemons from doing the same work twice over.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa

from notifications.mail import sender
from notifications.mail import settings as mailconfig
from notifications.mail.transports import TransportConfigError
from notifications.reminders import notices, sweep
from notifications.reminders.rules import Rules
from process.core.catalogue import section
from process.core.clock import STOCKHOLM, Clock
from process.core.errors import RspError
from process.core.words import phrase
from process.storage.database import Database, scrub

JOB_ID = "rsp-sweep-and-send"
PG_LOCK_CLASS = 0x52535053  # "RSPS"; the second key is the schema's hash
PG_APP_NAME = "rsp-scheduler"  # the lock connection's application_name, then the last round
log = logging.getLogger("rsp.scheduler")
# the lines the scheduler writes for people (its log, the journal): Swedish by default,
# English on request (RSP_LANG, --lang); the structured log keys (JSON) stay English
LINES = section("daemon")


def line(key: str, lang: str, **values: object) -> str:
    """One of the scheduler's lines in the wanted language."""
    return phrase(LINES, key, lang, **values)


class AlreadyRunning(RspError):
    """Another daemon holds this database's scheduler lock."""


class StoppedWaiting(Exception):
    """A standby was told to stop (SIGTERM) before it got the lock."""


@dataclass
class Standby:
    """How a second daemon waits for the lock: it tries again every `poll_seconds` until
    it gets it (the active one stopped or died) or `stop` is set; `announce` is told
    once that it waits."""

    stop: threading.Event
    poll_seconds: float
    announce: Callable[[str], None]
    told: bool = False
    lang: str = "sv"

    def wait(self, why: str) -> None:
        """Announce (once), then wait a poll; raise StoppedWaiting when told to stop."""
        if not self.told:
            self.told = True
            self.announce(line("standby", self.lang, why=why, seconds=f"{self.poll_seconds:g}"))
        if self.stop.wait(self.poll_seconds):
            raise StoppedWaiting


class Report(Protocol):
    """What a job's work returns: lines for the log, problems to warn of once, an error."""

    error: str | None

    def lines(self) -> list[str]: ...

    @property
    def problems(self) -> list[str]: ...


@dataclass(frozen=True)
class CronJob:
    """A job on a cron trigger beside the sweep, e.g. the weekly digest. It also runs
    once at start: its work decides whether anything is due (a digest missed while the
    daemon was down), and the outbox key keeps it from going out twice."""

    id: str
    trigger: Any  # an APScheduler trigger
    work: Callable[[threading.Event], Report]


@dataclass
class Outcome:
    """What one sweep-and-send did; `error` says why nothing could be sent or queued, and
    `sweep_error` why nothing was queued (a broken template: sending still went on)."""

    swept: sweep.SweepReport
    sent: sender.SendReport | None
    error: str | None = None
    sweep_error: str | None = None
    new_problems: list[str] = dataclass_field(default_factory=list)
    lang: str = "sv"  # of the summary lines

    @property
    def happened(self) -> bool:
        """Whether anything worth telling happened: queued, sent, retried, failed, taken
        over, an error, or a condition not reported before (cron prints nothing else)."""
        r = self.sent
        return bool(
            self.swept.inserted
            or self.error
            or self.sweep_error
            or self.new_problems
            or (r is not None and (r.sent or r.retry or r.failed or r.lost_claims))
        )

    def lines(self) -> list[str]:
        """A summary for people: one line for the sweep, one for sending."""
        s, lang = self.swept, self.lang
        out = [
            line(
                "sweep",
                lang,
                items=s.items,
                due=s.due,
                mails=s.mails,
                inserted=s.inserted,
                existing=s.existing,
            )
        ]
        if self.sweep_error:
            out = [line("sweep_broken", lang)]
        if self.sent is not None:
            r = self.sent
            out.append(
                line("send", lang, sent=r.sent, retry=r.retry, failed=r.failed)
                + (line("taken_over", lang, n=r.lost_claims) if r.lost_claims else "")
            )
        return out

    @property
    def problems(self) -> list[str]:
        """What was skipped or failed, for a note or a log line."""
        return self.swept.problems + (self.sent.problems if self.sent else [])


def run_once(
    db: Database,
    clock: Clock,
    rules: Rules | None,
    settings: mailconfig.MailSettings,
    env: Mapping[str, str],
    lang: str = "sv",
    send: bool = True,
    stop: threading.Event | None = None,
    actor: str = sweep.SYSTEM_ACTOR,
) -> Outcome:
    """Sweep, then send what is due (unless `send` is False); a transport that cannot
    work at all is reported in `error`, after the sweep has done its part. `actor` is
    the system actor the rows name (a Caller carrying the OS user, from the CLI). A broken
    reminder template stops the sweep (nothing queued) but not the sending of what the
    outbox holds already; with `send` False it is raised."""
    from process.reports.templating import TemplateProblem

    sweep_error = None
    try:
        swept = sweep.sweep(
            db,
            clock,
            rules,
            lang=lang,
            domain=settings.domain,
            actor=actor,
            base_url=settings.base_url,
        )
    except TemplateProblem as exc:
        if not send:
            raise
        swept, sweep_error = sweep.SweepReport(), str(exc)
    if not send:
        outcome = Outcome(swept, None)
    else:
        try:
            transport = mailconfig.open_transport(settings, env)
            sent = sender.send_pending(
                db, clock, transport, settings.mail_from, stop=stop, actor=actor
            )
            outcome = Outcome(swept, sent, sweep_error, sweep_error)
        except TransportConfigError as exc:
            outcome = Outcome(swept, None, str(exc), sweep_error)
    outcome.new_problems = notices.new_ones(db, clock, actor, outcome.problems)
    outcome.lang = lang
    return outcome


class _Lock:
    def check(self) -> None:
        """Raise if the lock may have been lost."""

    def beat(self, when: dt.datetime) -> None:
        """Say where `rsp scheduler status` can read it that a round ran at `when`."""


class _FileLock(_Lock):
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def beat(self, when: dt.datetime) -> None:
        """The lock file holds the pid and the time of the last round."""
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n{when.isoformat()}\n".encode(), 0)


@dataclass(frozen=True)
class Holder:
    """Who holds a database's scheduler lock, as far as can be seen from outside."""

    running: bool
    pid: str | None = None
    last_round: str | None = None  # ISO time of the last sweep-and-send round


def lock_holder(db: Database) -> Holder:
    """Whether a scheduler holds this database's lock, its pid and its last round."""
    if db.dialect == "postgresql":
        key = "hashtext(current_database() || '.' || current_schema())"
        with db.engine.connect() as conn:
            row = conn.execute(
                sa.text(
                    "SELECT l.pid, a.application_name FROM pg_locks l LEFT JOIN pg_stat_activity a "
                    "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND "
                    "l.classid::bigint = (:k)::oid::bigint AND "
                    f"l.objid::bigint = ({key})::oid::bigint"
                    " AND l.objsubid = 2"
                ),
                {"k": PG_LOCK_CLASS},
            ).first()
        if row is None:
            return Holder(False)
        name = row[1] or ""
        beat = name.split(" ", 1)[1] if name.startswith(PG_APP_NAME + " ") else None
        return Holder(True, str(row[0]), beat)
    path = db.engine.url.database
    lock_file = Path(f"{path}.scheduler.lock")
    if db.dialect != "sqlite" or not path or not lock_file.is_file():
        return Holder(False)
    fcntl = _fcntl()
    fd = os.open(lock_file, os.O_RDONLY)
    try:
        lines = os.pread(fd, 200, 0).decode("ascii", "replace").split()
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            running = False  # nobody holds it (released at once by closing)
        except BlockingIOError:
            running = True
    finally:
        os.close(fd)
    return Holder(running, lines[0] if lines else None, lines[1] if len(lines) > 1 else None)


def _fcntl() -> Any:
    """The POSIX file lock; rsp's scheduler runs on Linux (and other POSIX systems)."""
    try:
        import fcntl
    except ImportError:  # Windows
        raise RspError(
            "rsp scheduler run needs Linux (or another POSIX system): it locks "
            "the database with fcntl, which this system lacks; run the scheduler "
            "on a Linux host or in a container (see the README, Drift / "
            "Operations)"
        ) from None
    return fcntl


@contextmanager
def _file_lock(
    path: Path, what: str, standby: Standby | None = None, lang: str = "sv"
) -> Iterator[_Lock]:
    fcntl = _fcntl()
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = (os.pread(fd, 32, 0).decode("ascii", "replace").split() or ["?"])[0]
                why = line("held_file", lang, db=what, pid=holder, path=path)
                if standby is None:
                    raise AlreadyRunning(line("stop_it", lang, why=why)) from None
                standby.wait(why)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield _FileLock(fd)
    finally:
        os.close(fd)  # closing releases the flock


class _PgLock(_Lock):
    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn

    def check(self) -> None:
        """Raise if the lock's connection is gone (and with it the lock)."""
        self.conn.execute(sa.text("SELECT 1"))

    def beat(self, when: dt.datetime) -> None:
        """The lock connection's application_name carries the time of the last round."""
        self.conn.execute(
            sa.text("SELECT set_config('application_name', :v, false)"),
            {"v": f"{PG_APP_NAME} {when.isoformat()}"},
        )


@contextmanager
def _pg_lock(db: Database, standby: Standby | None = None, lang: str = "sv") -> Iterator[_Lock]:
    key = "(:k, hashtext(current_database() || '.' || current_schema()))"
    conn = db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        while not conn.execute(
            sa.text(f"SELECT pg_try_advisory_lock{key}"), {"k": PG_LOCK_CLASS}
        ).scalar():
            why = line("held_pg", lang, db=db.display())
            if standby is None:
                raise AlreadyRunning(line("stop_it", lang, why=why))
            standby.wait(why)
        try:
            yield _PgLock(conn)
        finally:
            conn.execute(sa.text(f"SELECT pg_advisory_unlock{key}"), {"k": PG_LOCK_CLASS})
    finally:
        conn.close()


@contextmanager
def single_instance(
    db: Database, standby: Standby | None = None, lang: str = "sv"
) -> Iterator[_Lock]:
    """Hold this database's scheduler lock; while another holds it, raise AlreadyRunning,
    or with `standby` wait until it is free (StoppedWaiting if told to stop first)."""
    if db.dialect == "postgresql":
        with _pg_lock(db, standby, lang) as lock:
            yield lock
        return
    path = db.engine.url.database
    if db.dialect != "sqlite" or not path or path == ":memory:":
        raise RspError(f"the scheduler needs a SQLite file or PostgreSQL, not {db.display()}")
    with _file_lock(Path(f"{path}.scheduler.lock"), db.display(), standby, lang) as lock:
        yield lock


def add_jobs(
    scheduler: Any,
    start: dt.datetime,
    interval_minutes: float,
    tick: Callable[[Callable[[threading.Event], Report]], Callable[[], None]],
    work: Callable[[threading.Event], Report],
    cron_jobs: Sequence[CronJob],
) -> None:
    """The sweep every `interval_minutes` and each cron job, all due at `start` (the
    scheduler's own time, the wall clock's); explicit ids, replace_existing, and
    coalesce with no misfire limit (a run that was due while the process was busy or
    suspended happens once, late, instead of being dropped)."""
    common = dict(
        replace_existing=True,
        coalesce=True,
        misfire_grace_time=None,
        max_instances=1,
        next_run_time=start,
    )
    scheduler.add_job(tick(work), "interval", minutes=interval_minutes, id=JOB_ID, **common)
    for job in cron_jobs:
        scheduler.add_job(tick(job.work), job.trigger, id=job.id, **common)


def run_scheduler(
    db: Database,
    wall: Clock,
    work: Callable[[threading.Event], Report],
    interval_minutes: float,
    echo: Callable[[str], None],
    cron_jobs: Sequence[CronJob] = (),
    standby_poll: float | None = None,
    lang: str = "sv",
) -> int:
    """Run `work` now and every `interval_minutes`, and each cron job on its trigger,
    until SIGTERM/SIGINT; returns 0.

    `wall` is the system clock: APScheduler fires on real time, whatever time the work
    itself is told (`--now` replays a day; a future one must not postpone the first run
    until that day comes). With `standby_poll` (seconds), a daemon that finds the lock
    held waits as a standby, trying again that often, and takes over when the active one
    stops or dies (its lock goes with its process: the flock, or the PostgreSQL session
    that held the advisory lock); without it, it raises AlreadyRunning."""
    from apscheduler.events import EVENT_SCHEDULER_STARTED
    from apscheduler.schedulers.blocking import BlockingScheduler

    from process.reports import template_limits

    stop = threading.Event()
    busy = threading.Lock()
    told: set[str] = set()
    running: list[Any] = []  # the scheduler, once there is one

    def on_signal(signum: int, _frame: Any) -> None:
        stop.set()
        template_limits.stop()  # a user template being rendered ends now
        if running and running[0].running:
            running[0].shutdown(wait=False)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    standby = None if standby_poll is None else Standby(stop, standby_poll, echo, lang=lang)
    try:
        with single_instance(db, standby, lang) as lock:
            if standby is not None and standby.told:
                echo(line("taking_over", lang, pid=os.getpid()))
            scheduler = BlockingScheduler(timezone=STOCKHOLM)
            running.append(scheduler)

            def tick_of(job_work: Callable[[threading.Event], Report]) -> Callable[[], None]:
                return lambda: tick(job_work)

            def tick(job_work: Callable[[threading.Event], Report]) -> None:
                if stop.is_set():
                    return
                with busy:
                    try:
                        lock.check()
                        outcome = job_work(stop)
                        if job_work is work:
                            lock.beat(wall.now())
                    except RspError as exc:
                        log.error("%s", exc)
                        return
                    except sa.exc.OperationalError as exc:
                        error = scrub(str(exc.orig or exc).splitlines()[0], db.url)
                        log.error("%s", line("database", lang, error=error))
                        return
                    for text in outcome.lines():
                        log.info("%s", text)
                    if outcome.error:
                        log.error("%s", outcome.error)
                    # each condition once, when it appears (remembered in the database,
                    # see notifications.reminders.notices), not every few minutes
                    for problem in getattr(outcome, "new_problems", outcome.problems):
                        if problem not in told:
                            told.add(problem)
                            log.warning("%s", problem)

            def started(_event: Any) -> None:
                if stop.is_set():  # a signal came before the scheduler ran
                    scheduler.shutdown(wait=False)
                    return
                echo(
                    line(
                        "running",
                        lang,
                        pid=os.getpid(),
                        minutes=f"{interval_minutes:g}",
                        db=db.display(),
                    )
                )

            scheduler.add_listener(started, EVENT_SCHEDULER_STARTED)
            add_jobs(scheduler, wall.now(), interval_minutes, tick_of, work, cron_jobs)
            if not stop.is_set():
                scheduler.start()  # blocks until on_signal shuts it down
            with busy:  # let a sweep or send in progress finish (it stops between messages)
                pass
    except StoppedWaiting:
        pass
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    echo(line("stopped", lang))
    return 0
