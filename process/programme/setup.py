"""Administrative services: create a programme, register people, grant and remove roles.

Each runs in one transaction; a refused attempt is audited on its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from sqlmodel import select

from process.access import installation, people, people_admin, unit_of_work
from process.access.unit_of_work import Work
from process.core import vocab
from process.core.clock import Clock
from process.core.errors import PermissionDenied
from process.programme import programmes
from process.storage import lookup, schema
from process.storage.database import Database
from process.storage.tables import ProcessInstance, Programme
from process.workflow import stored
from process.workflow.definition import load_definition

T = TypeVar("T")


def init(
    db: Database,
    clock: Clock,
    actor: str,
    *,
    example: str | None = None,
    definition_file: str | None = None,
    key: str | None = None,
    name: str | None = None,
    region: str | None = None,
    board: str = "Regionala utvecklingsnämnden",
    admin_name: str | None = None,
    admin_email: str | None = None,
    replay: bool = False,
) -> list[str]:
    """Create or migrate the schema, then create a programme; returns what was done.

    The first programme of a database makes its creator the installation's administrator;
    a further one may only be created by an administrator of the installation."""

    demo_people: list = []
    if example:
        spec, workflow_file, demo_people = programmes.load_example(example)
        definition = load_definition(workflow_file)
    else:
        assert definition_file and key and name and region
        definition = load_definition(definition_file)
        spec = programmes.ProgrammeSpec(key=key, name=name, region=region, board_name=board)
    if admin_name is not None or admin_email is not None:
        people.validate_person(actor, admin_name or actor, admin_email)
    before, after = schema.upgrade(db)
    lines = [
        f"database: {db.display()} (schema {before or 'new'} → {after})"
        if before != after
        else f"database: {db.display()} (schema {after})"
    ]

    def create(w: Work) -> tuple[Programme, ProcessInstance]:
        first = installation.ensure(w.session, w.recorded, replay)
        if not first or w.session.exec(select(Programme.id)).first() is not None:
            _require_installation_admin(w)
        prog, inst = programmes.create_programme(w, spec, definition, admin_name, admin_email)
        if first:
            _make_installation_admin(w)
        lines.extend(_after_create(w, example))
        return prog, inst

    prog, inst = unit_of_work.write(
        db, clock, actor, None, "programme.create", create, installation=True
    )
    lines.insert(1, f"programme {prog.key!r}: {prog.name}, {prog.region}")
    lines.insert(
        2,
        f"process: {definition.key} v{definition.version} "
        f"(sha256 {definition.content_hash[:16]}…), stage {inst.state}",
    )
    lines.append(f"you ({actor}) are the programme's admin")
    if demo_people:
        lines.append("add people with 'rsp people add LOGIN --name ... --role ROLE'")
    return lines


def _require_installation_admin(w: Work) -> None:
    person = people.person_by_login(w.session, w.actor)
    if person is None or not person.administers_installation:
        raise PermissionDenied(
            f"{w.actor} does not administer this installation, so cannot "
            "create a programme in it (the installation's administrators "
            "can: whoever created its first programme, and those they "
            "make administrators)"
        )


def _make_installation_admin(w: Work) -> None:
    person = people.person_by_login(w.session, w.actor)
    assert person is not None
    person.administers_installation = True
    w.session.add(person)


def _after_create(w: Work, example: str | None) -> list[str]:
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
    lines = bodies.apply_bodies(w, found)[:1]
    for path in _example_plans(folder):
        plan = load_action_plan(path, {b.key for b in found})
        lines += plans.apply_plan(w, plan).lines
    return lines


def _example_plans(folder: Path) -> list[Path]:
    """The action plans an example brings: those its programme.yaml lists under `plans`
    (a plan decided later is imported when it is decided), else every actionplan-*.yaml."""
    from process.core import yamlsrc

    data, _raw = yamlsrc.load(folder / "programme.yaml")
    listed = data.get("plans")
    if listed is None:
        return sorted(folder.glob("actionplan-*.yaml"))
    return [folder / str(name) for name in listed]


def _roles_here(w: Work, typed: list[str]) -> tuple[set[str], list[str]]:
    """The roles that may be granted on the programme (its process's roles and admin), and
    the typed roles as their keys: a key or a label in any case ('arbetsgrupp'); one that
    names none is refused with the roles there are, in the reader's language."""
    inst = lookup.instance_of(w.session, w.programme)
    definition = stored.definition_of(w.session, inst.definition_id)
    keys = [vocab.resolve(r, definition.role_entries(), "--role") for r in typed]
    return people.programme_roles(list(definition.roles)), keys


def add_person(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    login: str,
    name: str,
    email: str | None,
    roles: list[str],
) -> None:
    """Register a person with roles on the programme (administrators only)."""

    def work(w: Work) -> None:
        allowed, keys = _roles_here(w, roles)
        people_admin.add_person(w, allowed, login, name, email, keys)

    unit_of_work.write(db, clock, actor, programme_key, "person.add", work)


def edit_person(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    login: str,
    name: str | None,
    email: str | None,
    clear_email: bool = False,
) -> None:
    """Correct a person's name and e-mail address (administrators only)."""
    unit_of_work.write(
        db,
        clock,
        actor,
        programme_key,
        "person.edit",
        lambda w: people_admin.edit_person(w, login, name, email, clear_email),
    )


def set_active(
    db: Database, clock: Clock, actor: str, programme_key: str | None, login: str, active: bool
) -> None:
    """Deactivate a person, or activate them again (administrators only; never deleted)."""
    unit_of_work.write(
        db,
        clock,
        actor,
        programme_key,
        "person.activate" if active else "person.deactivate",
        lambda w: people_admin.set_active(w, login, active),
    )


def change_role(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    login: str,
    role: str,
    grant: bool,
) -> None:
    """Grant or remove a role (administrators only)."""
    unit_of_work.write(
        db,
        clock,
        actor,
        programme_key,
        "role.grant" if grant else "role.remove",
        lambda w: people_admin.change_role(w, *_role_here(w, login, role), grant),
    )


def _role_here(w: Work, login: str, role: str) -> tuple[set[str], str, str]:
    allowed, keys = _roles_here(w, [role])
    return allowed, login, keys[0]
