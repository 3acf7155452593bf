"""Recording the remiss: open it (fires `open_remiss`), record each reply, close it (fires
`compile_remiss`). Opening and closing write the remiss in the same transaction as the
stage change, through the engine's hook; every refusal is audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session

from process.access import unit_of_work
from process.access.capabilities import RUN_REMISS
from process.access.unit_of_work import Work
from process.bodies import bodies
from process.core.clock import STOCKHOLM, Clock
from process.core.errors import ConflictError, InvalidInput, NotFound
from process.core.workdays import period
from process.remiss import rules as remiss
from process.storage.body_tables import Body, BodyGroupMember
from process.storage.database import Database
from process.storage.lookup import id_of
from process.storage.remiss_tables import Remiss, RemissBody, table
from process.workflow import engine

MAX_BODIES = 500
OPENS, CLOSES = "opens_remiss", "closes_remiss"  # the marks of the remiss's triggers


@dataclass
class Outcome:
    """What opening or closing the remiss did."""

    transition: engine.Advanced | None = None
    remiss_id: int = 0
    reply_by: dt.date | None = None
    reply_by_asked: dt.date | None = None
    bodies: list[str] = field(default_factory=list)
    no_answer: list[str] = field(default_factory=list)
    working_days: int = 0
    lost: list[tuple[dt.date, str]] = field(default_factory=list)


def consulted_bodies(session: Session, programme_id: int, keys: list[str]) -> list[tuple[int, str]]:
    """(id, key) of each body named once, a group standing for its members, in order."""
    b, g = table(Body), table(BodyGroupMember)
    found: dict[int, str] = {}
    for key in keys:
        row = bodies.find_body(session, programme_id, key.strip())
        if row.kind != "group":
            found[id_of(row)] = row.key
            continue
        members = session.connection().execute(
            sa.select(b.c.id, b.c.key)
            .join(g, g.c.member_id == b.c.id)
            .where(g.c.group_id == row.id)
        )
        found.update({i: k for i, k in members})
    return sorted(found.items())


def _today(clock: Clock) -> dt.date:
    return clock.now().astimezone(STOCKHOLM).date()


def open_remiss(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    keys: list[str],
    reply_by: dt.date | None = None,
    comment: str | None = None,
) -> Outcome:
    """Fire the trigger marked opens_remiss; record the consulted bodies and the reply date."""
    out = Outcome()
    opened_on = _today(clock)

    def record(w: Work, result: engine.Advanced) -> None:
        if not keys:
            raise InvalidInput(
                "name the consulted bodies, e.g. 'rsp remiss open kommunerna lansstyrelsen miun'"
            )
        session, prog = w.session, w.programme
        asked, reply = remiss.reply_dates(opened_on, reply_by)
        rows = consulted_bodies(session, w.programme_id, keys)
        if len(rows) > MAX_BODIES:
            raise InvalidInput(f"at most {MAX_BODIES} bodies in one remiss")
        now = w.now
        inserted = session.connection().execute(
            sa.insert(table(Remiss)),
            dict(
                programme_id=prog.id,
                opened_on=opened_on,
                reply_by=reply,
                reply_by_asked=asked,
                opened_by=actor,
                opened_at=now,
                comment=comment,
            ),
        )
        rid = inserted.inserted_primary_key[0]  # type: ignore[index]
        session.connection().execute(
            sa.insert(table(RemissBody)),
            [dict(remiss_id=rid, body_id=body_id, late=False) for body_id, _key in rows],
        )
        p = period(opened_on, reply)
        out.remiss_id, out.reply_by, out.reply_by_asked = rid, reply, asked
        out.bodies = [key for _id, key in rows]
        out.working_days, out.lost = p.working_days, list(p.lost_to_holidays)
        w.audit(
            "remiss.opened",
            subject=f"remiss:{rid}",
            detail={
                "bodies": out.bodies,
                "reply_by": reply.isoformat(),
                "reply_by_asked": asked.isoformat(),
                "working_days": p.working_days,
                "lost_to_holidays": [d.isoformat() for d, _n in p.lost_to_holidays],
            },
        )

    out.transition = engine.advance(
        db, clock, actor, programme_key, "open_remiss", comment=comment, then=record, mark=OPENS
    )
    return out


def close_remiss(
    db: Database, clock: Clock, actor: str, programme_key: str | None, comment: str | None = None
) -> Outcome:
    """Fire the trigger marked closes_remiss; each body still without an answer is recorded
    as no answer."""
    out = Outcome()

    def record(w: Work, result: engine.Advanced) -> None:
        session = w.session
        r = remiss.latest(session, w.programme_id)
        if r is None:  # a process whose closing trigger has no remiss_closable guard
            raise InvalidInput("no remiss is open; open it with 'rsp remiss open BODY...'")
        now, rb = w.now, table(RemissBody)
        waiting = [b for b in remiss.bodies_of(session, r["id"]) if b["position"] is None]
        session.connection().execute(
            sa.update(rb)
            .where(rb.c.remiss_id == r["id"], rb.c.position.is_(None))
            .values(position=remiss.NO_ANSWER, recorded_by=actor, recorded_at=now)
        )
        rt = table(Remiss)
        session.connection().execute(
            sa.update(rt)
            .where(rt.c.id == r["id"])
            .values(closed_on=_today(clock), closed_by=actor, closed_at=now)
        )
        out.remiss_id, out.reply_by = r["id"], r["reply_by"]
        out.no_answer = [b["key"] for b in waiting]
        w.audit("remiss.closed", subject=f"remiss:{r['id']}", detail={"no_answer": out.no_answer})

    out.transition = engine.advance(
        db, clock, actor, programme_key, "compile_remiss", comment=comment, then=record, mark=CLOSES
    )
    return out


class ReplyRecorded(TypedDict):
    """A remiss reply as recorded: the body, its position and whether it came late."""

    body: str
    name: str
    received: str  # ISO day
    position: str
    late: bool
    summary: str | None
    reply_by: dt.date
    days_late: int


def record_reply(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    body_key: str,
    received: dt.date,
    position: str,
    summary: str | None,
) -> ReplyRecorded:
    """Record a consulted body's reply (admin or working group); once per body."""

    def work(w: Work) -> ReplyRecorded:
        session, pid = w.session, w.programme_id
        w.require(RUN_REMISS, "record remiss replies")
        value = remiss.parse_position(position)
        text = unit_of_work.check_text(summary, "-m (the summary)", required=value == "comments")
        r = remiss.latest(session, pid)
        if r is None:
            raise NotFound("no remiss has been opened; open it with 'rsp remiss open BODY...'")
        consulted = {b["key"]: b for b in remiss.bodies_of(session, r["id"])}
        body = bodies.find_body(session, pid, body_key)
        if body.key not in consulted and body.kind == "group":
            members = [k for _i, k in consulted_bodies(session, pid, [body.key])]
            raise InvalidInput(
                f"{body.key} ({body.name}) is a group, consulted as its members: record "
                f"each member's reply, e.g. 'rsp remiss reply {members[0] if members else 'KEY'}"
                f" …' (members: {', '.join(members) or 'none'})"
            )
        if body.key not in consulted:
            raise InvalidInput(
                f"{body.key} ({body.name}) was not consulted in this remiss; "
                f"consulted: {', '.join(consulted)}"
            )
        seen = consulted[body.key]
        if seen["position"] == remiss.NO_ANSWER:
            raise InvalidInput(
                f"the remiss was closed on {r['closed_on']} and {body.key} was "
                "recorded as no answer; a later reply is not part of it"
            )
        if seen["position"] is not None:
            raise InvalidInput(
                f"{body.key} has already answered (received {seen['received']}, "
                f"{seen['position']}); a reply is recorded once"
            )
        if r["closed_on"] is not None:
            raise InvalidInput(f"the remiss was closed on {r['closed_on']}")
        today = _today(clock)
        if received < r["opened_on"] or received > today:
            raise InvalidInput(
                f"--received {received} must lie between the opening day "
                f"{r['opened_on']} and today ({today})"
            )
        late = received > r["reply_by"]
        rb = table(RemissBody)
        done = session.connection().execute(
            sa.update(rb)
            .where(rb.c.remiss_id == r["id"], rb.c.body_id == body.id, rb.c.position.is_(None))
            .values(
                position=value,
                received=received,
                summary=text,
                late=late,
                recorded_by=actor,
                recorded_at=w.now,
            )
        )
        if done.rowcount != 1:
            raise ConflictError(
                f"{body.key}'s reply was recorded by someone else meanwhile; "
                "see 'rsp remiss status'"
            )
        detail = {
            "body": body.key,
            "received": received.isoformat(),
            "position": value,
            "late": late,
            "summary": text,
        }
        w.audit("remiss.reply", subject=f"remiss:{r['id']}", detail=detail)
        return ReplyRecorded(
            body=body.key,
            name=body.name,
            received=received.isoformat(),
            position=value,
            late=late,
            summary=text,
            reply_by=r["reply_by"],
            days_late=(received - r["reply_by"]).days if late else 0,
        )

    return unit_of_work.write(db, clock, actor, programme_key, "remiss.reply", work)
