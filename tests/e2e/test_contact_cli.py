"""Names and addresses obey one rule at every entry point of the real `rsp` command
(`people add`, `bodies add`, `bodies import`, `init --admin-*`, RSP_MAIL_FROM): a line
break, NUL or other control character is refused, and so is an address rsp's sender
cannot deliver, with the reason — nothing is written. (Before, `bodies import` took a
name with CR/LF and an address with NUL, and that body's reminders were then never
queued.)"""

from __future__ import annotations

import sqlite3

import pytest

from tests.support import run_rsp

BODIES = """\
bodies:
  - key: berg
    name: Bergs kommun
    kind: municipality
    emails: [landsbygd@berg.kommun.example]
  - key: elak
    name: "Elak kommun\\r\\nBcc: x@evil.example"
    kind: municipality
    emails: ["rsp\\0@elak.kommun.example", "kommun@åre.se"]
"""


def refused(r, *words: str) -> None:
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    for w in words:
        assert w in r.stderr, r.stderr


def tables(db: str) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return (
            conn.execute("SELECT count(*) FROM body").fetchone()[0],
            conn.execute("SELECT count(*) FROM person").fetchone()[0],
        )


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "rsp.db")
    r = run_rsp("init", "--example", "jamtland-harjedalen", db=path)
    assert r.returncode == 0, r.stderr
    return path


def test_bodies_import_refuses_control_characters_and_undeliverable_addresses(db, tmp_path):
    path = tmp_path / "bodies.yaml"
    path.write_text(BODIES, encoding="utf-8")
    before = tables(db)
    r = run_rsp("bodies", "import", str(path), db=db)
    refused(
        r,
        f"{path}:7: body elak: field 'name': 'Elak kommun\\r\\nBcc: x@evil.example' "
        "contains the control character U+000D",
        f"{path}:9: body elak: field 'emails[0]': 'rsp\\x00@elak.kommun.example' contains "
        "the control character U+0000",
        "field 'emails[1]': 'kommun@åre.se' has letters outside ASCII in its domain: rsp "
        "sends mail without SMTPUTF8; write the domain in its ASCII form: "
        "kommun@xn--re-xia.se",
    )
    assert tables(db) == before


@pytest.mark.parametrize(
    "argv,words",
    [
        (
            [
                "bodies",
                "add",
                "x",
                "--name",
                "X\nBcc: y@evil.example",
                "--kind",
                "municipality",
                "--email",
                "x@x.example",
            ],
            "name 'X\\nBcc: y@evil.example' contains the control character U+000A",
        ),
        (
            [
                "bodies",
                "add",
                "x",
                "--name",
                "X",
                "--kind",
                "municipality",
                "--email",
                "åsa@x.example",
            ],
            "has letters outside ASCII before the '@'",
        ),
        (
            ["bodies", "add", "x", "--name", "X", "--kind", "municipality", "--email", "x@x"],
            "is not a domain name like example.org",
        ),
        (
            ["people", "add", "kalle", "--name", "Kalle\rAnka", "--email", "kalle@x.example"],
            "contains the control character U+000D",
        ),
        (
            ["people", "add", "kalle", "--name", "Kalle", "--email", "kalle@östersund.se"],
            "write the domain in its ASCII form: kalle@xn--stersund-m4a.se",
        ),
    ],
)
def test_add_commands_refuse_with_the_reason(db, argv, words):
    before = tables(db)
    refused(run_rsp(*argv, db=db), words)
    assert tables(db) == before


def test_init_and_the_mail_settings_follow_the_same_rule(tmp_path, db):
    r = run_rsp(
        "init",
        "--example",
        "jamtland-harjedalen",
        "--admin-name",
        "Anna",
        "--admin-email",
        "anna@åre.se",
        db=str(tmp_path / "new.db"),
        user="anna",
    )
    refused(r, "anna@xn--re-xia.se")
    r = run_rsp(
        "remind", "run-once", db=db, env={"RSP_MAIL_FROM": "Region\u2028JH <rsp@region.example>"}
    )
    refused(
        r,
        "RSP_MAIL_FROM 'Region\\u2028JH <rsp@region.example>' contains the control "
        "character U+2028",
    )
