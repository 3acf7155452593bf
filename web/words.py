"""The words of the pages and the sign-in mail: the catalogue's `web.*` keys
(`process/core/catalogue/sv.py`, `en.py`), Swedish by default, English on request."""

from __future__ import annotations

from process.core.catalogue import LANGS, section
from process.core.words import phrase

__all__ = ["LANGS", "WORDS", "t"]

WORDS = section("web")


def t(key: str, lang: str, **values: object) -> str:
    """A word or phrase of the pages in the language (Swedish when it has none in that one)."""
    return phrase(WORDS, key, lang if lang in LANGS else "sv", **values)
