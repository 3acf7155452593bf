"""Workflow definitions: load a YAML file, validate it, and keep it as plain values.

Every problem is reported as `file:line: problem`, all of them at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from process.access.capabilities import ADMIN, ADMINISTER
from process.access.capabilities import ALL as ALL_CAPABILITIES
from process.core import diary_numbers, vocab
from process.core.clock import FIRST_YEAR, LAST_YEAR
from process.core.decision_refs import DiaryForm
from process.core.errors import DefinitionError
from process.core.words import ADMIN_LABEL
from process.workflow import guards

NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
RESERVED_ROLES = {"admin"}
TOP_KEYS = {
    "workflow",
    "name",
    "version",
    "roles",
    "capabilities",
    "measure_workflow",
    "diary_numbers",
    "initial",
    "states",
    "triggers",
}
STATE_KEYS = {"name", "label", "planned", "final"}
TRIGGER_KEYS = {"name", "label", "from", "to", "roles", "guards", "decision", "marks"}
# Marks: a trigger that records more than the stage is fired by its own service, which
# finds it by its mark (so a region names its triggers as it likes).
MARKS = {
    "opens_remiss": "rsp remiss open BODY... [--reply-by DATE]",
    "closes_remiss": "rsp remiss close",
    "follows_up": "rsp followup record CODE --year YEAR --outcome … -m …",
    "carries_over": "rsp plan rollover YEAR NEXT-YEAR",
}
LEGACY_MARKS = {
    "open_remiss": "opens_remiss",
    "compile_remiss": "closes_remiss",
    "follow_up": "follows_up",
    "carry_over": "carries_over",
}


def own_service(mark: str) -> str:
    """How a user fires a marked trigger, for messages."""
    return f"use '{MARKS[mark]}'" if mark in MARKS else f"it is fired by its own service ({mark})"


def command_for(t: TriggerDef) -> str:
    """The command that fires a trigger: its mark's own, or `rsp advance NAME`."""
    return MARKS[t.marks[0]] if t.marks and t.marks[0] in MARKS else f"rsp advance {t.name}"


@dataclass(frozen=True)
class StateDef:
    name: str
    label: dict[str, str]
    planned: dt.date | None
    final: bool


@dataclass(frozen=True)
class TriggerDef:
    name: str
    label: dict[str, str]
    sources: tuple[str, ...]
    dest: str
    roles: tuple[str, ...]
    guards: tuple[str, ...]
    decision: bool
    marks: tuple[str, ...] = ()

    @property
    def repeats(self) -> bool:
        """True when the trigger records an event without changing the state."""
        return self.sources == (self.dest,)


