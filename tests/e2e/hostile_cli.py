"""What the hostile-CLI properties share: a populated database, a dump of it, and the
argument vectors hypothesis builds from the real click command tree (issue 7, item 3).

Not a test module itself; tests/e2e/test_hostile_cli.py and test_hostile_files_cli.py
use it.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import cli
import workflows

EXAMPLE = workflows.example_dir("jamtland-harjedalen")
PLAN_2014 = workflows.example_dir("jamtland-2014-2020") / "actionplan-2014.yaml"
NOW = "2023-02-14"  # the remiss is open, decisions pending, reminders queued


def property_settings(default_examples: int) -> Any:
    """Hypothesis settings of the hostile properties: reproducible (derandomized) unless
    RSP_HOSTILE_EXAMPLES asks for a deeper, random search of that many examples."""
    deep = "RSP_HOSTILE_EXAMPLES" in os.environ
    return settings(
        max_examples=int(os.environ.get("RSP_HOSTILE_EXAMPLES", default_examples)),
        deadline=None,
        derandomize=not deep,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# Commands left out: they would run until stopped, or replay a whole demo.
LONG_RUNNING = {("scheduler", "run"), ("demo",), ("serve",)}

LOGINS = [
    "it-admin",
    "sekreterare",
    "ordforande",
    "processledare",
    "landsbygdsutvecklare",
    "direktor",
    "handlaggare",
]
ROLES = ["board", "steering_group", "working_group", "service_z", "admin"]
BODIES = ["lansstyrelsen", "kommunerna", "miun", "berg", "region", "pts"]
DRAFTING_TRIGGERS = [
    "decide_start",
    "begin_drafting",
    "consult_service_z",
    "check_in_steering_group",
    "record_analysis",
    "decide_remiss",
    "open_remiss",
    "compile_remiss",
    "adopt",
    "send_back",
    "start_implementation",
    "report_followup",
    "close",
]
MEASURE_TRIGGERS = ["start", "report_progress", "complete", "postpone", "resume", "cancel"]
MEASURE_IDS = ["1.A", "2.B", "1.a", "3.C", "9.Z", "1.", ".A", "1.A.B", "A.1", "0.0"]
STATES = ["planned", "ongoing", "done", "postponed", "cancelled", "carried_over", "x"]

# Every kind of bad value a user (or a script) might pass; '\udcff' is what Python makes
# of an argument that is not UTF-8 (a byte 0xff on the command line).
HOSTILE = [
    "",
    " ",
    "-",
    "--",
    "'; DROP TABLE audit_event; --",
    "<script>alert(1)</script>",
    "x" * 5000,
    "ÅÄÖ åäö ß 漢字 🙂",
    "\u202eRTL",
    "a\tb\nc",
    "\udcff",
    "caf\udce9",
    "%s%n{0}",
    "../../etc/passwd",
    "null",
    "None",
    "NaN",
    "0",
    "-1",
    "1e309",
    "9" * 40,
    "2014x",
    " 2014",
    "٢٠١٤",
    "0x10",
    "2023-02-30",
    "2023-13-01",
    "0000-01-01",
    "9999-12-31",
    "10000-01-01",
    "igår",
    "2022-02-22T25:00",
    "2022-02-22T14:30+99:00",
]
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), max_size=30
)
HOSTILE_TEXT = st.one_of(st.sampled_from(HOSTILE), TEXT)
INTS = [
    "2014",
    "2015",
    "2013",
    "1",
    "2",
    "3",
    "0",
    "-1",
    "-2014",
    "99999",
    "9999",
    "10000",
    "2014x",
    "",
    "9" * 40,
    "-" + "9" * 40,
    "1e3",
    "٢٠١٤",
    "0x10",
    "1_000",
]
DATES = [
    "2023-02-10",
    "2023-02-27",
    "2023-06-01",
    "2014-04-20",
    "2023-02-30",
    "2023-13-01",
    "0001-01-01",
    "0000-01-01",
    "9999-12-31",
    "10000-01-01",
    "2023-2-3",
    "2023-02-10T10:00",
    "20230210",
    "-1",
    "igår",
    "",
]
NOWS = [
    "2023-02-10",
    "2023-02-10T14:30",
    "2014-04-20",
    "2023-06-01",
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59",
    "2023-02-30",
    "igår",
    "",
    "2023-02-10T25:00",
    "2023-02-10T10:00+99:00",
    "2023-02-10T10:00Z",
    "1e9",
    "99999-01-01",
]
REFS = [
    "2022-02-22 § 17 RUN/536/2021",
    "2024-02-12 RUN/45/2024",
    "2023-05-23 § 89 RUN/536/2021",
    "RUN/536/2021",
    "2022-02-30 § 17 RUN/536/2021",
    "§ 17",
    "2022-02-22 § 99999999999 X/1/2",
    "9999-12-31 § 1 RUN/1/9999",
    "",
]

BY_NAME: dict[str, list[str]] = {
    "trigger": DRAFTING_TRIGGERS + MEASURE_TRIGGERS,
    "measure_id": MEASURE_IDS,
    "login": LOGINS + ["mallory", "bad login", "IT-ADMIN"],
    "to_login": LOGINS + ["mallory"],
    "members": LOGINS + ["mallory"],
    "role": ROLES + ["bord", "superuser", "BOARD"],
    "roles": ROLES + ["bord", "superuser"],
    "to_role": ROLES + ["bord"],
    "as_role": ROLES + ["bord"],
    "key": BODIES + ["new_body", "Bad Key", "1"],
    "body": BODIES + ["nowhere"],
    "bodies": BODIES + ["nowhere"],
    "kind": ["action_plan", "authority", "municipality", "group", "planet"],
    "state": STATES,
    "goal": ["1.1", "2.1", "9.9", "x"],
    "example": ["jamtland-harjedalen", "narnia", "../jamtland-harjedalen", "."],
    "decision_ref": REFS,
    "day": DATES,
    "since": DATES,
    "until": DATES,
    "reply_by": DATES,
    "received": DATES,
    "until_text": DATES,
    "since_text": DATES,
    "email": ["a@b.example", "not-an-address", "@", "a@b@c"],
    "emails": ["a@b.example", "not-an-address"],
}

# Relative to the per-example folder (the working directory while a command runs).
FILES = [
    "actionplan-2014.yaml",
    "reminders.yaml",
    "drafting.yaml",
    "bodies.yaml",
    "binary.bin",
    "empty.yaml",
    "checkpoint.json",
    "nope.yaml",
    "no/such/dir/x.yaml",
    ".",
    "sub",
    "rsp.db/x",
    "out.txt",
    "",
    "ä ö.yaml",
    "-",
    "caf\udce9.txt",
]
DIRS = ["mail", "newdir", "sub", ".", "actionplan-2014.yaml", "no/such/dir", ""]


def walk(
    command: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every runnable command of the tree with its path, e.g. ('measure', 'show')."""
    if isinstance(command, click.Group):
        if command.invoke_without_command and path:
            yield path, command
        for name in sorted(command.commands):
            yield from walk(command.commands[name], (*path, name))
    elif path not in LONG_RUNNING:
        yield path, command


