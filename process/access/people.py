"""People, their roles per programme, and who the acting person is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access.caller import Caller
from process.access.capabilities import ADMIN
from process.core.errors import InvalidInput, PermissionDenied
from process.storage import core_tables

if TYPE_CHECKING:
    from process.storage.tables import Person

LOGIN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


@dataclass(frozen=True)
class Actor:
    """The acting person as the services see them: login, name and roles here."""

    login: str
    name: str
    roles: frozenset[str]


def canonical_login(login: str) -> str:
    """A login as rsp keeps it: in lower case ('Sekreterare' and 'sekreterare' are one
    person). A Caller is one already (and keeps its channel)."""
    return login if isinstance(login, Caller) else login.lower()


def person_by_login(session: Session, login: str) -> Person | None:
    """The person with this login, whatever its case, or None."""
    from process.storage.tables import Person  # the class: off the paths that read only

    return session.exec(select(Person).where(Person.login == login.lower())).first()


def actor_for(session: Session, login: str, programme_id: int) -> Actor | None:
    """The person with this login and their roles on the programme, or None if unknown."""
    from process.storage.tables import RoleGrant

    person = person_by_login(session, login)
    if person is None or not person.active:  # a deactivated person cannot act
        return None
    roles = session.exec(
        select(RoleGrant.role).where(
            RoleGrant.person_id == person.id, RoleGrant.programme_id == programme_id
        )
    ).all()
    return Actor(person.login, person.name, frozenset(roles))


_P, _G = core_tables.person, core_tables.role_grant
_ROLES_OF = (
    sa.select(_P.c.name, _G.c.role)
    .select_from(_P)
    .outerjoin(_G, sa.and_(_G.c.person_id == _P.c.id, _G.c.programme_id == sa.bindparam("pid")))
    .where(_P.c.login == sa.bindparam("login"))
)


def actor_roles(session: Session, login: str, programme_id: int) -> Actor | None:
    """Like `actor_for`, in one query (the hot path of every transition)."""
    rows = (
        session.connection().execute(_ROLES_OF, {"pid": programme_id, "login": login.lower()}).all()
    )
    if not rows:
        return None
    return Actor(login.lower(), rows[0][0], frozenset(r[1] for r in rows if r[1]))


def require_role(
    actor: Actor | None,
    login: str,
    allowed: set[str] | tuple[str, ...],
    what: str,
    as_role: str | None = None,
) -> str:
    """The role the actor acts as for `what`, or PermissionDenied naming the roles needed."""
    needed = ", ".join(sorted(allowed))
    if actor is None:
        raise PermissionDenied(
            f"{login!r} is not a registered person, so cannot {what}; "
            f"it needs one of the roles: {needed} (an admin adds people "
            "with 'rsp people add')"
        )
    usable = [r for r in sorted(allowed) if r in actor.roles]
    if as_role:
        if as_role not in allowed:
            raise PermissionDenied(f"role {as_role!r} may not {what}; needed: {needed}")
        if as_role not in actor.roles:
            raise PermissionDenied(f"{login} does not hold the role {as_role!r}")
        return as_role
    if not usable:
        held = ", ".join(sorted(actor.roles)) or "no role"
        raise PermissionDenied(
            f"{login} ({held}) may not {what}: it needs one of the roles: {needed}"
        )
    return usable[0]


def programme_roles(role_keys: list[str]) -> set[str]:
    """The roles that may be granted on a programme: its workflow's roles and admin."""
    return {*role_keys, ADMIN}


def validate_person(login: str, name: str, email: str | None) -> None:
    """Refuse a malformed login, name or e-mail address before anything is written."""
    from process.core import contact  # its patterns: only when people are added

    if not LOGIN_RE.match(login):
        raise InvalidInput(
            f"login {login!r}: use letters, digits, '.', '_', '@' or '-' (at most 64)"
        )
    contact.valid_name(name)
    if email is not None:
        contact.valid_address(email)
