"""The sweep: from the database and `now`, put every due reminder into the outbox once.

Deadline items come from sources (`SOURCES`: the drafting milestones, the measures'
dated targets, the remiss's unanswered bodies). What is due is computed by
`notifications.due`; rows already in the outbox are not rendered again, and the insert
itself ignores a key that exists, so a second sweep, a concurrent one or one after a
crash adds nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby

import sqlalchemy as sa
from sqlmodel import Session

from notifications.mail import outbox
from notifications.reminders import (
    due,
    measure_items,
    milestones,
    programme_rules,
    remiss_items,
)
from notifications.reminders.milestones import Collected
from notifications.reminders.problem_words import problem
from notifications.reminders.reminder_mail import render_each, row_values
from notifications.reminders.rules import Rules
from process.access import audit
from process.core.clock import STOCKHOLM, Clock
from process.core.errors import InvalidInput, RspError
from process.storage import lookup
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.tables import AuditEvent, Programme

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


def collect(
    session: Session,
    rules: Rules,
    now: dt.datetime,
    lang: str,
    sources: Sequence[ItemSource] | None = None,
    programme_ids: Sequence[int] | None = None,
) -> Collected:
    """Every deadline item of every source (of the programmes given, or of all)."""
    found = Collected()
    for source in SOURCES if sources is None else sources:
        if programme_ids is None:
            found.extend(source(session, rules, now, lang))
        else:
            found.extend(
                source(
                    session,
                    rules,
                    now,
                    lang,  # type: ignore[call-arg]
                    programme_ids=programme_ids,
                )
            )
    return found


@dataclass
class Group:
    """Programmes that use the same rules (all of them when rules were given)."""

    rules: Rules
    programme_ids: list[int] | None  # None: every programme


def groups(
    session: Session, rules: Rules | None, lang: str = "sv"
) -> tuple[list[Group], dict[int, str]]:
    """The programmes grouped by the rules they use, and a problem for each programme whose
    rules cannot be used (its reminders are then skipped; the others go on)."""
    if rules is not None:
        return [Group(rules, None)], {}
    found: dict[str, Group] = {}
    broken: dict[int, str] = {}
    for pid, key in (
        session.connection().execute(sa.select(_PROG.c.id, _PROG.c.key).order_by(_PROG.c.id)).all()
    ):
        try:
            in_force = programme_rules.in_force(session, pid)
            programme_rules.check_for(session, pid, in_force.rules)
        except RspError as exc:
            broken[pid] = problem("rules_broken", lang, programme=key, error=exc)
            continue
        group = found.setdefault(in_force.content_hash, Group(in_force.rules, []))
        assert group.programme_ids is not None
        group.programme_ids.append(pid)
    return list(found.values()), broken


def collect_isolated(
    session: Session,
    group: Group,
    now: dt.datetime,
    lang: str,
    sources: Sequence[ItemSource] | None,
    broken: dict[int, str],
) -> list[tuple[Rules, Collected, list[due.DueReminder]]]:
    """Collect a group's items; if that fails, one programme at a time, so that one
    programme's bad data is reported for it and stops no other's reminders."""
    try:
        found = collect(session, group.rules, now, lang, sources, group.programme_ids)
        return [(group.rules, found, due.due_now(group.rules, found.items, now))]
    except Exception as exc:  # noqa: BLE001 - an isolation boundary: report, go on
        if group.programme_ids is None or len(group.programme_ids) == 1:
            for pid in group.programme_ids or [0]:
                broken[pid] = problem(
                    "programme_failed", lang, id=pid, error=f"{type(exc).__name__}: {exc}"
                )
            return []
    out = []
    for pid in group.programme_ids:
        out += collect_isolated(session, Group(group.rules, [pid]), now, lang, sources, broken)
    return out


def widened(
    sources: Sequence[ItemSource] | None, until: dt.date | None = None, all_open: bool = False
) -> list[ItemSource]:
    """The sources, with the measures' looking up to `until` (a preview) or at every open
    deadline (the calendar) instead of only the sweep's window."""
    return [
        partial(measure_items.items, until=until, all_open=all_open)
        if s is measure_items.items
        else s
        for s in (SOURCES if sources is None else sources)
    ]


def calendar_items(session: Session, rules: Rules | None, now: dt.datetime, lang: str) -> Collected:
    """Every open deadline item except the milestones (the calendar has those itself),
    each programme's by its own rules (or by `rules` when given)."""
    others = [s for s in SOURCES if s is not milestones.items]
    found = Collected()
    grouped, broken = groups(session, rules, lang)
    for g in grouped:
        found.extend(
            collect(session, g.rules, now, lang, widened(others, all_open=True), g.programme_ids)
        )
    found.items = [i for i in found.items if i.kind != "milestone"]
    found.problems += broken.values()
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
        return (
            self.reminder.item.subject,
            self.reminder.rule,
            self.reminder.due_on,
            self.recipient.address.strip().lower(),
        )


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


