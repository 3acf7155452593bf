"""Which programmes a person sees: those they hold a role on or act for a body of. Any
other programme is 'not found' to them, and so is anything of it."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from process.storage.body_tables import Body, BodyPerson
from process.storage.table_of import table_of
from process.storage.tables import Programme, RoleGrant
from web.auth.sessions import SignedIn
from web.page import Page, PageNotFound

_PR = table_of(Programme)
_G = table_of(RoleGrant)
_B = table_of(Body)
_BP = table_of(BodyPerson)


@dataclass(frozen=True)
class ProgrammeView:
    """A programme as the pages show it, with the person's roles on it."""

    id: int
    key: str
    name: str
    region: str
    roles: frozenset[str]
    bodies: frozenset[str]  # keys of the bodies the person acts for here


def visible(session: Session, person_id: int) -> list[ProgrammeView]:
    """The programmes a person holds a role on or acts for a body of, by name."""
    conn = session.connection()
    roles: dict[int, set[str]] = {}
    for pid, role in conn.execute(
        sa.select(_G.c.programme_id, _G.c.role).where(_G.c.person_id == person_id)
    ):
        roles.setdefault(pid, set()).add(role)
    bodies: dict[int, set[str]] = {}
    for pid, key in conn.execute(
        sa.select(_B.c.programme_id, _B.c.key)
        .join(_BP, _BP.c.body_id == _B.c.id)
        .where(_BP.c.person_id == person_id)
    ):
        bodies.setdefault(pid, set()).add(key)
    ids = set(roles) | set(bodies)
    if not ids:
        return []
    rows = conn.execute(
        sa.select(_PR.c.id, _PR.c.key, _PR.c.name, _PR.c.region)
        .where(_PR.c.id.in_(ids))
        .order_by(_PR.c.name, _PR.c.key)
    )
    return [
        ProgrammeView(
            r.id,
            r.key,
            r.name,
            r.region,
            frozenset(roles.get(r.id, ())),
            frozenset(bodies.get(r.id, ())),
        )
        for r in rows
    ]


def programme_for(session: Session, person_id: int, key: str) -> ProgrammeView:
    """The programme of this key if the person sees it, else PageNotFound."""
    for view in visible(session, person_id):
        if view.key == key:
            return view
    raise PageNotFound()


def enter(page: Page, key: str) -> tuple[SignedIn, ProgrammeView]:
    """The signed-in person and the programme of the URL they may see (else sign in first,
    or not found)."""
    user = page.require_user()
    with page.ctx.db.read() as session:
        return user, programme_for(session, user.person_id, key)
