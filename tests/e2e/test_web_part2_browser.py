"""Part 2 of the browser interface in a real browser: Debian's Chromium driven by
Playwright against the real `rsp serve` on real SQLite files (sign-in mails as .eml files
from the file transport). The secretary takes a board decision through minutes approved
and announced to final; the process lead runs a remiss from open to compilation with three
replies, one late and one missing; the year-end follow-up of the 2014 plan in one form, then
rollover; an administrator corrects a person's address; the digest for a period. Every page
passes axe-core's WCAG 2.1 A and AA rules with zero violations, at 1280 and 390 px; the
.xlsx downloads are read back with openpyxl.

Without Chromium the tests are skipped (fail with CI=true)."""

from __future__ import annotations

import email
import email.policy
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.support import PLAN_2014, run_rsp
from tests.webserver import Checker, chromium, chromium_path, rsp_serve, wait_for

P = "/p/rsp-2022-2030"
PEOPLE = {  # login: (name, e-mail, roles)
    "sekreterare": ("Karin Nämndsekreterare", "karin@region.example", ["board"]),
    "processledare": ("Maria Processledare", "maria@region.example", ["working_group"]),
    "ordforande": ("Olle Ordförande", "olle@region.example", ["steering_group"]),
    "handlaggare": ("Eva Handläggare", "eva@lansstyrelsen.exampel", []),
}


def _db(folder: Path, start: str) -> tuple[Path, Any]:
    db = folder / "rsp.db"

    def rsp(*args: str, now: str, user: str = "it-admin") -> str:
        r = run_rsp(*args, db=str(db), user=user, now=now)
        assert r.returncode == 0, r.stderr
        return r.stdout

    rsp(
        "init",
        "--example",
        "jamtland-harjedalen",
        "--replay",
        "--admin-name",
        "IT-förvaltningen",
        "--admin-email",
        "it@region.example",
        now=start,
    )
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
            now=start,
        )
    rsp("bodies", "member", "lansstyrelsen", "handlaggare", now=start)
    return db, rsp


@pytest.fixture(scope="module")
def year_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2014 plan with 2.B done and 1.A started."""
    chromium_path()
    db, rsp = _db(tmp_path_factory.mktemp("year"), "2014-01-10")
    rsp("plan", "import", str(PLAN_2014), "--year", "2014", now="2014-01-10")
    rsp("measure", "advance", "2.B", "complete", now="2014-04-22", user="handlaggare")
    rsp("measure", "advance", "1.A", "start", now="2014-04-22", user="handlaggare")
    return db


@pytest.fixture(scope="module")
def drafting_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The process at 'remiss decided' (22 November 2022)."""
    chromium_path()
    db, rsp = _db(tmp_path_factory.mktemp("drafting"), "2022-01-10")
    rsp(
        "advance",
        "decide_start",
        "--decision",
        "2022-02-22 § 17 RUN/536/2021",
        "-m",
        "Styrgrupp utsedd",
        now="2022-02-22",
        user="sekreterare",
    )
    for trigger, comment in (
        ("begin_drafting", ""),
        ("consult_service_z", "Samråd"),
        ("check_in_steering_group", "Avstämning"),
    ):
        rsp(
            "advance",
            trigger,
            *(("-m", comment) if comment else ()),
            now="2022-03-01",
            user="processledare",
        )
    rsp(
        "advance",
        "decide_remiss",
        "--decision",
        "2022-11-22 § 152 RUN/536/2021",
        now="2022-11-22",
        user="sekreterare",
    )
    return db


