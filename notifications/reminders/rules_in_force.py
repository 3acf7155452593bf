"""The reminder rules in force for one programme, as its page shows them: the rules (its
own or the bundled ones), the open deadline items each kind of rule applies to now, and
the reminders coming until a day (`sweep.preview`, which writes nothing), grouped as
`rsp remind preview` prints them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from notifications.reminders import programme_rules, sweep
from notifications.reminders.due import DeadlineItem
from notifications.reminders.programme_rules import InForce
from process.core.clock import Clock
from process.storage.database import Database


@dataclass(frozen=True)
class Coming:
    """One reminder to come: when, which rule, about what, to whom."""

    send_at: dt.datetime
    rule: str
    title: str
    deadline: dt.date
    to: list[str]
    cc: list[str]
    already_queued: bool


@dataclass
class RulesOverview:
    """What the page shows."""

    in_force: InForce
    items: dict[str, list[DeadlineItem]] = field(default_factory=dict)  # kind → items
    coming: list[Coming] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def overview(
    db: Database, clock: Clock, programme_id: int, programme_key: str, lang: str, until: dt.date
) -> RulesOverview:
    """The programme's rules, what they apply to now, and the reminders until `until`."""
    now = clock.now()
    with db.read() as session:
        used = programme_rules.in_force(session, programme_id)
        found = sweep.collect(
            session, used.rules, now, lang, sweep.widened(None, all_open=True), [programme_id]
        )
    out = RulesOverview(used, problems=list(found.problems))
    for item in sorted(found.items, key=lambda i: (i.due, i.title)):
        out.items.setdefault(item.kind, []).append(item)
    planned, problems = sweep.preview(db, clock, None, until, lang, programme_key=programme_key)
    out.problems += [p for p in problems if p not in out.problems]
    groups: dict[tuple, list[sweep.Planned]] = {}
    for p in planned:
        r = p.reminder
        groups.setdefault((r.send_at, r.item.subject, r.rule), []).append(p)
    for (send_at, _subject, rule), ps in sorted(groups.items(), key=lambda g: g[0][0]):
        r = ps[0].reminder
        out.coming.append(
            Coming(
                send_at,
                rule,
                r.item.title,
                r.deadline,
                [p.recipient.address for p in ps if p.how == "to"],
                [p.recipient.address for p in ps if p.how == "cc"],
                all(p.exists for p in ps),
            )
        )
    return out