cli._register_command_groups()  # the groups of other modules are registered on first need
COMMANDS = dict(walk(cli.main))


# Valid-looking values, so that most examples get past click to the services.
GOOD_FILES = {
    "definition_file": ["drafting.yaml"],
    "rules_file": ["reminders.yaml"],
    "checkpoint": ["good-checkpoint.json"],
    "out": ["out.txt", "out.html"],
    "file": ["actionplan-2014.yaml", "bodies.yaml", "drafting.yaml", "reminders.yaml"],
}
GOOD_INTS = {
    "year": ["2014", "2015"],
    "from_year": ["2014"],
    "to_year": ["2015", "2014"],
    "decision_id": ["1", "2", "3"],
    "delegation_id": ["1", "2"],
    "area": ["1", "2"],
    "message_id": ["1", "2", "9"],
    "ids": ["1", "2"],
    "limit": ["5", "1"],
    "due_within": ["14", "0"],
    "expect_version": ["7", "2", "1"],
}
GOOD_DATES = ["2023-02-10", "2023-02-14", "2023-02-27", "2023-03-01", "2022-12-01"]
GOOD_TEXT = ["Samråd", "Ok", "Kommentar med åäö", "x"]


def _good(param: click.Parameter) -> st.SearchStrategy[str]:
    kind, name = param.type, param.name or ""
    if isinstance(kind, click.Path):
        return st.sampled_from(
            ["mail", "newdir"] if kind.file_okay is False else GOOD_FILES.get(name, ["out.txt"])
        )
    if isinstance(kind, click.Choice):
        return st.sampled_from([str(c) for c in kind.choices])
    if kind.name in ("integer", "integer range", "float range", "float"):
        return st.sampled_from(GOOD_INTS.get(name, ["1", "2014"]))
    if BY_NAME.get(name) is DATES:
        return st.sampled_from(GOOD_DATES)
    return st.sampled_from(BY_NAME.get(name) or GOOD_TEXT)


