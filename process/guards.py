"""Named guards a workflow definition may put on a trigger: pure functions over plain values.

A guard gets a `GuardContext` and returns None when it holds, or a sentence saying why
not. A definition names guards; `fired:<trigger>` is the generic form of "has happened".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GuardContext:
    """What a guard may look at: the attempt and what has happened to the instance."""

    comment: str | None = None
    has_decision: bool = False
    fired: Mapping[str, int] = field(default_factory=dict)


Guard = Callable[[GuardContext], str | None]


def _comment_given(ctx: GuardContext) -> str | None:
    if ctx.comment and ctx.comment.strip():
        return None
    return "a comment is required (--comment) saying what happened"


def _fired(trigger: str) -> Guard:
    def check(ctx: GuardContext) -> str | None:
        if ctx.fired.get(trigger, 0) > 0:
            return None
        return f"'{trigger}' has not happened yet in this process"

    return check


# Named guards that stand for `fired:<trigger>`: name -> trigger it needs.
ALIASES: dict[str, str] = {
    "service_z_consulted": "consult_service_z",
    "steering_group_checked_in": "check_in_steering_group",
}

NAMED: dict[str, Guard] = {"comment_given": _comment_given}


def known_guard_names() -> list[str]:
    """Every guard name a definition may use (besides `fired:<trigger>`)."""
    return sorted([*NAMED, *ALIASES])


def needed_trigger(name: str) -> str | None:
    """The trigger a guard depends on, if it is a `fired` guard."""
    if name.startswith("fired:"):
        return name.removeprefix("fired:")
    return ALIASES.get(name)


def resolve(name: str) -> Guard | None:
    """The guard function for a name, or None if the name is unknown."""
    trigger = needed_trigger(name)
    if trigger:
        return _fired(trigger)
    return NAMED.get(name)


def failures(names: tuple[str, ...], ctx: GuardContext) -> list[str]:
    """The reasons the named guards refuse, empty when all hold."""
    out = []
    for name in names:
        guard = resolve(name)
        reason = guard(ctx) if guard else f"unknown guard {name!r}"
        if reason:
            out.append(f"{name}: {reason}")
    return out
