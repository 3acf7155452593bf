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

from process.core.catalogue import say
from process.core.errors import DefinitionError


class Located(dict):
    """A mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


MAX_DEPTH = 100  # rsp's files nest a handful of levels


class _Own(yaml.MarkedYAMLError):
    """A problem the loader words itself (already in the reader's language)."""

    def __init__(self, problem: str, at: yaml.Node | yaml.Event) -> None:
        mark: Any = at.start_mark
        super().__init__(None, None, problem, mark)


class _Loader(yaml.SafeLoader):
    """Safe loader that builds `Located` mappings, leaves timestamps as strings and
    refuses nesting deeper than MAX_DEPTH."""

    _depth = 0
    # when a list: duplicate keys are noted here (the first kept) and reading goes on
    duplicates: list[str] | None = None
    source = ""
    lang = "en"  # the language of the problems it words itself (the command line's)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Own(say("yaml.too_deep", self.lang, depth=MAX_DEPTH), self.peek_event())
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
            raise _Own(say("yaml.plain_key", loader.lang), key_node)
        key = str(key)
        if key in result:
            if loader.duplicates is None:
                raise _Own(say("yaml.duplicate_key", loader.lang, name=repr(key)), key_node)
            noted = say(
                "yaml.duplicate_noted", loader.lang, name=repr(key), line=result.key_lines[key]
            )
            loader.duplicates.append(f"{loader.source}:{key_node.start_mark.line + 1}: {noted}")
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _timestamp_as_text(loader: _Loader, node: yaml.Node) -> str:
    assert isinstance(node, yaml.ScalarNode)
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def loads(text: str, source: str, duplicates: list[str] | None = None, lang: str = "en") -> Any:
    """Parse YAML text; a syntax error becomes a DefinitionError naming source and line.

    A duplicate key is refused, or, given a `duplicates` list, noted there as a problem
    (the first value kept) so that the caller can report it with every other problem.
    Problems are worded in `lang` (English, the command line's, unless asked); a YAML
    syntax error keeps the parser's own (English) words inside the Swedish sentence."""
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        loader.duplicates, loader.source, loader.lang = duplicates, source, lang
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        if isinstance(exc, _Own):
            problem = str(exc.problem)
        else:
            problem = say("yaml.syntax", lang, problem=exc.problem or exc.context or "?")
        raise DefinitionError([f"{source}:{line}: {problem}"]) from None
    except yaml.reader.ReaderError as exc:  # a control character: no mark, a position
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        problem = say("yaml.character", lang, code=f"{char:04X}")
        raise DefinitionError([f"{source}:{line}: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise DefinitionError([f"{source}: {say('yaml.invalid', lang, error=exc)}"]) from None
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


def decode(raw: bytes, path: Path | str, lang: str = "en") -> str:
    """UTF-8 text of a file's bytes, or a DefinitionError naming the file and byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = say("yaml.not_utf8", lang, byte=exc.start)
        raise DefinitionError([f"{path}: {problem}"]) from None


def load(path: Path | str) -> tuple[Any, bytes]:
    """Read and parse a YAML file; returns the data and the raw bytes (for hashing)."""
    raw = read(path)
    return loads(decode(raw, path), str(path)), raw
