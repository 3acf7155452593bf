"""Swedish in as well as out: a value typed by a person, matched to its key.

Every state, trigger, outcome, position, role and capability has a key (`planned`,
`agrees`, `working_group`) and labels (`Planerad`, `Tillstyrker`, `Arbetsgrupp (Näringsliv
och samhällsbyggnad)`). A person may type either, in any case: the key, a label in any
language, or a label's head without the part in brackets (`arbetsgrupp`), or the part in
brackets (`Service-Z`), or a label's first words (`delvis`), or a one-word label in
another inflection (`pågående` for `Pågår`). `-`, `_` and spaces count alike. A value
that matches nothing, or more than one key, is refused with the accepted values in the
reader's language.

The language of such messages is the caller's (`--lang`, RSP_LANG, the browser's choice):
each entry point sets it with `use_language`; it defaults to Swedish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from contextvars import ContextVar

from process.core.catalogue import section
from process.core.errors import InvalidInput

Labels = Mapping[str, str]
Entries = Iterable[tuple[str, Labels]]

_LANG: ContextVar[str] = ContextVar("rsp_message_language", default="sv")

_WORDS = section("vocab")


def use_language(lang: str) -> None:
    """Set the language of the messages that list accepted values (sv or en)."""
    _LANG.set(lang if lang in ("sv", "en") else "sv")


def language() -> str:
    """The language set by `use_language` (Swedish by default)."""
    return _LANG.get()


def normal(text: str) -> str:
    """Case, surrounding space, runs of space and the `-`/`_` difference ignored."""
    return re.sub(r"[\s_-]+", " ", text).strip().casefold()


def _forms(key: str, labels: Labels) -> set[str]:
    forms = {normal(key)}
    for text in labels.values():
        if not text:
            continue
        forms.add(normal(text))
        head = re.sub(r"\s*\(.*?\)\s*", " ", text)
        if head.strip() and head.strip() != text:
            forms.add(normal(head))
        forms.update(normal(inner) for inner in re.findall(r"\(([^()]+)\)", text))
    forms.discard("")
    return forms


def _label(labels: Labels, lang: str) -> str:
    return labels.get(lang) or labels.get("sv") or next(iter(labels.values()), "")


def accepted(entries: Entries, lang: str | None = None) -> str:
    """The accepted values for a message: `Planerad (planned), Pågår (ongoing), …`."""
    lang = lang or language()
    shown = []
    for key, labels in entries:
        text = _label(labels, lang)
        shown.append(
            key if not text else text if normal(text) == normal(key) else f"{text} ({key})"
        )
    return ", ".join(shown) if shown else _WORDS["none"][lang]


def key_of(text: str, entries: Entries) -> str | None:
    """The key `text` names (by key, or by label), None if none or several."""
    keys = _matches(text, list(entries))
    return keys[0] if len(keys) == 1 else None


# Swedish word endings, longest first: 'pågående' and 'Pågår', 'planerat' and 'Planerad',
# 'inställt' and 'Inställd' share a stem. Only a one-word value that names no key or label
# is matched by its stem, and only when exactly one key has that stem.
_ENDINGS = ("ende", "ande", "ade", "en", "et", "ad", "at", "ar", "er", "r", "d", "t", "e")


def stem(word: str) -> str:
    """A one-word value without its Swedish inflection ending (kept 4 letters at least)."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _matches(text: str, entries: list[tuple[str, Labels]]) -> list[str]:
    wanted = normal(text)
    exact = [key for key, _labels in entries if normal(key) == wanted]
    if exact:
        return exact[:1]
    found = [key for key, labels in entries if wanted in _forms(key, labels)]
    if found:
        return found
    # the first words of a label ('delvis' for 'Delvis uppnått', 'överförd' for 'Överförd
    # till nästa års plan'), when they begin one key's label only
    heads = [
        key
        for key, labels in entries
        if any(f.startswith(wanted + " ") for f in _forms(key, labels))
    ]
    if heads or " " in wanted:
        return heads if len(heads) == 1 else []
    root = stem(wanted)
    by_stem = [
        key
        for key, labels in entries
        if root in {stem(f) for f in _forms(key, labels) if " " not in f}
    ]
    return by_stem if len(by_stem) == 1 else []


def resolve(text: str, entries: Entries, what: str, lang: str | None = None) -> str:
    """The key `text` names, or InvalidInput listing the accepted values (in `lang`,
    default the language set by `use_language`)."""
    lang = lang or language()
    items = list(entries)
    keys = _matches(text, items)
    if len(keys) == 1:
        return keys[0]
    if keys:
        raise InvalidInput(
            _WORDS["ambiguous"][lang].format(
                what=what, text=text, accepted=accepted([e for e in items if e[0] in keys], lang)
            )
        )
    raise InvalidInput(
        _WORDS["unknown"][lang].format(what=what, text=text, accepted=accepted(items, lang))
    )


def plain(keys: Iterable[str]) -> list[tuple[str, Labels]]:
    """Keys without labels, as entries (e.g. `admin`)."""
    return [(k, {}) for k in keys]
