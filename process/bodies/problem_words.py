"""The words of a data file's problems (bodies and plan files), English (the CLI's) and
Swedish (the browser's), and the places they name ("area 2 measure #3" → "område 2
insats #3"); field names stay as the file writes them."""

from __future__ import annotations

import re

from process.core.words import phrase

WORDS: dict[str, dict[str, str]] = {
    "mapping": {
        "en": "must be a mapping (key: value), not {what}",
        "sv": "måste vara en tabell (nyckel: värde), inte {what}",
    },
    "unknown_field": {
        "en": "unknown field {name!r}; expected one of {expected}",
        "sv": "okänt fält {name!r}; möjliga fält: {expected}",
    },
    "missing_field": {"en": "missing field '{name}'", "sv": "fältet '{name}' saknas"},
    "field": {"en": "field {name!r}: {problem}", "sv": "fältet {name!r}: {problem}"},
    "not_list": {"en": "must be a list, not {what}", "sv": "måste vara en lista, inte {what}"},
    "empty_list": {"en": "must list at least one entry", "sv": "måste ha minst en rad"},
    "not_number": {
        "en": "must be a positive whole number, not {what}",
        "sv": "måste vara ett positivt heltal, inte {what}",
    },
    "not_date": {
        "en": "{value!r} is not a date (YYYY-MM-DD)",
        "sv": "{value!r} är inget datum (ÅÅÅÅ-MM-DD)",
    },
    "quote_it": {
        "en": 'must be text, not {what}; quote it: "{value}"',
        "sv": 'måste vara text, inte {what}; skriv det inom citattecken: "{value}"',
    },
    "not_empty": {"en": "must not be empty", "sv": "får inte vara tomt"},
    "not_text": {"en": "must be text, not {what}", "sv": "måste vara text, inte {what}"},
    "empty": {"en": "empty", "sv": "tomt"},
    "yes_no": {"en": "a yes/no value ({value})", "sv": "ett ja/nej-värde ({value})"},
    "a_number": {"en": "a number ({value})", "sv": "ett tal ({value})"},
    "a_list": {"en": "a list", "sv": "en lista"},
    "a_mapping": {"en": "a mapping", "sv": "en tabell"},
    "unknown": {"en": "unknown {kind} {value!r}", "sv": "{kind} {value!r} finns inte"},
    "did_you_mean": {"en": "; did you mean {name!r}?", "sv": "; menade du {name!r}?"},
    "body": {"en": "body", "sv": "aktören"},
    "goal": {"en": "goal", "sv": "målet"},
    # the action plan's own checks
    "not_in_bodies": {"en": " (not in the bodies file)", "sv": " (finns inte bland aktörerna)"},
    "goal_form": {"en": "<area>.<number>, e.g. 1.1", "sv": "<område>.<nummer>, t.ex. 1.1"},
    "measure_form": {"en": "<area>.<LETTER>, e.g. 2.B", "sv": "<område>.<BOKSTAV>, t.ex. 2.B"},
    "id_form": {"en": "{ident!r} must be {form}", "sv": "{ident!r} ska skrivas {form}"},
    "id_area": {
        "en": "{ident!r} must start with '{number}.' (area {number})",
        "sv": "{ident!r} ska börja med '{number}.' (område {number})",
    },
    "duplicate_id": {
        "en": "duplicate {kind} id {ident!r} (first on line {first})",
        "sv": "id {ident!r} finns redan (första gången på rad {first})",
    },
    "before_year": {
        "en": "{date} is before the plan year {year}",
        "sv": "{date} ligger före planens år {year}",
    },
    "after_year": {
        "en": "{date} is more than a year after the plan year {year}",
        "sv": "{date} ligger mer än ett år efter planens år {year}",
    },
    "plans_goals": {"en": " (the plan's goals: {goals})", "sv": " (planens mål: {goals})"},
    "listed_twice": {"en": "{body!r} is listed twice", "sv": "{body!r} står två gånger"},
    "year_asked": {
        "en": "the plan is for {plan_year}, not {year} as asked",
        "sv": "planen gäller {plan_year}, inte {year} som angavs",
    },
    "starts_year": {
        "en": "{starts} is not in the plan year {plan_year}",
        "sv": "{starts} ligger inte i planens år {plan_year}",
    },
    "duplicate_area": {
        "en": "duplicate area number {number} (first on line {first})",
        "sv": "områdesnummer {number} finns redan (första gången på rad {first})",
    },
}

_PLACES_SV = {
    "file": "filen",
    "plan": "planen",
    "area": "område",
    "measure": "insats",
    "goal": "mål",
    "field": "fältet",
    "body": "aktör",
}
_PLACE_WORD = re.compile(r"\b(" + "|".join(_PLACES_SV) + r")\b")


def say(key: str, lang: str, **values: object) -> str:
    """A problem's words in `lang` (English unless 'sv')."""
    return phrase(WORDS, key, "sv" if lang == "sv" else "en", **values)


def place(where: str, lang: str) -> str:
    """Where in the file, in `lang`: our own words translated, quoted field names kept."""
    if lang != "sv":
        return where
    parts = where.split("'")
    for i in range(0, len(parts), 2):  # outside quotes only
        parts[i] = _PLACE_WORD.sub(lambda m: _PLACES_SV[m[1]], parts[i])
    return "'".join(parts)
