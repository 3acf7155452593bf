"""Responsible bodies of a programme: import a bodies file, add one, attach people, list.

A person attached to a body holds the contextual role `responsible_body` on that body's
measures, and on the measures of every group the body belongs to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access import people, unit_of_work
from process.access.capabilities import MANAGE_PLANS
from process.access.unit_of_work import Work
from process.bodies.bodies_file import BODY_KINDS, KEY_RE, Body, load_bodies
from process.core import contact
from process.core.clock import Clock
from process.core.errors import InvalidInput, NotFound
from process.storage import lookup
from process.storage.body_tables import Body as BodyRow
from process.storage.body_tables import BodyGroupMember, BodyPerson
from process.storage.database import Database
from process.storage.plan_tables import (
    ActionPlan,
    Measure,
    MeasureBody,
    table,
)
from process.storage.tables import Person


def body_keys(session: Session, programme_id: int) -> set[str]:
    """The keys of every body of the programme."""
    return set(session.exec(select(BodyRow.key).where(BodyRow.programme_id == programme_id)))


def find_body(session: Session, programme_id: int, key: str) -> BodyRow:
    """The body with this key, or NotFound naming the known keys."""
    row = session.exec(
        select(BodyRow).where(BodyRow.programme_id == programme_id, BodyRow.key == key)
    ).first()
    if row is None:
        known = sorted(body_keys(session, programme_id))
        raise NotFound(
            f"no body {key!r}"
            + (f"; known: {', '.join(known)}" if known else "; add one with 'rsp bodies add'")
        )
    return row


def bodies_of_person(session: Session, person_id: int) -> set[int]:
    """The bodies a person acts for: those they belong to and the groups those are in."""
    direct = set(session.exec(select(BodyPerson.body_id).where(BodyPerson.person_id == person_id)))
    if not direct:
        return direct
    groups = session.exec(
        select(BodyGroupMember.group_id).where(BodyGroupMember.member_id.in_(direct))  # type: ignore[attr-defined]
    )  # type: ignore[attr-defined]
    return direct | set(groups)


def with_groups(session: Session, body_id: int) -> set[int]:
    """A body and every group it is a member of."""
    groups = session.exec(
        select(BodyGroupMember.group_id).where(BodyGroupMember.member_id == body_id)
    )
    return {body_id, *groups}


def _audit(w: Work, action: str, row: BodyRow, detail: dict[str, Any]) -> None:
    w.audit(action, subject=f"body:{row.id}", detail=detail)


def _set_group_members(session: Session, group: BodyRow, member_ids: Iterable[int]) -> None:
    t = table(BodyGroupMember)
    conn = session.connection()
    conn.execute(sa.delete(t).where(t.c.group_id == group.id))
    rows = [{"group_id": group.id, "member_id": m} for m in member_ids]
    if rows:
        conn.execute(sa.insert(t), rows)


def _members(session: Session, group_id: int) -> list[str]:
    rows = session.exec(
        select(BodyRow.key)
        .join(BodyGroupMember, BodyGroupMember.member_id == BodyRow.id)  # type: ignore[arg-type]
        .where(  # type: ignore[arg-type]
            BodyGroupMember.group_id == group_id
        )
        .order_by(BodyRow.key)
    )
    return list(rows)


def apply_bodies(w: Work, bodies: list[Body]) -> list[str]:
    """Create or update the programme's bodies from a validated bodies file; what changed."""
    session = w.session
    existing = {
        b.key: b
        for b in session.exec(select(BodyRow).where(BodyRow.programme_id == w.programme_id))
    }
    added, updated = [], []
    for b in bodies:
        row = existing.get(b.key)
        emails = json.dumps(list(b.emails), ensure_ascii=False)
        if row is None:
            row = BodyRow(
                programme_id=w.programme_id,
                key=b.key,
                name=b.name,
                kind=b.kind,
                emails=emails,
                created_at=w.now,
            )
            session.add(row)
            session.flush()
            existing[b.key] = row
            added.append(b.key)
            _audit(
                w,
                "body.added",
                row,
                {"key": b.key, "name": b.name, "kind": b.kind, "emails": list(b.emails)},
            )
            continue
        changed = {
            f: [getattr(row, f), new]
            for f, new in (("name", b.name), ("kind", b.kind), ("emails", emails))
            if getattr(row, f) != new
        }
        if changed:
            row.name, row.kind, row.emails = b.name, b.kind, emails
            session.add(row)
            updated.append(b.key)
            _audit(w, "body.updated", row, changed)
    session.flush()
    for b in bodies:
        if b.kind != "group":
            continue
        group = existing[b.key]
        before = _members(session, lookup.id_of(group))
        if before != sorted(b.members):
            _set_group_members(session, group, (existing[m].id or 0 for m in b.members))
            _audit(w, "body.members", group, {"before": before, "after": sorted(b.members)})
            if b.key not in added and b.key not in updated:
                updated.append(b.key)
    if not added and not updated:
        return [f"bodies: no changes ({len(bodies)} in the file)"]
    lines = [f"bodies: {len(added)} added, {len(updated)} updated"]
    if added:
        lines.append(f"  added: {', '.join(added)}")
    if updated:
        lines.append(f"  updated: {', '.join(updated)}")
    return lines


