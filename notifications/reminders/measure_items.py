"""Deadline items from the action plans: each dated target of an open measure (planned,
ongoing or postponed), to the measure's responsible bodies and their people.

Recipients: the lead body (position 0) in To; the other responsible bodies, then the
people who act for any of the measure's bodies (those with an e-mail address), in Cc. A
body's addresses are its `emails`; a group's are its own followed by its members' (and
its people are its own and its members').

Set-based: one query finds the deadlines in the sweep's window (a range scan of
`ix_measure_deadline_due`) with their measures' responsible bodies; four more fetch the
bodies, group members and people of their programmes and the programmes' names, however
many deadlines were found.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlmodel import Session

from notifications.reminders import due
from notifications.reminders.due import DeadlineItem, Recipient
from notifications.reminders.milestones import Collected, contact_text
from notifications.reminders.problem_words import problem
from notifications.reminders.rules import KindRules, Rules
from process.core.catalogue import section
from process.core.clock import STOCKHOLM
from process.core.words import long_date
from process.plans.measure_queries import OPEN_STATES, open_states
from process.storage.body_tables import Body as BodyRow
from process.storage.body_tables import BodyGroupMember, BodyPerson
from process.storage.plan_tables import (
    ActionPlan,
    Measure,
    MeasureBody,
    MeasureDeadline,
    table,
)
from process.storage.tables import Person, Programme

KIND = "measure"
TITLE_MAX = 40  # characters of the measure's title in a reminder's title
_D, _M, _P = table(MeasureDeadline), table(Measure), table(ActionPlan)
_MB, _B, _G, _BP = table(MeasureBody), table(BodyRow), table(BodyGroupMember), table(BodyPerson)
_PERSON, _PROG = table(Person), table(Programme)
WORDS = section("measure_items")


def _w(key: str, lang: str) -> str:
    return WORDS[key].get(lang) or WORDS[key]["sv"]


def short_title(title: str, limit: int = TITLE_MAX) -> str:
    """The title cut at a word boundary to about `limit` characters, with '…' if cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0] if " " in title[:limit] else title[:limit]
    return cut.rstrip(" ,;:.-–") + " …"


def window(
    rules: Rules, now: dt.datetime, until: dt.date | None = None
) -> tuple[dt.date | None, dt.date] | None:
    """The deadline dates a sweep at `now` (or a preview to `until`) must look at; None if
    the rules have no measure section."""
    kind = rules.for_kind(KIND)
    if kind is None:
        return None
    low, high = due.due_window(kind, rules.catch_up_days, now.astimezone(STOCKHOLM).date())
    if until is not None:
        high = max(high, until + dt.timedelta(days=kind.horizon_days()))
    return low, high


def deadline_query(
    low: dt.date | None, high: dt.date | None, open_now: Sequence[str] = OPEN_STATES
) -> sa.Select:
    """The open measures' deadlines between `low` and `high` (None: unbounded), by date,
    one row per responsible body (lead first)."""
    joined = (
        _D.join(_M, _M.c.id == _D.c.measure_id)
        .join(_P, _P.c.id == _M.c.plan_id)
        .outerjoin(_MB, _MB.c.measure_id == _M.c.id)
    )
    q = (
        sa.select(
            _D.c.id,
            _D.c.measure_id,
            _D.c.due_date,
            _D.c.text,
            _M.c.code,
            _M.c.title,
            _M.c.subgoal,
            _P.c.year,
            _P.c.programme_id,
            _MB.c.body_id,
        )
        .select_from(joined)
        .where(_M.c.state.in_(list(open_now)))
    )
    if low is not None:
        q = q.where(_D.c.due_date >= low)
    if high is not None:
        q = q.where(_D.c.due_date <= high)
    return q.order_by(_D.c.due_date, _D.c.id, _MB.c.position)


@dataclass
class Directory:
    """The bodies of some programmes as recipients: addresses and people per body."""

    names: dict[int, str] = field(default_factory=dict)
    addresses: dict[int, tuple[Recipient, ...]] = field(default_factory=dict)
    people: dict[int, tuple[Recipient, ...]] = field(default_factory=dict)
    _split: dict[tuple[int, ...], tuple[tuple[Recipient, ...], tuple[Recipient, ...]]] = field(
        default_factory=dict
    )

    def split(
        self, body_ids: tuple[int, ...]
    ) -> tuple[tuple[Recipient, ...], tuple[Recipient, ...]]:
        """(To, Cc) for a measure whose bodies are `body_ids`, lead first; each address
        once, To before Cc. Cached: many measures share their bodies."""
        found = self._split.get(body_ids)
        if found is None:
            lead, rest = body_ids[0], body_ids[1:]
            to = _unique([self.addresses.get(lead, ())], set())
            cc = _unique(
                [
                    *(self.addresses.get(b, ()) for b in rest),
                    *(self.people.get(b, ()) for b in body_ids),
                ],
                {r.address.strip().lower() for r in to},
            )
            found = self._split[body_ids] = (to, cc)
        return found


def _unique(groups: Iterable[Iterable[Recipient]], skip: set[str]) -> tuple[Recipient, ...]:
    out: dict[str, Recipient] = {}
    for group in groups:
        for r in group:
            key = r.address.strip().lower()
            if key and key not in skip and key not in out:
                out[key] = r
    return tuple(out.values())


