"""People, their roles per programme, and who the acting person is."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access import audit
from process.core.clock import Clock
from process.core.errors import InvalidInput, NotFound, PermissionDenied, RspError
from process.storage.database import Database
from process.storage.tables import Person, Programme, RoleGrant

ADMIN = "admin"
LOGIN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
EMAIL_RE = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


@dataclass(frozen=True)
class Actor:
    """The acting person as the services see them: login, name and roles here."""

    login: str
    name: str
    roles: frozenset[str]


def actor_for(session: Session, login: str, programme_id: int) -> Actor | None:
    """The person with this login and their roles on the programme, or None if unknown."""
    person = session.exec(select(Person).where(Person.login == login)).first()
    if person is None:
        return None
    roles = session.exec(
        select(RoleGrant.role).where(RoleGrant.person_id == person.id,
                                     RoleGrant.programme_id == programme_id)
    ).all()
    return Actor(person.login, person.name, frozenset(roles))


_P, _G = Person.__table__, RoleGrant.__table__  # type: ignore[attr-defined]
_ROLES_OF = (sa.select(_P.c.name, _G.c.role).select_from(_P).outerjoin(
    _G, sa.and_(_G.c.person_id == _P.c.id, _G.c.programme_id == sa.bindparam("pid")))
    .where(_P.c.login == sa.bindparam("login")))


def actor_roles(session: Session, login: str, programme_id: int) -> Actor | None:
    """Like `actor_for`, in one query (the hot path of every transition)."""
    rows = session.connection().execute(_ROLES_OF, {"pid": programme_id, "login": login}).all()
    if not rows:
        return None
    return Actor(login, rows[0][0], frozenset(r[1] for r in rows if r[1]))


def require_role(actor: Actor | None, login: str, allowed: set[str] | tuple[str, ...],
                 what: str, as_role: str | None = None) -> str:
    """The role the actor acts as for `what`, or PermissionDenied naming the roles needed."""
    needed = ", ".join(sorted(allowed))
    if actor is None:
        raise PermissionDenied(f"{login!r} is not a registered person, so cannot {what}; "
                               f"it needs one of the roles: {needed} (an admin adds people "
                               "with 'rsp people add')")
    usable = [r for r in sorted(allowed) if r in actor.roles]
    if as_role:
        if as_role not in allowed:
            raise PermissionDenied(f"role {as_role!r} may not {what}; needed: {needed}")
        if as_role not in actor.roles:
            raise PermissionDenied(f"{login} does not hold the role {as_role!r}")
        return as_role
    if not usable:
        held = ", ".join(sorted(actor.roles)) or "no role"
        raise PermissionDenied(f"{login} ({held}) may not {what}: it needs one of the "
                               f"roles: {needed}")
    return usable[0]


def programme_roles(role_keys: list[str]) -> set[str]:
    """The roles that may be granted on a programme: its workflow's roles and admin."""
    return {*role_keys, ADMIN}


def validate_person(login: str, name: str, email: str | None) -> None:
    """Refuse a malformed login, name or e-mail address before anything is written."""
    if not LOGIN_RE.match(login):
        raise InvalidInput(f"login {login!r}: use letters, digits, '.', '_', '@' or '-' "
                           "(at most 64)")
    if not name.strip() or any(c in name for c in "\r\n") or len(name) > 200:
        raise InvalidInput(f"name {name!r}: must be one non-empty line of at most 200 characters")
    if email is not None and not EMAIL_RE.match(email):
        raise InvalidInput(f"e-mail {email!r} is not an e-mail address")


def _audit_admin(session: Session, clock: Clock, login: str, role: str | None, action: str,
                 programme_id: int, subject: str, detail: dict) -> None:
    audit.append(session, at=clock.now(), actor=login, role=role, action=action,
                 programme_id=programme_id, subject=subject, detail=detail)


