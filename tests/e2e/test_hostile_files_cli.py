"""Hostile files through the commands that take them (issue 7, item 3): the bundled action
plan, bodies, reminder rules and workflow definition, randomly corrupted by the mutation
strategy of tests/unit/test_hostile_input.py, given to `rsp plan import`, `bodies
import`, `init --definition`, `graph --definition`, `remind preview|run-once --rules`,
`calendar export --rules` and the `check` commands, against a copy of a populated
SQLite database (in process, through click's CliRunner).

Either the file is still valid and the command succeeds, or it exits 1 naming the file
and line of each problem, with no traceback and the database unchanged (a dump of every
table; a refused attempt may append its audit row).
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import workflows
from tests.e2e.hostile_cli import (
    assert_clear_failure,
    assert_unchanged_but_refusals,
    build_database,
    dump,
    invoke,
    prepare_folder,
    property_settings,
)
from tests.unit.test_hostile_input import DRAFTING, EXAMPLE, PLAN, RULES, mutated

BODIES = (EXAMPLE / "bodies.yaml").read_text(encoding="utf-8")
MEASURE = workflows.path_of("measure").read_text(encoding="utf-8")
NAME = "hostile.yaml"

# What each file is fed to: (original text, the command with the file as NAME, user).
CASES: dict[str, tuple[str, list[str], str]] = {
    "plan import": (PLAN, ["plan", "import", NAME, "--year", "2014"], "processledare"),
    "bodies import": (BODIES, ["bodies", "import", NAME], "it-admin"),
    "init --definition": (
        DRAFTING,
        ["init", "--definition", NAME, "--key", "rsp-x", "--name", "X", "--region", "Region X"],
        "it-admin",
    ),
    "graph --definition": (MEASURE, ["graph", "--definition", NAME], "it-admin"),
    "workflow check": (DRAFTING, ["workflow", "check", NAME], "it-admin"),
    "remind check": (RULES, ["remind", "check", NAME], "it-admin"),
    "remind preview --rules": (
        RULES,
        ["remind", "preview", "--rules", NAME, "--until", "2023-03-31"],
        "it-admin",
    ),
    "remind run-once --rules": (RULES, ["remind", "run-once", "--rules", NAME], "it-admin"),
    "calendar export --rules": (
        RULES,
        ["calendar", "export", "--rules", NAME, "--out", "rsp.ics"],
        "it-admin",
    ),
}
LOCATED = re.compile(rf"^(Error: )?{re.escape(NAME)}:\d+: \S", re.MULTILINE)

PROPERTY = property_settings(25)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_database(tmp_path_factory.mktemp("hostile-files-base") / "rsp.db")


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base: str):
    counter = itertools.count()

    def new(text: str) -> str:
        folder = tmp_path / f"ex{next(counter)}"
        db = prepare_folder(folder, base)
        (folder / NAME).write_text(text, encoding="utf-8")
        monkeypatch.chdir(folder)
        return db

    return new


@pytest.mark.parametrize("case", list(CASES))
@PROPERTY
@given(data=st.data())
def test_a_corrupted_file_is_refused_with_its_lines_and_changes_nothing(fresh, case, data):
    original, argv, user = CASES[case]
    text = data.draw(mutated(original), label="file")
    db = fresh(text)
    before = dump(db)
    r = invoke(argv, db, user)
    assert_clear_failure(r)
    if r.exit_code == 0:
        return
    assert r.exit_code == 1, r.output
    assert LOCATED.search(r.stderr), r.stderr
    assert_unchanged_but_refusals(before, dump(db))


@pytest.mark.parametrize("case", ["plan import", "bodies import", "init --definition"])
def test_the_unchanged_files_are_accepted(fresh, case):
    """The baseline: the originals pass, so the refusals above are the mutations' doing."""
    original, argv, user = CASES[case]
    db = fresh(original)
    r = invoke(argv, db, user)
    assert r.exit_code == 0, r.output


@PROPERTY
@given(
    content=st.one_of(
        st.binary(max_size=100),
        st.text(max_size=100).map(str.encode),
        st.fixed_dictionaries(
            {
                "id": st.one_of(st.integers(), st.text(max_size=5), st.none()),
                "hash": st.one_of(st.text(max_size=5), st.integers()),
            }
        ).map(lambda d: json.dumps(d).encode()),
    )
)
def test_a_bad_checkpoint_file_is_refused_by_name(fresh, content):
    db = fresh("")
    Path(NAME).write_bytes(content)
    r = invoke(["audit", "verify", "--checkpoint", NAME], db, "it-admin")
    assert_clear_failure(r)
    assert r.exit_code == 1
    assert f"{NAME}: not a checkpoint" in r.stderr or "BROKEN" in r.stderr, r.stderr


DEEP = (
    "# a file nested 1,000 levels deep on its third line\nplan:\n  x: "
    + "[" * 1000
    + "]" * 1000
    + "\n"
)


@pytest.mark.parametrize("case", list(CASES))
def test_deep_nesting_is_refused_with_its_line_not_a_recursion_error(fresh, case):
    _original, argv, user = CASES[case]
    db = fresh(DEEP)
    before = dump(db)
    r = invoke(argv, db, user)
    assert_clear_failure(r)
    assert r.exit_code == 1, r.output
    assert f"{NAME}:3: nested more than 100 levels deep" in r.stderr, r.stderr
    assert_unchanged_but_refusals(before, dump(db))


@pytest.mark.parametrize(
    "argv", [["audit", "verify", "--checkpoint", NAME], ["audit", "verify", "--export", NAME]]
)
def test_deep_nesting_in_a_checkpoint_or_export_is_refused_with_its_line(fresh, argv):
    db = fresh("")
    block = (
        '-----BEGIN RSP AUDIT CHECKPOINT-----\n{"body": '
        + "[" * 1000
        + "]" * 1000
        + "}\n-----END RSP AUDIT CHECKPOINT-----\n"
    )
    text = (
        ("Sparat från veckorapporten\n\n" + block)
        if "--checkpoint" in argv
        else ('{"id": ' + "[" * 1000 + "]" * 1000 + "}\n")
    )
    Path(NAME).write_text(text, encoding="utf-8")
    r = invoke(argv, db, "it-admin")
    assert_clear_failure(r)
    assert r.exit_code == 1, r.output
    assert f"{NAME}:{4 if '--checkpoint' in argv else 1}: nested too deeply" in r.stderr, r.stderr


def test_an_export_row_without_its_columns_is_refused_with_its_line(fresh):
    db = fresh("")
    Path(NAME).write_text('{"id": 1}\n', encoding="utf-8")
    r = invoke(["audit", "verify", "--export", NAME], db, "it-admin")
    assert_clear_failure(r)
    assert r.exit_code == 1 and f"{NAME}:1: not a row of 'rsp audit export'" in r.stderr