def import_bodies(
    db: Database, clock: Clock, actor: str, programme_key: str | None, path: str
) -> list[str]:
    """Import a bodies file (admin or working group); the whole file is validated first."""

    def work(w: Work) -> list[str]:
        w.require(MANAGE_PLANS, "import bodies")
        return apply_bodies(w, load_bodies(path))

    return unit_of_work.write(db, clock, actor, programme_key, "bodies.import", work)


def _validate(key: str, name: str, kind: str, emails: list[str]) -> None:
    if not KEY_RE.match(key) or len(key) > 64:
        raise InvalidInput(f"body key {key!r}: use lowercase a-z, 0-9, '_' or '-'")
    contact.valid_name(name)
    if kind not in BODY_KINDS:
        raise InvalidInput(f"kind {kind!r} is not one of {', '.join(BODY_KINDS)}")
    for e in emails:
        contact.valid_address(e)
    if not emails:
        raise InvalidInput("give at least one --email: reminders go to a body's addresses")


def _person(session: Session, login: str) -> Person:
    person = people.person_by_login(session, login)
    if person is None:
        raise NotFound(f"no person with login {login!r}: register them first with 'rsp people add'")
    return person


def add_body(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    key: str,
    name: str,
    kind: str,
    emails: list[str],
    members: list[str],
) -> None:
    """Add a body with its addresses and member people (admin or working group)."""

    def work(w: Work) -> None:
        session = w.session
        w.require(MANAGE_PLANS, "add bodies")
        _validate(key, name, kind, emails)
        if key in body_keys(session, w.programme_id):
            raise InvalidInput(f"body {key!r} exists already (see 'rsp bodies show {key}')")
        people = [_person(session, login) for login in dict.fromkeys(members)]
        row = insert_body(w, key, name, kind, emails)
        for p in people:
            _attach(w, row, p)

    unit_of_work.write(db, clock, actor, programme_key, "body.add", work)


def insert_body(w: Work, key: str, name: str, kind: str, emails: list[str]) -> BodyRow:
    """Store a checked new body and audit it ('body.added'); the caller has checked it."""
    row = BodyRow(
        programme_id=w.programme_id,
        key=key,
        name=name.strip(),
        kind=kind,
        emails=json.dumps(emails, ensure_ascii=False),
        created_at=w.now,
    )
    w.session.add(row)
    w.session.flush()
    _audit(w, "body.added", row, {"key": key, "name": row.name, "kind": kind, "emails": emails})
    return row


def _attach(w: Work, row: BodyRow, person: Person) -> None:
    w.session.add(BodyPerson(body_id=lookup.id_of(row), person_id=lookup.id_of(person)))
    _audit(w, "body.person_added", row, {"body": row.key, "login": person.login})