@pytest.fixture(scope="module")
def compiled_db(drafting_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The process at 'remiss compiled' (28 February 2023): replies from two of three."""
    db = tmp_path_factory.mktemp("compiled") / "rsp.db"
    shutil.copy(drafting_db, db)

    def rsp(*args: str, now: str) -> None:
        r = run_rsp(*args, db=str(db), user="processledare", now=now)
        assert r.returncode == 0, r.stderr

    rsp("remiss", "open", "lansstyrelsen", "berg", "miun", now="2022-11-25")
    rsp(
        "remiss",
        "reply",
        "berg",
        "--received",
        "2023-02-20",
        "--position",
        "agrees",
        now="2023-02-20",
    )
    rsp(
        "remiss", "reply", "miun", "--received", "2023-02-21", "--position", "comments",
        "-m", "Fler mätbara mål", now="2023-02-21",
    )  # fmt: skip
    rsp("remiss", "close", "-m", "Förslaget revideras", now="2023-02-28")
    return db


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def checker(tmp_path: Path) -> Checker:
    return Checker(tmp_path / "screenshots")


@contextmanager
def served(db: Path, now: str, outbox: Path) -> Iterator[Any]:
    env = {
        "RSP_MAIL_TRANSPORT": "file",
        "RSP_OUTBOX_DIR": str(outbox),
        "RSP_MAIL_FROM": "Regionalt serviceprogram <rsp@region.example>",
    }
    with rsp_serve(db, now, env) as server:
        server.outbox = outbox
        yield server


def copy(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "rsp.db"
    shutil.copy(db, target)
    return target


def signed_in(browser: Any, server: Any, login: str, path: str = "/") -> Any:
    """A new window signed in as `login` by the link of the mail it was sent, at `path`."""
    address = PEOPLE[login][1] if login in PEOPLE else "it@region.example"
    before = set(server.outbox.glob("*.eml")) if server.outbox.exists() else set()
    page = browser.new_context().new_page()
    page.goto(server.url + path)
    page.get_by_label("Din e-postadress").fill(address)
    page.get_by_role("button", name="Skicka inloggningslänk").click()
    new = wait_for(lambda: set(server.outbox.glob("*.eml")) - before, f"a mail to {address}")
    msg = email.message_from_bytes(next(iter(new)).read_bytes(), policy=email.policy.default)
    body = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    link = re.search(r"(http://\S+/sign-in/link\?token=\S+)", body).group(1)  # type: ignore[union-attr]
    page.goto(link)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    return page


def download(page: Any, link_name: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def record_step(page: Any, day: str, heading: str | None = None) -> None:
    """Fill a decision step's date and confirm (in the form under `heading`, if given)."""
    where = page.locator("form", has=page.get_by_role("heading", name=heading)) if heading else page
    where.get_by_label(re.compile("^Datum")).fill(day)
    where.get_by_role("button", name="Bekräfta och registrera").click()


def test_the_secretary_takes_a_decision_to_final(browser, drafting_db, tmp_path, checker):
    with served(copy(drafting_db, tmp_path), "2022-12-20", tmp_path / "outbox") as server:
        sek = signed_in(browser, server, "sekreterare", f"{P}/decisions")
        assert sek.locator("h1").inner_text() == "Beslut"
        checker.check(sek, "decisions")
        sek.get_by_role("link", name="2022-11-22 § 152, RUN/536/2021").click()
        checker.check(sek, "decision")
        record_step(sek, "2022-11-20", "Protokollet har justerats")
        assert "Datumet ligger före 2022-11-22." in sek.locator(".error-message").inner_text()
        assert sek.locator(".error-summary").is_visible()
        checker.check(sek, "decision-error")
        record_step(sek, "2022-11-24")
        assert "Registrerat: Protokollet har justerats." in sek.get_by_role("status").inner_text()
        record_step(sek, "2022-11-25")
        facts = sek.locator("dl.facts").inner_text()
        assert "2022-11-25" in facts and "Sista dag att överklaga" in facts
        assert "laga kraft" in facts  # three weeks after 25 November have passed by 20 Dec
        checker.check(sek, "decision-final")
        sek.get_by_role("link", name="Alla beslut").click()
        assert "laga kraft" in sek.locator("table").inner_text()
        sek.get_by_role("link", name="Delegationer och delegationsbeslut").click()
        checker.check(sek, "delegations")


def test_the_secretary_takes_the_adoption_decision_to_final(
    browser, compiled_db, tmp_path, checker
):
    """The adoption (RUN 23 May 2023 § 89) recorded in the browser after the meeting, by its
    own meeting date, then minutes approved and announced: final three weeks later."""
    with served(copy(compiled_db, tmp_path), "2023-06-20", tmp_path / "outbox") as server:
        sek = signed_in(browser, server, "sekreterare", P)
        sek.get_by_role("link", name=re.compile(r"^Registrera\W+Nämnden fastställer")).click()
        assert sek.locator("h1").inner_text() == "Nämnden fastställer programmet"
        sek.get_by_label("Beslutsreferens").fill("2023-05-23 RUN/536/2021")
        sek.get_by_role("button", name="Bekräfta och registrera").click()
        assert "saknar paragraf" in sek.locator("#decision-error").inner_text()
        sek.get_by_label("Beslutsreferens").fill("2023-05-23 § 89 RUN/536/2021")
        sek.get_by_role("button", name="Bekräfta och registrera").click()
        assert "Registrerat: Nämnden fastställer" in sek.get_by_role("status").inner_text()
        assert "Fastställt av nämnden" in sek.locator("dl.facts").inner_text()

        sek.goto(server.url + f"{P}/decisions")
        sek.get_by_role("link", name="2023-05-23 § 89, RUN/536/2021").click()
        checker.check(sek, "adoption-decision")
        record_step(sek, "2023-05-26", "Protokollet har justerats")
        assert "Registrerat: Protokollet har justerats." in sek.get_by_role("status").inner_text()
        record_step(sek, "2023-05-29")
        facts = sek.locator("dl.facts").inner_text()
        assert "2023-05-29" in facts and "Sista dag att överklaga" in facts
        assert "laga kraft" in facts  # three weeks from 29 May have passed by 20 June
        checker.check(sek, "adoption-final")
        sek.get_by_role("link", name="Alla beslut").click()
        row = sek.locator("tr", has=sek.get_by_role("link", name="2023-05-23 § 89, RUN/536/2021"))
        assert "laga kraft" in row.inner_text()


def test_the_lead_runs_a_remiss_to_its_compilation(browser, drafting_db, tmp_path, checker):
    db = copy(drafting_db, tmp_path)
    with served(db, "2022-11-25", tmp_path / "outbox") as server:
        lead = signed_in(browser, server, "processledare", f"{P}/remiss")
        checker.check(lead, "remiss-none")
        lead.get_by_role("link", name="Öppna remissen").click()
        for name in (
            "Länsstyrelsen Jämtlands län",
            "Bergs kommun",
            "Mittuniversitetet",
            "Regionförbundet Jämtlands län",
        ):
            lead.get_by_label(name, exact=True).check()
        lead.get_by_role("button", name="Visa svarsdatum").click()
        check = lead.locator("section.panel").inner_text()
        assert "Svar senast 2023-02-27" in check and "Annandag jul" in check
        checker.check(lead, "remiss-open-preview")
        lead.get_by_role("button", name="Bekräfta och öppna remissen").click()
        assert lead.get_by_role("status").inner_text() == "Remissen är öppnad."
        checker.check(lead, "remiss")
    with served(db, "2023-02-20", tmp_path / "outbox") as server:
        lead = signed_in(browser, server, "processledare", f"{P}/remiss")
        reply = lead.locator(
            "form", has=lead.get_by_role("heading", name="Registrera ett remissvar")
        )
        reply.get_by_label(re.compile("^Remissinstans")).select_option(
            label="Länsstyrelsen Jämtlands län"
        )
        reply.get_by_label(re.compile("^Ställningstagande")).select_option(label="Har synpunkter")
        reply.get_by_role("button", name="Registrera svaret").click()
        assert "Sammanfatta synpunkterna." in lead.locator(".error-message").inner_text()
        checker.check(lead, "remiss-reply-error")
        lead.get_by_label(re.compile("^Sammanfattning")).fill("Vill se tydligare mål")
        lead.get_by_role("button", name="Registrera svaret").click()
        assert lead.get_by_role("status").inner_text() == "Svaret är registrerat."
        lead.get_by_label(re.compile("^Remissinstans")).select_option(label="Bergs kommun")
        lead.get_by_label(re.compile("^Inkom")).fill("2023-02-17")
        lead.get_by_label(re.compile("^Ställningstagande")).select_option(label="Tillstyrker")
        lead.get_by_role("button", name="Registrera svaret").click()
    with served(db, "2023-03-02", tmp_path / "outbox") as server:
        lead = signed_in(browser, server, "processledare", f"{P}/remiss")
        assert lead.get_by_text("Sen: inget svar, svarsdatum 2023-02-27").count() == 2
        lead.get_by_label(re.compile("^Remissinstans")).select_option(
            label="Regionförbundet Jämtlands län"
        )
        lead.get_by_label(re.compile("^Inkom")).fill("2023-03-01")
        lead.get_by_label(re.compile("^Ställningstagande")).select_option(label="Inga synpunkter")
        lead.get_by_role("button", name="Registrera svaret").click()
        assert lead.get_by_role("status").inner_text() == "Svaret är registrerat."
        lead.wait_for_load_state()  # the page after the redirect, whole (not mid-navigation)
        assert "Besvarad 2023-03-01 (efter svarsdatum)" in lead.content()
        lead.get_by_role("button", name="Avsluta remissen").click()
        assert lead.get_by_role("status").inner_text() == "Remissen är avslutad."
        assert "Inget svar" in lead.locator("table").inner_text()
        checker.check(lead, "remiss-closed")
        lead.get_by_role("link", name="Visa remissammanställningen").click()
        checker.check(lead, "remiss-compilation")
        sheet = load_workbook(download(lead, "Ladda ned: Excel (.xlsx)", tmp_path)).active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert rows[0][-1] == "Regionens kommentar" and len(rows) == 5
        by_key = {r[0]: r for r in rows[1:]}
        assert by_key["lansstyrelsen"][2:6] == [
            "2023-02-20",
            None,
            "Har synpunkter",
            "Vill se tydligare mål",
        ]
        assert by_key["regionforbundet"][3] == "ja" and by_key["miun"][4] == "Inget svar"


def test_the_year_end_follow_up_in_one_form_then_rollover(browser, year_db, tmp_path, checker):
    with served(copy(year_db, tmp_path), "2015-01-20", tmp_path / "outbox") as server:
        lead = signed_in(browser, server, "processledare", f"{P}/followup")
        assert lead.locator("h1").inner_text() == "Uppföljning 2014"
        checker.check(lead, "followup")
        row = lead.locator("section", has=lead.get_by_role("heading", name=re.compile(r"^1\.A")))
        row.get_by_label("Uppnått", exact=True).check()
        row.get_by_label(re.compile("^Kommentar mot delmålet")).fill("Kartläggningen klar")
        row = lead.locator("section", has=lead.get_by_role("heading", name=re.compile(r"^2\.B")))
        row.get_by_label("Uppnått", exact=True).check()
        row.get_by_label(re.compile("^Kommentar mot delmålet")).fill("Stöd till nio butiker")
        lead.get_by_role("button", name="Spara uppföljningen").click()
        assert "Inget sparades" in lead.locator("#form-problem").inner_text()
        assert "Insatsen är inte genomförd" in lead.locator("#reason-1-A-error").inner_text()
        checker.check(lead, "followup-error")
        lead.locator("#outcome-1-A").get_by_label("Delvis uppnått").check()
        lead.get_by_role("button", name="Spara uppföljningen").click()
        assert lead.get_by_role("status").inner_text() == "Sparat: 2 insatser."
        lead.get_by_role("link", name="Visa uppföljningsrapporten").click()
        text = lead.locator("main").inner_text()
        assert "1 av 2 (50 %)" in text and "Ännu inte uppföljda (15)" in text
        checker.check(lead, "followup-report")
        sheet = load_workbook(download(lead, "Ladda ned: Excel (.xlsx)", tmp_path)).active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert len(rows) == 18 and rows[0][0] == "År"
        row_2b = next(r for r in rows if r[4] == "2.B")
        assert row_2b[9:11] == ["Uppnått", "Stöd till nio butiker"]
        lead.get_by_role("link", name="Tillbaka").click()
        lead.get_by_role("button", name=re.compile(r"^För över 16 insatser till 2015")).click()
        assert "16 insatser fördes över" in lead.get_by_role("status").inner_text()
        checker.check(lead, "followup-rolled-over")


def test_an_administrator_corrects_an_address_and_reads_the_digest(
    browser, year_db, tmp_path, checker
):
    with served(copy(year_db, tmp_path), "2014-04-25", tmp_path / "outbox") as server:
        it = signed_in(browser, server, "it-admin", f"{P}/people")
        assert it.locator("h1").inner_text() == "Personer"
        checker.check(it, "people")
        it.get_by_role("link", name="Eva Handläggare").click()
        it.get_by_label(re.compile("^E-postadress")).fill("eva@lansstyrelsen")
        it.get_by_role("button", name="Spara rättelsen").click()
        assert "Skriv en e-postadress" in it.locator("#email-error").inner_text()
        checker.check(it, "person-error")
        it.get_by_label(re.compile("^E-postadress")).fill("eva@lansstyrelsen.example")
        it.get_by_role("button", name="Spara rättelsen").click()
        assert it.get_by_role("status").inner_text() == "Rättelsen är sparad."
        checker.check(it, "person")
        PEOPLE["handlaggare"] = (PEOPLE["handlaggare"][0], "eva@lansstyrelsen.example", [])
        try:
            eva = signed_in(browser, server, "handlaggare", f"{P}/digest")
        finally:
            PEOPLE["handlaggare"] = (PEOPLE["handlaggare"][0], "eva@lansstyrelsen.exampel", [])
        assert eva.locator("h1").inner_text() == "Lägesrapport"
        eva.get_by_label(re.compile("^Från")).fill("2014-04-01")
        eva.get_by_role("button", name="Visa").click()
        eva.wait_for_url(re.compile(r".*2014-04-01.*"))
        eva.wait_for_load_state()  # the new period's page, whole (not mid-navigation)
        assert "Perioden 1 april 2014 – 25 april 2014" in eva.content()
        checker.check(eva, "digest")
        eva.get_by_role("link", name="In English").click()
        assert eva.locator("h1").inner_text() == "Digest"
        checker.check(eva, "digest-en")
