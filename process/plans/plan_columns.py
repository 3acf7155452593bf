"""The sheets and columns of an action plan as an Excel workbook, in Swedish and English.

One place for what the template writes and the reader expects: each sheet's name, its
columns (the field of the YAML plan file each one fills, its heading in both languages,
whether it is required) and the help text the instructions sheet shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from process.core.catalogue import Lines

__all__ = ["Column", "Sheet", "SHEETS", "INSTRUCTIONS", "heading", "sheet_name"]


@dataclass(frozen=True)
class Column:
    """One column: the plan file's field, its headings and its help text (sv, en)."""

    field: str
    sv: str
    en: str
    required: bool
    help_sv: str
    help_en: str


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook: its key, names and columns."""

    key: str
    sv: str
    en: str
    columns: tuple[Column, ...]


LIST_SV, LIST_EN = "En per rad i cellen (Alt+Enter).", "One per line in the cell (Alt+Enter)."
KEYS_SV = "Nyckel ur aktörsfilen (rsp bodies list); flera: komma eller en per rad."
KEYS_EN = "Key from the bodies file (rsp bodies list); several: commas or one per line."

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "plan",
        "Plan",
        "Plan",
        (
            Column("year", "År", "Year", True, "Planens år, t.ex. 2026.", "The plan's year."),
            Column("title", "Titel", "Title", True, "Planens namn.", "The plan's title."),
            Column(
                "issuer",
                "Utfärdare",
                "Issuer",
                True,
                "Aktören som ger ut planen. " + KEYS_SV,
                "The body issuing the plan. " + KEYS_EN,
            ),
            Column(
                "starts",
                "Gäller från",
                "Starts",
                True,
                "Datum ÅÅÅÅ-MM-DD inom planens år.",
                "A date YYYY-MM-DD in the plan's year.",
            ),
            Column(
                "followup",
                "Uppföljning",
                "Follow-up",
                False,
                "Hur och när planen följs upp (frivilligt).",
                "How and when the plan is followed up (optional).",
            ),
        ),
    ),
    Sheet(
        "areas",
        "Områden",
        "Areas",
        (
            Column(
                "number",
                "Nummer",
                "Number",
                True,
                "Det prioriterade områdets nummer: 1, 2, …",
                "The priority area's number: 1, 2, …",
            ),
            Column("title", "Titel", "Title", True, "Områdets namn.", "The area's title."),
            Column(
                "description",
                "Beskrivning",
                "Description",
                False,
                "Frivillig löptext.",
                "Optional text.",
            ),
            Column(
                "examples",
                "Exempel på insatser",
                "Examples",
                False,
                "Frivilligt. " + LIST_SV,
                "Optional. " + LIST_EN,
            ),
        ),
    ),
    Sheet(
        "goals",
        "Mål",
        "Goals",
        (
            Column(
                "id",
                "Id",
                "Id",
                True,
                "Område.nummer, t.ex. 1.1 (området före punkten).",
                "Area.number, e.g. 1.1 (the area before the dot).",
            ),
            Column("title", "Titel", "Title", True, "Målet i ord.", "The goal in words."),
        ),
    ),
    Sheet(
        "measures",
        "Åtgärder",
        "Measures",
        (
            Column(
                "id",
                "Id",
                "Id",
                True,
                "Område.BOKSTAV, t.ex. 2.B.",
                "Area.LETTER, e.g. 2.B.",
            ),
            Column("title", "Titel", "Title", True, "Den planerade insatsen.", "The measure."),
            Column(
                "subgoal",
                "Delmål",
                "Sub-goal",
                True,
                "Det mätbara delmålet.",
                "The measurable sub-goal.",
            ),
            Column(
                "goals",
                "Mål",
                "Goals",
                True,
                "Id ur bladet Mål; flera: komma eller en per rad.",
                "Ids from the Goals sheet; several: commas or one per line.",
            ),
            Column("activities", "Aktiviteter", "Activities", True, LIST_SV, LIST_EN),
            Column(
                "responsible",
                "Ansvariga",
                "Responsible",
                True,
                "Huvudansvarig först. " + KEYS_SV,
                "The lead first. " + KEYS_EN,
            ),
            Column("financing", "Finansiering", "Financing", True, LIST_SV, LIST_EN),
            Column(
                "deadlines",
                "Tidsmål",
                "Deadlines",
                True,
                "ÅÅÅÅ-MM-DD och text, t.ex. ”2026-12-31 Insatsen genomförd”. " + LIST_SV,
                "YYYY-MM-DD and text, e.g. “2026-12-31 Measure done”. " + LIST_EN,
            ),
        ),
    ),
)

INSTRUCTIONS = Lines("plan.instructions", 8)


def sheet_name(sheet: Sheet, lang: str) -> str:
    """The sheet's name in a language (Swedish unless English is asked)."""
    return sheet.en if lang == "en" else sheet.sv


def heading(column: Column, lang: str) -> str:
    """The column's heading in a language (Swedish unless English is asked)."""
    return column.en if lang == "en" else column.sv