def set_member(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    key: str,
    login: str,
    remove: bool = False,
) -> None:
    """Attach a registered person to a body, or detach them (admin or working group)."""

    def work(w: Work) -> None:
        session = w.session
        w.require(MANAGE_PLANS, "change a body's people")
        row = find_body(session, w.programme_id, key)
        person = _person(session, login)
        link = session.get(BodyPerson, (row.id, person.id))
        if remove:
            if link is None:
                raise InvalidInput(f"{login} is not a member of {key}")
            session.delete(link)
            _audit(w, "body.person_removed", row, {"body": key, "login": login})
        elif link is not None:
            raise InvalidInput(f"{login} is already a member of {key}")
        else:
            _attach(w, row, person)

    unit_of_work.write(db, clock, actor, programme_key, "body.member", work)


def _people(session: Session, body_id: int) -> list[str]:
    return list(
        session.exec(
            select(Person.login)
            .join(BodyPerson, BodyPerson.person_id == Person.id)  # type: ignore[arg-type]
            .where(  # type: ignore[arg-type]
                BodyPerson.body_id == body_id
            )
            .order_by(Person.login)
        )
    )


@dataclass(frozen=True)
class BodyInfo:
    """A body as listed: its key, name, kind, addresses, group members and people."""

    key: str
    name: str
    kind: str
    emails: list[str]
    members: list[str]
    people: list[str]

    def to_json(self) -> dict[str, Any]:
        """The fields in order, as 'rsp bodies list --json' prints them."""
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "emails": self.emails,
            "members": self.members,
            "people": self.people,
        }


@dataclass(frozen=True)
class BodyMeasure:
    """A measure a body is responsible for, as lead or not, directly or through a group."""

    year: int
    code: str
    title: str
    state: str
    lead: bool
    via: str  # the body (this one or a group it is in) named on the measure

    def to_json(self) -> dict[str, Any]:
        """The measure as 'rsp bodies show --json' prints it ('as' for the naming body)."""
        return {
            "year": self.year,
            "code": self.code,
            "title": self.title,
            "state": self.state,
            "lead": self.lead,
            "as": self.via,
        }


@dataclass(frozen=True)
class BodyDetail(BodyInfo):
    """A body with the groups it belongs to and the measures it is responsible for."""

    groups: list[str]
    measures: list[BodyMeasure]

    def to_json(self) -> dict[str, Any]:
        """The fields in order, as 'rsp bodies show --json' prints them."""
        return {
            **BodyInfo.to_json(self),
            "groups": self.groups,
            "measures": [m.to_json() for m in self.measures],
        }


def _info(session: Session, row: BodyRow, row_id: int) -> BodyInfo:
    return BodyInfo(
        key=row.key,
        name=row.name,
        kind=row.kind,
        emails=json.loads(row.emails),
        members=_members(session, row_id),
        people=_people(session, row_id),
    )


def list_bodies(session: Session, programme_key: str | None) -> list[BodyInfo]:
    """Every body of the programme with its addresses, group members and people."""
    prog = lookup.find_programme(session, programme_key)
    rows = session.exec(
        select(BodyRow).where(BodyRow.programme_id == prog.id).order_by(BodyRow.key)
    )
    return [_info(session, r, lookup.id_of(r)) for r in rows]


def show_body(session: Session, programme_key: str | None, key: str) -> BodyDetail:
    """A body, the groups it belongs to, and the measures it is responsible for."""
    prog = lookup.find_programme(session, programme_key)
    row = find_body(session, lookup.id_of(prog), key)
    row_id = lookup.id_of(row)
    ids = with_groups(session, row_id)
    groups = sorted(session.exec(select(BodyRow.key).where(BodyRow.id.in_(ids - {row_id}))))  # type: ignore[union-attr]
    m, mb, b, p = table(Measure), table(MeasureBody), table(BodyRow), table(ActionPlan)
    measures = session.connection().execute(
        sa.select(p.c.year, m.c.code, m.c.title, m.c.state, mb.c.position, b.c.key)
        .join(mb, mb.c.measure_id == m.c.id)
        .join(b, b.c.id == mb.c.body_id)
        .join(p, p.c.id == m.c.plan_id)
        .where(mb.c.body_id.in_(ids))
        .order_by(p.c.year, m.c.code)
    )
    return BodyDetail(
        **asdict(_info(session, row, row_id)),
        groups=groups,
        measures=[BodyMeasure(y, c, t, s, pos == 0, via) for y, c, t, s, pos, via in measures],
    )
