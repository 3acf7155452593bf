"""Registering people and granting or removing their roles on a programme (administrators
only), each change audited in the caller's unit of work."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access.capabilities import ADMIN, ADMINISTER
from process.access.people import canonical_login, person_by_login, validate_person
from process.access.unit_of_work import Work
from process.core.errors import InvalidInput, NotFound
from process.storage.lookup import id_of
from process.storage.table_of import table_of
from process.storage.tables import Person, RoleGrant


def add_person(
    w: Work,
    allowed_roles: set[str],
    login: str,
    name: str,
    email: str | None,
    roles: list[str],
    bootstrap: bool = False,
) -> Person:
    """Register a person with roles on the programme (administrators, unless the programme's
    creator is registered as it is created)."""
    validate_person(login, name, email)
    login = canonical_login(login)
    for r in roles:
        if r not in allowed_roles:
            raise InvalidInput(
                f"unknown role {r!r}; roles here: {', '.join(sorted(allowed_roles))}"
            )
    if bootstrap:
        w.role = ADMIN
    else:
        w.require(ADMINISTER, "add people")
    session = w.session
    existing = person_by_login(session, login)
    if existing is not None:
        raise InvalidInput(
            f"{login!r} is already registered; grant roles with 'rsp people grant {login} ROLE'"
        )
    person = Person(login=login, name=name.strip(), email=email, created_at=w.now)
    session.add(person)
    session.flush()
    w.audit(
        "person.added",
        subject=f"person:{person.id}",
        detail={"login": login, "name": person.name, "email": email},
    )
    for r in dict.fromkeys(roles):
        grant(w, person, r)
    return person


def grant(w: Work, person: Person, role: str) -> None:
    """Give a person a role on the programme (the caller checked who may)."""
    w.session.add(
        RoleGrant(
            person_id=id_of(person),
            programme_id=w.programme_id,
            role=role,
            granted_at=w.now,
            recorded_at=w.recorded,
        )
    )
    w.audit(
        "role.granted", subject=f"person:{person.id}", detail={"login": person.login, "role": role}
    )


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
    grant_row = session.exec(
        select(RoleGrant).where(
            RoleGrant.person_id == person.id, RoleGrant.programme_id == pid, RoleGrant.role == role
        )
    ).first()
    if grant_it:
        if grant_row is not None:
            raise InvalidInput(f"{login} already has the role {role!r}")
        grant(w, person, role)
        return
    if grant_row is None:
        raise InvalidInput(f"{login} does not have the role {role!r}")
    if role == ADMIN:
        admins = session.exec(
            select(sa.func.count())
            .select_from(RoleGrant)
            .where(RoleGrant.programme_id == pid, RoleGrant.role == ADMIN)
        ).one()
        if admins <= 1:
            raise InvalidInput("cannot remove the last admin of the programme")
    session.delete(grant_row)
    w.audit(
        "role.removed", subject=f"person:{person.id}", detail={"login": person.login, "role": role}
    )


def list_people(session: Session, programme_id: int) -> list[dict]:
    """Everyone registered, with their roles on the programme."""
    people = session.exec(select(Person).order_by(Person.login)).all()
    grants = session.exec(select(RoleGrant).where(RoleGrant.programme_id == programme_id)).all()
    by_person: dict[int, list[str]] = {}
    for g in grants:
        by_person.setdefault(g.person_id, []).append(g.role)
    return [
        {
            "login": p.login,
            "name": p.name,
            "email": p.email,
            "active": p.active,
            "roles": sorted(by_person.get(p.id or 0, [])),
        }
        for p in people
    ]


def _here(w: Work, person: Person) -> None:
    """PermissionDenied unless the person works on this programme (a role or a body here)
    or on none: a programme's administrator does not change people of other programmes."""
    from process.storage.body_tables import Body, BodyPerson

    conn, pid = w.session.connection(), w.programme_id
    g, bp, b = table_of(RoleGrant), table_of(BodyPerson), table_of(Body)
    programmes = set(
        conn.execute(sa.select(g.c.programme_id).where(g.c.person_id == person.id)).scalars()
    )
    programmes |= set(
        conn.execute(
            sa.select(b.c.programme_id)
            .join(bp, bp.c.body_id == b.c.id)
            .where(bp.c.person_id == person.id)
        ).scalars()
    )
    if programmes and pid not in programmes:
        from process.core.errors import PermissionDenied

        raise PermissionDenied(
            f"{person.login} works on other programmes only; their "
            "administrator (or the installation's) changes them"
        )


def edit_person(
    w: Work, login: str, name: str | None, email: str | None, clear_email: bool = False
) -> Person:
    """Correct a person's name and e-mail address (administrators); audited with what was
    there before. The login stays: the trail names people by it."""
    w.require(ADMINISTER, "correct people's names and addresses")
    person = _person(w.session, login)
    _here(w, person)
    new_name = person.name if name is None else name.strip()
    new_email = None if clear_email else (person.email if email is None else email.strip())
    validate_person(person.login, new_name, new_email)
    if new_email and new_email.lower() != (person.email or "").lower():
        other = w.session.exec(
            select(Person).where(
                sa.func.lower(Person.email) == new_email.lower(), Person.id != person.id
            )
        ).first()
        if other is not None:
            raise InvalidInput(
                f"{new_email} is {other.login}'s address already; one address signs in one person"
            )
    if (new_name, new_email) == (person.name, person.email):
        raise InvalidInput(f"{person.login}: nothing to change (name and address as given)")
    before = {"name": person.name, "email": person.email}
    person.name, person.email = new_name, new_email
    w.session.add(person)
    w.audit(
        "person.edited",
        subject=f"person:{person.id}",
        detail={
            "login": person.login,
            "before": before,
            "after": {"name": new_name, "email": new_email},
        },
    )
    return person


def set_active(w: Work, login: str, active: bool) -> Person:
    """Deactivate a person (never deleted: the trail keeps them; they can no longer sign in
    nor act) or activate them again (administrators)."""
    w.require(ADMINISTER, "deactivate or activate people")
    session = w.session
    person = _person(session, login)
    _here(w, person)
    if person.active == active:
        raise InvalidInput(f"{person.login} is {'active' if active else 'deactivated'} already")
    if not active:
        if person.login == str(w.actor).lower():
            raise InvalidInput("you cannot deactivate yourself")
        admins = session.exec(
            select(RoleGrant.person_id)
            .join(Person, Person.id == RoleGrant.person_id)  # type: ignore[arg-type]
            .where(  # type: ignore[arg-type]
                RoleGrant.programme_id == w.programme_id, RoleGrant.role == ADMIN, Person.active
            )
        ).all()
        if person.id in admins and len(admins) <= 1:
            raise InvalidInput("cannot deactivate the last active admin of the programme")
    person.active = active
    session.add(person)
    w.audit(
        "person.activated" if active else "person.deactivated",
        subject=f"person:{person.id}",
        detail={"login": person.login},
    )
    return person
