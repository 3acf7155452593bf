"""`rsp serve` as an operator starts it: a wrong setting is a clear error (exit 1, no
traceback), health answers, and a sign-in link's token never reaches the access log."""

from __future__ import annotations

import httpx
import pytest

from tests.support import HANG_GUARD, run_rsp
from tests.webserver import rsp_serve

http = httpx.Client(timeout=HANG_GUARD)  # waits bounded only by the hang guard

NOW = "2022-03-01"


@pytest.fixture(scope="module")
def dbfile(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("serve") / "rsp.db")
    r = run_rsp("init", "--example", "jamtland-harjedalen", "--replay", db=db, now=NOW)
    assert r.returncode == 0, r.stderr
    return db


@pytest.mark.parametrize(
    "args, env, says",
    [
        (["--host", "0.0.0.0"], {}, "set RSP_BASE_URL to the address people use"),
        ([], {"RSP_WEB_SECURE_COOKIES": "ibland"}, "RSP_WEB_SECURE_COOKIES='ibland': use auto"),
        ([], {"RSP_OIDC_ISSUER": "https://login.example/t"}, "set RSP_OIDC_CLIENT_ID too"),
        (["--workers", "2", "--port", "0"], {}, "--workers needs a fixed --port"),
    ],
)
def test_a_wrong_setting_is_named(dbfile, args, env, says):
    r = run_rsp("serve", *args, db=dbfile, env=env)
    assert r.returncode == 1 and says in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_a_database_without_rsp_is_refused(tmp_path):
    r = run_rsp("serve", "--db", str(tmp_path / "tom.db"), db="unused")
    assert r.returncode == 1 and f"no database at {tmp_path / 'tom.db'}" in r.stderr
    assert "'rsp init'" in r.stderr and not (tmp_path / "tom.db").exists()  # not created
    (tmp_path / "tom.db").touch()
    r = run_rsp("serve", "--db", str(tmp_path / "tom.db"), db="unused")
    assert r.returncode == 1 and "has no rsp schema yet: run 'rsp init' first" in r.stderr


def test_health_and_no_token_in_the_log(dbfile, tmp_path):
    from pathlib import Path

    env = {"RSP_MAIL_TRANSPORT": "file", "RSP_OUTBOX_DIR": str(tmp_path / "outbox")}
    with rsp_serve(Path(dbfile), NOW, env) as server:
        assert http.get(server.url + "/healthz").text == "ok"
        assert http.get(server.url + "/readyz").text == "ok"
        secret = "Hemlig-Token-Som-Inte-Far-Loggas"
        r = http.get(server.url + "/sign-in/link", params={"token": secret})
        assert r.status_code == 404 and "Länken fungerar inte" in r.text
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        server.process.terminate()
        out, _err = server.process.communicate(timeout=HANG_GUARD)
    log = "".join(server.lines) + out
    assert "GET /sign-in/link?token=… HTTP/1.1" in log and secret not in log


def test_now_is_for_a_replay_database_only(tmp_path):
    db = str(tmp_path / "real.db")
    assert run_rsp("init", "--example", "jamtland-harjedalen", db=db, now=None).returncode == 0
    r = run_rsp("serve", "--port", "0", db=db, now=NOW)
    assert (
        r.returncode == 1
        and "writes with it are allowed only on a database made for replay" in r.stderr
        and "Traceback" not in r.stderr
    )
