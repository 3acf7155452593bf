"""What a sweep could not do, in the words a person reads: Swedish by default, English on
request (the daemon's warnings, the notes of `rsp remind run-once`, the process lead's
digest)."""

from __future__ import annotations

from collections.abc import Sequence

from process.core.catalogue import section
from process.core.words import phrase

PROBLEMS = section("reminders.problem")


def problem(key: str, lang: str, **values: object) -> str:
    """One problem's text in the wanted language."""
    return phrase(PROBLEMS, key, lang, **values)


def roles_text(roles: Sequence[str], lang: str) -> str:
    """'board or working_group' ('board eller working_group'); 'a role' when none."""
    return problem("or", lang).join(roles) or problem("a_role", lang)
