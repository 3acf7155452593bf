"""rsp in a real browser: Debian's Chromium driven by Playwright against the real
`rsp serve` on a real SQLite file, mail sent through the real SMTP test server (STARTTLS
and AUTH, aiosmtpd). People sign in by the mailed link or its code, the secretary records
a board decision, the process lead advances a stage, a municipal officer starts her
measure and reports progress, a person without the role sees a clear refusal. Every page
passes axe-core's WCAG 2.1 A and AA rules with zero violations, at 1280 and 390 px
(screenshots kept with RSP_SCREENSHOTS=DIR).

Without Chromium the tests are skipped (fail with CI=true)."""

from __future__ import annotations

import email
import email.policy
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.mailsupport import SMTP_PASSWORD, SMTP_USER, make_certificates, smtp_server
from tests.support import PLAN_2014, run_rsp
from tests.webserver import Checker, chromium, chromium_path, rsp_serve, wait_for

NOW = "2014-04-22"
P = "/p/rsp-2022-2030"
PEOPLE = {  # login: (name, e-mail, roles)
    "sekreterare": ("Karin Nämndsekreterare", "karin@region.example", ["board"]),
    "processledare": ("Maria Processledare", "maria@region.example", ["working_group"]),
    "ordforande": ("Olle Ordförande", "olle@region.example", ["steering_group"]),
    "handlaggare": ("Eva Handläggare", "eva@lansstyrelsen.example", []),
}


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium_path()  # skip early without a browser
    db = tmp_path_factory.mktemp("web-e2e") / "rsp.db"

    def rsp(*args: str) -> None:
        r = run_rsp(*args, db=str(db), user="it-admin", now=NOW)
        assert r.returncode == 0, r.stderr

    rsp(
        "init",
        "--example",
        "jamtland-harjedalen",
        "--replay",
        "--admin-name",
        "IT-förvaltningen",
        "--admin-email",
        "it@region.example",
    )
    rsp("plan", "import", str(PLAN_2014), "--year", "2014")
    for login, (name, address, roles) in PEOPLE.items():
        rsp(
            "people",
            "add",
            login,
            "--name",
            name,
            "--email",
            address,
            *[a for r in roles for a in ("--role", r)],
        )
    rsp("bodies", "member", "lansstyrelsen", "handlaggare")
    return db


@pytest.fixture(scope="module")
def smtp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    certs = make_certificates(tmp_path_factory.mktemp("certs"))
    with smtp_server(certs) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def server(template_db: Path, tmp_path: Path, smtp: Any) -> Iterator[Any]:
    db = tmp_path / "rsp.db"
    shutil.copy(template_db, db)
    with rsp_serve(db, NOW, smtp_env(smtp)) as running:
        yield running


def smtp_env(smtp: Any) -> dict[str, str]:
    """The settings that send through the test's SMTP server."""
    return {
        "RSP_SMTP_HOST": smtp.host,
        "RSP_SMTP_PORT": str(smtp.port),
        "RSP_SMTP_USER": SMTP_USER,
        "RSP_SMTP_PASSWORD_ENV": "RSP_TEST_SMTP_SECRET",
        "RSP_TEST_SMTP_SECRET": SMTP_PASSWORD,
        "RSP_SMTP_CAFILE": str(smtp.certs.ca),
        "RSP_MAIL_FROM": "Regionalt serviceprogram <rsp@region.example>",
    }


@pytest.fixture
def checker(tmp_path: Path) -> Checker:
    return Checker(tmp_path / "screenshots")


def mails_to(smtp: Any, address: str) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(m.data, policy=email.policy.default)  # type: ignore[misc]
        for m in list(smtp.handler.received)
        if address in m.rcpt_tos
    ]


def next_mail(smtp: Any, address: str, seen: int) -> email.message.EmailMessage:
    """The next mail to `address` after the `seen` ones, once the SMTP server has it."""
    return wait_for(lambda: mails_to(smtp, address)[seen:], f"a mail to {address}")[0]


def link_and_code(msg: email.message.EmailMessage) -> tuple[str, str]:
    body = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    link = re.search(r"(http://\S+/sign-in/link\?token=\S+)", body)
    code = re.search(r"^(\d{6})\r?$", body, re.MULTILINE)
    assert link and code, body
    return link.group(1), code.group(1)


def ask_for_link(
    page: Any, server: Any, smtp: Any, login: str, path: str = "/", checker: Checker | None = None
) -> tuple[str, str]:
    """Open `path`, get sent to sign in, ask for a link; the link and code of the mail."""
    address = PEOPLE[login][1]
    seen = len(mails_to(smtp, address))
    page.goto(server.url + path)
    assert page.locator("h1").inner_text() == "Logga in"
    if checker:
        checker.check(page, "sign-in")
    page.get_by_label("Din e-postadress").fill(address)
    page.get_by_role("button", name="Skicka inloggningslänk").click()
    assert page.locator("h1").inner_text() == "Titta i din e-post"
    if checker:
        checker.check(page, "sign-in-sent")
    msg = next_mail(smtp, address, seen)
    assert msg["Subject"] == "Din inloggningslänk till Regionalt serviceprogram"
    return link_and_code(msg)


