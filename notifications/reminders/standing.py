"""The conditions that stand on every sweep of one programme, for the process lead's
digest: contact persons without an e-mail address, and the reminders that cannot be sent
and why (what the daemon warns of once, when it appears). Computed from the database as
it is now, so a condition that was cleared is gone at once."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Session

from notifications.reminders import sweep
from process.core.catalogue import section
from process.core.words import phrase
from process.storage.plan_tables import Body as BodyRow
from process.storage.plan_tables import BodyPerson, table
from process.storage.tables import Person, ProcessInstance, RoleGrant
from process.workflow import stored
from process.workflow.definition import label_text

_P, _G, _B, _BP = table(Person), table(RoleGrant), table(BodyRow), table(BodyPerson)
_I = table(ProcessInstance)
WORDS = section("standing")


def _no_email() -> sa.ColumnElement[bool]:
    return sa.or_(_P.c.email.is_(None), sa.func.trim(_P.c.email) == "")


def contacts_without_email(session: Session, programme_id: int, lang: str) -> list[str]:
    """'Bergs kommun (Anna Berg)' (a body) or 'Beslutande organ (…): Sara Sekreterare' (a
    role) for each active person who acts for one of the programme's
    bodies or holds one of its process roles and has no e-mail address; bodies first."""
    conn = session.connection()
    out = [
        f"{body} ({name or login})"
        for body, name, login in conn.execute(
            sa.select(_B.c.name, _P.c.name, _P.c.login)
            .join(_BP, _BP.c.body_id == _B.c.id)
            .join(_P, _P.c.id == _BP.c.person_id)
            .where(_B.c.programme_id == programme_id, _P.c.active, _no_email())
            .order_by(_B.c.name, _P.c.login)
        )
    ]
    definition_id = conn.execute(
        sa.select(_I.c.definition_id).where(_I.c.programme_id == programme_id)
    ).scalar_one()
    definition = stored.definition_of(session, definition_id)
    for role, name, login in conn.execute(
        sa.select(_G.c.role, _P.c.name, _P.c.login)
        .join(_P, _P.c.id == _G.c.person_id)
        .where(_G.c.programme_id == programme_id, _P.c.active, _no_email())
        .order_by(_G.c.role, _P.c.login)
    ):
        if role in definition.roles:  # the administrator's role gets no mail
            out.append(f"{label_text(definition.roles[role], lang)}: {name or login}")
    return out


def reminder_problems(
    session: Session, programme_id: int, now: dt.datetime, lang: str
) -> list[str]:
    """What a sweep at `now` reports for this programme: reminders it cannot send, and why
    (nobody with an address, rules or data that cannot be used)."""
    grouped, broken = sweep.groups(session, None, lang)
    for group in grouped:
        if programme_id in (group.programme_ids or []) and programme_id not in broken:
            one = sweep.Group(group.rules, [programme_id])
            for _rules, found, _due in sweep.collect_isolated(
                session, one, now, lang, None, broken
            ):
                return found.problems
    return [broken[programme_id]] if programme_id in broken else []


def conditions(
    session: Session, programme_id: int, now: dt.datetime, lang: str
) -> list[dict[str, object]]:
    """The standing conditions of a programme, grouped: [{"key", "title", "entries"}];
    empty when none stands."""
    out: list[dict[str, object]] = []
    for key, entries in (
        ("contacts", contacts_without_email(session, programme_id, lang)),
        ("reminders", reminder_problems(session, programme_id, now, lang)),
    ):
        if entries:
            out.append({"key": key, "title": phrase(WORDS, key, lang), "entries": entries})
    return out
