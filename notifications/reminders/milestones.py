"""Deadline items from the drafting process: each milestone not yet reached, with its
planned date, to the people holding the roles that act on it.

The roles that act on a milestone are those of the triggers leading into that stage from
an earlier one (a trigger from a stage planned later, like sending a draft back, is not
the way the milestone is meant to be reached). The rules' `cc_roles` go in Cc.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from sqlmodel import Session, select

from notifications.reminders.due import DeadlineItem, Recipient
from notifications.reminders.problem_words import problem, roles_text
from notifications.reminders.rules import Rules, check_roles
from process.access import capabilities
from process.core.catalogue import entry
from process.core.words import long_date
from process.reports.status import reached_dates
from process.storage import lookup
from process.storage.lookup import id_of
from process.storage.tables import Person, ProcessInstance, Programme, RoleGrant
from process.workflow import stored
from process.workflow.definition import Definition, StateDef, label_text

STEP = entry("milestones.step")
STAGE = entry("milestones.stage")
CONTACT = entry("milestones.contact")
BY = entry("milestones.by")


@dataclass
class Collected:
    """Deadline items from the database, the programmes' names, and what was skipped."""

    items: list[DeadlineItem] = field(default_factory=list)
    programmes: dict[int, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def extend(self, other: Collected) -> None:
        """Add another source's findings."""
        self.items += other.items
        self.programmes.update(other.programmes)
        self.problems += other.problems


def acting_roles(definition: Definition, state: StateDef) -> list[tuple[str, tuple[str, ...]]]:
    """The triggers (name, roles) that lead into `state` from an earlier stage."""
    planned = {s.name: s.planned for s in definition.states}
    out = []
    for t in definition.triggers:
        if t.dest != state.name or state.name in t.sources:
            continue
        forward = [
            s
            for s in t.sources
            if planned.get(s) is None or state.planned is None or planned[s] <= state.planned  # type: ignore[operator]
        ]  # type: ignore[operator]
        if forward:
            out.append((t.name, t.roles))
    return out


def people_by_role(session: Session, programme_id: int) -> dict[str, list[Recipient]]:
    """Everyone with an e-mail address, by the roles they hold on the programme."""
    rows = session.exec(
        select(RoleGrant.role, Person.name, Person.email)
        .join(Person, Person.id == RoleGrant.person_id)  # type: ignore[arg-type]
        .where(RoleGrant.programme_id == programme_id)
        .order_by(RoleGrant.role, Person.login)
    ).all()
    out: dict[str, list[Recipient]] = {}
    for role, name, email in rows:
        if email:
            out.setdefault(role, []).append(Recipient(email, name))
    return out


def contact_text(session: Session, programme_id: int) -> str:
    """The people to contact about a reminder (those holding the reminder_contact
    capability, in practice the process lead): 'Maria Processledare,
    processledare@regionjh.example'; empty when nobody holds it."""
    holders = people_by_role(session, programme_id)
    found = {
        p.address: p
        for role in capabilities.roles_for(session, programme_id, capabilities.REMINDER_CONTACT)
        for p in holders.get(role, [])
    }
    return "; ".join(f"{p.name}, {p.address}" if p.name else p.address for p in found.values())


def _unique(groups: Iterable[list[Recipient]], skip: set[str]) -> tuple[Recipient, ...]:
    out: dict[str, Recipient] = {}
    for group in groups:
        for r in group:
            key = r.address.lower()
            if key not in skip and key not in out:
                out[key] = r
    return tuple(out.values())


def programme_items(
    session: Session,
    rules: Rules,
    prog: Programme,
    inst: ProcessInstance,
    definition: Definition,
    lang: str,
) -> Collected:
    """The milestone items of one programme."""
    pid = id_of(prog)
    found = Collected(programmes={pid: prog.name})
    kind = rules.for_kind("milestone")
    if kind is None or definition.state(inst.state).final:
        return found
    check_roles(rules, set(definition.roles))
    reached = reached_dates(session, f"process:{inst.id}")
    holders = people_by_role(session, pid)
    contact: str | None = None
    for state in definition.states:
        if state.planned is None or state.name in reached:
            continue
        triggers = acting_roles(definition, state)
        roles = sorted({r for _name, rs in triggers for r in rs})
        to = _unique((holders.get(r, []) for r in roles), set())
        label = label_text(state.label, lang)
        if not to:
            found.problems.append(
                problem(
                    "milestone_nobody",
                    lang,
                    programme=prog.key,
                    state=state.name,
                    roles=roles_text(roles, lang),
                )
            )
            continue
        cc_roles = [
            r
            for entry in kind.cc_roles
            for r in (
                capabilities.roles_for(session, pid, entry)
                if entry in capabilities.ALL
                else (entry,)
            )
        ]
        cc = _unique((holders.get(r, []) for r in cc_roles), {r.address.lower() for r in to})
        details: tuple[tuple[str, str], ...] = tuple(
            pair
            for name, rs in triggers
            for pair in (
                (STEP.get(lang, STEP["sv"]), label_text(definition.trigger(name).label, lang)),  # type: ignore[union-attr]
                (BY.get(lang, BY["sv"]), ", ".join(_role_names(definition, rs, lang))),
            )
        )
        details += ((STAGE.get(lang, STAGE["sv"]), long_date(state.planned, lang)),)
        if contact is None:
            contact = contact_text(session, pid)
        if contact:
            details += ((CONTACT.get(lang, CONTACT["sv"]), contact),)
        found.items.append(
            DeadlineItem(
                kind="milestone",
                subject=f"process:{inst.id}:{state.name}",
                title=label,
                due=state.planned,
                to=to,
                cc=cc,
                programme_id=pid,
                details=details,
                page=f"/p/{quote(prog.key)}",
            )
        )
    return found


def _role_names(definition: Definition, roles: Iterable[str], lang: str) -> list[str]:
    """The roles as the definition names them ('Beslutande organ (…)'), not their keys."""
    return [label_text(definition.roles[r], lang) if r in definition.roles else r for r in roles]


def items(
    session: Session,
    rules: Rules,
    now: dt.datetime,
    lang: str,
    *,
    programme_ids: Sequence[int] | None = None,
) -> Collected:
    """The milestone items of every programme in the database (or of those given)."""
    found = Collected()
    query = select(Programme).order_by(Programme.id)  # type: ignore[arg-type]
    if programme_ids is not None:
        query = query.where(Programme.id.in_(list(programme_ids)))  # type: ignore[union-attr]
    for prog in session.exec(query).all():
        inst = lookup.instance_of(session, prog)
        definition = stored.definition_of(session, inst.definition_id)
        found.extend(programme_items(session, rules, prog, inst, definition, lang))
    return found