def sweep(
    db: Database,
    clock: Clock,
    rules: Rules | None = None,
    *,
    lang: str = "sv",
    domain: str = "localhost",
    sources: Sequence[ItemSource] | None = None,
    base_url: str | None = None,
    actor: str = SYSTEM_ACTOR,
) -> SweepReport:
    """Insert every reminder due now into the outbox (idempotent); audit what was queued.

    Each programme is swept with its own rules (`rules` given: those, for every
    programme); a programme whose rules or data cannot be used is reported, and audited
    for that programme when the problem is new, and never stops another's reminders."""
    now = clock.now()
    report = SweepReport()
    found = Collected()
    reminders: list[due.DueReminder] = []
    with db.read() as session:
        grouped, broken = groups(session, rules, lang)
        for g in grouped:
            for _rules, collected, due_now in collect_isolated(
                session, g, now, lang, sources, broken
            ):
                found.extend(collected)
                reminders += due_now
        planned = expand(session, reminders)
    report.items, report.due, report.mails = len(found.items), len(reminders), len(planned)
    report.problems = [*broken.values(), *found.problems]
    if broken:
        _audit_broken(db, clock, actor, broken)
    report.existing = sum(p.exists for p in planned)
    rows = []
    for _r, group in groupby(planned, key=lambda p: id(p.reminder)):  # one render each
        todo = [p for p in group if not p.exists]
        if not todo:
            continue
        reminder = todo[0].reminder
        name = found.programmes.get(reminder.item.programme_id or 0, "")
        mails = render_each(reminder, [(p.recipient, p.how) for p in todo], lang, name, base_url)
        for p, mail in zip(todo, mails, strict=True):
            if isinstance(mail, InvalidInput):
                report.problems.append(
                    problem(
                        "mail_not_made",
                        lang,
                        subject=reminder.item.subject,
                        address=p.recipient.address,
                        error=mail,
                    )
                )
                continue
            rows.append(
                row_values(reminder, p.recipient.address, mail, lang, now, domain)
                | {"recorded_at": clock.recorded()}
            )
    if not rows:
        return report
    with db.write() as session:
        inserted = outbox.insert_rows(session, rows)
        report.new_ids = [r["id"] for r in inserted]
        report.inserted = len(inserted)
        report.existing += len(rows) - report.inserted
        _audit_queued(session, now, clock.recorded(), actor, inserted)
    return report


_A = table_of(AuditEvent)
_PROG = table_of(Programme)


def _audit_broken(db: Database, clock: Clock, actor: str, broken: dict[int, str]) -> None:
    """Audit each programme's reminder problem once, when it appears (not every sweep)."""
    with db.write() as session:
        conn = session.connection()
        for pid, problem in sorted(broken.items()):
            if pid == 0:
                continue
            last = conn.execute(
                sa.select(_A.c.detail)
                .where(_A.c.programme_id == pid, _A.c.action == "reminders.problem")
                .order_by(_A.c.id.desc())
                .limit(1)
            ).scalar()
            if last is not None and json.loads(last).get("problem") == problem:
                continue
            audit.append(
                session,
                at=clock.now(),
                recorded_at=clock.recorded(),
                actor=actor,
                action="reminders.problem",
                outcome="refused",
                programme_id=pid,
                subject="outbox",
                detail={"problem": problem},
            )


def _audit_queued(
    session: Session, now: dt.datetime, recorded: dt.datetime, actor: str, inserted: list[dict]
) -> None:
    """One audit row per programme: how many reminders were queued, about what."""
    by_programme: dict[int | None, list[dict]] = {}
    for row in inserted:
        by_programme.setdefault(row["programme_id"], []).append(row)
    for programme_id, queued in sorted(by_programme.items(), key=lambda kv: kv[0] or 0):
        subjects = sorted({f"{r['subject']} {r['rule']}" for r in queued})
        audit.append(
            session,
            at=now,
            recorded_at=recorded,
            actor=actor,
            action="reminders.queued",
            programme_id=programme_id,
            subject="outbox",
            detail={"count": len(queued), "reminders": subjects[:50]},
        )


def preview(
    db: Database,
    clock: Clock,
    rules: Rules | None,
    until: dt.date,
    lang: str = "sv",
    sources: Sequence[ItemSource] | None = None,
    programme_key: str | None = None,
) -> tuple[list[Planned], list[str]]:
    """Every reminder the coming period would produce if nothing changed; writes nothing.
    Each programme by its own rules (or by `rules` when given); only the programme of
    `programme_key` when given (its problems only, too)."""
    now = clock.now()
    if until < now.astimezone(STOCKHOLM).date():
        raise InvalidInput(f"--until {until} lies before now ({now.astimezone(STOCKHOLM).date()})")
    reminders: list[due.DueReminder] = []
    problems: list[str] = []
    with db.read() as session:
        grouped, broken = groups(session, rules, lang)
        if programme_key is not None:
            pid = lookup.find_programme(session, programme_key).id
            assert pid is not None
            broken = {p: text for p, text in broken.items() if p == pid}
            grouped = [
                Group(g.rules, [pid])
                for g in grouped
                if g.programme_ids is None or pid in g.programme_ids
            ]
        for g in grouped:
            found = collect(session, g.rules, now, lang, widened(sources, until), g.programme_ids)
            reminders += due.simulate(g.rules, found.items, now, until)
            problems += found.problems
        planned = expand(session, reminders)
    return planned, [*broken.values(), *problems]
