"""Hostile command lines (issue 7, item 3), property-based: for every command of the real
click tree (scheduler run, serve and demo aside), hypothesis builds argument vectors mixing
valid-looking and invalid values — unknown codes, impossible dates and years, huge
numbers, empty strings, non-UTF-8 bytes, SQL and HTML, very long strings, repeated and
unknown options, missing and directory paths, choices not offered, unknown users — and
runs them against a copy of a populated SQLite database.

Whatever happens: no traceback, exit status 0, 1 or 2, and on failure a message and the
database unchanged, compared by a dump of every table (a refused attempt appends one
audit row, by design). In process through click's CliRunner for many cases, then a few
through the real installed `rsp`.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.hostile_cli import (
    COMMANDS,
    NOW,
    USERS,
    argv_for,
    assert_clear_failure,
    assert_unchanged_but_refusals,
    build_database,
    dump,
    invoke,
    prepare_folder,
    property_settings,
)
from tests.support import run_rsp

# Per command, derandomized so that CI is reproducible; RSP_HOSTILE_EXAMPLES=200 searches
# deeper with a random seed (hypothesis prints how to reproduce what it finds).
PROPERTY = property_settings(10)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_database(tmp_path_factory.mktemp("hostile-base") / "rsp.db")


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A fresh folder per example (the working directory while the command runs)."""
    counter = itertools.count()

    def new(base: str) -> tuple[Path, str]:
        folder = tmp_path / f"ex{next(counter)}"
        db = prepare_folder(folder, base)
        monkeypatch.chdir(folder)
        return folder, db

    return new


def check(argv: list[str], user: str, base: str, folders) -> None:
    _folder, db = folders(base)
    before = dump(db)
    r = invoke(argv, db, user)
    assert_clear_failure(r)
    if r.exit_code != 0:
        assert_unchanged_but_refusals(before, dump(db))


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
@PROPERTY
@given(data=st.data())
def test_hostile_arguments_give_a_clear_error_and_change_nothing(base, folders, path, data):
    argv = data.draw(argv_for(path), label="argv")
    user = data.draw(USERS, label="RSP_USER")
    check(argv, user, base, folders)


def test_the_base_database_is_what_the_commands_act_on(base, folders):
    """The properties above are only worth something if valid commands succeed here."""
    _folder, db = folders(base)
    for argv, user in (
        (["measure", "show", "1.A"], "handlaggare"),
        (["remiss", "status"], "processledare"),
        (["decision", "list", "--pending"], "sekreterare"),
        (["outbox", "show", "1"], "it-admin"),
        (["delegations", "report", "--since", "2022-01-01"], "sekreterare"),
    ):
        r = invoke(argv, db, user)
        assert r.exit_code == 0, (argv, r.output)
    before = dump(db)
    r = invoke(["advance", "adopt"], db, "sekreterare")  # refused: audited, nothing else
    assert r.exit_code == 1 and "possible now" in r.stderr
    after = dump(db)
    assert len(after["audit_event"]) == len(before["audit_event"]) + 1
    assert_unchanged_but_refusals(before, after)
    r = invoke(
        ["remiss", "reply", "miun", "--received", "2023-02-10", "--position", "agrees"],
        db,
        "processledare",
    )
    assert r.exit_code == 0, r.output
    with pytest.raises(AssertionError):
        assert_unchanged_but_refusals(after, dump(db))


@pytest.mark.parametrize(
    "args,user,words",
    [
        # each of these gave a traceback before (found by the properties above)
        (
            ("advance", "begin_drafting", "-m", "caf\udce9"),
            "processledare",
            "'caf\\udce9' is not valid UTF-8 text",
        ),  # the byte 0xe9 on a UTF-8 terminal
        (("advance", "begin_drafting"), "caf\udce9", "is not valid UTF-8 text"),  # RSP_USER
        (("--db", "binary.bin", "status"), "it-admin", "the database cannot be used: file is not"),
        (("audit", "verify", "--checkpoint", "binary.bin"), "it-admin", "not a checkpoint"),
        (
            ("audit", "verify", "--checkpoint", "actionplan-2014.yaml"),
            "it-admin",
            "not a checkpoint",
        ),
        (("decision", "announce", "9" * 25), "sekreterare", "is too big"),
        (("measures", "list", "--year", "9" * 25), "it-admin", "is too big (1900-2999)"),
        (("measures", "list", "--due-within", "9" * 25), "it-admin", "is too big"),
        (("outbox", "list", "--limit", "9" * 25), "it-admin", "is too big"),
        (("--now", "0001-01-01", "remind", "run-once"), "it-admin", "is out of range (years 1900"),
        (("digest", "--since", "9999-12-31"), "it-admin", "is out of range (years 1900"),
    ],
)
def test_what_the_properties_found_through_the_real_rsp(base, folders, args, user, words):
    folder, db = folders(base)
    before = dump(db)
    r = run_rsp(*args, db=db, user=user, now=NOW, cwd=folder)
    assert r.returncode in (1, 2) and words in r.stderr, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr
    assert_unchanged_but_refusals(before, dump(db))


# --- the real `rsp` process ---------------------------------------------------------------

REAL = sorted(COMMANDS)[::2]  # every other command (a process start costs ~1 s)


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_arguments_through_the_real_rsp(base, folders, data):
    path = data.draw(st.sampled_from(REAL), label="command")
    argv = data.draw(argv_for(path), label="argv")
    user = data.draw(USERS, label="RSP_USER") or "it-admin"
    folder, db = folders(base)
    before = dump(db)
    r = run_rsp(*argv, db=db, user=user, now=NOW, cwd=folder)
    assert "Traceback" not in r.stdout + r.stderr, r.stderr
    assert r.returncode in (0, 1, 2), (r.returncode, r.stderr)
    if r.returncode:
        assert re.search(r"\b(error|broken)\b", r.stderr, re.IGNORECASE), r.stderr
        assert_unchanged_but_refusals(before, dump(db))
