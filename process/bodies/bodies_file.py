"""Responsible bodies (ansvariga aktörer) from a bodies file, and the problem collector.

`Problems` gathers every problem of a data file as `{source}:{line}: {where}: {problem}`
and raises them together as one `DefinitionError`; the action plan parser uses it too.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from process.bodies.problem_words import place as place_words
from process.bodies.problem_words import say
from process.core import contact, yamlsrc
from process.core.errors import DefinitionError

BODY_KINDS = ("authority", "region", "municipality", "university", "business", "agency", "group")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_BODY_FIELDS = ("key", "name", "kind", "emails", "members")


@dataclass(frozen=True)
class Body:
    """A responsible body: reminders go to its addresses (and, for a group, its members')."""

    key: str
    name: str
    kind: str
    emails: tuple[str, ...]
    members: tuple[str, ...] = ()


class Problems:
    """Collects the problems of one source file; `check()` raises them all at once.

    A source that is not a text file (a workbook) names its places itself: `place` turns a
    "line" (a number standing for a cell) into "Åtgärder!C7"."""

    def __init__(
        self, source: str, place: Callable[[int], str] | None = None, lang: str = "en"
    ) -> None:
        self.source = source
        self.place = place
        self.lang = lang  # the command line's English, or the browser's Swedish
        self.items: list[tuple[int, str]] = []

    def add(self, line: int, where: str, problem: str) -> None:
        """Record one problem at a line."""
        at = self.place(line) if self.place else f"{self.source}:{line}"
        self.items.append((line, f"{at}: {place_words(where, self.lang)}: {problem}"))

    def say(self, key: str, **values: object) -> str:
        """A problem's words in this file's language."""
        return say(key, self.lang, **values)

    def _what(self, value: Any) -> str:
        return describe(value, self.lang)

    def field(self, name: str, problem: str) -> str:
        """ "field 'x': problem" in this file's language."""
        return self.say("field", name=name, problem=problem)

    def check(self) -> None:
        """Raise a DefinitionError listing every recorded problem in line order, if any."""
        if self.items:
            self.fail()

    def fail(self) -> NoReturn:
        """Raise a DefinitionError listing every recorded problem in line order."""
        raise DefinitionError([text for _, text in sorted(self.items, key=lambda x: x[0])])

    def mapping(self, value: Any, line: int, where: str) -> yamlsrc.Located | None:
        """The value if it is a mapping; otherwise record a problem and return None."""
        if isinstance(value, yamlsrc.Located):
            return value
        self.add(line, where, self.say("mapping", what=describe(value, self.lang)))
        return None

    def fields(
        self,
        m: yamlsrc.Located,
        where: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
        prefix: str = "",
    ) -> None:
        """Report unknown and missing fields of a mapping (named `prefix + key`)."""
        expected = ", ".join(sorted(allowed))
        for key in m:
            if key not in allowed:
                name = f"{prefix}{key}"
                self.add(
                    m.line_of(key), where, self.say("unknown_field", name=name, expected=expected)
                )
        for key in required:
            if key not in m:
                self.add(m.line, where, self.say("missing_field", name=f"{prefix}{key}"))

    def text(self, m: yamlsrc.Located, key: str, where: str, label: str | None = None) -> str:
        """A non-empty string field ('' when absent or bad; absence is reported by fields)."""
        if key not in m:
            return ""
        value = m[key]
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.add(m.line_of(key), where, self.field(label or key, _want_text(value, self.lang)))
        return ""

    def texts(
        self, m: yamlsrc.Located, key: str, where: str, *, nonempty: bool = True
    ) -> tuple[str, ...]:
        """A list of non-empty strings; each bad item is reported by its index."""
        if key not in m:
            return ()
        value = m[key]
        line = m.line_of(key)
        if not isinstance(value, list):
            self.add(line, where, self.field(key, self.say("not_list", what=self._what(value))))
            return ()
        if nonempty and not value:
            self.add(line, where, self.field(key, self.say("empty_list")))
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            else:
                self.add(line, where, self.field(f"{key}[{i}]", _want_text(item, self.lang)))
        return tuple(out)

    def items_of(
        self, m: yamlsrc.Located, key: str, where: str, *, nonempty: bool = False
    ) -> list[Any]:
        """A list field's items ([] when absent or not a list, which is reported)."""
        if key not in m:
            return []
        value = m[key]
        if not isinstance(value, list):
            problem = self.field(key, self.say("not_list", what=self._what(value)))
            self.add(m.line_of(key), where, problem)
            return []
        if nonempty and not value:
            self.add(m.line_of(key), where, self.field(key, self.say("empty_list")))
        return value

    def number(self, m: yamlsrc.Located, key: str, where: str) -> int:
        """A positive whole-number field (0 when absent or bad)."""
        value = m.get(key)
        if key not in m or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
            return value or 0
        self.add(
            m.line_of(key), where, self.field(key, self.say("not_number", what=self._what(value)))
        )
        return 0

    def date(
        self, m: yamlsrc.Located, key: str, where: str, label: str | None = None
    ) -> datetime.date | None:
        """A YYYY-MM-DD field (None when absent or bad)."""
        if key not in m:
            return None
        value = m[key]
        if isinstance(value, str) and DATE_RE.match(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.add(m.line_of(key), where, self.field(label or key, self.say("not_date", value=value)))
        return None


def unknown(kind: str, value: str, known: Iterable[str], lang: str = "en") -> str:
    """The text "unknown body 'x'", with a suggestion when a known name is close."""
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = say("did_you_mean", lang, name=close[0]) if close else ""
    return say("unknown", lang, kind=say(kind, lang), value=value) + hint


def describe(value: Any, lang: str = "en") -> str:
    """How a wrong value is named in a message ("a number (1.1)", "empty")."""
    if value is None:
        return say("empty", lang)
    if isinstance(value, bool):
        return say("yes_no", lang, value=value)
    if isinstance(value, int | float):
        return say("a_number", lang, value=value)
    if isinstance(value, list):
        return say("a_list", lang)
    if isinstance(value, dict):
        return say("a_mapping", lang)
    return f"{value!r}"


def _want_text(value: Any, lang: str = "en") -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return say("quote_it", lang, what=describe(value, lang), value=value)
    if isinstance(value, str):
        return say("not_empty", lang)
    return say("not_text", lang, what=describe(value, lang))


def parse_bodies(data: Any, source: str) -> list[Body]:
    """Validate parsed bodies data (`bodies: [...]`); all problems raise one DefinitionError."""
    p = Problems(source)
    top = p.mapping(data, 1, "file")
    if top is None:
        p.fail()
    p.fields(top, "file", ("bodies",), ("bodies",))
    entries: list[tuple[yamlsrc.Located, Body]] = []
    lines: dict[str, int] = {}
    for i, raw in enumerate(p.items_of(top, "bodies", "file")):
        m = p.mapping(raw, top.line_of("bodies"), f"body #{i + 1}")
        if m is None:
            continue
        key = m.get("key")
        where = f"body {key}" if isinstance(key, str) and key else f"body #{i + 1}"
        p.fields(m, where, _BODY_FIELDS, ("key", "name", "kind"))
        key = p.text(m, "key", where)
        if key and not KEY_RE.match(key):
            p.add(
                m.line_of("key"), where, f"field 'key': {key!r} must be lowercase a-z, 0-9, _ or -"
            )
        elif key in lines:
            p.add(m.line_of("key"), where, f"duplicate key {key!r} (first on line {lines[key]})")
        elif key:
            lines[key] = m.line_of("key")
        kind = p.text(m, "kind", where)
        if kind and kind not in BODY_KINDS:
            p.add(
                m.line_of("kind"),
                where,
                f"field 'kind': {kind!r} is not one of {', '.join(BODY_KINDS)}",
            )
        emails = p.texts(m, "emails", where, nonempty=kind != "group")
        if "emails" not in m and kind != "group":
            p.add(m.line, where, "missing field 'emails' (at least one address)")
        for j, address in enumerate(emails):
            problem = contact.address_problem(address)
            if problem:
                p.add(m.line_of("emails"), where, f"field 'emails[{j}]': {address!r} {problem}")
        members = p.texts(m, "members", where)
        if kind == "group" and "members" not in m:
            p.add(m.line, where, "missing field 'members' (a group lists its members)")
        elif kind and kind != "group" and "members" in m:
            p.add(m.line_of("members"), where, "field 'members': only a group has members")
        name = p.text(m, "name", where)
        if name and (problem := contact.name_problem(name)):
            p.add(m.line_of("name"), where, f"field 'name': {name!r} {problem}")
        body = Body(key, name, kind, emails, members)
        entries.append((m, body))
    kinds = {body.key: body.kind for _, body in entries}
    for m, body in entries:
        for j, member in enumerate(body.members):
            problem = None
            if member == body.key:
                problem = "a group cannot be its own member"
            elif member not in kinds:
                problem = "is not a body in this file"
            elif kinds[member] == "group":
                problem = "is itself a group; list its members instead"
            if problem:
                p.add(
                    m.line_of("members"),
                    f"body {body.key}",
                    f"field 'members[{j}]': {member!r} {problem}",
                )
    p.check()
    return [body for _, body in entries]


def load_bodies(path: Path | str) -> list[Body]:
    """Read and validate a bodies file."""
    data, _raw = yamlsrc.load(path)
    return parse_bodies(data, str(path))
