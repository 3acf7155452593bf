"""Programmes and their drafting process: create, find, and read the definition in force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access import audit, people
from process.core.clock import Clock
from process.core.errors import InvalidInput, NotFound
from process.storage.tables import ProcessInstance, Programme, WorkflowDefinition
from process.workflow.definition import Definition


@dataclass(frozen=True)
class ProgrammeSpec:
    """What is needed to create a programme."""

    key: str
    name: str
    region: str
    board_name: str


def store_definition(session: Session, now: dt.datetime, actor: str,
                     definition: Definition, programme_id: int | None) -> WorkflowDefinition:
    """Keep a definition in the database once per content hash; audit the first load."""
    row = session.exec(select(WorkflowDefinition).where(
        WorkflowDefinition.content_hash == definition.content_hash)).first()
    if row is not None:
        return row
    row = WorkflowDefinition(key=definition.key, version=definition.version,
                             content_hash=definition.content_hash, source=definition.source,
                             body=definition.to_json(), loaded_at=now)
    session.add(row)
    session.flush()
    audit.append(session, at=now, actor=actor, role=people.ADMIN, action="definition.loaded",
                 programme_id=programme_id, subject=f"definition:{row.id}",
                 detail={"key": definition.key, "version": definition.version,
                         "content_hash": definition.content_hash, "source": definition.source})
    return row


def create_programme(session: Session, clock: Clock, actor_login: str, spec: ProgrammeSpec,
                     definition: Definition, admin_name: str | None = None,
                     admin_email: str | None = None) -> tuple[Programme, ProcessInstance]:
    """Create a programme with its drafting process; the creator becomes its admin."""
    now = clock.now()
    if not spec.key or not people.LOGIN_RE.match(spec.key):
        raise InvalidInput(f"programme key {spec.key!r}: use letters, digits, '.', '_' or '-'")
    if session.exec(select(Programme).where(Programme.key == spec.key)).first():
        raise InvalidInput(f"programme {spec.key!r} already exists in this database")
    prog = Programme(key=spec.key, name=spec.name, region=spec.region,
                     board_name=spec.board_name, created_at=now)
    session.add(prog)
    session.flush()
    assert prog.id is not None
    audit.append(session, at=now, actor=actor_login, role=people.ADMIN,
                 action="programme.created", programme_id=prog.id,
                 subject=f"programme:{prog.id}",
                 detail={"key": spec.key, "name": spec.name, "region": spec.region,
                         "board": spec.board_name})
    row = store_definition(session, now, actor_login, definition, prog.id)
    assert row.id is not None
    inst = ProcessInstance(programme_id=prog.id, definition_id=row.id,
                           definition_hash=definition.content_hash, state=definition.initial,
                           state_since=now, created_at=now)
    session.add(inst)
    session.flush()
    audit.append(session, at=now, actor=actor_login, role=people.ADMIN,
                 action="process.created", programme_id=prog.id, subject=f"process:{inst.id}",
                 to_state=definition.initial,
                 detail={"definition": definition.key, "content_hash": definition.content_hash})
    allowed = people.programme_roles(list(definition.roles))
    existing = people.actor_for(session, actor_login, prog.id)
    if existing is None:
        people.add_person(session, clock, actor_login, prog, allowed, actor_login,
                          admin_name or actor_login, admin_email, [people.ADMIN],
                          bootstrap=True)
    else:
        from process.storage.tables import Person, RoleGrant
        person = session.exec(select(Person).where(Person.login == actor_login)).one()
        assert person.id is not None
        session.add(RoleGrant(person_id=person.id, programme_id=prog.id, role=people.ADMIN,
                              granted_at=now))
        audit.append(session, at=now, actor=actor_login, role=people.ADMIN,
                     action="role.granted", programme_id=prog.id, subject=f"person:{person.id}",
                     detail={"login": actor_login, "role": people.ADMIN})
    return prog, inst


def find_programme(session: Session, key: str | None) -> Programme:
    """The programme named by key, or the only one in the database."""
    if key:
        prog = session.exec(select(Programme).where(Programme.key == key)).first()
        if prog is None:
            keys = session.exec(select(Programme.key)).all()
            raise NotFound(f"no programme {key!r} here" + (f"; known: {', '.join(keys)}"
                                                            if keys else ""))
        return prog
    progs = session.exec(select(Programme).limit(3)).all()
    if not progs:
        raise NotFound("this database has no programme yet: run 'rsp init --example "
                       "jamtland-harjedalen' or 'rsp init --definition FILE --key KEY ...'")
    if len(progs) > 1:
        keys = session.exec(select(Programme.key)).all()
        raise InvalidInput("several programmes here; choose one with --programme KEY: "
                           + ", ".join(keys))
    return progs[0]


_ID_BY_KEY = sa.select(Programme.__table__.c.id).where(  # type: ignore[attr-defined]
    Programme.__table__.c.key == sa.bindparam("key"))  # type: ignore[attr-defined]


def programme_id(session: Session, key: str | None) -> int:
    """The id of the programme named by key (or of the only one); errors as find_programme."""
    if key:
        found = session.connection().execute(_ID_BY_KEY, {"key": key}).scalar()
        if found is not None:
            return int(found)
    prog = find_programme(session, key)
    assert prog.id is not None
    return prog.id


def instance_of(session: Session, programme: Programme) -> ProcessInstance:
    """The drafting process of a programme."""
    inst = session.exec(select(ProcessInstance).where(
        ProcessInstance.programme_id == programme.id)).first()
    if inst is None:
        raise NotFound(f"programme {programme.key!r} has no process")
    return inst


_by_hash: dict[str, Definition] = {}
_DEF = WorkflowDefinition.__table__  # type: ignore[attr-defined]
_HASH_OF = sa.select(_DEF.c.content_hash).where(_DEF.c.id == sa.bindparam("id"))
_BODY_OF = sa.select(_DEF.c.body).where(_DEF.c.id == sa.bindparam("id"))


def definition_of(session: Session, definition_id: int) -> Definition:
    """The definition an instance was created from (as stored when it was loaded); its
    body is read and parsed only the first time its content hash is seen."""
    conn = session.connection()
    content_hash = conn.execute(_HASH_OF, {"id": definition_id}).scalar()
    if content_hash is None:
        raise NotFound(f"definition {definition_id} is missing")
    cached = _by_hash.get(content_hash)
    if cached is None:
        body = conn.execute(_BODY_OF, {"id": definition_id}).scalar_one()
        cached = _by_hash[content_hash] = Definition.from_json(body)
    return cached


def definition_by_hash(session: Session, definition_id: int, content_hash: str) -> Definition:
    """The stored definition, read from the database only the first time per content hash."""
    cached = _by_hash.get(content_hash)
    return cached if cached is not None else definition_of(session, definition_id)


def load_example(name: str) -> tuple[ProgrammeSpec, str, list[dict[str, Any]]]:
    """A bundled example: its programme spec, workflow name and demo people."""
    import workflows
    from process.core import yamlsrc

    folder = workflows.example_dir(name)
    if not (folder / "programme.yaml").is_file():
        raise InvalidInput(f"no example {name!r}; examples: {', '.join(workflows.example_names())}")
    data, _raw = yamlsrc.load(folder / "programme.yaml")
    p = data["programme"]
    spec = ProgrammeSpec(key=p["key"], name=p["name"], region=p["region"], board_name=p["board"])
    return spec, p["workflow"], list(data.get("people", []))
