"""Small parts of issue 17 that need no process: the settings file's lines and refusals,
the scheduler's clear stop without fcntl (Windows), the database password by reference."""

from __future__ import annotations

import sys

import pytest

from process.core import config
from process.core.errors import InvalidInput, RspError


def test_key_lines_and_problems_name_their_lines() -> None:
    text = (
        '# rsp\n[database]\nurl = "rsp.db"\n\n[smtp]\n  host = "smtp.x"\n'
        '"password" = "x"\n[general]\nlang = "en"\n"färg" = 1\n'
    )
    loaded = config.parse(text, "rsp.toml")
    assert loaded.values["RSP_DATABASE_URL"] == ("rsp.db", 3)
    assert loaded.values["RSP_SMTP_HOST"] == ("smtp.x", 6)
    assert loaded.values["RSP_LANG"] == ("en", 9)
    assert [(p.line, p.message.split(":")[0]) for p in loaded.problems] == [
        (7, "smtp.password"),
        (10, "general.färg"),
    ]


def test_the_environment_wins_over_the_file() -> None:
    loaded = config.parse('[general]\nlang = "en"\nprogramme = "p"\n', "f.toml")
    environ = {"RSP_LANG": "sv"}
    applied = config.apply(loaded, environ)
    assert environ == {"RSP_LANG": "sv", "RSP_PROGRAMME": "p"}
    assert applied.from_file == {"RSP_PROGRAMME": 3}


def test_a_url_with_a_password_and_a_true_false_value() -> None:
    loaded = config.parse(
        '[database]\nurl = "postgresql://u:pw@h/d"\n[web]\nemail_sign_in = false\n', "f.toml"
    )
    assert loaded.problems[0].line == 2 and "holds a password" in loaded.problems[0].message
    assert loaded.values == {"RSP_WEB_EMAIL_SIGN_IN": ("no", 4)}


def test_the_scheduler_says_it_needs_linux_without_fcntl(monkeypatch) -> None:
    from notifications import daemon

    monkeypatch.setitem(sys.modules, "fcntl", None)  # as on Windows: import fails
    with pytest.raises(RspError, match="needs Linux"):
        daemon._fcntl()


def test_the_database_password_by_reference(tmp_path) -> None:
    from process.storage.database import password_by_reference

    pw = tmp_path / "db.pw"
    pw.write_text("hemligt\n", encoding="utf-8")
    assert password_by_reference({"RSP_DATABASE_PASSWORD_FILE": str(pw)}) == "hemligt"
    assert password_by_reference({"RSP_DATABASE_PASSWORD_ENV": "X", "X": "h2"}) == "h2"
    assert password_by_reference({}) is None
    with pytest.raises(InvalidInput, match="not set or empty"):
        password_by_reference({"RSP_DATABASE_PASSWORD_ENV": "NOPE"})
    with pytest.raises(InvalidInput, match="not both"):
        password_by_reference(
            {"RSP_DATABASE_PASSWORD_ENV": "X", "RSP_DATABASE_PASSWORD_FILE": str(pw)}
        )
