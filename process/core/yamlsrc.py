"""Read YAML keeping line numbers, so that errors can say where a problem is.

`load(path)` returns plain dicts/lists whose dicts are `Located` (a dict subclass that
knows the line of itself and of each key). Dates stay strings: the validators parse
them so that a bad date gets a proper message. Nesting deeper than MAX_DEPTH levels is
refused at the line where it happens (PyYAML builds nested values recursively: 1,000
`[` would otherwise end in a RecursionError).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from process.core.errors import DefinitionError


class Located(dict):
    """A mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


MAX_DEPTH = 100  # rsp's files nest a handful of levels


class _Loader(yaml.SafeLoader):
    """Safe loader that builds `Located` mappings, leaves timestamps as strings and
    refuses nesting deeper than MAX_DEPTH."""

    _depth = 0
    # when a list: duplicate keys are noted here (the first kept) and reading goes on
    duplicates: list[str] | None = None
    source = ""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"nested more than {MAX_DEPTH} levels deep",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    result = Located()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word", key_node.start_mark
            )
        key = str(key)
        if key in result:
            if loader.duplicates is None:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            loader.duplicates.append(
                f"{loader.source}:{key_node.start_mark.line + 1}: duplicate key {key!r} "
                f"(the first, at line {result.key_lines[key]}, is the one read)"
            )
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _timestamp_as_text(loader: _Loader, node: yaml.Node) -> str:
    assert isinstance(node, yaml.ScalarNode)
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def loads(text: str, source: str, duplicates: list[str] | None = None) -> Any:
    """Parse YAML text; a syntax error becomes a DefinitionError naming source and line.

    A duplicate key is refused, or, given a `duplicates` list, noted there as a problem
    (the first value kept) so that the caller can report it with every other problem."""
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        loader.duplicates, loader.source = duplicates, source
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "invalid YAML"
        raise DefinitionError([f"{source}:{line}: {problem}"]) from None
    except yaml.reader.ReaderError as exc:  # a control character: no mark, a position
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise DefinitionError(
            [f"{source}:{line}: the character U+{char:04X} is not allowed in YAML"]
        ) from None
    except yaml.YAMLError as exc:
        raise DefinitionError([f"{source}: invalid YAML: {exc}"]) from None
    finally:
        if loader is not None:
            loader.dispose()


def read(path: Path | str) -> bytes:
    """A file's bytes; an unreadable file becomes a DefinitionError naming it."""
    p = Path(path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise DefinitionError([f"{p}: cannot be read: {exc.strerror}"]) from None


def decode(raw: bytes, path: Path | str) -> str:
    """UTF-8 text of a file's bytes, or a DefinitionError naming the file and byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DefinitionError([f"{path}: is not UTF-8 text (byte {exc.start})"]) from None


def load(path: Path | str) -> tuple[Any, bytes]:
    """Read and parse a YAML file; returns the data and the raw bytes (for hashing)."""
    raw = read(path)
    return loads(decode(raw, path), str(path)), raw
