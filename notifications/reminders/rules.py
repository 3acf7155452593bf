"""Reminder rules as data: load and validate a `reminders:` file (every problem as
`file:line: problem`, all at once) into plain values.

    reminders:
      send_at: "08:00"          # Stockholm time, on working days
      catch_up_days: 7          # a reminder missed while nothing ran is sent if this fresh
      measures:
        working_days: move_to_next    # a deadline on a non-working day moves (1930:173)
        rules:
          - {id: before_14, days_before: 14}
          - {id: on_day, days_before: 0}
          - {id: overdue_weekly, every_days_overdue: 7, max_times: 26}
      milestones:
        working_days: as_is
        cc: [milestone_cc]            # besides the roles that act on the milestone: the
                                      # roles holding a capability, or roles by name
        rules:
          - {id: before_14, days_before: 14}
      remiss:                         # consulted bodies that have not answered yet
        rules:
          - {id: before_14, days_before: 14}
          - {id: overdue_weekly, every_days_overdue: 7, max_times: 2}
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from process.core.errors import DefinitionError
from process.core.workdays import next_working_day

SECTIONS = {"measures": "measure", "milestones": "milestone", "remiss": "remiss"}
WORKING_DAYS = ("move_to_next", "as_is")
TOP_KEYS = {"send_at", "catch_up_days", *SECTIONS}
SECTION_KEYS = {"working_days", "rules", "cc", "cc_roles"}
RULE_KEYS = {"id", "days_before", "every_days_overdue", "max_times"}
ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
MAX_DAYS = 366


@dataclass(frozen=True)
class Rule:
    """One reminder: `days_before` a deadline (0 = on the day), or every N days overdue."""

    id: str
    days_before: int | None = None
    every_days_overdue: int | None = None
    max_times: int | None = None

    @property
    def overdue(self) -> bool:
        """True for the repeating rule that reminds while a deadline has passed."""
        return self.every_days_overdue is not None


@dataclass(frozen=True)
class KindRules:
    """The rules for one kind of deadline (measures or milestones)."""

    kind: str
    working_days: str
    rules: tuple[Rule, ...]
    cc_roles: tuple[str, ...] = ()
    line: int = 0

    def deadline(self, due: dt.date) -> dt.date:
        """The deadline that counts: moved to the next working day if the rules say so."""
        if self.working_days == "move_to_next":
            return next_working_day(due)
        return due

    def key(self, rule: Rule) -> str:
        """The rule's id as stored in the outbox, e.g. 'measure.before_7'."""
        return f"{self.kind}.{rule.id}"

    def horizon_days(self) -> int:
        """How many days before a deadline its first reminder can come."""
        return max((r.days_before or 0 for r in self.rules), default=0)


@dataclass(frozen=True)
class Rules:
    """A whole reminder configuration."""

    source: str
    send_at: dt.time
    catch_up_days: int
    kinds: dict[str, KindRules]

    def for_kind(self, kind: str) -> KindRules | None:
        """The rules for one kind of deadline item, if the file has any."""
        return self.kinds.get(kind)


def default_path() -> Path:
    """The bundled rules, used by a programme that has none of its own."""
    import workflows

    return workflows.HERE / "reminders.yaml"


def load_rules(path: Path | str | None = None) -> Rules:
    """Load and validate a rules file (default: the bundled one)."""
    from process.core import yamlsrc

    p = Path(path) if path else default_path()
    data, _raw = yamlsrc.load(p)
    return parse_rules(data, str(p))


