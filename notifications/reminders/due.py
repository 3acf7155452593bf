"""Which reminders are due: pure functions over rules, deadline items and `now`.

Each rule gives a deadline item a series of occurrences (a nominal date, and the moment
the mail may go: `send_at` on that day, or the next working morning). Occurrences of one
item that land on the same send day collapse into the latest one. At `now` an item has
at most one due reminder: its latest occurrence whose moment has passed, if that is at
most `catch_up_days` old. So a sweep that runs often produces each occurrence in turn, and
one that runs after a long pause catches up once instead of flooding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from notifications.reminders.rules import KindRules, Rules
from process.core.clock import STOCKHOLM
from process.core.workdays import is_working_day, next_working_morning, working_morning

SLACK_DAYS = 10  # a send day can lie a few days after its nominal date (Easter, Christmas)


@dataclass(frozen=True)
class Recipient:
    """One mail address, with the name to show; `organisation` when the address is a
    body's own (a mail to it is addressed "Till Länsstyrelsen Jämtlands län"), not a
    person's ("Hej Eva Handläggare!")."""

    address: str
    name: str = ""
    organisation: bool = False


@dataclass(frozen=True)
class DeadlineItem:
    """Something with a deadline that someone must be reminded of."""

    kind: str  # measure | milestone (the rules section that applies)
    subject: str  # e.g. measure:17, process:1:adopted
    title: str
    due: dt.date
    to: tuple[Recipient, ...]
    cc: tuple[Recipient, ...] = ()
    programme_id: int | None = None
    details: tuple[tuple[str, str], ...] = field(default=())  # extra (label, text) lines
    page: str = ""  # the browser page where the recipient can act, e.g. /p/KEY/measures/Y/C


@dataclass(frozen=True)
class Occurrence:
    """One moment a rule reminds of an item."""

    rule: str  # e.g. measure.before_7
    due_on: dt.date  # the nominal date (deadline - N, or deadline + k*N)
    send_at: dt.datetime


@dataclass(frozen=True)
class DueReminder:
    """A reminder to produce: which item, which rule, for which date."""

    item: DeadlineItem
    rule: str
    deadline: dt.date  # the deadline that counts (moved to a working day if the rules say so)
    due_on: dt.date
    send_at: dt.datetime  # when it goes: its moment, or (caught up late) now or next morning

    @property
    def days_left(self) -> int:
        """Days from the send day to the deadline (negative when overdue)."""
        return (self.deadline - self.send_at.astimezone(STOCKHOLM).date()).days

    def recipients(self) -> list[tuple[Recipient, str]]:
        """Each address once (To before Cc), with 'to' or 'cc'."""
        seen: set[str] = set()
        out: list[tuple[Recipient, str]] = []
        for how, group in (("to", self.item.to), ("cc", self.item.cc)):
            for r in group:
                key = r.address.strip().lower()
                if key and key not in seen:
                    seen.add(key)
                    out.append((r, how))
        return out


def schedule(
    kind: KindRules,
    item: DeadlineItem,
    send_at: dt.time,
    until: dt.date,
    since: dt.date | None = None,
) -> list[Occurrence]:
    """The item's occurrences whose nominal date is on or before `until` (and, for the
    repeating overdue rule, not before `since`), in order."""
    deadline = kind.deadline(item.due)
    nominal: list[tuple[dt.date, str]] = []
    for rule in kind.rules:
        if rule.days_before is not None:
            day = deadline - dt.timedelta(days=rule.days_before)
            if day <= until:
                nominal.append((day, kind.key(rule)))
        elif rule.every_days_overdue:
            k = 1
            if since is not None and since > deadline:  # skip the long-gone weeks
                k = max(1, (since - deadline).days // rule.every_days_overdue)
            while rule.max_times is None or k <= rule.max_times:
                day = deadline + dt.timedelta(days=k * rule.every_days_overdue)
                if day > until:
                    break
                nominal.append((day, kind.key(rule)))
                k += 1
    by_send_day: dict[dt.date, Occurrence] = {}
    for day, rule_key in sorted(nominal):
        moment = working_morning(day, send_at)
        by_send_day[moment.date()] = Occurrence(rule_key, day, moment)  # the latest wins
    return [by_send_day[d] for d in sorted(by_send_day)]


def _reminder(
    kind: KindRules,
    item: DeadlineItem,
    occ: Occurrence,
    at: dt.time,
    now: dt.datetime | None = None,
) -> DueReminder:
    """The reminder for an occurrence. One caught up late goes now, or, if now is not a
    working day, the next working morning; its days are counted from then."""
    send_at = occ.send_at
    if now is not None and now > send_at:
        send_at = now
        if not is_working_day(now.astimezone(STOCKHOLM).date()):
            send_at = next_working_morning(now, at)
    return DueReminder(item, occ.rule, kind.deadline(item.due), occ.due_on, send_at)


def _today(now: dt.datetime) -> dt.date:
    return now.astimezone(STOCKHOLM).date()


def due_now(rules: Rules, items: Iterable[DeadlineItem], now: dt.datetime) -> list[DueReminder]:
    """The reminders due at `now`: per item its latest passed occurrence, if fresh enough."""
    today = _today(now)
    oldest = today - dt.timedelta(days=rules.catch_up_days)
    since = oldest - dt.timedelta(days=SLACK_DAYS)  # older ones cannot be fresh enough
    latest: dict[tuple[str, dt.date], Occurrence | None] = {}  # items due on the same day
    out: list[DueReminder] = []
    for item in items:
        kind = rules.for_kind(item.kind)
        if kind is None:
            continue
        key = (item.kind, item.due)
        if key not in latest:
            passed = [
                o for o in schedule(kind, item, rules.send_at, today, since) if o.send_at <= now
            ]
            fresh = passed and passed[-1].send_at.date() >= oldest
            latest[key] = passed[-1] if fresh else None
        occ = latest[key]
        if occ is not None:
            out.append(_reminder(kind, item, occ, rules.send_at, now))
    return out


def simulate(
    rules: Rules, items: Iterable[DeadlineItem], start: dt.datetime, until: dt.date
) -> list[DueReminder]:
    """Every reminder a sweep running all the time from `start` to the end of `until` would
    produce, if the items stayed as they are: what is due at `start`, then each occurrence."""
    out = due_now(rules, items := list(items), start)
    for item in items:
        kind = rules.for_kind(item.kind)
        if kind is None:
            continue
        for occ in schedule(kind, item, rules.send_at, until):
            if start < occ.send_at and occ.send_at.astimezone(STOCKHOLM).date() <= until:
                out.append(_reminder(kind, item, occ, rules.send_at))
    return sorted(out, key=lambda r: (r.send_at, r.item.subject, r.rule))


def due_window(
    kind: KindRules, catch_up_days: int, today: dt.date
) -> tuple[dt.date | None, dt.date]:
    """The range of (unmoved) deadlines that can have a reminder due today: a cheap
    pre-filter for a database query (None = no lower bound)."""
    latest = today + dt.timedelta(days=kind.horizon_days())
    back = catch_up_days + SLACK_DAYS
    for rule in kind.rules:
        if rule.every_days_overdue:
            if rule.max_times is None:
                return None, latest
            back = max(back, rule.every_days_overdue * rule.max_times + catch_up_days + SLACK_DAYS)
    return today - dt.timedelta(days=back), latest
