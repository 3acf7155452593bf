"""Programmes and their drafting process: create, find, and read the definition in force."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from process.access import audit, people
from process.core.clock import Clock
from process.core.errors import InvalidInput
from process.storage.tables import ProcessInstance, Programme
from process.workflow import stored
from process.workflow.definition import Definition


@dataclass(frozen=True)
class ProgrammeSpec:
    """What is needed to create a programme."""

    key: str
    name: str
    region: str
    board_name: str


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
    row = stored.store_definition(session, now, actor_login, definition, prog.id)
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
