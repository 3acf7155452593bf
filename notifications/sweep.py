"""The sweep: from the database and `now`, put every due reminder into the outbox once.

Deadline items come from sources (`SOURCES`: the drafting milestones now, the measures
once they exist). What is due is computed by `notifications.due`; rows already in the
outbox are not rendered again, and the insert itself ignores a key that exists, so a
second sweep, a concurrent one or one after a crash adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from notifications import due, milestones, outbox
from notifications.messages import render
from notifications.milestones import Collected
from notifications.rules import Rules
from process import audit
from process.clock import STOCKHOLM, Clock
from process.db import Database
from process.errors import InvalidInput

SYSTEM_ACTOR = "rsp-scheduler"
ItemSource = Callable[[Session, Rules, dt.datetime, str], Collected]
SOURCES: list[ItemSource] = [milestones.items]


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
        for recipient, how in r.recipients():
            p = Planned(r, recipient, how, False)
            out.append(Planned(r, recipient, how, p.key in existing))
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
    rows = []
    for p in planned:
        if p.exists:
            report.existing += 1
            continue
        name = found.programmes.get(p.reminder.item.programme_id or 0, "")
        try:
            mail = render(p.reminder, p.recipient, p.how, lang, name)
        except InvalidInput as exc:
            report.problems.append(f"{p.reminder.item.subject} to {p.recipient.address}: {exc}")
            continue
        rows.append(outbox.row_values(p.reminder, p.recipient.address, mail, lang, now, domain))
    if not rows:
        return report
    with db.write() as session:
        inserted = outbox.insert_rows(session, rows)
        report.new_ids = [r["id"] for r in inserted]
        report.inserted = len(inserted)
        report.existing += len(rows) - report.inserted
        _audit_queued(session, now, actor, inserted)
    return report


def _audit_queued(session: Session, now: dt.datetime, actor: str,
                  inserted: list[dict]) -> None:
    """One audit row per programme: how many reminders were queued, about what."""
    by_programme: dict[int | None, list[dict]] = {}
    for row in inserted:
        by_programme.setdefault(row["programme_id"], []).append(row)
    for programme_id, queued in sorted(by_programme.items(), key=lambda kv: kv[0] or 0):
        subjects = sorted({f"{r['subject']} {r['rule']}" for r in queued})
        audit.append(session, at=now, actor=actor, action="reminders.queued",
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
        found = collect(session, rules, now, lang, sources)
        reminders = due.simulate(rules, found.items, now, until)
        planned = expand(session, reminders)
    return planned, found.problems
