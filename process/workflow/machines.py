"""One `transitions` machine per workflow definition, shared by every instance.

The machine has no models: an event is fired on a small adapter that carries the
instance's state, so the database row stays the truth.
"""

from __future__ import annotations

from typing import Any

from transitions import Machine, MachineError

from process.workflow import guards
from process.workflow.definition import Definition

_machines: dict[str, Machine] = {}


class _Adapter:
    """The plain object `transitions` moves; it only holds a state name."""

    def __init__(self, state: str):
        self.state = state


def _condition(name: str) -> Any:
    guard = guards.resolve(name)
    assert guard is not None, name

    def check(event: Any) -> bool:
        return guard(event.kwargs["ctx"]) is None

    check.__name__ = f"guard_{name}"
    return check


def machine_for(definition: Definition) -> Machine:
    """The shared machine of a definition (built once per content hash)."""
    machine = _machines.get(definition.content_hash)
    if machine is None:
        machine = Machine(
            model=None,
            states=[s.name for s in definition.states],
            initial=definition.initial,
            auto_transitions=False,
            send_event=True,
        )
        for t in definition.triggers:
            machine.add_transition(
                t.name, list(t.sources), t.dest, conditions=[_condition(g) for g in t.guards]
            )
        _machines[definition.content_hash] = machine
    return machine


def fire(definition: Definition, state: str, trigger: str, ctx: guards.GuardContext) -> str | None:
    """The state after firing `trigger` from `state`, or None if a guard refuses it.

    Raises MachineError when the trigger is not possible from that state.
    """
    machine = machine_for(definition)
    adapter = _Adapter(state)
    if not machine.events[trigger].trigger(adapter, ctx=ctx):
        return None
    return adapter.state


__all__ = ["MachineError", "fire", "machine_for"]
