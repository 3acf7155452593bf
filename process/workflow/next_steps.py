"""What can happen next to a process or a measure: the triggers possible from its state,
who may fire them, and what still blocks them (the guards that do not hold yet)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from process.workflow import guards, trigger_facts
from process.workflow.definition import Definition, command_for, label_text


@dataclass(frozen=True)
class NextStep:
    trigger: str
    label: str
    to_state: str
    roles: tuple[str, ...]
    decision: bool
    blocked_by: tuple[str, ...]
    command: str = ""  # how it is fired from the command line
    marks: tuple[str, ...] = ()  # the trigger's marks: fired by a service of its own


def next_steps(
    session: Session,
    definition: Definition,
    state: str,
    subject: str,
    lang: str,
    programme_id: int | None = None,
    now: dt.datetime | None = None,
) -> tuple[NextStep, ...]:
    """The triggers possible now, who may fire them, and what still blocks them."""
    options = definition.triggers_from(state)
    fired = trigger_facts.fired_counts(session, subject) if any(t.guards for t in options) else {}
    out = []
    for t in options:
        facts = (
            trigger_facts.for_trigger(session, programme_id, t, now)
            if programme_id is not None and now is not None
            else {}
        )
        ctx = guards.GuardContext(comment="x", has_decision=True, fired=fired, **facts)
        out.append(
            NextStep(
                t.name,
                label_text(t.label, lang),
                t.dest,
                t.roles,
                t.decision,
                tuple(guards.failures(t.guards, ctx)),
                command_for(t),
                t.marks,
            )
        )
    return tuple(out)
