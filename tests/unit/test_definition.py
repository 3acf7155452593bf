"""Workflow definitions: the bundled one loads; every kind of mistake is named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

import workflows
from process.core.errors import DefinitionError
from process.workflow.definition import Definition, load_definition

GOOD = """\
workflow: mini
roles:
  board: Nämnden
  working_group: Arbetsgruppen
initial: a
states:
  - name: a
    planned: 2022-01-01
  - name: b
  - name: c
    final: true
triggers:
  - name: go
    from: a
    to: b
    roles: [working_group]
  - name: finish
    from: b
    to: c
    roles: [board]
    decision: required
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "flow.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DefinitionError) as info:
        load_definition(write(tmp_path, text))
    return info.value.problems


def test_bundled_drafting_process_loads_with_the_plan_timetable():
    d = load_definition(workflows.path_of("drafting"))
    assert d.initial == "offer_received"
    assert [s.name for s in d.states] == [
        "offer_received",
        "start_decided",
        "drafting",
        "remiss_decided",
        "remiss_open",
        "remiss_compiled",
        "adopted",
        "implementation",
        "closed",
    ]
    assert str(d.state("start_decided").planned) == "2022-02-22"
    adopt, send_back, consult = (d.trigger(n) for n in ("adopt", "send_back", "consult_service_z"))
    assert adopt is not None and adopt.decision and adopt.roles == ("board",)
    assert send_back is not None
    assert set(send_back.sources) == {"remiss_decided", "remiss_compiled"}
    assert consult is not None and consult.repeats
    assert set(d.roles) == {"board", "steering_group", "working_group", "service_z"}


def test_definition_survives_storage_round_trip():
    d = load_definition(workflows.path_of("drafting"))
    assert Definition.from_json(d.to_json()) == d


def test_content_hash_changes_with_the_file(tmp_path):
    a = load_definition(write(tmp_path, GOOD))
    b = load_definition(write(tmp_path, GOOD.replace("Nämnden", "Styrelsen")))
    assert a.content_hash != b.content_hash and len(a.content_hash) == 64


@pytest.mark.parametrize(
    "old,new,line,words",
    [
        ("    to: b\n", "    to: x\n", 15, "unknown or missing 'to' state 'x'"),
        (
            "    roles: [working_group]",
            "    roles: [wrking_group]",
            16,
            "unknown role 'wrking_group'",
        ),
        (
            "    decision: required",
            "    decision: required\n    guards: [magic]",
            22,
            "unknown guard 'magic'",
        ),
        ("    planned: 2022-01-01", "    planned: 2022-13-01", 8, "'2022-13-01' is not a date"),
        ("  - name: finish", "  - name: go", 17, "duplicate trigger 'go'"),
        ("initial: a", "initial: z", 5, "initial state 'z' is not a declared state"),
        ("initial: a", "initial: []", 5, "initial state [] is not a declared state"),
        ("    decision: required", "    decision: maybe", 21, "'decision' must be 'required'"),
        ("workflow: mini", "workflow: mini\ncolour: red", 2, "unknown field 'colour'"),
    ],
)
def test_each_mistake_names_file_line_and_problem(tmp_path, old, new, line, words):
    problems = problems_of(tmp_path, GOOD.replace(old, new))
    assert any(
        p.startswith(f"{tmp_path / 'flow.yaml'}:{line}: ") and words in p for p in problems
    ), problems


def test_unreachable_state_is_reported_at_its_line(tmp_path):
    text = GOOD.replace(
        "  - name: c\n    final: true\n",
        "  - name: c\n    final: true\n  - name: lonely\n    final: true\n",
    )
    problems = problems_of(tmp_path, text)
    assert any(":12: state 'lonely' cannot be reached from 'a'" in p for p in problems), problems


def test_dead_end_state_must_be_marked_final(tmp_path):
    problems = problems_of(tmp_path, GOOD.replace("    final: true\n", ""))
    assert any("state 'c' is a dead end" in p for p in problems), problems


def test_guard_needing_a_missing_trigger(tmp_path):
    text = GOOD.replace("    roles: [board]\n", "    roles: [board]\n    guards: [fired:consult]\n")
    problems = problems_of(tmp_path, text)
    assert any("needs a trigger 'consult'" in p for p in problems), problems


def test_all_problems_are_reported_at_once(tmp_path):
    text = GOOD.replace("roles: [working_group]", "roles: [nobody]").replace("to: c", "to: q")
    assert len(problems_of(tmp_path, text)) >= 2


def test_yaml_syntax_error_names_line(tmp_path):
    problems = problems_of(tmp_path, GOOD.replace("roles: [board]", "roles: [board"))
    # the bracket opened on line 20 is found unclosed on line 21
    assert problems[0].startswith(f"{tmp_path / 'flow.yaml'}:21: expected ',' or ']'")


def test_duplicate_yaml_key_is_refused(tmp_path):
    problems = problems_of(tmp_path, GOOD.replace("initial: a", "initial: a\ninitial: b"))
    assert ":6: duplicate key 'initial'" in problems[0]