def directory(session: Session, programme_ids: Sequence[int]) -> Directory:
    """Every body of these programmes with its addresses and people, groups expanded
    (three queries)."""
    conn = session.connection()
    bodies = _B.c.programme_id.in_(list(programme_ids))
    own: dict[int, list[Recipient]] = {}
    names: dict[int, str] = {}
    for body_id, name, emails in conn.execute(
        sa.select(_B.c.id, _B.c.name, _B.c.emails).where(bodies).order_by(_B.c.id)
    ):
        names[body_id] = name
        own[body_id] = [Recipient(a, name, organisation=True) for a in json.loads(emails or "[]")]
    members: dict[int, list[int]] = {}
    for group_id, member_id in conn.execute(
        sa.select(_G.c.group_id, _G.c.member_id)
        .join(_B, _B.c.id == _G.c.member_id)
        .where(bodies)
        .order_by(_G.c.group_id, _B.c.key)
    ):
        members.setdefault(group_id, []).append(member_id)
    people: dict[int, list[Recipient]] = {}
    for body_id, name, email in conn.execute(
        sa.select(_BP.c.body_id, _PERSON.c.name, _PERSON.c.email)
        .join(_PERSON, _PERSON.c.id == _BP.c.person_id)
        .join(_B, _B.c.id == _BP.c.body_id)
        .where(bodies, _PERSON.c.email.is_not(None))
        .order_by(_BP.c.body_id, _PERSON.c.login)
    ):
        if email:
            people.setdefault(body_id, []).append(Recipient(email, name))
    found = Directory(names=names)
    for body_id in names:
        group = [body_id, *members.get(body_id, [])]
        found.addresses[body_id] = _unique((own.get(b, ()) for b in group), set())
        found.people[body_id] = _unique((people.get(b, ()) for b in group), set())
    return found


def items(
    session: Session,
    rules: Rules,
    now: dt.datetime,
    lang: str,
    *,
    until: dt.date | None = None,
    all_open: bool = False,
    programme_ids: Sequence[int] | None = None,
) -> Collected:
    """The deadline items of open measures (of the programmes given, or of all): those a
    sweep at `now` may remind of (up to `until` for a preview), or with `all_open` every
    open measure's deadline."""
    if all_open:
        low: dt.date | None = None
        high: dt.date | None = None
    else:
        span = window(rules, now, until)
        if span is None:
            return Collected()
        low, high = span
    query = deadline_query(low, high, open_states(session))
    if programme_ids is not None:
        query = query.where(_P.c.programme_id.in_(list(programme_ids)))
    rows = session.connection().execute(query).all()
    if not rows:
        return Collected()
    programme_ids = sorted({r[8] for r in rows})
    programmes = (
        session.connection()
        .execute(
            sa.select(_PROG.c.id, _PROG.c.name, _PROG.c.key).where(_PROG.c.id.in_(programme_ids))
        )
        .all()
    )
    found = Collected(programmes={p.id: p.name for p in programmes})
    people = directory(session, programme_ids)
    make = _Maker(
        found,
        people,
        lang,
        rules.for_kind(KIND) if all_open else None,
        {pid: contact_text(session, pid) for pid in programme_ids},
        {p.id: p.key for p in programmes},
    )
    body_ids: list[int] = []
    for i, row in enumerate(rows):  # one row per responsible body, lead first
        if row[9] is not None:
            body_ids.append(row[9])
        if i + 1 == len(rows) or rows[i + 1][0] != row[0]:
            make.item(row, tuple(body_ids))
            body_ids = []
    return found


@dataclass
class _Maker:
    """Turns a deadline row and its measure's bodies into a deadline item (or a problem)."""

    found: Collected
    people: Directory
    lang: str
    kind: KindRules | None  # given: add the moved deadline to the details (the calendar)
    contacts: dict[int, str] = field(default_factory=dict)  # programme id → its contact
    keys: dict[int, str] = field(default_factory=dict)  # programme id → its key (for links)

    def __post_init__(self) -> None:
        self.labels = {k: _w(k, self.lang) for k in WORDS}

    def item(self, row: Sequence[Any], body_ids: tuple[int, ...]) -> None:
        did, mid, due_date, text, code, title, subgoal, year, programme_id, _b = row
        if not body_ids:
            self.found.problems.append(problem("measure_no_body", self.lang, code=code, year=year))
            return
        to, cc = self.people.split(body_ids)
        if not to:
            self.found.problems.append(
                problem(
                    "measure_lead_no_email",
                    self.lang,
                    code=code,
                    year=year,
                    body=repr(self.people.names.get(body_ids[0])),
                )
            )
            return
        w = self.labels
        details: tuple[tuple[str, str], ...] = (
            (w["plan"], str(year)),
            (w["measure"], f"{code} {title}"),
            (w["subgoal"], subgoal),
            (w["target"], f"{text}, {long_date(due_date, self.lang)}"),
        )
        if self.kind is not None and self.kind.deadline(due_date) != due_date:
            details += ((w["moved"], long_date(self.kind.deadline(due_date), self.lang)),)
        if self.contacts.get(programme_id):
            details += ((w["contact"], self.contacts[programme_id]),)
        key = self.keys.get(programme_id, "")
        self.found.items.append(
            DeadlineItem(
                KIND,
                f"measure:{mid}:deadline:{did}",
                f"{code} {short_title(title)}: {text}",
                due_date,
                to,
                cc,
                programme_id,
                details,
                page=f"/p/{quote(key)}/measures/{year}/{quote(code)}" if key else "",
            )
        )
