"""A database URL's password never appears in what rsp says: not in a refused URL, not
in a connection error, not where the database is named (`status`, `db upgrade`, the
daemon); a URL rsp cannot connect with is an error message, not a traceback. Through
the real `rsp` command."""

from __future__ import annotations

import pytest

from process.storage.database import hide_passwords, scrub, url_secrets
from tests.support import PG_URL, require_postgres, run_rsp

SECRET = "s3cret-Lösen"
QUERY_SECRET = "q5ecret"


@pytest.mark.parametrize(
    "url",
    [
        f"nosuch://rsp:{SECRET}@db.example/rsp",
        f"postgresql+psycopg://rsp:{SECRET}@127.0.0.1:notaport/rsp",
        f"post gres://rsp:{SECRET}@db.example/rsp",
        f"postgresql+psycopg://rsp:{SECRET}@127.0.0.1:1/rsp",
        f"postgresql+psycopg://rsp:{SECRET}@127.0.0.1:1/rsp?password={QUERY_SECRET}",
        f"postgresql+psycopg://rsp:{SECRET}@127.0.0.1:5432/test?nosuchoption=1",
        f"postgresql+psycopg://rsp@127.0.0.1:1/rsp?sslpassword={QUERY_SECRET}&sslmode=disable",
    ],
)
def test_no_message_shows_the_password(url):
    for argv in (["status"], ["db", "upgrade"], ["people", "list"]):
        r = run_rsp(*argv, db=url)
        shown = r.stdout + r.stderr
        assert r.returncode == 1, shown
        assert "Traceback" not in shown and shown.startswith("Error: "), shown
        assert SECRET not in shown and QUERY_SECRET not in shown, shown
        assert "s3cret" not in shown, shown


@pytest.mark.postgres
def test_the_named_database_hides_its_password():
    require_postgres()
    user_part, rest = PG_URL.split("://", 1)[1].split("@", 1)
    url = f"postgresql+psycopg://{user_part.split(':')[0]}:{SECRET}@{rest}"
    url += ("&" if "?" in url else "?") + f"password={QUERY_SECRET}"
    r = run_rsp("status", db=url)
    shown = r.stdout + r.stderr
    assert SECRET not in shown and QUERY_SECRET not in shown, shown
    assert "Traceback" not in shown


def test_hiding_and_scrubbing():
    assert (
        hide_passwords("x postgresql://u:p@ss@h:5432/db?password=z&a=b y")
        == "x postgresql://u:***@h:5432/db?password=***&a=b y"
    )
    url = "postgresql://u:p%40ss@h/db?sslpassword=abc"
    assert url_secrets(url) == ["p%40ss", "p@ss", "abc"]
    assert scrub("driver said: password=p@ss; key abc", url) == "driver said: password=***; key ***"