def _hostile(param: click.Parameter) -> st.SearchStrategy[str]:
    """Valid-looking and invalid values for one option or argument."""
    kind = param.type
    if isinstance(kind, click.Path):
        names = DIRS if kind.file_okay is False else FILES
        return st.sampled_from(names)
    if isinstance(kind, click.Choice):
        return st.one_of(
            st.sampled_from([str(c) for c in kind.choices]),
            st.sampled_from(["", "xx", "MD", "mermaid ", "jsonl\n"]),
            HOSTILE_TEXT,
        )
    if kind.name in ("integer", "integer range", "float range", "float"):
        return st.one_of(st.sampled_from(INTS), st.integers(-(2**70), 2**70).map(str))
    known = BY_NAME.get(param.name or "")
    if known:
        return st.one_of(st.sampled_from(known), HOSTILE_TEXT)
    return HOSTILE_TEXT


@st.composite
def global_options(draw: st.DrawFn, hostile: bool) -> list[str]:
    argv: list[str] = []
    if draw(st.booleans()):
        argv += [
            "--now",
            draw(
                st.one_of(st.sampled_from(NOWS), HOSTILE_TEXT)
                if hostile
                else st.sampled_from(NOWS[:4])
            ),
        ]
    if draw(st.integers(0, 3)) == 0:
        argv += [
            "--lang",
            draw(st.sampled_from(["sv", "en", "xx", "", "SV"] if hostile else ["sv", "en"])),
        ]
    if draw(st.integers(0, 4)) == 0:
        argv += [
            "-p",
            draw(
                st.sampled_from(
                    ["rsp-2022-2030", "rsp-x", "", "'; --"] if hostile else ["rsp-2022-2030"]
                )
            ),
        ]
    if hostile and draw(st.integers(0, 4)) == 0:
        argv += [
            "--db",
            draw(
                st.sampled_from(
                    [
                        "",
                        ".",
                        "sub",
                        "no/such/dir/x.db",
                        "binary.bin",
                        "foo://bar",
                        "sqlite://",
                        "postgresql+psycopg://nobody@127.0.0.1:1/none",
                    ]
                )
            ),
        ]
    for param in cli.main.params:  # any other global option, e.g. --template-dir
        if (
            hostile
            and isinstance(param, click.Option)
            and not param.is_flag
            and param.name not in KNOWN_GLOBALS
            and draw(st.integers(0, 5)) == 0
        ):
            argv += [param.opts[0], draw(_hostile(param))]
    return argv


KNOWN_GLOBALS = {"db_value", "now_value", "programme", "lang"}


