"""Deadline items from the remiss: each consulted body (remissinstans) of an open remiss
that has not answered yet, due on the reply date, to the body's addresses.

A body that answers, or a remiss that is closed, produces no more items, so its
reminders stop by themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session

from notifications.reminders.due import DeadlineItem, Recipient
from notifications.reminders.milestones import Collected, people_by_role
from notifications.reminders.problem_words import problem
from notifications.reminders.rules import Rules
from process.access import capabilities
from process.access.capabilities import REMINDER_CONTACT
from process.core.catalogue import section
from process.core.words import long_date
from process.storage.body_tables import Body
from process.storage.remiss_tables import Remiss, RemissBody, table
from process.storage.tables import Programme

KIND = "remiss"
WORDS = section("remiss_items")
_R, _RB, _B, _P = table(Remiss), table(RemissBody), table(Body), table(Programme)


def _w(key: str, lang: str, **values: str) -> str:
    return (WORDS[key].get(lang) or WORDS[key]["sv"]).format(**values)


def items(
    session: Session,
    rules: Rules,
    now: dt.datetime,
    lang: str,
    *,
    programme_ids: Sequence[int] | None = None,
) -> Collected:
    """The unanswered bodies of every open remiss in the database (or of the programmes
    given); the people with `reminder_contact` are named as the ones to ask."""
    found = Collected()
    if rules.for_kind(KIND) is None:
        return found
    query = (
        sa.select(
            _R.c.id,
            _R.c.programme_id,
            _R.c.reply_by,
            _R.c.opened_on,
            _B.c.key,
            _B.c.name,
            _B.c.emails,
            _P.c.name.label("programme"),
        )
        .join(_RB, _RB.c.remiss_id == _R.c.id)
        .join(_B, _B.c.id == _RB.c.body_id)
        .join(_P, _P.c.id == _R.c.programme_id)
        .where(_R.c.closed_on.is_(None), _RB.c.position.is_(None))
        .order_by(_R.c.id, _B.c.id)
    )
    if programme_ids is not None:
        query = query.where(_R.c.programme_id.in_(list(programme_ids)))
    rows = session.connection().execute(query).mappings().all()
    leads: dict[int, str] = {}
    for r in rows:
        pid = r["programme_id"]
        found.programmes[pid] = r["programme"]
        if pid not in leads:
            holders = people_by_role(session, pid)
            group = {
                p.address: p
                for role in capabilities.roles_for(session, pid, REMINDER_CONTACT)
                for p in holders.get(role, [])
            }
            leads[pid] = "; ".join(f"{p.name}, {p.address}" for p in group.values())
        to = tuple(Recipient(a, r["name"], organisation=True) for a in json.loads(r["emails"]))
        if not to:
            found.problems.append(problem("remiss_no_email", lang, id=r["id"], body=r["key"]))
            continue
        details = [
            (_w("body", lang), r["name"]),
            (_w("sent", lang), long_date(r["opened_on"], lang)),
        ]
        if leads[pid]:
            details.append((_w("questions", lang), leads[pid]))
        found.items.append(
            DeadlineItem(
                kind=KIND,
                subject=f"remiss:{r['id']}:{r['key']}",
                title=_w("title", lang, programme=r["programme"]),
                due=r["reply_by"],
                to=to,
                programme_id=pid,
                details=tuple(details),
            )
        )
    return found
