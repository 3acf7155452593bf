"""What the pages show of a programme's workflows: the words of its roles, triggers and
states, who may do what, and why a step is not possible yet, in the page's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from process.storage import lookup
from process.storage.plan_tables import ActionPlan, Measure, table
from process.workflow import guards, stored
from process.workflow.definition import Definition, TriggerDef, label_text
from web.words import t

RESPONSIBLE = "responsible_body"  # the measure workflow's contextual role


@dataclass(frozen=True)
class Workflows:
    """A programme's process definition and the definitions its measures follow."""

    process: Definition
    measures: tuple[Definition, ...]

    def all(self) -> tuple[Definition, ...]:
        return (self.process, *self.measures)


def workflows_of(session: Session, programme_key: str) -> Workflows:
    """The definitions of a programme's process and of its measures."""
    prog = lookup.find_programme(session, programme_key)
    inst = lookup.instance_of(session, prog)
    m, p = table(Measure), table(ActionPlan)
    ids = (
        session.connection()
        .execute(
            sa.select(m.c.definition_id)
            .join(p, p.c.id == m.c.plan_id)
            .where(p.c.programme_id == prog.id)
            .distinct()
        )
        .scalars()
        .all()
    )
    return Workflows(
        stored.definition_of(session, inst.definition_id),
        tuple(stored.definition_of(session, i) for i in sorted(ids)),
    )


def role_names(definitions: Iterable[Definition], roles: Iterable[str], lang: str) -> str:
    """'Beslutande organ (…) eller Arbetsgrupp (…)': who may, in words."""
    names = []
    for role in roles:
        if role == RESPONSIBLE:
            names.append(t("role.responsible_body", lang))
            continue
        label = next((d.roles[role] for d in definitions if role in d.roles), None)
        names.append(
            label_text(label, lang) if label else t("role.admin", lang) if role == "admin" else role
        )
    return (
        t("or_join", lang, first=", ".join(names[:-1]), last=names[-1])
        if len(names) > 1
        else "".join(names)
    )


def trigger_label(definition: Definition, name: str, lang: str) -> str:
    """A trigger's words (its name if the definition has no such trigger)."""
    found = definition.trigger(name)
    return label_text(found.label, lang) if found else name


def state_label(definition: Definition, name: str | None, lang: str) -> str:
    """A state's words (its name if the definition has no such state)."""
    found = next((s for s in definition.states if s.name == name), None)
    return label_text(found.label, lang) if found else (name or "")


def blocked_texts(definition: Definition, blocked_by: Iterable[str], lang: str) -> list[str]:
    """Why a step is not possible yet, in words ('Samråd med Service-Z har inte skett än')."""
    out = []
    for reason in blocked_by:
        name, _colon, detail = reason.partition(": ")
        needed = guards.needed_trigger(name)
        deciding = guards.needed_decision(name)
        if name == "comment_given":
            out.append(t("guard.comment", lang))
        elif needed:
            out.append(t("guard.fired", lang, what=trigger_label(definition, needed, lang)))
        elif deciding:
            out.append(t("guard.final", lang, what=trigger_label(definition, deciding, lang)))
        elif name == "remiss_closable":
            out.append(t("guard.remiss", lang))
        else:
            out.append(detail or reason)
    return out


def may_fire(trigger: TriggerDef, roles: Iterable[str]) -> bool:
    """Whether someone holding `roles` may fire the trigger."""
    return bool(set(trigger.roles) & set(roles))


def needs_comment(trigger: TriggerDef) -> bool:
    """Whether the trigger wants a comment saying what happened."""
    return "comment_given" in trigger.guards
