"""Action plans as Excel workbooks through the real `rsp` command: the template written,
filled in and imported (again: no changes); a workbook with problems refused with each at
its sheet!cell, nothing imported; a file that is no workbook refused in a sentence."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tests.e2e.test_measures_cli import counts, no_traceback
from tests.support import clock_at, database, make_programme, run_rsp


@pytest.fixture
def dbfile(tmp_path):
    """The example programme (its 2014 plan imported)."""
    with database("sqlite", tmp_path) as db:
        make_programme(db, clock_at("2021-10-15"))
        return str(db.engine.url.database)


def test_template_then_import_round_trip_and_problems_by_cell(dbfile, tmp_path):
    xlsx = tmp_path / "handlingsplan-2015.xlsx"
    r = run_rsp(
        "plan", "template", "--format", "xlsx", "--out", str(xlsx), "--year", "2015", db=dbfile
    )
    assert r.returncode == 0 and r.stdout == f"wrote {xlsx}\n", r.stderr
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Instruktioner", "Plan", "Områden", "Mål", "Åtgärder"]
    row = ["1.B", "Stöd till butiker", "Tio butiker", "1.1", "Informera", "kommunerna"]
    wb["Åtgärder"].append([*row, "ordinarie medel", "2015-06-30 Klart"])
    wb.save(xlsx)
    before = counts(dbfile)
    r = run_rsp("plan", "import", str(xlsx), "--year", "2015", db=dbfile, user="processledare")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("plan 2015 (Handlingsplan 2015 för regionalt serviceprogram): ")
    assert "imported 2 measures in 1 areas, 1 goals" in r.stdout
    assert counts(dbfile)["measure"] == before["measure"] + 2
    again = run_rsp("plan", "import", str(xlsx), "--year", "2015", db=dbfile, user="processledare")
    assert again.returncode == 0 and again.stdout == "plan 2015: no changes (2 measures)\n"

    wb["Åtgärder"]["F3"] = "kommunen"
    wb["Åtgärder"]["B2"] = "=UPPER(C2)"
    bad = tmp_path / "fel.xlsx"
    wb.save(bad)
    before = counts(dbfile)
    r = run_rsp("plan", "import", str(bad), "--year", "2016", db=dbfile, user="processledare")
    assert r.returncode == 1
    no_traceback(r)
    lines = r.stderr.splitlines()
    assert "Plan!A2: planen gäller 2015, inte 2016 som angavs" in lines[0]
    assert any("Åtgärder!B2: cellen har en formel (=UPPER(C2))" in x for x in lines)
    assert any("Åtgärder!F3: Ansvariga: 'kommunen' finns inte; kända aktörer: " in x for x in lines)
    assert counts(dbfile) == before
    r = run_rsp(
        "--lang",
        "en",
        "plan",
        "import",
        str(bad),
        "--year",
        "2015",
        db=dbfile,
        user="processledare",
    )
    assert r.returncode == 1 and "Åtgärder!F3: Ansvariga: 'kommunen' is unknown" in r.stderr

    fake = tmp_path / "inte.xlsx"
    fake.write_text("År;Titel\n2015;x\n", encoding="utf-8")
    r = run_rsp("plan", "import", str(fake), "--year", "2015", db=dbfile, user="processledare")
    assert r.returncode == 1 and "inte.xlsx: är ingen Excel-arbetsbok (.xlsx)" in r.stderr
    no_traceback(r)
    old = tmp_path / "plan.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    r = run_rsp("plan", "import", str(old), "--year", "2015", db=dbfile, user="processledare")
    assert r.returncode == 1 and "plan.xls: är inte .xlsx eller YAML; spara den som" in r.stderr
    huge = tmp_path / "stor.xlsx"
    huge.write_bytes(b"PK" + b"\0" * 6_000_000)
    r = run_rsp("plan", "import", str(huge), "--year", "2015", db=dbfile, user="processledare")
    assert r.returncode == 1 and "stor.xlsx: är för stor (6" in r.stderr
    no_traceback(r)


def test_yaml_template_imports_and_english_template_has_english_headings(dbfile, tmp_path):
    r = run_rsp("plan", "template", "--year", "2016", db=dbfile)
    assert r.returncode == 0 and r.stdout.startswith("# Handlingsplan 2016 – mall för rsp.")
    plan = tmp_path / "plan-2016.yaml"
    plan.write_text(r.stdout, encoding="utf-8")
    r = run_rsp("plan", "import", str(plan), "--year", "2016", db=dbfile, user="processledare")
    assert r.returncode == 0 and "imported 1 measures" in r.stdout, r.stderr
    r = run_rsp("--lang", "en", "plan", "template", "--format", "xlsx", db=dbfile)
    assert r.returncode == 1 and "give --out FILE.xlsx" in r.stderr
    out = tmp_path / "action-plan.xlsx"
    r = run_rsp(
        "--lang", "en", "plan", "template", "--format", "xlsx", "--out", str(out), db=dbfile
    )
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    assert wb.sheetnames == ["Instructions", "Plan", "Areas", "Goals", "Measures"]
    assert [c.value for c in wb["Plan"][1]] == ["Year", "Title", "Issuer", "Starts", "Follow-up"]