def signed_in(browser: Any, server: Any, smtp: Any, login: str, path: str = "/") -> Any:
    """A new browser window (its own cookies) signed in as `login`, at `path`."""
    context = browser.new_context()
    page = context.new_page()
    link, _code = ask_for_link(page, server, smtp, login, path)
    page.goto(link)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    return page


def test_sign_in_by_link_and_out_again(browser, server, smtp, checker):
    page = browser.new_context().new_page()
    link, _code = ask_for_link(page, server, smtp, "processledare", "/", checker)
    page.goto(link)
    assert page.locator("h1").inner_text() == "Logga in"
    assert "rsp_session" not in [c["name"] for c in page.context.cookies()]
    checker.check(page, "sign-in-link")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(server.url + P)
    assert page.locator("h1").inner_text() == "Översikt"
    assert "Inloggad som Maria Processledare" in page.content()
    cookie = next(c for c in page.context.cookies() if c["name"] == "rsp_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    checker.check(page, "overview")
    page.get_by_role("button", name="Logga ut").click()
    assert page.get_by_role("status").inner_text() == "Du är utloggad."
    page.goto(server.url + P)
    assert page.locator("h1").inner_text() == "Logga in"
    page.goto(link)  # the used link
    assert page.locator("h1").inner_text() == "Länken har redan använts"
    checker.check(page, "sign-in-link-used")


def test_the_code_signs_in_when_the_mail_is_read_on_another_device(browser, server, smtp, checker):
    desk = browser.new_context().new_page()
    link, code = ask_for_link(desk, server, smtp, "ordforande", f"{P}/history")
    phone = browser.new_context().new_page()
    phone.goto(link)  # the link, opened on the phone, does not sign the phone in
    assert phone.locator("h1").inner_text() == "Öppna länken i rätt webbläsare"
    checker.check(phone, "sign-in-other-browser")
    desk.get_by_label("Kod från mejlet").fill("000000" if code != "000000" else "111111")
    desk.get_by_role("button", name="Logga in med koden").click()
    assert "Koden stämmer inte" in desk.locator(".error-message").inner_text()
    assert desk.get_by_label("Kod från mejlet").get_attribute("aria-invalid") == "true"
    checker.check(desk, "sign-in-wrong-code")
    desk.get_by_label("Kod från mejlet").fill(code)
    desk.get_by_role("button", name="Logga in med koden").click()
    desk.wait_for_url(server.url + f"{P}/history")
    assert desk.locator("h1").inner_text() == "Händelser"
    checker.check(desk, "history")


def test_the_secretary_records_a_decision_and_the_lead_advances_a_stage(
    browser, server, smtp, checker
):
    secretary = signed_in(browser, server, smtp, "sekreterare")
    secretary.get_by_role(
        "link", name=re.compile(r"^Registrera\W+Nämnden beslutar att påbörja")
    ).click()
    assert (
        secretary.locator("h1").inner_text()
        == "Nämnden beslutar att påbörja arbetet och utser styrgrupp"
    )
    checker.check(secretary, "action-decision")
    secretary.get_by_label("Beslutsreferens").fill("2014-04-22 RUN/536/2021")
    secretary.get_by_label("Kommentar").fill("Nämndens presidium utses till styrgrupp")
    secretary.get_by_role("button", name="Bekräfta och registrera").click()
    assert secretary.locator(".error-summary").is_visible()
    assert "saknar paragraf" in secretary.locator("#decision-error").inner_text()
    checker.check(secretary, "action-decision-error")
    secretary.get_by_label("Beslutsreferens").fill("2014-04-22 § 17 RUN/536/2021")
    secretary.get_by_role("button", name="Bekräfta och registrera").click()
    secretary.wait_for_url(re.compile(r".*/p/rsp-2022-2030\?done=decide_start$"))
    assert "Registrerat: Nämnden beslutar" in secretary.get_by_role("status").inner_text()
    assert "Beslut om att påbörja arbetet" in secretary.locator("dl.facts").inner_text()

    lead = signed_in(browser, server, smtp, "processledare", f"{P}/tasks")
    assert lead.locator("h1").inner_text() == "Mina uppgifter"
    checker.check(lead, "tasks-lead")
    lead.get_by_role(
        "link", name=re.compile(r"^Registrera\W+Arbetet med programmet startar")
    ).click()
    checker.check(lead, "action-stage")
    lead.get_by_role("button", name="Bekräfta och registrera").click()
    lead.wait_for_url(re.compile(r".*\?done=begin_drafting$"))
    assert "Framtagande pågår" in lead.locator("dl.facts").inner_text()
    lead.get_by_role("link", name="Händelser").click()
    rows = lead.locator("tbody tr")
    assert "Arbetet med programmet startar" in rows.nth(0).inner_text()
    assert "2014-04-22 § 17, RUN/536/2021" in lead.content()


def test_a_municipal_officer_starts_her_measure_and_reports_progress(
    browser, server, smtp, checker
):
    eva = signed_in(browser, server, smtp, "handlaggare", f"{P}/tasks")
    assert eva.locator("h1").inner_text() == "Mina uppgifter"
    assert "Insatser där din organisation är ansvarig." in eva.content()
    checker.check(eva, "tasks-officer")
    eva.get_by_role("link", name=re.compile(r"^1\.A Kartlägga")).click()
    assert eva.locator("h1").inner_text().startswith("1.A")
    checker.check(eva, "measure")
    start = eva.locator(
        "form", has=eva.get_by_role("heading", name="Arbetet med insatsen har börjat")
    )
    start.get_by_label(re.compile("^Kommentar")).fill("Kartläggning av fiber till butiksorter")
    start.get_by_role("button").click()
    assert eva.get_by_role("status").inner_text() == "Registrerat."
    assert "Pågår" in eva.locator("dl.facts").inner_text()
    progress = eva.locator("form", has=eva.get_by_role("heading", name="Lägesrapport"))
    progress.get_by_role("button").click()  # without the required text
    assert "Skriv en kommentar" in eva.locator(".error-message").inner_text()
    checker.check(eva, "measure-error")
    progress = eva.locator("form", has=eva.get_by_role("heading", name="Lägesrapport"))
    progress.get_by_label(re.compile("^Kommentar")).fill("Fyra av åtta kommuner kartlagda")
    progress.get_by_role("button").click()
    assert eva.get_by_role("status").inner_text() == "Registrerat."
    assert "Fyra av åtta kommuner kartlagda" in eva.locator("table").inner_text()
    eva.get_by_role("link", name="Insatser", exact=True).click()
    eva.get_by_label("Ansvarig aktör").select_option(label="Länsstyrelsen Jämtlands län")
    eva.get_by_role("button", name="Visa").click()
    assert "body=lansstyrelsen" in eva.url
    checker.check(eva, "measures")


def test_a_person_without_the_role_sees_a_clear_refusal(browser, server, smtp, checker):
    chair = signed_in(browser, server, smtp, "ordforande")
    chair.goto(server.url + f"{P}/actions/decide_start")
    notice = chair.locator(".notice").inner_text()
    assert "Det här får bara Beslutande organ" in notice and "Du har inte den rollen" in notice
    assert chair.get_by_role("button", name="Bekräfta och registrera").count() == 0
    checker.check(chair, "action-refused")
    chair.goto(server.url + f"{P}/measures/2014/1.A")
    assert "Du kan inte ändra insatsen" in chair.content()
    chair.goto(server.url + "/p/ett-annat-program")
    assert chair.locator("h1").inner_text() == "Sidan finns inte"
    checker.check(chair, "not-found")


def test_english_on_request(browser, server, smtp, checker):
    lead = signed_in(browser, server, smtp, "processledare")
    lead.get_by_role("link", name="Read this page in English").click()
    assert lead.locator("html").get_attribute("lang") == "en"
    assert lead.locator("h1").inner_text() == "Overview"
    checker.check(lead, "overview-en")
    lead.get_by_role("link", name="My tasks").click()
    assert lead.locator("h1").inner_text() == "My tasks"
    lead.get_by_role("link", name="Läs sidan på svenska").click()
    assert lead.locator("h1").inner_text() == "Mina uppgifter"


def test_the_officers_reminder_leads_her_to_her_measure_after_signing_in(
    browser, server, smtp, checker, tmp_path
):
    address = PEOPLE["handlaggare"][1]
    seen = len(mails_to(smtp, address))
    r = run_rsp(
        "remind",
        "run-once",
        db=str(tmp_path / "rsp.db"),
        user="it-admin",
        now="2014-04-23T08:00",
        env={**smtp_env(smtp), "RSP_BASE_URL": server.url},
    )
    assert r.returncode == 0, r.stderr
    reminder = next(
        m
        for m in wait_for(lambda: mails_to(smtp, address)[seen:], f"a reminder to {address}")
        if "1.A" in str(m["Subject"])
    )
    body = reminder.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    link = re.search(r"^(http://\S+/measures/2014/1\.A)\r?$", body, re.MULTILINE)
    assert link, body
    html = reminder.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert f'href="{link.group(1)}"' in html
    eva, before = browser.new_context().new_page(), len(mails_to(smtp, address))
    eva.goto(link.group(1))  # not signed in: sign in first, then land on the measure
    assert eva.locator("h1").inner_text() == "Logga in"
    eva.get_by_label("Din e-postadress").fill(address)
    eva.get_by_role("button", name="Skicka inloggningslänk").click()
    sign_in, _code = link_and_code(next_mail(smtp, address, before))
    eva.goto(sign_in)
    eva.get_by_role("button", name="Logga in").click()
    eva.wait_for_load_state()
    assert eva.url.endswith("/measures/2014/1.A"), eva.url
    assert eva.locator("h1").inner_text().startswith("1.A")
    checker.check(eva, "measure-from-reminder")
