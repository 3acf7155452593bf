"""Every word rsp says, one catalogue per language: `sv.py` (Swedish, the default) and
`en.py` (English), each a flat mapping from a namespaced key (`web.nav.main`,
`daemon.stopped`, `report.milestones`) to its text.

`say(key, lang, **values)` is the one lookup: the text in the wanted language (Swedish
when that language has no such word, or is not one rsp speaks), its `{fields}` filled in,
a count (the field `n`) with its thousands grouped ("3 065 dagar", "3,065 days") and its
noun in the singular for one ("1 dag", "1 day").

The same text in several places has one key: `same.py` names, for each key the code asks
for, the shared key (`common.*`) it reads. A module with many words sees its part of the
catalogue as a `section` (`section("web")["nav.main"]` is the entry `web.nav.main`); an
`entry` is one word in every language (a read-only mapping `{"sv": ..., "en": ...}`), and
`Lines` a fixed run of numbered words (the months). A catalogue is loaded the first time
a word of its language is asked for: English only when English is.

A translator changes a word in `sv.py` or `en.py`; a new language is a copy of `en.py`
as `<code>.py` with its texts translated and its code added to `LANGS`
(tests/unit/test_catalogue.py checks that every catalogue has the same keys and fills in
the same `{fields}`).
"""

from __future__ import annotations

import importlib
from collections.abc import ItemsView, Iterator, KeysView, Mapping, Sequence, ValuesView
from typing import Any

LANGS: tuple[str, ...] = ("sv", "en")
DEFAULT = "sv"

_LOADED: dict[str, Mapping[str, str]] = {}
_SAME: dict[str, str] | None = None


def words(lang: str) -> Mapping[str, str]:
    """One language's catalogue (loaded on first use); Swedish for a language rsp lacks."""
    if lang not in LANGS:
        lang = DEFAULT
    table = _LOADED.get(lang)
    if table is None:
        table = _LOADED[lang] = importlib.import_module(f"{__name__}.{lang}").WORDS
    return table


def shared() -> Mapping[str, str]:
    """The keys the code asks for whose text is a shared (`common.*`) key's."""
    global _SAME
    if _SAME is None:
        from process.core.catalogue.same import SAME

        _SAME = SAME
    return _SAME


def key_of(key: str) -> str:
    """The catalogue key that holds `key`'s text (itself, or the shared key)."""
    return shared().get(key, key)


def text(key: str, lang: str = DEFAULT) -> str:
    """A key's text as written in the catalogue, unfilled: the wanted language's, or the
    Swedish one when that language has none (KeyError for a key no catalogue has)."""
    key = key_of(key)
    found = words(lang).get(key)
    return found if found is not None else words(DEFAULT)[key]


def say(key: str, lang: str = DEFAULT, **values: object) -> str:
    """The one lookup: a key's text in `lang`, its {fields} filled in (see the module)."""
    return fill(text(key, lang), lang, values)


def fill(text: str, lang: str, values: Mapping[str, object]) -> str:
    """A text's {fields} filled in; a count `n` grouped, and its noun singular for one."""
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


def number(n: int, lang: str = DEFAULT) -> str:
    """A whole number as a reader writes it: '3 065' in Swedish, '3,065' in English."""
    grouped = f"{n:,}"
    return grouped if lang == "en" else grouped.replace(",", THOUSANDS)


class _View(dict):  # type: ignore[type-arg]
    """A read-only mapping over the catalogues that holds nothing itself. A `dict` (so
    code and tests that look for word tables as dicts find it), every read is its own."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, key: Any) -> Any:  # pragma: no cover - each view has its own
        raise KeyError(key)

    def __iter__(self) -> Iterator[Any]:  # pragma: no cover
        return iter(())

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> KeysView[Any]:  # type: ignore[override]
        return KeysView(self)

    def items(self) -> ItemsView[Any, Any]:  # type: ignore[override]
        return ItemsView(self)

    def values(self) -> ValuesView[Any]:  # type: ignore[override]
        return ValuesView(self)

    def copy(self) -> dict[Any, Any]:
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __bool__(self) -> bool:
        return True

    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(f"{self!r} is read-only: change the words in the catalogue")

    __setitem__ = __delitem__ = _read_only
    update = setdefault = pop = popitem = clear = __ior__ = _read_only  # type: ignore[assignment]


class Entry(_View):
    """One word in every language, read from the catalogues: `entry["en"]`."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGS:
            raise KeyError(lang)
        return text(self.key, lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)

    def __repr__(self) -> str:
        return f"entry({self.key!r})"


def entry(key: str) -> Entry:
    """One word of the catalogue in every language."""
    return Entry(key)


class Section(_View):
    """The words of one namespace (`web`, `daemon`), by their key inside it."""

    __slots__ = ("prefix", "_keys", "_known")

    def __init__(self, name: str) -> None:
        super().__init__()
        self.prefix = name + "."
        self._keys: tuple[str, ...] = ()
        self._known: frozenset[str] | None = None

    def keys_inside(self) -> tuple[str, ...]:
        """The keys inside the section, in the Swedish catalogue's order."""
        if self._known is None:
            p = self.prefix
            found = [k for k in words(DEFAULT) if k.startswith(p)]
            found += [k for k in shared() if k.startswith(p)]
            self._keys = tuple(k[len(p) :] for k in found)
            self._known = frozenset(self._keys)
        return self._keys

    def __contains__(self, key: object) -> bool:
        if self._known is None:
            self.keys_inside()
        assert self._known is not None
        return key in self._known

    def __getitem__(self, key: str) -> Entry:
        if key not in self:
            raise KeyError(key)
        return Entry(self.prefix + key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_inside())

    def __len__(self) -> int:
        return len(self.keys_inside())

    def __repr__(self) -> str:
        return f"section({self.prefix[:-1]!r})"


def section(name: str) -> Section:
    """The words whose keys begin with `name.`, by the rest of their key."""
    return Section(name)


class Lines(Mapping[str, tuple[str, ...]]):
    """A run of numbered words (`date.month.1` … `date.month.12`) per language:
    `Lines("date.month", 12)["sv"][0] == "januari"`."""

    __slots__ = ("name", "count")

    def __init__(self, name: str, count: int) -> None:
        self.name, self.count = name, count

    def keys_inside(self) -> Sequence[str]:
        return [f"{self.name}.{i}" for i in range(1, self.count + 1)]

    def __getitem__(self, lang: str) -> tuple[str, ...]:
        if lang not in LANGS:
            raise KeyError(lang)
        return tuple(text(k, lang) for k in self.keys_inside())

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)