@st.composite
def argv_for(draw: st.DrawFn, path: tuple[str, ...]) -> list[str]:
    """A hostile argument vector for the command at `path`. Mostly one thing is wrong
    (a global option, one option or argument, or some noise: an unknown option, a stray
    argument, --help) and the rest looks valid; a third of the time anything goes. Each
    option present or not, sometimes repeated; a required one now and then missing."""
    command = COMMANDS[path]
    params = command.params
    anything = draw(st.integers(0, 2)) == 0
    # -2: noise, -1: the global options, else that option or argument (weighted)
    target = draw(st.sampled_from([-2, -1, *range(len(params)), *range(len(params))]))
    argv = [*draw(global_options(anything or target == -1)), *path]
    for i, param in enumerate(params):
        values = _hostile(param) if anything or i == target else _good(param)
        if isinstance(param, click.Argument):
            if param.nargs == -1:
                argv += draw(st.lists(values, min_size=0 if anything else 1, max_size=3))
            elif param.required and (anything or i == target) and draw(st.integers(0, 9)) == 0:
                continue  # missing argument
            else:
                argv.append(draw(values))
            continue
        assert isinstance(param, click.Option)
        wanted = param.required and not ((anything or i == target) and draw(st.integers(0, 9)) == 0)
        if not (wanted or i == target or draw(st.booleans())):
            continue
        flag = draw(st.sampled_from(param.opts))
        for _ in range(draw(st.sampled_from([1, 1, 1, 2]))):  # sometimes repeated
            argv += [flag] if param.is_flag else [flag, draw(values)]
    if anything or target == -2:
        noise = draw(st.integers(0, 5 if target == -2 else 11))
        if noise == 0:
            argv.append("--frobnicate")
        elif noise == 1:
            argv.append(draw(HOSTILE_TEXT))  # a stray argument
        elif noise == 2:
            argv.insert(draw(st.integers(0, len(argv))), "--help")
    return argv


USERS = st.one_of(
    st.sampled_from(LOGINS),
    st.sampled_from(
        ["mallory", "", "root", "IT-ADMIN", "x" * 300, "'; DROP TABLE person; --", "caf\udce9"]
    ),
)


# --- the database and its dump ----------------------------------------------------------


