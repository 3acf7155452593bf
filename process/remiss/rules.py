"""The remiss (consultation on the remiss edition): its rules and what it looks like now.

Opening the remiss records the consulted bodies (remissinstanser) and the reply date:
three months after opening unless another is given, moved to the next working day when
it falls on a non-working day (lag 1930:173). A reply after the reply date is accepted
and marked late; closing the remiss after the reply date records each missing answer as
"no answer", a legitimate outcome. The writes are in `process.remiss_actions`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from typing import Any, TypedDict

import sqlalchemy as sa
from sqlmodel import Session

from process.core import vocab
from process.core.catalogue import Entry, entry
from process.core.errors import InvalidInput
from process.core.words import POSITION_LABELS, label
from process.core.workdays import next_working_day, period
from process.storage import core_tables
from process.workflow.guard_facts import RemissFacts

REPLY_MONTHS = 3
POSITIONS = ("agrees", "comments", "no_comments")
NO_ANSWER = "no_answer"
POSITION_WORDS: dict[str | None, Entry] = {
    **{k: v for k, v in POSITION_LABELS.items()},
    NO_ANSWER: entry("remiss.position.no_answer"),
    None: entry("remiss.position.none"),
}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day if it is shorter (pure)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reply_dates(opened_on: dt.date, asked: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """(the reply date asked for or by default, the one that counts: a working day)."""
    wanted = asked or add_months(opened_on, REPLY_MONTHS)
    if wanted <= opened_on:
        raise InvalidInput(f"--reply-by {wanted} must lie after the opening day {opened_on}")
    return wanted, next_working_day(wanted)


def parse_position(text: str) -> str:
    """A position as typed (its key, 'no-comments', or its label, e.g. 'tillstyrker') to
    the stored value."""
    return vocab.resolve(text, POSITION_LABELS.items(), "--position")


def position_word(position: str | None, lang: str) -> str:
    """The position in Swedish (default) or English."""
    return label(POSITION_WORDS[position], lang)


_R, _RB, _B = core_tables.remiss, core_tables.remiss_body, core_tables.body
_LATEST = (
    sa.select(_R).where(_R.c.programme_id == sa.bindparam("pid")).order_by(_R.c.id.desc()).limit(1)
)


def latest(session: Session, programme_id: int) -> Any | None:
    """The programme's latest remiss row (a mapping), or None if none was opened."""
    return session.connection().execute(_LATEST, {"pid": programme_id}).mappings().first()


class ConsultedBody(TypedDict):
    """A consulted body and its reply (position None: none recorded yet).

    TypedDicts here and below: the remiss is plain data in 'rsp status --json', the
    digest's and the compilation's template context (user templates read it as a mapping)."""

    id: int
    key: str
    name: str
    kind: str
    emails: list[str]
    answered: bool
    position: str | None
    received: dt.date | None
    summary: str | None
    late: bool
    recorded_by: str | None


class LostDay(TypedDict):
    """A holiday inside the reply period."""

    date: dt.date
    name: str


class RemissOverview(TypedDict):
    """The latest remiss: its dates, its period's working days, its bodies and replies."""

    id: int
    opened_on: dt.date
    reply_by: dt.date
    reply_by_asked: dt.date
    moved: bool
    open: bool
    closed_on: dt.date | None
    comment: str | None
    opened_by: str
    closed_by: str | None
    days_left: int
    calendar_days: int
    working_days: int
    weekend_days: int
    lost_to_holidays: list[LostDay]
    bodies: list[ConsultedBody]
    consulted: int
    answered: int
    late: int
    no_answer: list[str]
    waiting: list[str]


def bodies_of(session: Session, remiss_id: int) -> list[ConsultedBody]:
    """The consulted bodies of a remiss with their replies, in the bodies' order."""
    rows = (
        session.connection()
        .execute(
            sa.select(
                _B.c.id,
                _B.c.key,
                _B.c.name,
                _B.c.kind,
                _B.c.emails,
                _RB.c.position,
                _RB.c.received,
                _RB.c.summary,
                _RB.c.late,
                _RB.c.recorded_by,
            )
            .join(_RB, _RB.c.body_id == _B.c.id)
            .where(_RB.c.remiss_id == remiss_id)
            .order_by(_B.c.id)
        )
        .mappings()
        .all()
    )
    return [
        ConsultedBody(
            {
                "id": r["id"],
                "key": r["key"],
                "name": r["name"],
                "kind": r["kind"],
                "emails": json.loads(r["emails"]),
                "answered": r["position"] in POSITIONS,
                "position": r["position"],
                "received": r["received"],
                "summary": r["summary"],
                "late": bool(r["late"]),
                "recorded_by": r["recorded_by"],
            }
        )
        for r in rows
    ]


def remiss_overview(session: Session, programme_id: int, today: dt.date) -> RemissOverview | None:
    """The latest remiss as plain data, its period's working days and each reply; or None."""
    r = latest(session, programme_id)
    if r is None:
        return None
    bodies = bodies_of(session, r["id"])
    p = period(r["opened_on"], r["reply_by"])
    answered = [b for b in bodies if b["answered"]]
    return RemissOverview(
        {
            "id": r["id"],
            "opened_on": r["opened_on"],
            "reply_by": r["reply_by"],
            "reply_by_asked": r["reply_by_asked"],
            "moved": r["reply_by"] != r["reply_by_asked"],
            "open": r["closed_on"] is None,
            "closed_on": r["closed_on"],
            "comment": r["comment"],
            "opened_by": r["opened_by"],
            "closed_by": r["closed_by"],
            "days_left": (r["reply_by"] - today).days,
            "calendar_days": p.calendar_days,
            "working_days": p.working_days,
            "weekend_days": p.weekend_days,
            "lost_to_holidays": [LostDay(date=d, name=n) for d, n in p.lost_to_holidays],
            "bodies": bodies,
            "consulted": len(bodies),
            "answered": len(answered),
            "late": sum(1 for b in answered if b["late"]),
            "no_answer": [b["key"] for b in bodies if b["position"] == NO_ANSWER],
            "waiting": [b["key"] for b in bodies if b["position"] is None],
        }
    )


def facts_for(session: Session, programme_id: int, today: dt.date) -> RemissFacts | None:
    """For the `remiss_closable` guard: the open remiss, or None."""
    r = latest(session, programme_id)
    if r is None or r["closed_on"] is not None:
        return None
    bodies = bodies_of(session, r["id"])
    return RemissFacts(
        r["reply_by"], today, len(bodies), tuple(b["key"] for b in bodies if b["position"] is None)
    )
