"""Registering people and granting or removing their roles on a programme (administrators
only), each change audited in the caller's unit of work."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access.capabilities import ADMIN, ADMINISTER
from process.access.people import canonical_login, person_by_login, validate_person
from process.access.unit_of_work import Work
from process.core.errors import InvalidInput, NotFound
from process.storage.tables import Person, RoleGrant


def add_person(w: Work, allowed_roles: set[str], login: str, name: str, email: str | None,
               roles: list[str], bootstrap: bool = False) -> Person:
    """Register a person with roles on the programme (administrators, unless the programme's
    creator is registered as it is created)."""
    validate_person(login, name, email)
    login = canonical_login(login)
    for r in roles:
        if r not in allowed_roles:
            raise InvalidInput(f"unknown role {r!r}; roles here: "
                               f"{', '.join(sorted(allowed_roles))}")
    if bootstrap:
        w.role = ADMIN
    else:
        w.require(ADMINISTER, "add people")
    session = w.session
    existing = person_by_login(session, login)
    if existing is not None:
        raise InvalidInput(f"{login!r} is already registered; grant roles with "
                           f"'rsp people grant {login} ROLE'")
    person = Person(login=login, name=name.strip(), email=email, created_at=w.now)
    session.add(person)
    session.flush()
    w.audit("person.added", subject=f"person:{person.id}",
            detail={"login": login, "name": person.name, "email": email})
    for r in dict.fromkeys(roles):
        grant(w, person, r)
    return person


def grant(w: Work, person: Person, role: str) -> None:
    """Give a person a role on the programme (the caller checked who may)."""
    assert person.id is not None
    w.session.add(RoleGrant(person_id=person.id, programme_id=w.programme_id, role=role,
                            granted_at=w.now, recorded_at=w.recorded))
    w.audit("role.granted", subject=f"person:{person.id}",
            detail={"login": person.login, "role": role})


def _person(session: Session, login: str) -> Person:
    person = person_by_login(session, login)
    if person is None:
        raise NotFound(f"no person with login {login!r} (see 'rsp people list')")
    return person


def change_role(w: Work, allowed_roles: set[str], login: str, role: str, grant_it: bool) -> None:
    """Grant or remove one role (administrators); the last admin cannot be removed."""
    if role not in allowed_roles:
        raise InvalidInput(f"unknown role {role!r}; roles here: {', '.join(sorted(allowed_roles))}")
    w.require(ADMINISTER, "grant or remove roles")
    session, pid = w.session, w.programme_id
    person = _person(session, login)
    grant_row = session.exec(select(RoleGrant).where(
        RoleGrant.person_id == person.id, RoleGrant.programme_id == pid,
        RoleGrant.role == role)).first()
    if grant_it:
        if grant_row is not None:
            raise InvalidInput(f"{login} already has the role {role!r}")
        grant(w, person, role)
        return
    if grant_row is None:
        raise InvalidInput(f"{login} does not have the role {role!r}")
    if role == ADMIN:
        admins = session.exec(select(sa.func.count()).select_from(RoleGrant).where(
            RoleGrant.programme_id == pid, RoleGrant.role == ADMIN)).one()
        if admins <= 1:
            raise InvalidInput("cannot remove the last admin of the programme")
    session.delete(grant_row)
    w.audit("role.removed", subject=f"person:{person.id}",
            detail={"login": person.login, "role": role})


def list_people(session: Session, programme_id: int) -> list[dict]:
    """Everyone registered, with their roles on the programme."""
    people = session.exec(select(Person).order_by(Person.login)).all()
    grants = session.exec(select(RoleGrant).where(RoleGrant.programme_id == programme_id)).all()
    by_person: dict[int, list[str]] = {}
    for g in grants:
        by_person.setdefault(g.person_id, []).append(g.role)
    return [{"login": p.login, "name": p.name, "email": p.email,
             "roles": sorted(by_person.get(p.id or 0, []))} for p in people]