def clean_env(db: str, user: str, now: str | None = NOW) -> dict[str, str | None]:
    """The environment a command runs with: nothing of ours (no SMTP) but these."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("RSP_")}
    env.update(RSP_DATABASE_URL=db, RSP_USER=user or None, RSP_NOW=now)
    return env


def invoke(argv: list[str], db: str, user: str, now: str | None = NOW) -> Result:
    return CliRunner().invoke(cli.main, argv, env=clean_env(db, user, now), catch_exceptions=True)


def must(argv: list[str], db: str, user: str, now: str) -> None:
    r = invoke(argv, db, user, now)
    assert r.exit_code == 0, (argv, r.output)


def build_database(path: Path) -> str:
    """The example programme, one person per role, the process in remiss_open with a
    remiss, board and delegated decisions, a measure under way and reminders queued."""
    db = str(path)
    must(["init", "--example", "jamtland-harjedalen", "--replay"], db, "it-admin", "2021-10-15")
    must(["plan", "import", str(PLAN_2014), "--year", "2014"], db, "it-admin", "2021-10-15")
    for login, role in (
        ("sekreterare", "board"),
        ("ordforande", "steering_group"),
        ("processledare", "working_group"),
        ("landsbygdsutvecklare", "service_z"),
    ):
        must(
            [
                "people",
                "add",
                login,
                "--name",
                login.title(),
                "--email",
                f"{login}@region.example",
                "--role",
                role,
            ],
            db,
            "it-admin",
            "2021-10-15",
        )
    must(["people", "add", "direktor", "--name", "Anna Direktör"], db, "it-admin", "2021-10-15")
    must(["people", "add", "handlaggare", "--name", "Eva"], db, "it-admin", "2021-10-15")
    must(["bodies", "member", "lansstyrelsen", "handlaggare"], db, "it-admin", "2021-10-15")
    board, wg = "sekreterare", "processledare"
    for user, now, args in (
        (board, "2022-02-22", ["decide_start", "--decision", REFS[0]]),
        (wg, "2022-03-01", ["begin_drafting"]),
        (wg, "2022-03-15", ["consult_service_z", "-m", "Samråd"]),
        (wg, "2022-04-05", ["check_in_steering_group", "-m", "Avstämning"]),
        (board, "2022-11-22", ["decide_remiss", "--decision", "2022-11-22 § 152 RUN/536/2021"]),
    ):
        must(["advance", *args], db, user, now)
    must(
        ["remiss", "open", "kommunerna", "lansstyrelsen", "miun", "-m", "Remissutgåvan"],
        db,
        wg,
        "2022-11-25",
    )
    must(
        [
            "remiss",
            "reply",
            "lansstyrelsen",
            "--received",
            "2023-01-20",
            "--position",
            "comments",
            "--summary",
            "Mätbara delmål",
        ],
        db,
        wg,
        "2023-01-20",
    )
    must(["decision", "approve-minutes", "1", "--date", "2022-03-01"], db, board, "2022-03-01")
    must(
        [
            "delegate",
            "action_plan",
            "--to",
            "direktor",
            "--decision",
            "2022-11-22 § 153 RUN/536/2021",
        ],
        db,
        board,
        "2022-11-22",
    )
    must(
        ["decide", "action_plan", "--decision", "2022-12-12 RUN/45/2022", "-m", "Plan 2023"],
        db,
        "direktor",
        "2022-12-12",
    )
    must(["measure", "advance", "1.A", "start"], db, "handlaggare", "2014-03-01")
    must(["measure", "note", "1.A", "Kartläggning pågår"], db, "handlaggare", "2014-03-02")
    must(["remind", "run-once", "--no-send"], db, "it-admin", "2023-02-13T08:30")
    point = invoke(["audit", "checkpoint"], db, "it-admin", "2023-02-13")
    path.with_name("good-checkpoint.json").write_text(point.stdout, encoding="utf-8")
    return db


def prepare_folder(folder: Path, base: str) -> str:
    """A fresh copy of the database, with the files the path values name."""
    folder.mkdir(parents=True)
    db = folder / "rsp.db"
    shutil.copyfile(base, db)
    shutil.copyfile(Path(base).with_name("good-checkpoint.json"), folder / "good-checkpoint.json")
    for name in ("reminders.yaml", "bodies.yaml"):
        shutil.copyfile(EXAMPLE / name, folder / name)
    shutil.copyfile(PLAN_2014, folder / "actionplan-2014.yaml")
    shutil.copyfile(workflows.path_of("drafting"), folder / "drafting.yaml")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.yaml").write_text("", encoding="utf-8")
    (folder / "checkpoint.json").write_text('{"id": "x", "hash": [1]}', encoding="utf-8")
    (folder / "ä ö.yaml").write_text("a: [\n", encoding="utf-8")
    (folder / "sub").mkdir()
    return str(db)


Dump = dict[str, list[tuple[Any, ...]]]


def dump(db: str) -> Dump:
    """Every table's rows (by rowid) and the schema itself, to compare exactly."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out: Dump = {
            "sqlite_master": sorted(
                conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"), key=repr
            )
        }
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall():
            out[name] = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
        return out
    finally:
        conn.close()


def assert_unchanged_but_refusals(before: Dump, after: Dump) -> None:
    """Nothing changed, except refused attempts appended to the audit trail (that is by
    design: every attempt is audited, a refused one in its own transaction)."""
    assert after.keys() == before.keys()
    for table in before:
        if table != "audit_event":
            assert after[table] == before[table], f"table {table} changed"
    old, new = before["audit_event"], after["audit_event"]
    assert new[: len(old)] == old, "audit rows were changed"
    outcome = 5  # audit_event columns: id, at, actor, role, action, outcome, ...
    added = new[len(old) :]
    assert all(row[outcome] == "refused" for row in added), added
    assert len(added) <= 1, added


def assert_clear_failure(r: Result) -> None:
    """No traceback, an exit status of 0, 1 or 2, and on failure a message."""
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        import traceback

        raise AssertionError(
            "an exception escaped:\n" + "".join(traceback.format_exception(r.exception))
        )
    assert "Traceback" not in r.output
    assert r.exit_code in (0, 1, 2), (r.exit_code, r.output)
    if r.exit_code:
        assert r.stderr.strip(), "a failure without a message"
        assert re.search(r"\b(error|broken)\b", r.stderr, re.IGNORECASE), r.stderr
