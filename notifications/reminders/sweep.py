"""The sweep: from the database and `now`, put every due reminder into the outbox once.

Deadline items come from sources (`SOURCES`: the drafting milestones, the measures'
dated targets, the remiss's unanswered bodies). What is due is computed by
`notifications.due`; rows already in the outbox are not rendered again, and the insert
itself ignores a key that exists, so a second sweep, a concurrent one or one after a
crash adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby

from sqlmodel import Session

from notifications.mail import outbox
from notifications.reminders import due, measure_items, milestones, remiss_items
from notifications.reminders.milestones import Collected
from notifications.reminders.reminder_mail import render_each, row_values
from notifications.reminders.rules import Rules
from process.access import audit
from process.core.clock import STOCKHOLM, Clock
from process.core.errors import InvalidInput
from process.storage.database import Database

SYSTEM_ACTOR = "rsp-scheduler"
ItemSource = Callable[[Session, Rules, dt.datetime, str], Collected]
SOURCES: list[ItemSource] = [milestones.items, measure_items.items, remiss_items.items]


@dataclass
class SweepReport:
    """What one sweep did."""

    items: int = 0
    due: int = 0  # reminders (one per item at most)
    mails: int = 0  # reminders times recipients
    inserted: int = 0
    existing: int = 0
    new_ids: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def collect(session: Session, rules: Rules, now: dt.datetime, lang: str,
            sources: Sequence[ItemSource] | None = None) -> Collected:
    """Every deadline item of every source."""
    found = Collected()
    for source in SOURCES if sources is None else sources:
        found.extend(source(session, rules, now, lang))
    return found


def widened(sources: Sequence[ItemSource] | None, until: dt.date | None = None,
            all_open: bool = False) -> list[ItemSource]:
    """The sources, with the measures' looking up to `until` (a preview) or at every open
    deadline (the calendar) instead of only the sweep's window."""
    return [partial(measure_items.items, until=until, all_open=all_open)
            if s is measure_items.items else s for s in (SOURCES if sources is None
                                                            else sources)]


def calendar_items(session: Session, rules: Rules, now: dt.datetime, lang: str) -> Collected:
    """Every open deadline item except the milestones (the calendar has those itself)."""
    others = [s for s in SOURCES if s is not milestones.items]
    found = collect(session, rules, now, lang, widened(others, all_open=True))
    found.items = [i for i in found.items if i.kind != "milestone"]
    return found


@dataclass(frozen=True)
class Planned:
    """One reminder to one address, and whether the outbox has it already."""

    reminder: due.DueReminder
    recipient: due.Recipient
    how: str  # to | cc
    exists: bool

    @property
    def key(self) -> tuple[str, str, dt.date, str]:
        """The outbox key: subject, rule, due date, recipient."""
        return (self.reminder.item.subject, self.reminder.rule, self.reminder.due_on,
                self.recipient.address.strip().lower())


def expand(session: Session, reminders: Sequence[due.DueReminder]) -> list[Planned]:
    """Each reminder once per recipient, marked if already in the outbox."""
    if not reminders:
        return []
    since = min(r.due_on for r in reminders)
    existing = outbox.existing_keys(session, {r.item.subject for r in reminders}, since)
    out = []
    for r in reminders:
        key = (r.item.subject, r.rule, r.due_on)
        for recipient, how in r.recipients():
            exists = (*key, recipient.address.strip().lower()) in existing
            out.append(Planned(r, recipient, how, exists))
    return out


def sweep(db: Database, clock: Clock, rules: Rules, *, lang: str = "sv",
          domain: str = "localhost", sources: Sequence[ItemSource] | None = None,
          actor: str = SYSTEM_ACTOR) -> SweepReport:
    """Insert every reminder due now into the outbox (idempotent); audit what was queued."""
    now = clock.now()
    report = SweepReport()
    with db.read() as session:
        found = collect(session, rules, now, lang, sources)
        reminders = due.due_now(rules, found.items, now)
        planned = expand(session, reminders)
    report.items, report.due, report.mails = len(found.items), len(reminders), len(planned)
    report.problems = found.problems
    report.existing = sum(p.exists for p in planned)
    rows = []
    for _r, group in groupby(planned, key=lambda p: id(p.reminder)):  # one render each
        todo = [p for p in group if not p.exists]
        if not todo:
            continue
        reminder = todo[0].reminder
        name = found.programmes.get(reminder.item.programme_id or 0, "")
        mails = render_each(reminder, [(p.recipient, p.how) for p in todo], lang, name)
        for p, mail in zip(todo, mails, strict=True):
            if isinstance(mail, InvalidInput):
                report.problems.append(f"{reminder.item.subject} to {p.recipient.address}: "
                                       f"{mail}")
                continue
            rows.append(row_values(reminder, p.recipient.address, mail, lang, now,
                                   domain) | {"recorded_at": clock.recorded()})
    if not rows:
        return report
    with db.write() as session:
        inserted = outbox.insert_rows(session, rows)
        report.new_ids = [r["id"] for r in inserted]
        report.inserted = len(inserted)
        report.existing += len(rows) - report.inserted
        _audit_queued(session, now, clock.recorded(), actor, inserted)
    return report


def _audit_queued(session: Session, now: dt.datetime, recorded: dt.datetime, actor: str,
                  inserted: list[dict]) -> None:
    """One audit row per programme: how many reminders were queued, about what."""
    by_programme: dict[int | None, list[dict]] = {}
    for row in inserted:
        by_programme.setdefault(row["programme_id"], []).append(row)
    for programme_id, queued in sorted(by_programme.items(), key=lambda kv: kv[0] or 0):
        subjects = sorted({f"{r['subject']} {r['rule']}" for r in queued})
        audit.append(session, at=now, recorded_at=recorded, actor=actor,
                     action="reminders.queued",
                     programme_id=programme_id, subject="outbox",
                     detail={"count": len(queued), "reminders": subjects[:50]})


def preview(db: Database, clock: Clock, rules: Rules, until: dt.date, lang: str = "sv",
            sources: Sequence[ItemSource] | None = None) -> tuple[list[Planned], list[str]]:
    """Every reminder the coming period would produce if nothing changed; writes nothing."""
    now = clock.now()
    if until < now.astimezone(STOCKHOLM).date():
        raise InvalidInput(f"--until {until} lies before now "
                           f"({now.astimezone(STOCKHOLM).date()})")
    with db.read() as session:
        found = collect(session, rules, now, lang, widened(sources, until))
        reminders = due.simulate(rules, found.items, now, until)
        planned = expand(session, reminders)
    return planned, found.problems