@dataclass(frozen=True)
class Definition:
    key: str
    name: dict[str, str]
    version: int
    roles: dict[str, dict[str, str]]
    initial: str
    states: tuple[StateDef, ...]
    triggers: tuple[TriggerDef, ...]
    source: str
    content_hash: str
    # capability → the roles that hold it (see process.access.capabilities); a programme's
    # process declares every one, a measure workflow none
    capabilities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the workflow of the programme's measures: a file beside this one (None: the bundled)
    measure_workflow: str | None = None
    # the region's own way of writing diary numbers (tried before the common forms)
    diary_pattern: str | None = None
    diary_example: str | None = None

    @property
    def diary_form(self) -> DiaryForm:
        """How this programme's decision references write their diary numbers."""
        return DiaryForm(self.diary_pattern, self.diary_example)

    def state(self, name: str) -> StateDef:
        return next(s for s in self.states if s.name == name)

    def trigger(self, name: str) -> TriggerDef | None:
        return next((t for t in self.triggers if t.name == name), None)

    def triggers_from(self, state: str) -> list[TriggerDef]:
        return [t for t in self.triggers if state in t.sources]

    def trigger_key(self, text: str) -> str:
        """The trigger `text` names, by its name or its label in any case (Swedish in as
        well as out); `text` itself when none does (the engine then refuses it)."""
        if self.trigger(text) is not None:
            return text
        return vocab.key_of(text, ((t.name, t.label) for t in self.triggers)) or text

    def state_entries(self) -> list[tuple[str, dict[str, str]]]:
        """The states as (key, labels), for matching what a person typed."""
        return [(s.name, s.label) for s in self.states]

    def role_entries(self) -> list[tuple[str, Mapping[str, str]]]:
        """The roles as (key, labels), the administrator's included."""
        return [*self.roles.items(), (ADMIN, ADMIN_LABEL)]

    def role_key(self, text: str | None) -> str | None:
        """The role `text` names, by key or label (e.g. 'arbetsgrupp'); InvalidInput
        listing the programme's roles (in the reader's language) when none does."""
        if text is None or text in self.roles or text == ADMIN:
            return text
        return vocab.resolve(text, self.role_entries(), "--as")

    def marked(self, mark: str, state: str | None = None) -> TriggerDef | None:
        """The trigger that carries a mark (e.g. opens_remiss): the one possible from
        `state` when several do (two remiss rounds), else the first."""
        found = [t for t in self.triggers if mark in t.marks]
        if state is not None:
            found = [t for t in found if state in t.sources] or found
        return found[0] if found else None

    def to_json(self) -> str:
        """Serialise for storage in the database (dates as ISO strings)."""
        return json.dumps(asdict(self), default=str, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Definition:
        d = json.loads(text)
        states = tuple(
            StateDef(
                name=s["name"],
                label=s["label"],
                planned=dt.date.fromisoformat(s["planned"]) if s["planned"] else None,
                final=s["final"],
            )
            for s in d["states"]
        )
        triggers = tuple(
            TriggerDef(
                name=t["name"],
                label=t["label"],
                sources=tuple(t["sources"]),
                dest=t["dest"],
                roles=tuple(t["roles"]),
                guards=tuple(t["guards"]),
                decision=t["decision"],
                marks=tuple(t["marks"])
                if "marks" in t
                else ((LEGACY_MARKS[t["name"]],) if t["name"] in LEGACY_MARKS else ()),
            )
            for t in d["triggers"]
        )
        return cls(
            key=d["key"],
            name=d["name"],
            version=d["version"],
            roles=d["roles"],
            initial=d["initial"],
            states=states,
            triggers=triggers,
            source=d["source"],
            content_hash=d["content_hash"],
            capabilities={k: tuple(v) for k, v in d.get("capabilities", {}).items()},
            measure_workflow=d.get("measure_workflow"),
            diary_pattern=d.get("diary_pattern"),
            diary_example=d.get("diary_example"),
        )


def label_text(label: dict[str, str], lang: str) -> str:
    """The label in the wanted language, falling back to Swedish."""
    return label.get(lang) or label.get("sv") or next(iter(label.values()), "")


_LOADED: dict[tuple[str, str], Definition] = {}


def load_definition(path: Path | str) -> Definition:
    """Load and validate a workflow definition file (parsed once per content in a process)."""
    from process.core import yamlsrc

    raw = yamlsrc.read(path)
    key = (str(path), hashlib.sha256(raw).hexdigest())
    if key not in _LOADED:
        duplicates: list[str] = []
        data = yamlsrc.loads(yamlsrc.decode(raw, path), str(path), duplicates)
        _LOADED[key] = parse_definition(data, key[0], key[1], duplicates)
    return _LOADED[key]


def parse_definition(
    data: Any, source: str, content_hash: str, problems: list[str] | None = None
) -> Definition:
    """Validate parsed YAML as a workflow definition; raise DefinitionError listing every
    problem (those found while reading it, e.g. duplicate keys, first)."""
    v = _Validator(source)
    v.problems.extend(problems or [])
    if not isinstance(data, dict):
        raise DefinitionError([f"{source}:1: a workflow definition must be a mapping"])
    v.unknown_keys(data, TOP_KEYS, "top level")
    for required in ("workflow", "initial", "states", "triggers", "roles"):
        if required not in data:
            v.problem(getattr(data, "line", 1), f"missing required field '{required}'")
    key = v.name(data, "workflow", "workflow")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        v.problem(
            _line(data, "version"), f"'version' must be a positive whole number, not {version!r}"
        )
        version = 1
    roles = v.roles(data)
    capabilities = v.capabilities(data, set(roles))
    states = v.states(data)
    state_names = {s.name for s in states}
    initial = data.get("initial")
    if "initial" in data and (not isinstance(initial, str) or initial not in state_names):
        v.problem(
            _line(data, "initial"),
            f"initial state {initial!r} is not a declared state" + _choices(state_names),
        )
    triggers = v.triggers(data, state_names, set(roles))
    v.check_reachable(data, states, triggers, initial)
    diary_pattern, diary_example = v.diary_numbers(data)
    v.raise_if_any()
    return Definition(
        key=key or "",
        name=v.label(data, "name") if "name" in data else {"sv": key or "", "en": key or ""},
        version=version,
        roles=roles,
        initial=str(initial),
        states=tuple(states),
        triggers=tuple(triggers),
        source=source,
        content_hash=content_hash,
        capabilities=capabilities,
        measure_workflow=v.measure_workflow(data),
        diary_pattern=diary_pattern,
        diary_example=diary_example,
    )


def measure_workflow_of(definition: Definition) -> Definition:
    """The measure workflow a programme's process names (a file beside it, else the
    bundled one), checked against the process: its roles must be the process's roles or
    `responsible_body`."""
    import workflows

    name = definition.measure_workflow
    path = (
        Path(definition.source).parent / name
        if name and not Path(name).is_absolute()
        else Path(name)
        if name
        else workflows.path_of("measure")
    )
    if not path.is_file():
        at = _line_in(definition.source, lambda data: _line(data, "measure_workflow"))
        raise DefinitionError(
            [f"{definition.source}:{at}: measure_workflow {name!r}: no such file ({path})"]
        )
    measure = load_definition(path)
    allowed = {*definition.roles, "responsible_body"}
    unknown = sorted({r for t in measure.triggers for r in t.roles} - allowed)
    if unknown:
        hint = (
            ""
            if name
            else (
                " — the bundled measure workflow is used because the process "
                "names none: give it one of your own with "
                "'measure_workflow: FILE'"
            )
        )
        at = _line_in(path, lambda data: _first_trigger_line(data, "roles", unknown[0]))
        raise DefinitionError(
            [
                f"{path}:{at}: roles {', '.join(unknown)} are not roles of the "
                f"process {definition.source} (roles there: "
                f"{', '.join(sorted(definition.roles))}, or responsible_body)" + hint
            ]
        )
    missing = [m for m in ("follows_up", "carries_over") if measure.marked(m) is None]
    if missing:
        at = _line_in(path, lambda data: _line(data, "triggers"))
        raise DefinitionError(
            [
                f"{path}:{at}: no trigger is marked {' or '.join(missing)}: the "
                "year-end follow-up ('rsp followup record') and the rollover "
                "('rsp plan rollover') fire the triggers with these marks, and "
                "reminders and lists know open measures by them (e.g. marks: "
                "[carries_over] on the trigger that carries an unfinished "
                "measure into next year's plan)"
            ]
        )
    return measure


def _line_in(path: Path | str, find: Any) -> int:
    """A line of a workflow file already read once (`find` gets its located data; 1 when
    the file cannot be read again)."""
    from process.core import yamlsrc

    try:
        data, _raw = yamlsrc.load(path)
        return int(find(data)) or 1
    except (DefinitionError, AttributeError, TypeError):
        return 1


def _first_trigger_line(data: Any, key: str, value: str) -> int:
    """The line of `key` in the first trigger whose `key` names `value`."""
    for item in data.get("triggers") or []:
        names = item.get(key) if isinstance(item, dict) else None
        if names == value or (isinstance(names, list) and value in names):
            return _line(item, key)
    return _line(data, "triggers")


def _line(node: Any, key: str | None = None) -> int:
    if key is not None and hasattr(node, "line_of"):
        return int(node.line_of(key))
    return int(getattr(node, "line", 0))


def _choices(names: Any) -> str:
    """' (known: a, b, c)': the first twenty names (a file of thousands of states would
    otherwise repeat them all in every problem)."""
    if not names:
        return ""
    shown = sorted(names)
    more = f", … ({len(shown) - 20} more)" if len(shown) > 20 else ""
    return f" (known: {', '.join(shown[:20])}{more})"


class _Validator:
    """Collects problems while reading a definition."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[str] = []

    def problem(self, line: int, text: str) -> None:
        self.problems.append(f"{self.source}:{line}: {text}")

    def raise_if_any(self) -> None:
        if self.problems:
            raise DefinitionError(self.problems)

    def unknown_keys(self, node: dict, allowed: set[str], where: str) -> None:
        for k in node:
            if k not in allowed:
                self.problem(_line(node, k), f"{where}: unknown field {k!r}" + _choices(allowed))

    def name(self, node: dict, key: str, what: str) -> str | None:
        value = node.get(key)
        if key not in node:
            return None
        if not isinstance(value, str) or not NAME_RE.match(value):
            self.problem(
                _line(node, key),
                f"{what} name {value!r} must be lower-case letters, "
                "digits and '_', starting with a letter",
            )
            return None
        return value

    def label(self, node: dict, key: str) -> dict[str, str]:
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return {"sv": value}
        if (
            isinstance(value, dict)
            and value
            and all(
                isinstance(k, str) and isinstance(t, str) and t.strip() for k, t in value.items()
            )
        ):
            return dict(value)
        self.problem(
            _line(node, key),
            f"'{key}' must be a text or a mapping of language to text, e.g. {{sv: ..., en: ...}}",
        )
        return {}

    def roles(self, data: dict) -> dict[str, dict[str, str]]:
        node = data.get("roles")
        if node is None:
            return {}
        if not isinstance(node, dict) or not node:
            self.problem(_line(data, "roles"), "'roles' must map each role key to its label")
            return {}
        out = {}
        for role in node:
            if not isinstance(role, str) or not NAME_RE.match(role):
                self.problem(_line(node, role), f"role key {role!r} is not a valid name")
            elif role in RESERVED_ROLES:
                self.problem(_line(node, role), f"role {role!r} is reserved for administration")
            else:
                out[role] = self.label(node, role)
        return out

    def measure_workflow(self, data: dict) -> str | None:
        value = data.get("measure_workflow")
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip() or "\n" in value:
            self.problem(
                _line(data, "measure_workflow"),
                "'measure_workflow' must name a "
                "workflow file beside this one, e.g. measure-region-x.yaml",
            )
            return None
        return value.strip()

    def diary_numbers(self, data: dict) -> tuple[str | None, str | None]:
        node = data.get("diary_numbers")
        if node is None:
            return None, None
        form = (
            "'diary_numbers' must give 'pattern' (a regular expression with "
            "(?P<number>...), optionally (?P<series>...) and (?P<year>...)) and 'example'"
        )
        if not isinstance(node, dict):
            self.problem(_line(data, "diary_numbers"), form)
            return None, None
        wanted = {"pattern", "example"}
        for extra in sorted(set(node) - wanted, key=str):
            import difflib  # only for a misspelt key: off every command's path

            close = difflib.get_close_matches(str(extra), sorted(wanted - set(node)), 1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; {form}"
            self.problem(_line(node, extra), f"diary_numbers: unknown key {extra!r}{hint}")
        missing = sorted(wanted - set(node))
        if missing:
            self.problem(
                _line(data, "diary_numbers"),
                f"diary_numbers: {' and '.join(repr(m) for m in missing)} missing; {form}",
            )
        if set(node) != wanted:
            return None, None
        problem = diary_numbers.pattern_problem(node["pattern"], node["example"])
        if problem:
            at = "example" if problem.startswith(("'example'", "'pattern' does not match")) else ""
            where = _line(node, at or "pattern")
            self.problem(where, f"diary_numbers: {problem}")
            return None, None
        return str(node["pattern"]), str(node["example"]).strip()

    def capabilities(self, data: dict, roles: set[str]) -> dict[str, tuple[str, ...]]:
        node = data.get("capabilities")
        if node is None:
            return {}
        if not isinstance(node, dict) or not node:
            self.problem(
                _line(data, "capabilities"),
                "'capabilities' must map each capability "
                "to the roles that hold it, e.g. manage_plans: [working_group]",
            )
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for name in node:
            if name not in ALL_CAPABILITIES:
                self.problem(
                    _line(node, name), f"unknown capability {name!r}" + _choices(ALL_CAPABILITIES)
                )
                continue
            held = self._list_of_names(node, name, f"capability {name}")
            for r in held:
                if r not in roles and r != ADMIN:
                    self.problem(
                        _line(node, name),
                        f"capability {name}: unknown role {r!r}" + _choices(roles),
                    )
            if not held:
                self.problem(_line(node, name), f"capability {name}: no role holds it")
            out[name] = held
        missing = [c for c in ALL_CAPABILITIES if c not in node and c != ADMINISTER]
        if missing:
            self.problem(
                _line(data, "capabilities"),
                "capabilities: no role holds "
                + ", ".join(missing)
                + " (map each to the roles that hold it)",
            )
        return out

    def states(self, data: dict) -> list[StateDef]:
        node = data.get("states")
        if node is None:
            return []
        if not isinstance(node, list) or not node:
            self.problem(_line(data, "states"), "'states' must be a non-empty list")
            return []
        out: list[StateDef] = []
        seen: set[str] = set()
        for item in node:
            if not isinstance(item, dict):
                self.problem(_line(data, "states"), f"a state must be a mapping, not {item!r}")
                continue
            self.unknown_keys(item, STATE_KEYS, "state")
            name = self.name(item, "name", "state")
            if "name" not in item:
                self.problem(_line(item), "state without 'name'")
            if name is None:
                continue
            if name in seen:
                self.problem(_line(item, "name"), f"duplicate state {name!r}")
                continue
            seen.add(name)
            planned = None
            if item.get("planned") is not None:
                try:
                    planned = dt.date.fromisoformat(str(item["planned"]))
                except ValueError:
                    self.problem(
                        _line(item, "planned"),
                        f"state {name}: planned date "
                        f"{item['planned']!r} is not a date (YYYY-MM-DD)",
                    )
                if planned is not None and not FIRST_YEAR <= planned.year <= LAST_YEAR:
                    self.problem(
                        _line(item, "planned"),
                        f"state {name}: planned date "
                        f"{planned.isoformat()} lies outside the years rsp accepts "
                        f"({FIRST_YEAR}-{LAST_YEAR})",
                    )
                    planned = None
            final = item.get("final", False)
            if not isinstance(final, bool):
                self.problem(_line(item, "final"), f"state {name}: 'final' must be true or false")
                final = False
            label = self.label(item, "label") if "label" in item else {"sv": name}
            out.append(StateDef(name, label, planned, final))
        return out

    def _list_of_names(self, item: dict, key: str, what: str) -> tuple[str, ...]:
        value = item.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.problem(_line(item, key), f"{what}: '{key}' must be a name or a list of names")
            return ()
        return tuple(value)

    def triggers(self, data: dict, states: set[str], roles: set[str]) -> list[TriggerDef]:
        node = data.get("triggers")
        if node is None:
            return []
        if not isinstance(node, list) or not node:
            self.problem(_line(data, "triggers"), "'triggers' must be a non-empty list")
            return []
        names = {
            t.get("name") for t in node if isinstance(t, dict) and isinstance(t.get("name"), str)
        }
        deciding = {
            t["name"]
            for t in node
            if isinstance(t, dict)
            and isinstance(t.get("name"), str)
            and t.get("decision") == "required"
        }
        out: list[TriggerDef] = []
        seen: set[str] = set()
        marked: dict[str, str] = {}
        for item in node:
            if not isinstance(item, dict):
                self.problem(_line(data, "triggers"), f"a trigger must be a mapping, not {item!r}")
                continue
            self.unknown_keys(item, TRIGGER_KEYS, "trigger")
            name = self.name(item, "name", "trigger")
            if name is None:
                if "name" not in item:
                    self.problem(_line(item), "trigger without 'name'")
                continue
            if name in seen:
                self.problem(_line(item, "name"), f"duplicate trigger {name!r}")
                continue
            seen.add(name)
            where = f"trigger {name}"
            sources = self._list_of_names(item, "from", where)
            for s in sources:
                if s not in states:
                    self.problem(
                        _line(item, "from"), f"{where}: unknown state {s!r}" + _choices(states)
                    )
            if not sources:
                self.problem(_line(item), f"{where}: 'from' is missing")
            dest = item.get("to")
            if not isinstance(dest, str) or dest not in states:
                self.problem(
                    _line(item, "to") if "to" in item else _line(item),
                    f"{where}: unknown or missing 'to' state {dest!r}" + _choices(states),
                )
            trigger_roles = self._list_of_names(item, "roles", where)
            if not trigger_roles:
                self.problem(_line(item), f"{where}: 'roles' must name who may fire it")
            for r in trigger_roles:
                if r not in roles:
                    self.problem(
                        _line(item, "roles"), f"{where}: unknown role {r!r}" + _choices(roles)
                    )
            trigger_guards = self._list_of_names(item, "guards", where)
            for g in trigger_guards:
                needed = guards.needed_trigger(g) or guards.needed_decision(g)
                if guards.resolve(g) is None:
                    self.problem(
                        _line(item, "guards"),
                        f"{where}: unknown guard {g!r}"
                        + _choices(
                            [
                                *guards.known_guard_names(),
                                "fired:<trigger>",
                                "decision_final:<trigger>",
                            ]
                        ),
                    )
                elif needed and needed not in names:
                    self.problem(
                        _line(item, "guards"),
                        f"{where}: guard {g!r} needs a trigger "
                        f"{needed!r}, which this workflow does not have",
                    )
                elif guards.needed_decision(g) and needed not in deciding:
                    self.problem(
                        _line(item, "guards"),
                        f"{where}: guard {g!r}: trigger "
                        f"{needed!r} records no board decision (it needs "
                        "'decision: required')",
                    )
            decision = item.get("decision", "none")
            if decision not in ("required", "none"):
                self.problem(
                    _line(item, "decision"),
                    f"{where}: 'decision' must be 'required' or 'none', not {decision!r}",
                )
            marks = self._list_of_names(item, "marks", where)
            for m in marks:
                if m not in MARKS:
                    self.problem(
                        _line(item, "marks"), f"{where}: unknown mark {m!r}" + _choices(MARKS)
                    )
                else:
                    marked.setdefault(m, name)
            label = self.label(item, "label") if "label" in item else {"sv": name}
            out.append(
                TriggerDef(
                    name,
                    label,
                    sources,
                    str(dest),
                    trigger_roles,
                    trigger_guards,
                    decision == "required",
                    marks,
                )
            )
        remiss_guarded = [t for t in out if "remiss_closable" in t.guards]
        for t in remiss_guarded:
            missing = [m for m in ("opens_remiss", "closes_remiss") if m not in marked]
            if missing:
                self.problem(
                    _first_trigger_line(data, "guards", "remiss_closable"),
                    f"trigger {t.name}: guard "
                    f"'remiss_closable' needs triggers marked {', '.join(missing)} "
                    "(marks: [opens_remiss] on the trigger that opens the remiss, "
                    "[closes_remiss] on the one that closes it)",
                )
        return out

    def check_reachable(
        self, data: dict, states: list[StateDef], triggers: list[TriggerDef], initial: Any
    ) -> None:
        """Every state reachable from the initial one, no final state with a way out, no
        dead end: checked always (on what could be read when other things are wrong), in
        time linear in the states and triggers."""
        if not isinstance(initial, str) or initial not in {s.name for s in states}:
            return
        leaving: dict[str, list[TriggerDef]] = {}
        for t in triggers:
            for source in t.sources:
                leaving.setdefault(source, []).append(t)
        reached = {initial}
        frontier = [initial]
        while frontier:
            for t in leaving.get(frontier.pop(), ()):
                if t.dest not in reached:
                    reached.add(t.dest)
                    frontier.append(t.dest)
        items = data.get("states")
        items = items if isinstance(items, list) else []
        lines = {
            item.get("name"): _line(item)
            for item in items
            if isinstance(item, dict) and isinstance(item.get("name"), str)
        }
        for s in states:
            if s.name not in reached:
                self.problem(
                    lines.get(s.name, 0), f"state {s.name!r} cannot be reached from {initial!r}"
                )
            outgoing = [t for t in leaving.get(s.name, ()) if t.dest != s.name]
            if s.final and outgoing:
                self.problem(
                    lines.get(s.name, 0),
                    f"final state {s.name!r} has triggers out "
                    "of it: " + ", ".join(t.name for t in outgoing),
                )
            if not s.final and not outgoing:
                self.problem(
                    lines.get(s.name, 0),
                    f"state {s.name!r} is a dead end: no trigger "
                    "leaves it and it is not marked 'final: true'",
                )
