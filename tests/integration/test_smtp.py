"""The real SMTP path: aiosmtpd on 127.0.0.1 with STARTTLS required (or implicit TLS) and
AUTH, a CA and certificate made by the test, trusted through the CA file setting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from email import message_from_bytes, policy
from pathlib import Path

import pytest
import sqlalchemy as sa

from notifications.mail import outbox, sender
from notifications.mail.transports import SmtpSettings, SmtpTransport, TransportConfigError
from notifications.reminders import sweep
from notifications.reminders.rules import load_rules
from process.core.clock import FixedClock
from tests.mailsupport import (
    SMTP_PASSWORD,
    SMTP_USER,
    make_certificates,
    smtp_server,
    synthetic,
)
from tests.support import HANG_GUARD, at

RULES = load_rules()
FROM = "Regionalt serviceprogram <rsp@region.example>"


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("certs"))


def transport_for(server, password: str = SMTP_PASSWORD, **change) -> SmtpTransport:
    settings = SmtpSettings(
        host=server.host,
        port=server.port,
        tls="starttls",
        user=SMTP_USER,
        password_env="RSP_TEST_SMTP_PASSWORD",
        cafile=str(server.certs.ca),
        timeout=HANG_GUARD,
        helo="localhost",
    )
    return SmtpTransport(dataclasses.replace(settings, **change), password)


def outbox_rows(db):
    t = outbox.TABLE
    with db.read() as s:
        return s.connection().execute(sa.select(t).order_by(t.c.id)).all()


def queue(db, n: int = 1) -> FixedClock:
    clock = FixedClock(at("2023-05-08", 10))
    sweep.sweep(db, clock, RULES, sources=[synthetic(n)], domain="region.example")
    return clock


def test_a_normal_send_over_starttls_with_auth(sqlite_db, certs):
    clock = queue(sqlite_db)
    with smtp_server(certs) as server:
        report = sender.send_pending(sqlite_db, clock, transport_for(server), FROM)
    assert (report.sent, report.failed, report.retry) == (2, 0, 0)
    got = server.handler.received
    assert [r.rcpt_tos for r in got] == [["lead0@kommun.example"], ["rsp@lansstyrelsen.example"]]
    assert all(r.tls and r.authenticated and r.mail_from == "rsp@region.example" for r in got)
    rows = outbox_rows(sqlite_db)
    msg = message_from_bytes(got[0].data, policy=policy.default)
    assert msg["Message-ID"].strip() == rows[0].message_id
    assert msg.get_content_type() == "multipart/alternative"
    assert str(msg["Subject"]).startswith("Påminnelse: Åtgärd 0: servicepunkter – senast")
    assert str(msg["Cc"]) == "Länsstyrelsen <rsp@lansstyrelsen.example>"
    assert {r.status for r in rows} == {"sent"}
    assert all(r.sent_at == clock.now() for r in rows)


def test_the_date_header_is_swedish_time_from_a_utc_clock(sqlite_db, certs):
    queue(sqlite_db)
    utc = FixedClock(at("2023-05-08", 10).astimezone(dt.UTC))  # as the system clock gives it
    with smtp_server(certs) as server:
        sender.send_pending(sqlite_db, utc, transport_for(server), FROM)
    msg = message_from_bytes(server.handler.received[0].data, policy=policy.default)
    assert msg["Date"] == "Mon, 08 May 2023 10:00:00 +0200"


NO_TLS_WARNING = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@NO_TLS_WARNING
def test_implicit_tls(sqlite_db, certs):
    """Port 465 style: TLS from the first byte (aiosmtpd cannot tell, so only the
    client's side shows it: a plain client could not talk to this server at all)."""
    clock = queue(sqlite_db)
    with smtp_server(certs, tls="ssl") as server:
        report = sender.send_pending(sqlite_db, clock, transport_for(server, tls="ssl"), FROM)
    assert report.sent == 2 and all(r.authenticated for r in server.handler.received)


def test_a_4xx_answer_is_retried_with_backoff_then_sent(sqlite_db, certs):
    clock = queue(sqlite_db)
    with smtp_server(certs) as server:
        server.handler.script = ["451 4.3.0 Mailbox busy, try again later"]
        first = sender.send_pending(sqlite_db, clock, transport_for(server), FROM)
        assert (first.sent, first.retry) == (1, 1)
        busy = [r for r in outbox_rows(sqlite_db) if r.status == "pending"]
        assert [(r.attempts, r.last_error) for r in busy] == [
            (1, "451 4.3.0 Mailbox busy, try again later")
        ]
        assert busy[0].next_attempt_at == clock.now() + dt.timedelta(minutes=1)
        clock.advance(minutes=1)
        second = sender.send_pending(sqlite_db, clock, transport_for(server), FROM)
    assert second.sent == 1
    assert len(server.handler.received) == 2
    assert {r.status for r in outbox_rows(sqlite_db)} == {"sent"}


def test_a_5xx_answer_fails_with_the_servers_reason(sqlite_db, certs):
    clock = queue(sqlite_db)
    with smtp_server(certs) as server:
        server.handler.script = ["554 5.7.1 Message rejected as spam"]
        report = sender.send_pending(sqlite_db, clock, transport_for(server), FROM)
    assert (report.sent, report.failed) == (1, 1)
    failed = [r for r in outbox_rows(sqlite_db) if r.status == "failed"]
    assert [r.last_error for r in failed] == ["554 5.7.1 Message rejected as spam"]
    with sqlite_db.read() as s:
        detail = (
            s.connection()
            .execute(sa.text("SELECT detail FROM audit_event WHERE action = 'mail.failed'"))
            .scalar_one()
        )
    assert "554 5.7.1 Message rejected as spam" in detail


def test_a_dropped_connection_is_retried(sqlite_db, certs):
    clock = queue(sqlite_db)
    with smtp_server(certs) as server:
        server.handler.script = ["drop"]
        first = sender.send_pending(sqlite_db, clock, transport_for(server), FROM)
        assert (first.sent, first.retry) == (1, 1)  # the next message reconnected
        dropped = [r for r in outbox_rows(sqlite_db) if r.status == "pending"]
        assert "connection to SMTP server 127.0.0.1" in dropped[0].last_error
        clock.advance(minutes=1)
        assert sender.send_pending(sqlite_db, clock, transport_for(server), FROM).sent == 1
    assert {r.status for r in outbox_rows(sqlite_db)} == {"sent"}


def test_a_server_that_is_down_is_retried(sqlite_db, certs):
    clock = queue(sqlite_db)
    with smtp_server(certs) as server:
        port = server.port
    closed = dataclasses.replace(server, port=port)  # nothing listens there any more
    report = sender.send_pending(sqlite_db, clock, transport_for(closed), FROM)
    assert (report.sent, report.retry) == (0, 2)
    assert all("cannot reach SMTP server" in r.last_error for r in outbox_rows(sqlite_db))


def test_a_wrong_password_is_a_clear_error_and_never_shown(sqlite_db, certs, caplog):
    wrong = "Fel-Losen-0000-QqQ"
    clock = queue(sqlite_db)
    with smtp_server(certs) as server, pytest.raises(TransportConfigError) as err:
        sender.send_pending(sqlite_db, clock, transport_for(server, password=wrong), FROM)
    message = str(err.value)
    assert f"refused the login of '{SMTP_USER}': 535" in message
    assert "check the password in the environment variable RSP_TEST_SMTP_PASSWORD" in message
    assert server.handler.logins and not any(ok for _m, ok in server.handler.logins)
    assert server.handler.received == []
    rows = outbox_rows(sqlite_db)
    assert {(r.status, r.attempts) for r in rows} == {("pending", 0)}  # handed back
    assert_secret_absent(sqlite_db, wrong, message + caplog.text)


def test_a_password_smtp_auth_cannot_carry_is_a_clear_error(sqlite_db, certs):
    clock = queue(sqlite_db)
    with smtp_server(certs) as server, pytest.raises(TransportConfigError) as err:
        sender.send_pending(sqlite_db, clock, transport_for(server, password="Lösenörd"), FROM)
    assert "outside ASCII" in str(err.value) and "Lösenörd" not in str(err.value)


def assert_secret_absent(db, secret: str, text: str) -> None:
    import base64

    forms = [
        secret,
        base64.b64encode(secret.encode()).decode(),
        base64.b64encode(f"\0{SMTP_USER}\0{secret}".encode()).decode(),
    ]
    with db.read() as s:
        conn = s.connection()
        dump = []
        for table in ("outbox_message", "audit_event"):
            dump += [repr(tuple(r)) for r in conn.execute(sa.text(f"SELECT * FROM {table}"))]
    everything = text + "\n".join(dump)
    for form in forms:
        assert form not in everything


def test_an_untrusted_certificate_is_refused(sqlite_db, certs):
    clock = queue(sqlite_db)
    with (
        smtp_server(certs) as server,
        pytest.raises(TransportConfigError, match="certificate is not trusted"),
    ):
        sender.send_pending(sqlite_db, clock, transport_for(server, cafile=None), FROM)
    assert server.handler.received == [] and server.handler.logins == []


@NO_TLS_WARNING
def test_a_server_without_starttls_gets_nothing(sqlite_db, certs):
    clock = queue(sqlite_db)
    with (
        smtp_server(certs, tls="none") as server,
        pytest.raises(
            TransportConfigError,
            match="does not offer STARTTLS; rsp does not send mail unencrypted",
        ),
    ):
        sender.send_pending(sqlite_db, clock, transport_for(server), FROM)
    assert server.handler.logins == []


def test_the_cli_with_a_wrong_password(tmp_path: Path, certs):
    """`rsp remind run-once` as a user runs it: exit 1, a clear message, no password."""
    from tests.support import run_rsp

    db = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
        ).returncode
        == 0
    )
    assert (
        run_rsp(
            "people",
            "add",
            "sekreterare",
            "--name",
            "Karin",
            "--email",
            "karin@region.example",
            "--role",
            "board",
            db=db,
        ).returncode
        == 0
    )
    wrong = "Fel-Losen-1111-ZzZ"
    with smtp_server(certs) as server:
        env = {
            "RSP_SMTP_HOST": server.host,
            "RSP_SMTP_PORT": str(server.port),
            "RSP_SMTP_TLS": "starttls",
            "RSP_SMTP_USER": SMTP_USER,
            "RSP_SMTP_PASSWORD_ENV": "RSP_TEST_SECRET",
            "RSP_TEST_SECRET": wrong,
            "RSP_SMTP_CAFILE": str(certs.ca),
            "RSP_SMTP_HELO": "localhost",
            "RSP_SMTP_TIMEOUT": str(HANG_GUARD),
            "RSP_MAIL_FROM": FROM,
        }
        r = run_rsp("remind", "run-once", db=db, now="2022-02-10", env=env)
        assert r.returncode == 1, r.stdout + r.stderr
        assert "refused the login of 'rsp-avsandare': 535" in r.stderr
        assert "Traceback" not in r.stderr
        env["RSP_TEST_SECRET"] = SMTP_PASSWORD
        ok = run_rsp("remind", "run-once", db=db, now="2022-02-10T09:05", env=env)
        assert ok.returncode == 0, ok.stderr
        assert "utskick: 1 skickade" in ok.stdout
    from process.storage.database import open_database

    database = open_database(db)
    try:
        assert_secret_absent(database, wrong, r.stdout + r.stderr + ok.stdout + ok.stderr)
        assert_secret_absent(database, SMTP_PASSWORD, r.stdout + r.stderr + ok.stdout)
    finally:
        database.dispose()