def _line(node: Any, key: str | None = None) -> int:
    if key is not None and hasattr(node, "line_of"):
        return int(node.line_of(key))
    return int(getattr(node, "line", 0) or 1)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[tuple[int, str]] = []

    def add(self, line: int, text: str) -> None:
        self.problems.append((line, f"{self.source}:{line}: {text}"))

    def unknown(self, node: dict, allowed: set[str], where: str) -> None:
        for k in node:
            if k not in allowed:
                self.add(
                    _line(node, k),
                    f"{where}: unknown field {k!r} (known: {', '.join(sorted(allowed))})",
                )

    def number(self, node: dict, key: str, where: str, low: int, high: int) -> int | None:
        if key not in node:
            return None
        value = node[key]
        if not _whole(value) or not low <= value <= high:
            self.add(
                _line(node, key),
                f"{where}: '{key}' must be a whole number from {low} to {high}, not {value!r}",
            )
            return None
        return int(value)

    def rule(self, node: Any, where: str, line: int) -> Rule | None:
        if not isinstance(node, dict):
            self.add(
                line,
                f"{where}: a rule must be a mapping like {{id: before_7, "
                f"days_before: 7}}, not {node!r}",
            )
            return None
        self.unknown(node, RULE_KEYS, where)
        rid = node.get("id")
        if "id" not in node:
            self.add(_line(node), f"{where}: 'id' is missing (a name like before_7)")
        elif not isinstance(rid, str) or not ID_RE.match(rid):
            self.add(
                _line(node, "id"),
                f"{where}: 'id' must be a lower-case name like before_7, not {rid!r}",
            )
        if not isinstance(rid, str) or not ID_RE.match(rid):
            rid = None
        where = f"{where} {rid}" if rid else where
        before = self.number(node, "days_before", where, 0, MAX_DAYS)
        every = self.number(node, "every_days_overdue", where, 1, MAX_DAYS)
        times = self.number(node, "max_times", where, 1, 1000)
        has_before, has_every = "days_before" in node, "every_days_overdue" in node
        if has_before == has_every:
            self.add(
                _line(node),
                f"{where}: give exactly one of 'days_before' (0 = on the "
                "day) and 'every_days_overdue'",
            )
        if "max_times" in node and not has_every:
            self.add(
                _line(node, "max_times"),
                f"{where}: 'max_times' only goes with 'every_days_overdue'",
            )
        if rid is None:
            return None
        return Rule(rid, before, every, times)

    def section(self, data: dict, name: str) -> KindRules | None:
        node = data[name]
        where = name
        if not isinstance(node, dict):
            self.add(_line(data, name), f"{where}: must be a mapping with 'rules'")
            return None
        self.unknown(node, SECTION_KEYS, where)
        policy = node.get("working_days", "as_is")
        if policy not in WORKING_DAYS:
            self.add(
                _line(node, "working_days"),
                f"{where}: 'working_days' must be one of {', '.join(WORKING_DAYS)}, not {policy!r}",
            )
        cc: list[str] = []
        for key in ("cc", "cc_roles"):  # cc_roles: the name of release 0.1
            given = node.get(key, [])
            if not isinstance(given, list) or not all(
                isinstance(r, str) and ID_RE.match(r) for r in given
            ):
                self.add(
                    _line(node, key),
                    f"{where}: '{key}' must be a list of capability or role names, not {given!r}",
                )
            elif given and SECTIONS[name] != "milestone":
                self.add(
                    _line(node, key),
                    f"{where}: '{key}' applies to milestones only (a "
                    "measure's recipients are its responsible bodies)",
                )
            else:
                cc += given
        items = node.get("rules")
        if not isinstance(items, list) or not items:
            self.add(
                _line(node, "rules") if "rules" in node else _line(node),
                f"{where}: 'rules' must be a non-empty list",
            )
            items = []
        rules: list[Rule] = []
        seen: dict[str, int] = {}
        for item in items:
            line = _line(item) if isinstance(item, dict) else _line(node, "rules")
            rule = self.rule(item, f"{where} rule", line)
            if rule is None:
                continue
            if rule.id in seen:
                self.add(
                    line, f"{where}: duplicate rule id {rule.id!r} (first on line {seen[rule.id]})"
                )
                continue
            seen[rule.id] = line
            rules.append(rule)
        overdue = [r for r in rules if r.overdue]
        if len(overdue) > 1:
            self.add(_line(node, "rules"), f"{where}: at most one 'every_days_overdue' rule")
        offsets = [r.days_before for r in rules if r.days_before is not None]
        if len(offsets) != len(set(offsets)):
            self.add(
                _line(node, "rules"),
                f"{where}: two rules remind the same number of days before the deadline",
            )
        return KindRules(SECTIONS[name], str(policy), tuple(rules), tuple(cc), _line(node))


def parse_rules(data: Any, source: str) -> Rules:
    """Validate parsed YAML as reminder rules; raise DefinitionError listing every problem."""
    check = _Checker(source)
    top = data.get("reminders") if isinstance(data, dict) else None
    if not isinstance(top, dict):
        raise DefinitionError(
            [
                f"{source}:{_line(data)}: a reminder rules file must be a "
                "mapping with a 'reminders:' section"
            ]
        )
    if isinstance(data, dict):
        check.unknown(data, {"reminders"}, "top level")
    check.unknown(top, TOP_KEYS, "reminders")
    send_at = dt.time(8, 0)
    raw_time = top.get("send_at", "08:00")
    match = TIME_RE.match(str(raw_time)) if isinstance(raw_time, str) else None
    if match is None:
        check.add(
            _line(top, "send_at"),
            f"reminders: 'send_at' must be a time like \"08:00\" (quoted), not {raw_time!r}",
        )
    else:
        send_at = dt.time(int(match.group(1)), int(match.group(2)))
    catch_up = check.number(top, "catch_up_days", "reminders", 0, MAX_DAYS)
    kinds: dict[str, KindRules] = {}
    for name in SECTIONS:
        if name in top:
            section = check.section(top, name)
            if section is not None:
                kinds[section.kind] = section
    if not any(name in top for name in SECTIONS):
        check.add(
            _line(top), "reminders: give at least one of " + ", ".join(f"'{n}'" for n in SECTIONS)
        )
    if check.problems:
        raise DefinitionError([text for _line_no, text in sorted(check.problems)])
    return Rules(source, send_at, 7 if catch_up is None else catch_up, kinds)


def check_roles(rules: Rules, roles: set[str]) -> None:
    """Refuse a milestone `cc` that is neither a capability nor a role of the programme."""
    from process.access.capabilities import ALL

    kind = rules.for_kind("milestone")
    if kind is None:
        return
    unknown = [r for r in kind.cc_roles if r not in roles and r not in ALL]
    if unknown:
        raise DefinitionError(
            [
                f"{rules.source}:{kind.line}: milestones: cc: unknown "
                f"role(s) {', '.join(unknown)} (this programme's roles: "
                f"{', '.join(sorted(roles))}; or a capability such as "
                "milestone_cc)"
            ]
        )