def test_reserved_admin_role(tmp_path):
    problems = problems_of(tmp_path, GOOD.replace("  board: Nämnden", "  admin: X\n  board: N"))
    assert any("reserved" in p for p in problems)


def test_missing_file_and_non_utf8(tmp_path):
    with pytest.raises(DefinitionError, match="cannot be read"):
        load_definition(tmp_path / "nope.yaml")
    p = tmp_path / "latin1.yaml"
    p.write_bytes("workflow: n\xe4mnd".encode("latin-1"))
    with pytest.raises(DefinitionError, match="not UTF-8"):
        load_definition(p)


def test_a_duplicate_key_does_not_hide_the_files_other_problems(tmp_path):
    text = GOOD.replace("initial: a", "initial: a\ninitial: b").replace(
        "roles: [working_group]", "roles: [nobody]"
    )
    problems = problems_of(tmp_path, text)
    assert ":6: duplicate key 'initial'" in problems[0]
    assert any("unknown role 'nobody'" in p for p in problems), problems


@pytest.mark.parametrize("planned", ["0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01"])
def test_a_planned_date_outside_the_years_rsp_accepts_is_refused_at_its_line(tmp_path, planned):
    problems = problems_of(tmp_path, GOOD.replace("planned: 2022-01-01", f"planned: {planned}"))
    assert any(
        ":8: state a: planned date" in p and "outside the years rsp accepts" in p for p in problems
    ), problems


def test_reachability_is_checked_even_when_something_else_is_wrong(tmp_path):
    text = GOOD.replace(
        "  - name: c\n    final: true\n",
        "  - name: c\n    final: true\n  - name: lonely\n    final: true\n",
    )
    problems = problems_of(tmp_path, text.replace("roles: [board]", "roles: [nobody]"))
    assert any("unknown role 'nobody'" in p for p in problems), problems
    assert any("state 'lonely' cannot be reached" in p for p in problems), problems


def test_a_large_file_names_twenty_known_states_not_all(tmp_path):
    states = "".join(f"  - name: s{i}\n" for i in range(200))
    text = GOOD.replace("  - name: b\n", "  - name: b\n" + states).replace("to: b", "to: zz")
    problem = next(p for p in problems_of(tmp_path, text) if "'to' state 'zz'" in p)
    assert "(183 more)" in problem and len(problem) < 600  # 203 states, twenty named


def _process_naming(tmp_path: Path, measure_file: str) -> Definition:
    text = (Path(workflows.__file__).parent / "drafting.yaml").read_text(encoding="utf-8")
    path = tmp_path / "process.yaml"
    path.write_text(text + f"\nmeasure_workflow: {measure_file}\n", encoding="utf-8")
    return load_definition(path)


def test_a_measure_workflow_problem_names_its_file_and_line(tmp_path):
    from process.workflow.definition import measure_workflow_of

    measure = (Path(workflows.__file__).parent / "measure.yaml").read_text(encoding="utf-8")
    process = _process_naming(tmp_path, "nope.yaml")
    line = process_line = (tmp_path / "process.yaml").read_text().count("\n")
    with pytest.raises(DefinitionError, match=rf"process.yaml:{line}: measure_workflow"):
        measure_workflow_of(process)
    other = measure.replace("\nroles:\n", "\nroles:\n  handlaggare: Handläggare\n", 1)
    other = other.replace("roles: [working_group]", "roles: [handlaggare]", 1)
    (tmp_path / "other.yaml").write_text(other, encoding="utf-8")
    at = next(i for i, text in enumerate(other.splitlines(), 1) if "roles: [handlaggare]" in text)
    with pytest.raises(DefinitionError, match=rf"other.yaml:{at}: roles handlaggare are not"):
        measure_workflow_of(_process_naming(tmp_path, "other.yaml"))
    unmarked = "\n".join(x for x in measure.splitlines() if "marks:" not in x) + "\n"
    (tmp_path / "unmarked.yaml").write_text(unmarked, encoding="utf-8")
    at = next(i for i, text in enumerate(unmarked.splitlines(), 1) if text == "triggers:")
    with pytest.raises(DefinitionError, match=rf"unmarked.yaml:{at}: no trigger is marked"):
        measure_workflow_of(_process_naming(tmp_path, "unmarked.yaml"))
    assert process_line > 1


def test_remiss_closable_without_its_marks_is_reported_at_the_guard(tmp_path):
    text = (Path(workflows.__file__).parent / "drafting.yaml").read_text(encoding="utf-8")
    unmarked = "\n".join(x for x in text.splitlines() if "marks:" not in x) + "\n"
    at = next(i for i, x in enumerate(unmarked.splitlines(), 1) if "guards: [remiss_closable" in x)
    problems = problems_of(tmp_path, unmarked)
    assert any(f":{at}: trigger " in p and "needs triggers marked" in p for p in problems), problems
