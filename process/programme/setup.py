"""Administrative services: create a programme, register people, grant and remove roles.

Each runs in one transaction; a refused attempt is audited on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session

from process.access import people
from process.core.clock import Clock
from process.core.errors import RspError
from process.programme import programmes
from process.storage import lookup, schema
from process.storage.database import Database
from process.storage.tables import Programme
from process.workflow import stored
from process.workflow.definition import Definition, load_definition

T = TypeVar("T")


def init(db: Database, clock: Clock, actor: str, *, example: str | None = None,
         definition_file: str | None = None, key: str | None = None, name: str | None = None,
         region: str | None = None, board: str = "Regionala utvecklingsnämnden",
         admin_name: str | None = None, admin_email: str | None = None) -> list[str]:
    """Create or migrate the schema, then create a programme; returns what was done."""
    import workflows

    demo_people: list = []
    if example:
        spec, workflow_name, demo_people = programmes.load_example(example)
        definition = load_definition(workflows.path_of(workflow_name))
    else:
        assert definition_file and key and name and region
        definition = load_definition(definition_file)
        spec = programmes.ProgrammeSpec(key=key, name=name, region=region, board_name=board)
    if admin_name is not None or admin_email is not None:
        people.validate_person(actor, admin_name or actor, admin_email)
    before, after = schema.upgrade(db)
    lines = [f"database: {db.display()} (schema {before or 'new'} → {after})"
             if before != after else f"database: {db.display()} (schema {after})"]
    with db.write() as session:
        prog, inst = programmes.create_programme(session, clock, actor, spec, definition,
                                                 admin_name, admin_email)
        lines += _after_create(session, clock, actor, prog, example)
    lines.insert(1, f"programme {prog.key!r}: {prog.name}, {prog.region}")
    lines.insert(2, f"process: {definition.key} v{definition.version} "
                    f"(sha256 {definition.content_hash[:16]}…), stage {inst.state}")
    lines.append(f"you ({actor}) are the programme's admin")
    if demo_people:
        lines.append("add people with 'rsp people add LOGIN --name ... --role ROLE'")
    return lines


def _after_create(session: Session, clock: Clock, actor: str, prog: Programme,
                  example: str | None) -> list[str]:
    """What an example brings beside the process: its bodies and its action plans."""
    if not example:
        return []
    import workflows
    from process.bodies import bodies
    from process.plans import plan_import as plans
    from process.plans.plan_file import load_action_plan, load_bodies

    folder = workflows.example_dir(example)
    if not (folder / "bodies.yaml").is_file():
        return []
    found = load_bodies(folder / "bodies.yaml")
    lines = bodies.apply_bodies(session, clock, actor, people.ADMIN, prog, found)[:1]
    for path in sorted(folder.glob("actionplan-*.yaml")):
        plan = load_action_plan(path, {b.key for b in found})
        lines += plans.apply_plan(session, clock, actor, people.ADMIN, prog, plan).lines
    return lines


def _with_programme(db: Database, clock: Clock, actor: str, programme_key: str | None,
                    action: str, work: Callable[[Session, Programme, set[str]], T]) -> T:
    programme_id = None
    try:
        with db.write() as session:
            prog = lookup.find_programme(session, programme_key)
            programme_id = prog.id
            inst = lookup.instance_of(session, prog)
            definition: Definition = stored.definition_of(session, inst.definition_id)
            return work(session, prog, people.programme_roles(list(definition.roles)))
    except RspError as error:
        if programme_id is not None:
            people.audit_refusal(db, clock, actor, programme_id, action, error)
        raise


def add_person(db: Database, clock: Clock, actor: str, programme_key: str | None, login: str,
               name: str, email: str | None, roles: list[str]) -> None:
    """Register a person with roles on the programme (admins only)."""
    _with_programme(db, clock, actor, programme_key, "person.add", lambda s, p, allowed:
                    people.add_person(s, clock, actor, p, allowed, login, name, email, roles))


def change_role(db: Database, clock: Clock, actor: str, programme_key: str | None, login: str,
                role: str, grant: bool) -> None:
    """Grant or remove a role (admins only)."""
    _with_programme(db, clock, actor, programme_key, "role.grant" if grant else "role.remove",
                    lambda s, p, allowed:
                    people.change_role(s, clock, actor, p, allowed, login, role, grant))
