"""Where a plan's problems are: a workbook's cell names (A … Z, AA …) and the page's split
of each problem into its place and its words (Åtgärder!F3, Mål!1:1, plan.yaml:12)."""

from __future__ import annotations

from process.plans.plan_workbook import column_letter
from web.pages.plan_upload import placed, safe_name


def test_column_letters_run_as_excel_names_them():
    assert [column_letter(n) for n in (1, 8, 26, 27, 40, 703)] == ["A", "H", "Z", "AA", "AN", "AAA"]


def test_each_problem_is_split_at_its_place():
    assert placed(
        [
            "Åtgärder!F3: Ansvariga: 'x' finns inte; kända aktörer: a, b",
            "Åtgärder!A5:B5: sammanfogade celler; dela upp dem",
            "Mål!1:1: kolumnen 'Titel' saknas i rubrikraden",
            "Områden: bladet är tomt",
            "plan.yaml:12: measure 1.A: field 'goals[0]': unknown goal '9.9'",
            "plan.xlsx: är ingen Excel-arbetsbok (.xlsx)",
        ]
    ) == [
        ("Åtgärder!F3", "Ansvariga: 'x' finns inte; kända aktörer: a, b"),
        ("Åtgärder!A5:B5", "sammanfogade celler; dela upp dem"),
        ("Mål!1:1", "kolumnen 'Titel' saknas i rubrikraden"),
        ("Områden", "bladet är tomt"),
        ("plan.yaml:12", "measure 1.A: field 'goals[0]': unknown goal '9.9'"),
        ("plan.xlsx", "är ingen Excel-arbetsbok (.xlsx)"),
    ]


def test_an_uploaded_name_loses_its_folders_and_control_characters():
    assert safe_name("C:\\Users\\eva\\plan 2015.xlsx") == "plan 2015.xlsx"
    assert safe_name("../../etc/plan\x00\n.xlsx") == "plan.xlsx"
