"""The few words rsp's own reports use, in Swedish (default) and English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

WORDS: dict[str, dict[str, str]] = {
    "programme": {"sv": "Program", "en": "Programme"},
    "stage": {"sv": "Skede", "en": "Stage"},
    "since": {"sv": "sedan", "en": "since"},
    "n_days": {"sv": "{n} dagar", "en": "{n} days"},
    "after_now": {"sv": "efter den dag som visas", "en": "after the day shown"},
    "milestones": {"sv": "Milstolpar", "en": "Milestones"},
    "planned": {"sv": "planerat", "en": "planned"},
    "actual": {"sv": "faktiskt", "en": "actual"},
    "on_plan": {"sv": "enligt plan", "en": "on plan"},
    "late": {"sv": "{n} dagar sent", "en": "{n} days late"},
    "early": {"sv": "{n} dagar tidigt", "en": "{n} days early"},
    "overdue": {"sv": "ej nått, {n} dagar efter plan", "en": "not reached, {n} days behind plan"},
    "upcoming": {"sv": "kommande", "en": "upcoming"},
    "next": {"sv": "Möjliga nästa steg", "en": "What can happen next"},
    "who": {"sv": "vem", "en": "who"},
    "needs_decision": {"sv": "kräver nämndbeslut", "en": "needs a board decision"},
    "blocked": {"sv": "ännu inte möjligt", "en": "not yet possible"},
    "decisions": {"sv": "Beslut", "en": "Decisions"},
    "none": {"sv": "inga", "en": "none"},
    "history": {"sv": "Händelser", "en": "History"},
    "refused": {"sv": "NEKAD", "en": "REFUSED"},
    "final": {"sv": "(slutläge)", "en": "(final)"},
    "recorded": {"sv": "registrerad", "en": "recorded"},
    "replay_note": {
        "sv": "Övningsdatabas (rsp init --replay): tiderna är simulerade.",
        "en": "A replay database (rsp init --replay): its times are simulated.",
    },
}


def label(entry: Mapping[str, str], lang: str) -> str:
    """One entry's text in the wanted language, Swedish when it has none in that one."""
    return entry.get(lang) or entry["sv"]


def phrase(table: Mapping[Any, Mapping[str, str]], key: Any, lang: str, **values: object) -> str:
    """A phrase of a module's own table in the wanted language, its {fields} filled in; a
    count (the field `n`) with its thousands grouped ("3 065 dagar", "3,065 days")."""
    text = label(table[key], lang)
    n = values.get("n")
    if isinstance(n, int) and not isinstance(n, bool):
        values = {**values, "n": number(n, lang)}
        if n in (1, -1):
            text = one_day(text)
    return text.format(**values)


# A count of one takes the singular: "1 dag", "1 arbetsdag", "1 day", "1 working day".
_SINGULAR = (
    ("{n} arbetsdagar", "{n} arbetsdag"),
    ("{n} dagar", "{n} dag"),
    ("{n} working days", "{n} working day"),
    ("{n} days", "{n} day"),
)


def one_day(text: str) -> str:
    """A phrase about {n} days with the count's noun in the singular."""
    for many, one in _SINGULAR:
        text = text.replace(many, one)
    return text


THOUSANDS = "\u202f"  # narrow no-break space: "3 065" (Swedish); English uses a comma


def number(n: int, lang: str = "sv") -> str:
    """A whole number as a reader writes it: '3 065' in Swedish, '3,065' in English."""
    grouped = f"{n:,}"
    return grouped if lang == "en" else grouped.replace(",", THOUSANDS)


MONTH_NAMES = {
    "sv": (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


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
OUTCOME_LABELS: dict[str, dict[str, str]] = {
    "achieved": {"sv": "Uppnått", "en": "Achieved"},
    "partly": {"sv": "Delvis uppnått", "en": "Partly achieved"},
    "not": {"sv": "Ej uppnått", "en": "Not achieved"},
}
POSITION_LABELS: dict[str, dict[str, str]] = {
    "agrees": {"sv": "Tillstyrker", "en": "Agrees"},
    "comments": {"sv": "Har synpunkter", "en": "Has comments"},
    "no_comments": {"sv": "Inga synpunkter", "en": "No comments"},
}
APPEAL_OUTCOME_LABELS: dict[str, dict[str, str]] = {
    "upheld": {"sv": "Fastställt", "en": "Upheld"},
    "overturned": {"sv": "Upphävt", "en": "Overturned"},
}
ADMIN_LABEL: dict[str, str] = {"sv": "Administratör", "en": "Administrator"}
RESPONSIBLE_LABEL: dict[str, str] = {"sv": "Ansvarig aktör", "en": "Responsible body"}
