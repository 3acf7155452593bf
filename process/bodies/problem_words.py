"""The words of a data file's problems (bodies and plan files), English (the CLI's) and
Swedish (the browser's), and the places they name ("area 2 measure #3" → "område 2
insats #3"); field names stay as the file writes them."""

from __future__ import annotations

import re

from process.core.catalogue import section
from process.core.words import phrase

WORDS = section("bodies.problem")

PLACES = section("bodies.place")  # the file's own English words, in Swedish
_PLACE_WORD = re.compile(r"\b(file|plan|area|measure|goal|field|body)\b")


def say(key: str, lang: str, **values: object) -> str:
    """A problem's words in `lang` (English unless 'sv')."""
    return phrase(WORDS, key, "sv" if lang == "sv" else "en", **values)


def place(where: str, lang: str) -> str:
    """Where in the file, in `lang`: our own words translated, quoted field names kept."""
    if lang != "sv":
        return where
    parts = where.split("'")
    for i in range(0, len(parts), 2):  # outside quotes only
        parts[i] = _PLACE_WORD.sub(lambda m: PLACES[m[1]]["sv"], parts[i])
    return "'".join(parts)
