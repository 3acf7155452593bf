"""Deep nesting in the files rsp reads is refused at its line (YAML: while composing;
JSON: once the parser gave up), never a RecursionError."""

from __future__ import annotations

import pytest

from process.core import nesting, yamlsrc
from process.core.errors import DefinitionError, InvalidInput


def test_deep_line_counts_brackets_outside_strings_only():
    assert nesting.deep_line('{"a": "[[[[[[", "b": [1]}', limit=2) is None
    assert nesting.deep_line('{"a": "\\"[[[", "b": "\\\\"}', limit=1) is None
    assert nesting.deep_line('{"a":\n [\n  [1]]}', limit=2) == 3
    assert nesting.deep_line("[" * 5 + "]" * 5, limit=5) is None


def test_json_too_deep_for_the_parser_names_file_and_line():
    text = '[{"ok": 1},\n' + "[" * 100_000 + "]" * 100_000 + "]"
    with pytest.raises(InvalidInput, match=r"^cp\.txt:12: nested too deeply"):
        nesting.loads_json(text, "cp.txt", first_line=11)
    assert nesting.loads_json("[[1]]", "x") == [[1]]


@pytest.mark.parametrize(
    "text,line",
    [
        ("a: " + "[" * 1000 + "]" * 1000, 1),
        ("a: 1\nb: " + "{x: " * 500 + "1" + "}" * 500, 2),
        ("a:\n" + "".join(" " * i + "- \n" for i in range(1, 200)), 101),
    ],
)
def test_yaml_nested_too_deeply_names_its_line(text, line):
    with pytest.raises(DefinitionError) as caught:
        yamlsrc.loads(text, "f.yaml")
    assert str(caught.value).startswith(f"f.yaml:{line}: nested more than 100 levels deep")


def test_yaml_nested_within_the_limit_is_read():
    assert yamlsrc.loads("a: " + "[" * 90 + "]" * 90, "f.yaml")["a"] is not None


def test_yaml_problems_are_worded_in_the_readers_language():
    """The command line reads English problems; the browser asks for Swedish."""
    cases = (
        ("a: b: c\n", "f.yaml:1: mapping values are not allowed here"),
        ("a: 1\na: 2\n", "f.yaml:2: duplicate key 'a'"),
        ("a: \x00\n", "f.yaml:1: the character U+0000 is not allowed in YAML"),
    )
    swedish = (
        "f.yaml:1: filen följer inte YAML-formatet här (YAML säger: mapping values are not "
        "allowed here)",
        "f.yaml:2: nyckeln 'a' finns två gånger",
        "f.yaml:1: tecknet U+0000 får inte förekomma i YAML",
    )
    for (text, english), sv in zip(cases, swedish, strict=True):
        with pytest.raises(DefinitionError) as caught:
            yamlsrc.loads(text, "f.yaml")
        assert caught.value.problems == [english]
        with pytest.raises(DefinitionError) as caught:
            yamlsrc.loads(text, "f.yaml", lang="sv")
        assert caught.value.problems == [sv]
    noted: list[str] = []
    yamlsrc.loads("a: 1\na: 2\n", "f.yaml", noted, lang="sv")
    assert noted == [
        "f.yaml:2: nyckeln 'a' finns två gånger (den första, på rad 1, är den som läses)"
    ]
    with pytest.raises(DefinitionError) as caught:
        yamlsrc.decode(b"a: \xff", "f.yaml", "sv")
    assert caught.value.problems == ["f.yaml: är inte text i UTF-8 (byte 3)"]
