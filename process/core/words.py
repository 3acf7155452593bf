"""The words of rsp's own reports (the catalogue's `report.*`), and the helpers every
module's words go through: `label`, `phrase`, `number`, `one_day`, `long_date`. The texts
themselves are in `process.core.catalogue` (`sv.py`, `en.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from process.core.catalogue import (
    THOUSANDS,
    Entry,
    Lines,
    entry,
    fill,
    number,
    one_day,
    say,
    section,
)

__all__ = [
    "ADMIN_LABEL",
    "APPEAL_OUTCOME_LABELS",
    "MONTH_NAMES",
    "OUTCOME_LABELS",
    "POSITION_LABELS",
    "RESPONSIBLE_LABEL",
    "THOUSANDS",
    "WORDS",
    "label",
    "long_date",
    "number",
    "one_day",
    "phrase",
    "t",
]

WORDS = section("report")


def label(entry: Mapping[str, str], lang: str) -> str:
    """One entry's text in the wanted language, Swedish when it has none in that one."""
    return entry.get(lang) or entry["sv"]


def phrase(table: Mapping[Any, Mapping[str, str]], key: Any, lang: str, **values: object) -> str:
    """A phrase of a table (a catalogue `section`, or a plain {"sv": ..., "en": ...}
    mapping) in the wanted language, its {fields} filled in; a count (the field `n`) with
    its thousands grouped ("3 065 dagar", "3,065 days") and singular for one."""
    found = table[key]
    if isinstance(found, Entry):
        return say(found.key, lang, **values)
    return fill(label(found, lang), lang, values)


MONTH_NAMES = Lines("date.month", 12)


def long_date(day: Any, lang: str = "sv") -> str:
    """A date as prose writes it: '22 februari 2022' ('22 February 2022'). Accepts a date
    or ISO text; anything else is returned as it is (empty stays empty)."""
    import datetime as dt

    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            return day
    if not isinstance(day, dt.date):
        return "" if day is None else str(day)
    names = MONTH_NAMES.get(lang, MONTH_NAMES["sv"])
    return f"{day.day} {names[day.month - 1]} {day.year}"


def t(key: str, lang: str, **values: object) -> str:
    """A word or phrase of rsp's own reports in the wanted language."""
    return phrase(WORDS, key, lang, **values)


# Values a person types (rsp accepts the key or any label, see process.core.vocab), with
# the labels the screens show.
OUTCOME_LABELS = section("outcome")
POSITION_LABELS = section("position")
APPEAL_OUTCOME_LABELS = section("appeal")
ADMIN_LABEL = entry("role.admin")
RESPONSIBLE_LABEL = entry("role.responsible")
