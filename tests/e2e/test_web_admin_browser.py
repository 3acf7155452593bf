"""The administration pages in a real browser: Debian's Chromium driven by Playwright
against the real `rsp serve` on a real SQLite file. A reminder was refused by the real SMTP
server (550) when the real `rsp remind run-once` sent it; the administrator finds it first
in the outbox and sends it again; reads the reminder rules in force; verifies the audit
trail; adds a body after one refused form, then a contact person to it. Every page passes
axe-core's WCAG 2.1 A and AA rules with zero violations, at 1280 and 390 px.

Without Chromium the tests are skipped (fail with CI=true)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.e2e.test_web_part2_browser import _db, served, signed_in
from tests.mailsupport import SMTP_PASSWORD, SMTP_USER, make_certificates, smtp_server
from tests.support import HANG_GUARD, PLAN_2014, run_rsp
from tests.webserver import Checker, chromium, chromium_path

P = "/p/rsp-2022-2030"
FROM = "Regionalt serviceprogram <rsp@region.example>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def checker(tmp_path: Path) -> Checker:
    return Checker(tmp_path / "screenshots")


def statuses(db: Path) -> dict[int, str]:
    from process.storage.database import open_database
    from process.storage.outbox_table import OutboxMessage

    database = open_database(f"sqlite:///{db}")
    try:
        t = OutboxMessage.__table__  # type: ignore[attr-defined]
        with database.read() as session:
            return dict(session.connection().execute(sa.select(t.c.id, t.c.status)).all())  # type: ignore[arg-type]
    finally:
        database.dispose()


@pytest.fixture
def mailed_db(tmp_path: Path) -> Path:
    """The 2014 plan; on 23 April the reminders of the measures due 30 April went out
    through a real SMTP server, which refused the first (550 5.1.1)."""
    chromium_path()
    (tmp_path / "db").mkdir()
    db, rsp = _db(tmp_path / "db", "2014-01-10")
    rsp("plan", "import", str(PLAN_2014), "--year", "2014", now="2014-01-10")
    certs = make_certificates(tmp_path)
    with smtp_server(certs) as server:
        server.handler.script.append("550 5.1.1 user unknown")
        env = {
            "RSP_SMTP_HOST": server.host,
            "RSP_SMTP_PORT": str(server.port),
            "RSP_SMTP_TLS": "starttls",
            "RSP_SMTP_CAFILE": str(certs.ca),
            "RSP_SMTP_USER": SMTP_USER,
            "RSP_SMTP_PASSWORD_ENV": "RSP_TEST_SECRET",
            "RSP_TEST_SECRET": SMTP_PASSWORD,
            "RSP_SMTP_HELO": "localhost",
            "RSP_SMTP_TIMEOUT": str(HANG_GUARD),
            "RSP_MAIL_FROM": FROM,
        }
        r = run_rsp("remind", "run-once", db=str(db), now="2014-04-23T10:00", env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert list(statuses(db).values()).count("failed") == 1, r.stdout
    return db


def test_an_administrator_administers_in_the_browser(browser, mailed_db, tmp_path, checker):
    failed = next(i for i, s in statuses(mailed_db).items() if s == "failed")
    with served(mailed_db, "2014-04-23T11:00", tmp_path / "outbox") as server:
        it = signed_in(browser, server, "it-admin", P)
        menu = it.get_by_role("navigation", name="Huvudmeny")
        for word in ("Organisationer", "Påminnelseregler", "Utkorgen", "Granskningsspåret"):
            assert menu.get_by_role("link", name=word).count() == 1

        # the outbox: the refused mail first, sent again
        menu.get_by_role("link", name="Utkorgen").click()
        assert it.locator("h1").inner_text() == "Utkorgen"
        first = it.locator("tbody tr").first
        assert "Misslyckad" in first.inner_text() and "550 5.1.1 user unknown" in first.inner_text()
        checker.check(it, "outbox")
        first.get_by_role("button", name=re.compile("^Skicka igen")).click()
        assert "1 utskick ligger i kön igen" in it.get_by_role("status").inner_text()
        assert statuses(mailed_db)[failed] == "pending"
        checker.check(it, "outbox-retried")

        # the reminder rules in force
        it.get_by_role("navigation", name="Huvudmeny").get_by_role(
            "link", name="Påminnelseregler"
        ).click()
        assert it.locator("h1").inner_text() == "Påminnelseregler i kraft"
        assert "14 dagar före tidsgränsen" in it.content()
        checker.check(it, "reminder-rules")

        # the audit trail: verified on request
        it.get_by_role("navigation", name="Huvudmeny").get_by_role(
            "link", name="Granskningsspåret"
        ).click()
        assert it.locator("h1").inner_text() == "Granskningsspårets status"
        checker.check(it, "audit-status")
        it.get_by_role("button", name="Kontrollera spåret nu").click()
        assert it.get_by_role("status").inner_text() == "Kontrollen är klar."
        assert it.locator("#verdict").inner_text().startswith("Spåret höll:")
        checker.check(it, "audit-verified")

        # a body: one refused form, then added, then a contact person
        it.get_by_role("navigation", name="Huvudmeny").get_by_role(
            "link", name="Organisationer"
        ).click()
        assert it.locator("h1").inner_text() == "Organisationer och kontaktpersoner"
        checker.check(it, "bodies")
        form = it.locator("form", has=it.get_by_role("heading", name="Lägg till en organisation"))
        form.get_by_label(re.compile("^Kortnamn")).fill("trafikverket")
        form.get_by_label(re.compile("^Namn")).fill("Trafikverket region Mitt")
        form.get_by_label(re.compile("^Slag")).select_option("authority")
        form.get_by_label(re.compile("^E-postadresser")).fill("registrator@trafikvärket.se")
        form.get_by_role("button", name="Lägg till").click()
        assert "går inte att skicka till" in it.locator("#emails-error").inner_text()
        assert it.get_by_role("alert").count() == 1
        checker.check(it, "bodies-error")
        form = it.locator("form", has=it.get_by_role("heading", name="Lägg till en organisation"))
        form.get_by_label(re.compile("^E-postadresser")).fill("registrator@trafikverket.se")
        form.get_by_role("button", name="Lägg till").click()
        assert it.locator("h1").inner_text() == "Trafikverket region Mitt"
        assert it.get_by_role("status").inner_text() == "Organisationen är tillagd."
        add = it.locator("form", has=it.get_by_role("heading", name="Lägg till en kontaktperson"))
        add.get_by_label(re.compile("^Användarnamn")).fill("anna.berg")
        add.get_by_label(re.compile("^Namn")).fill("Anna Berg")
        add.get_by_label(re.compile("^E-postadress")).fill("anna.berg@trafikverket.se")
        add.get_by_role("button", name="Lägg till").click()
        assert it.get_by_role("status").inner_text() == "Kontaktpersonen är tillagd."
        assert it.get_by_role("heading", name="Anna Berg (anna.berg)").count() == 1
        checker.check(it, "body")
        it.get_by_role("link", name="In English").click()
        assert it.locator("h1").inner_text() == "Trafikverket region Mitt"
        assert it.get_by_role("heading", name="Contact people").count() == 1
        checker.check(it, "body-en")
    listed = run_rsp("bodies", "show", "trafikverket", db=str(mailed_db))
    assert "anna.berg" in listed.stdout, listed.stdout + listed.stderr
