"""The sheets and columns of an action plan as an Excel workbook, in Swedish and English.

One place for what the template writes and the reader expects: each sheet's name, its
columns (the field of the YAML plan file each one fills, its heading in both languages,
whether it is required) and the help text the instructions sheet shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from process.core.catalogue import Lines, say, text

__all__ = ["Column", "Sheet", "SHEETS", "INSTRUCTIONS", "heading", "sheet_name"]


@dataclass(frozen=True)
class Column:
    """One column: the plan file's field and whether it is required; its heading and help
    text in each language are the catalogue's `plan.column.<sheet>.<field>` and
    `plan.help.<sheet>.<field>`."""

    sheet: str
    field: str
    required: bool

    @property
    def sv(self) -> str:
        return text(f"plan.column.{self.sheet}.{self.field}", "sv")

    @property
    def en(self) -> str:
        return text(f"plan.column.{self.sheet}.{self.field}", "en")

    def help(self, lang: str) -> str:
        """The help text of the instructions sheet, in `lang`."""
        return say(
            f"plan.help.{self.sheet}.{self.field}",
            lang,
            keys=text("plan.help_keys", lang),
            list=text("plan.help_list", lang),
        )

    @property
    def help_sv(self) -> str:
        return self.help("sv")

    @property
    def help_en(self) -> str:
        return self.help("en")


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook: its key and columns; its name in each language is the
    catalogue's `plan.sheet.<key>`."""

    key: str
    columns: tuple[Column, ...]

    @property
    def sv(self) -> str:
        return text(f"plan.sheet.{self.key}", "sv")

    @property
    def en(self) -> str:
        return text(f"plan.sheet.{self.key}", "en")


def __getattr__(name: str) -> str:
    """KEYS_SV, KEYS_EN, LIST_SV, LIST_EN: the help texts several columns share (read
    from the catalogue when asked for, so English is loaded only then)."""
    words = {"KEYS": "plan.help_keys", "LIST": "plan.help_list"}
    head, _, lang = name.partition("_")
    if head in words and lang in ("SV", "EN"):
        return text(words[head], lang.lower())
    raise AttributeError(name)


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "plan",
        (
            Column("plan", "year", True),
            Column("plan", "title", True),
            Column("plan", "issuer", True),
            Column("plan", "starts", True),
            Column("plan", "followup", False),
        ),
    ),
    Sheet(
        "areas",
        (
            Column("areas", "number", True),
            Column("areas", "title", True),
            Column("areas", "description", False),
            Column("areas", "examples", False),
        ),
    ),
    Sheet(
        "goals",
        (
            Column("goals", "id", True),
            Column("goals", "title", True),
        ),
    ),
    Sheet(
        "measures",
        (
            Column("measures", "id", True),
            Column("measures", "title", True),
            Column("measures", "subgoal", True),
            Column("measures", "goals", True),
            Column("measures", "activities", True),
            Column("measures", "responsible", True),
            Column("measures", "financing", True),
            Column("measures", "deadlines", True),
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
