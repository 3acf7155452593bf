"""The action-plan page in a real browser (Debian's Chromium, Playwright) against the real
`rsp serve`: an administrator downloads the .xlsx template (read back cell by cell with
openpyxl), uploads a plan with two errors, sees both beside their cells with nothing
imported, fixes them and imports. axe-core: zero WCAG 2.1 A/AA violations on each state of
the page, at both widths.

Without Chromium the tests are skipped (fail with CI=true)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from process.plans.plan_columns import INSTRUCTIONS, KEYS_SV, SHEETS
from process.reports import plan_template
from tests.e2e.test_web_part2_browser import _db, download, served, signed_in
from tests.webserver import Checker, chromium, chromium_path

P = "/p/rsp-2022-2030"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def checker(tmp_path: Path) -> Checker:
    return Checker(tmp_path / "screenshots")


def measures(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM measure").fetchone()[0]


def expected_sheets(year: int) -> dict[str, list[list[Any]]]:
    rows = plan_template.plan_sheets(plan_template.example_plan(year), "sv")
    by_name = {s.sv: rows[s.key] for s in SHEETS}
    by_name["Plan"][1][3] = dt.datetime(year, 1, 1)  # a date cell reads back as a datetime
    return by_name


def test_an_administrator_imports_an_xlsx_plan_after_fixing_two_errors(browser, tmp_path, checker):
    chromium_path()
    folder = tmp_path / "db"
    folder.mkdir()
    db, _rsp = _db(folder, "2015-01-10")
    with served(db, "2015-01-12", tmp_path / "outbox") as server:
        admin = signed_in(browser, server, "it-admin", f"{P}/plans")
        assert admin.locator("h1").inner_text() == "Handlingsplan"
        assert admin.locator('nav a[aria-current="page"]').inner_text() == "Handlingsplan"
        checker.check(admin, "plans")

        template = download(admin, "Ladda ned mallen som Excel-arbetsbok (.xlsx)", tmp_path)
        assert template.name == "handlingsplan-2015.xlsx"
        wb = load_workbook(template)
        assert wb.sheetnames == ["Instruktioner", "Plan", "Områden", "Mål", "Åtgärder"]
        for name, rows in expected_sheets(2015).items():
            got = [list(r) for r in wb[name].iter_rows(values_only=True)]
            assert got == rows, name
        instructions = [list(r) for r in wb["Instruktioner"].iter_rows(values_only=True)]
        width = max(len(r) for r in plan_template.instructions_rows("sv"))
        assert instructions == [
            [*r, *[None] * (width - len(r))] for r in plan_template.instructions_rows("sv")
        ]
        assert instructions[0][0] == INSTRUCTIONS["sv"][0]
        assert ["Åtgärder", "Ansvariga", "ja", "Huvudansvarig först. " + KEYS_SV] in instructions

        wb["Åtgärder"]["F2"] = "lansstyrelsen, kommunen"  # an unknown body
        wb["Åtgärder"]["H2"] = "31 december Kartan klar"  # a deadline without its date
        plan = tmp_path / "plan-2015.xlsx"
        wb.save(plan)
        before = measures(db)
        admin.get_by_label("Planens år").fill("2015")
        admin.get_by_label("Fil med planen").set_input_files(str(plan))
        admin.get_by_role("button", name="Kontrollera och importera").click()
        assert admin.locator(".error-summary").is_visible()
        rows = admin.locator("table.problems tbody tr")
        assert rows.count() == 2
        assert rows.nth(0).locator("td").nth(0).inner_text() == "Åtgärder!F2"
        assert "'kommunen' finns inte" in rows.nth(0).inner_text()
        assert rows.nth(1).locator("td").nth(0).inner_text() == "Åtgärder!H2"
        assert "ska vara ett datum ÅÅÅÅ-MM-DD och en text" in rows.nth(1).inner_text()
        assert "Inget importerades. Filen har 2 fel" in admin.locator(".error-message").inner_text()
        assert measures(db) == before
        checker.check(admin, "plans-errors")

        wb["Åtgärder"]["F2"] = "lansstyrelsen, kommunerna"
        wb["Åtgärder"]["H2"] = "2015-12-31 Kartan klar"
        wb.save(plan)
        admin.get_by_label("Fil med planen").set_input_files(str(plan))
        admin.get_by_role("button", name="Kontrollera och importera").click()
        assert admin.get_by_role("status").inner_text() == (
            "Handlingsplanen för 2015 är importerad: 1 nya åtgärder, 0 ändrade."
        )
        assert measures(db) == before + 1
        assert admin.get_by_role("link", name="2015").count() == 1
        checker.check(admin, "plans-imported")
        admin.goto(server.url + f"{P}/plans?lang=en")
        assert admin.locator("h1").inner_text() == "Action plan"
        checker.check(admin, "plans-en")
