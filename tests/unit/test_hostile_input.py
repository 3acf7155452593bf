"""Hostile input: whatever a definition, action plan, rules file or decision reference
holds, rsp answers with its own clear error (file:line where it has one), never a crash.

Property-based (hypothesis): the files are the real bundled ones with random lines
replaced, deleted, duplicated or garbled, and random values put into their fields.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import workflows
from notifications.reminders.rules import parse_rules
from process.bodies.bodies_file import load_bodies
from process.core import yamlsrc
from process.core.decision_refs import parse_decision_ref
from process.core.errors import DefinitionError, InvalidInput
from process.plans.plan_file import parse_action_plan
from process.workflow.definition import parse_definition

EXAMPLE = workflows.example_dir("jamtland-2014-2020")
DRAFTING = workflows.path_of("drafting").read_text(encoding="utf-8")
MEASURE = workflows.path_of("measure").read_text(encoding="utf-8")
PLAN = (EXAMPLE / "actionplan-2014.yaml").read_text(encoding="utf-8")
RULES = (EXAMPLE / "reminders.yaml").read_text(encoding="utf-8")
BODY_KEYS = {b.key for b in load_bodies(EXAMPLE / "bodies.yaml")}
LOCATED = re.compile(r"^src\.yaml:\d+: \S")

NASTY = st.sampled_from(
    [
        "",
        "~",
        "null",
        "[]",
        "{}",
        "- x",
        "a: [",
        "&a x",
        "*a",
        "!!python/object:os.system x",
        "2022-13-45",
        "0",
        "-1",
        "1e309",
        "true",
        "'",
        '"\\x00"',
        "<script>alert(1)</script>",
        "  - {name: 1, to: 2}",
        "\t",
        "äöå: ÅÄÖ",
        "x: " + "y" * 5000,
        "? [a, b]\n: c",
        "from: [drafting, drafting]",
        "roles: [board, board]",
        "final: maybe",
    ]
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """The text with a few lines replaced, deleted, duplicated or re-indented."""
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["replace", "delete", "duplicate", "indent", "value"]))
        if how == "replace":
            lines[i] = draw(st.one_of(NASTY, st.text(max_size=40)))
        elif how == "delete":
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, lines[i])
        elif how == "indent":
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()
        elif ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.one_of(NASTY, st.text(max_size=20)))}"
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


def parsed(text: str):
    return yamlsrc.loads(text, "src.yaml")


def assert_clear(error: DefinitionError) -> None:
    assert error.problems, "an error without problems"
    for p in error.problems:
        assert LOCATED.match(p), p
        assert "Traceback" not in p


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


PARSERS = {
    "drafting definition": (DRAFTING, lambda data, text: parse_definition(data, "src.yaml", "h")),
    "measure definition": (MEASURE, lambda data, text: parse_definition(data, "src.yaml", "h")),
    "action plan": (
        PLAN,
        lambda data, text: parse_action_plan(data, "src.yaml", text.encode(), BODY_KEYS, year=2014),
    ),
    "reminder rules": (RULES, lambda data, text: parse_rules(data, "src.yaml")),
}


@pytest.mark.parametrize("kind", list(PARSERS))
@SETTINGS
@given(data=st.data())
def test_mutated_file_gives_only_located_errors(kind, data):
    original, parse = PARSERS[kind]
    text = data.draw(mutated(original), label="file")
    try:
        parse(parsed(text), text)
    except DefinitionError as e:
        assert_clear(e)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=80),
        st.from_regex(r"\A(\d{4}-\d{2}-\d{2})? ?(§ ?\d{1,5})? ?([A-ZÅÄÖ]{1,3}/\d{1,4}/\d{4})?\Z"),
    )
)
def test_any_decision_reference_parses_or_says_what_is_missing(raw):
    try:
        ref = parse_decision_ref(raw)
    except InvalidInput as e:
        assert "--decision" in str(e) or "one short line" in str(e)
        return
    assert ref.diary_number in raw.replace(" ", "") and ref.paragraph in raw
    assert ref.meeting_date.isoformat() in raw
