"""A board decision's reference as typed into a form, checked before it goes to the
service, with each missing part named in the page's language."""

from __future__ import annotations

from process.core.decision_refs import (
    DIARY_RE,
    DecisionRef,
    date_re,
    para_re,
    parse_decision_ref,
)
from process.core.errors import InvalidInput
from web.words import t


class DecisionProblem(Exception):
    """What the typed reference lacks, in words for the form."""


def parse(raw: str, text: str, lang: str) -> DecisionRef:
    """The reference, or DecisionProblem naming every missing or doubled part."""
    try:
        return parse_decision_ref(raw, text)
    except InvalidInput:
        pass
    if "\n" in raw or "\r" in raw or len(raw) > 200:
        raise DecisionProblem(t("decision.one_line", lang))
    parts = []
    for regex, key in ((date_re(), "date"), (para_re(), "paragraph"), (DIARY_RE, "diary")):
        found = regex.findall(raw)
        if len(found) != 1:
            parts.append(t(f"decision.{'missing' if not found else 'twice'}.{key}", lang))
    if not parts:
        parts.append(t("decision.missing.real_date", lang))
    raise DecisionProblem(t("decision.problem", lang, parts=", ".join(parts)))
