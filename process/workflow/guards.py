"""Named guards a workflow definition may put on a trigger: pure functions over plain values.

A guard gets a `GuardContext` and returns None when it holds, or a sentence saying why
not. A definition names guards; `fired:<trigger>` is the generic form of "has happened",
`decision_final:<trigger>` "the decision recorded by that trigger is final (laga kraft)".
The engine puts into the context only what the trigger's guards need.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from process.workflow.guard_facts import DecisionFacts, RemissFacts


@dataclass(frozen=True)
class GuardContext:
    """What a guard may look at: the attempt and what has happened to the instance."""

    comment: str | None = None
    has_decision: bool = False
    fired: Mapping[str, int] = field(default_factory=dict)
    decisions: Mapping[str, DecisionFacts] = field(default_factory=dict)  # by trigger
    remiss: RemissFacts | None = None  # the open remiss, if any


Guard = Callable[[GuardContext], str | None]


def _comment_given(ctx: GuardContext) -> str | None:
    if ctx.comment and ctx.comment.strip():
        return None
    return "a comment is required (-m) saying what happened"


def _fired(trigger: str) -> Guard:
    def check(ctx: GuardContext) -> str | None:
        if ctx.fired.get(trigger, 0) > 0:
            return None
        return f"'{trigger}' has not happened yet in this process"

    return check


_STEP_TEXT = {
    "decided": "its minutes are not yet approved",
    "minutes_approved": "its approved minutes are not yet announced",
    "appealed": "it has been appealed",
    "overturned": "it was overturned on appeal",
}


def _decision_final(trigger: str) -> Guard:
    def check(ctx: GuardContext) -> str | None:
        facts = ctx.decisions.get(trigger)
        if facts is None:
            return f"no decision has been recorded by '{trigger}' yet"
        if facts.step == "final":
            return None
        why = _STEP_TEXT.get(facts.step, "the appeal period has not ended")
        if facts.step == "announced" and facts.expected_final:
            why = f"the appeal period runs out first: final on {facts.expected_final}"
        return f"the decision {facts.reference} is not final (laga kraft) yet: {why}"

    return check


def _remiss_closable(ctx: GuardContext) -> str | None:
    r = ctx.remiss
    if r is None:
        return "no open remiss is recorded (open it with 'rsp remiss open BODY...')"
    if not r.unanswered or r.today > r.reply_by:
        return None
    return (
        f"the reply date {r.reply_by} has not passed and {len(r.unanswered)} of "
        f"{r.consulted} bodies have not answered: {', '.join(r.unanswered)}"
    )


# Named guards that stand for `fired:<trigger>`: name -> trigger it needs.
ALIASES: dict[str, str] = {
    "service_z_consulted": "consult_service_z",
    "steering_group_checked_in": "check_in_steering_group",
}

NAMED: dict[str, Guard] = {"comment_given": _comment_given, "remiss_closable": _remiss_closable}
REMISS_GUARDS = frozenset({"remiss_closable"})  # need `GuardContext.remiss`
DECISION_FINAL = "decision_final:"


def known_guard_names() -> list[str]:
    """Every guard name a definition may use (besides the `fired:` and `decision_final:`
    forms)."""
    return sorted([*NAMED, *ALIASES])


def needed_trigger(name: str) -> str | None:
    """The trigger a guard depends on, if it is a `fired` guard."""
    if name.startswith("fired:"):
        return name.removeprefix("fired:")
    return ALIASES.get(name)


def needed_decision(name: str) -> str | None:
    """The trigger whose decision must be final, if it is a `decision_final` guard."""
    if name.startswith(DECISION_FINAL):
        return name.removeprefix(DECISION_FINAL) or None
    return None


def resolve(name: str) -> Guard | None:
    """The guard function for a name, or None if the name is unknown."""
    decided_by = needed_decision(name)
    if decided_by:
        return _decision_final(decided_by)
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
