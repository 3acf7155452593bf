"""Programmes and their drafting process: create, find, and read the definition in force."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import select

from process.access import people, people_admin
from process.access.capabilities import ADMIN
from process.access.unit_of_work import Work
from process.core.errors import InvalidInput
from process.storage.lookup import id_of
from process.storage.tables import ProcessInstance, Programme
from process.workflow import stored
from process.workflow.definition import Definition, measure_workflow_of


@dataclass(frozen=True)
class ProgrammeSpec:
    """What is needed to create a programme."""

    key: str
    name: str
    region: str
    board_name: str


def create_programme(
    w: Work,
    spec: ProgrammeSpec,
    definition: Definition,
    admin_name: str | None = None,
    admin_email: str | None = None,
) -> tuple[Programme, ProcessInstance]:
    """Create a programme with its drafting process in `w`; the creator becomes its admin."""
    session, now, actor = w.session, w.now, w.actor
    if not spec.key or not people.LOGIN_RE.match(spec.key):
        raise InvalidInput(f"programme key {spec.key!r}: use letters, digits, '.', '_' or '-'")
    if session.exec(select(Programme).where(Programme.key == spec.key)).first():
        raise InvalidInput(f"programme {spec.key!r} already exists in this database")
    measure = measure_workflow_of(definition)
    if not definition.capabilities:
        raise InvalidInput(
            f"{definition.source}: a programme's process must say which of its "
            "roles hold which capabilities ('capabilities:'; see "
            "workflows/drafting.yaml)"
        )
    prog = Programme(
        key=spec.key, name=spec.name, region=spec.region, board_name=spec.board_name, created_at=now
    )
    session.add(prog)
    session.flush()
    w.enter(prog)
    w.role = ADMIN
    w.audit(
        "programme.created",
        subject=f"programme:{prog.id}",
        detail={
            "key": spec.key,
            "name": spec.name,
            "region": spec.region,
            "board": spec.board_name,
        },
    )
    row = stored.store_definition(w, definition)
    measure_row = stored.store_definition(w, measure)
    prog.measure_definition_id = measure_row.id
    session.add(prog)
    inst = ProcessInstance(
        programme_id=id_of(prog),
        definition_id=id_of(row),
        definition_hash=definition.content_hash,
        state=definition.initial,
        state_since=now,
        created_at=now,
    )
    session.add(inst)
    session.flush()
    w.audit(
        "process.created",
        subject=f"process:{inst.id}",
        to_state=definition.initial,
        detail={"definition": definition.key, "content_hash": definition.content_hash},
    )
    allowed = people.programme_roles(list(definition.roles))
    person = people.person_by_login(session, actor)
    if person is None:
        people_admin.add_person(
            w, allowed, actor, admin_name or actor, admin_email, [ADMIN], bootstrap=True
        )
    else:
        people_admin.grant(w, person, ADMIN)
    return prog, inst


def load_example(name: str) -> tuple[ProgrammeSpec, Path, list[dict[str, Any]]]:
    """A bundled example: its programme spec, its process definition's file (a bundled
    workflow by name, or a file of the example's own) and its demo people."""
    import workflows
    from process.core import yamlsrc

    folder = workflows.example_dir(name)
    if not (folder / "programme.yaml").is_file():
        raise InvalidInput(f"no example {name!r}; examples: {', '.join(workflows.example_names())}")
    data, _raw = yamlsrc.load(folder / "programme.yaml")
    p = data["programme"]
    spec = ProgrammeSpec(key=p["key"], name=p["name"], region=p["region"], board_name=p["board"])
    workflow = (
        folder / p["workflow_file"] if "workflow_file" in p else workflows.path_of(p["workflow"])
    )
    return spec, workflow, list(data.get("people", []))