def test_the_settings_file_with_the_password_in_a_file(tmp_path: Path, certs):
    """The SMTP settings from a settings file, the password from the file it names (mode
    0400): `rsp remind run-once` logs in and sends; the password is shown nowhere."""
    from tests.support import run_rsp

    db = str(tmp_path / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15"
        ).returncode
        == 0
    )
    assert (
        run_rsp(
            "people",
            "add",
            "sekreterare",
            "--name",
            "Karin",
            "--email",
            "karin@region.example",
            "--role",
            "board",
            db=db,
        ).returncode
        == 0
    )
    secret = tmp_path / "smtp.pw"
    secret.write_text(SMTP_PASSWORD + "\n", encoding="utf-8")
    secret.chmod(0o400)
    with smtp_server(certs) as server:
        conf = tmp_path / "rsp.toml"
        conf.write_text(
            f"""[mail]
from = "{FROM}"
[smtp]
host = "{server.host}"
port = {server.port}
tls = "starttls"
user = "{SMTP_USER}"
password_file = "{secret}"
cafile = "{certs.ca}"
helo = "localhost"
timeout = {HANG_GUARD}
""",
            encoding="utf-8",
        )
        sent = run_rsp("--config", str(conf), "remind", "run-once", db=db, now="2022-02-10")
        checked = run_rsp("--config", str(conf), "config", "check", db=db)
    assert sent.returncode == 0, sent.stderr
    assert "utskick: 1 skickade" in sent.stdout and "password from file" in sent.stdout
    assert server.handler.received and all(r.authenticated for r in server.handler.received)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for text in (sent.stdout, sent.stderr, checked.stdout, checked.stderr):
        assert SMTP_PASSWORD not in text