def add_person(session: Session, clock: Clock, actor_login: str, programme: Programme,
               allowed_roles: set[str], login: str, name: str, email: str | None,
               roles: list[str], bootstrap: bool = False) -> Person:
    """Register a person with roles on a programme (admin only, unless bootstrapping)."""
    validate_person(login, name, email)
    for r in roles:
        if r not in allowed_roles:
            raise InvalidInput(f"unknown role {r!r}; roles here: "
                               f"{', '.join(sorted(allowed_roles))}")
    assert programme.id is not None
    acting_role = ADMIN
    if not bootstrap:
        acting_role = require_role(actor_for(session, actor_login, programme.id), actor_login,
                                   {ADMIN}, "add people")
    existing = session.exec(select(Person).where(Person.login == login)).first()
    if existing is not None:
        raise InvalidInput(f"{login!r} is already registered; grant roles with "
                           f"'rsp people grant {login} ROLE'")
    person = Person(login=login, name=name.strip(), email=email, created_at=clock.now())
    session.add(person)
    session.flush()
    _audit_admin(session, clock, actor_login, acting_role, "person.added", programme.id,
                 f"person:{person.id}", {"login": login, "name": person.name, "email": email})
    for r in dict.fromkeys(roles):
        _grant(session, clock, actor_login, acting_role, programme.id, person, r)
    return person


def _grant(session: Session, clock: Clock, actor_login: str, acting_role: str,
           programme_id: int, person: Person, role: str) -> None:
    assert person.id is not None
    session.add(RoleGrant(person_id=person.id, programme_id=programme_id, role=role,
                          granted_at=clock.now()))
    _audit_admin(session, clock, actor_login, acting_role, "role.granted", programme_id,
                 f"person:{person.id}", {"login": person.login, "role": role})


def _person(session: Session, login: str) -> Person:
    person = session.exec(select(Person).where(Person.login == login)).first()
    if person is None:
        raise NotFound(f"no person with login {login!r} (see 'rsp people list')")
    return person


def change_role(session: Session, clock: Clock, actor_login: str, programme: Programme,
                allowed_roles: set[str], login: str, role: str, grant: bool) -> None:
    """Grant or remove one role (admin only); an admin cannot remove the last admin."""
    assert programme.id is not None
    if role not in allowed_roles:
        raise InvalidInput(f"unknown role {role!r}; roles here: {', '.join(sorted(allowed_roles))}")
    acting = require_role(actor_for(session, actor_login, programme.id), actor_login, {ADMIN},
                          "grant or remove roles")
    person = _person(session, login)
    grant_row = session.exec(select(RoleGrant).where(
        RoleGrant.person_id == person.id, RoleGrant.programme_id == programme.id,
        RoleGrant.role == role)).first()
    if grant:
        if grant_row is not None:
            raise InvalidInput(f"{login} already has the role {role!r}")
        _grant(session, clock, actor_login, acting, programme.id, person, role)
        return
    if grant_row is None:
        raise InvalidInput(f"{login} does not have the role {role!r}")
    if role == ADMIN:
        admins = session.exec(select(sa.func.count()).select_from(RoleGrant).where(
            RoleGrant.programme_id == programme.id, RoleGrant.role == ADMIN)).one()
        if admins <= 1:
            raise InvalidInput("cannot remove the last admin of the programme")
    session.delete(grant_row)
    _audit_admin(session, clock, actor_login, acting, "role.removed", programme.id,
                 f"person:{person.id}", {"login": login, "role": role})


def list_people(session: Session, programme_id: int) -> list[dict]:
    """Everyone registered, with their roles on the programme."""
    people = session.exec(select(Person).order_by(Person.login)).all()
    grants = session.exec(select(RoleGrant).where(RoleGrant.programme_id == programme_id)).all()
    by_person: dict[int, list[str]] = {}
    for g in grants:
        by_person.setdefault(g.person_id, []).append(g.role)
    return [{"login": p.login, "name": p.name, "email": p.email,
             "roles": sorted(by_person.get(p.id or 0, []))} for p in people]


def audit_refusal(db: Database, clock: Clock, actor_login: str, programme_id: int | None,
                  action: str, error: RspError, **columns: object) -> None:
    """Record a refused attempt in its own transaction (the attempt itself changed nothing)."""
    with db.write() as session:
        audit.append(session, at=clock.now(), actor=actor_login, action=action,
                     outcome="refused", programme_id=programme_id,
                     detail={"reason": str(error), "error": type(error).__name__}, **columns)
