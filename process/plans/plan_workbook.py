"""Read an action plan from an Excel workbook (.xlsx), checked whole before anything else.

The workbook (see `plan_columns`) becomes the same data a YAML plan file gives, and the
YAML path's `parse_action_plan` makes the plan of it, so both formats accept the same
plans. What only a workbook can get wrong (a file that is no workbook, formulas, merged
cells, headings, cell types) and the common mistakes (an unknown body or goal, a bad
date, a duplicate id) are said here, in Swedish or English, at their cell
("Åtgärder!F7: ansvarig 'xyz' finns inte; kända: …"); every problem raises together.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from process.bodies.bodies_file import DATE_RE, Problems
from process.core.catalogue import section
from process.core.errors import DefinitionError
from process.core.words import phrase
from process.core.yamlsrc import Located
from process.plans.plan_columns import SHEETS, Sheet, heading, sheet_name
from process.plans.plan_file import GOAL_ID_RE, MEASURE_ID_RE, ActionPlan, parse_action_plan

__all__ = ["MAX_BYTES", "load_workbook_plan", "read_workbook_plan", "refuse_other_format"]

MAX_BYTES = 5_000_000  # the file as uploaded
MAX_UNPACKED = 20_000_000  # its parts unpacked (a zip bomb stops here)
MAX_ROWS, MAX_COLUMNS = 10_000, 40
ROW = 100  # a place is sheet * SHEET + row * ROW + column
SHEET = 10**8
SPLIT_KEYS = re.compile(r"[,;\n]")
FORMULA_TYPES = ("ArrayFormula", "DataTableFormula")

WORDS = section("workbook")


def column_letter(n: int) -> str:
    """The letters of a column number (1 → A, 27 → AA)."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def known_list(values: Iterable[str], lang: str) -> str:
    """Known values as a reader sees them: 'a, b, c' (at most 30, then '…')."""
    items = sorted(values)
    if not items:
        return phrase(WORDS, "none", lang)
    return ", ".join(items[:30]) + (", …" if len(items) > 30 else "")


@dataclass
class Cell:
    """One cell's value as read, with its place."""

    value: Any
    place: int


@dataclass
class Table:
    """One sheet's data rows: field → cell, and each row's place."""

    sheet: Sheet
    name: str
    index: int
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)
    heading_place: dict[str, int] = field(default_factory=dict)
    heading_text: dict[str, str] = field(default_factory=dict)  # as the workbook writes it


class Reader:
    """Reads one workbook, gathering every problem by its place."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.names: dict[int, str] = {}
        self.said: list[tuple[int, str]] = []
        self.bad: set[int] = set()  # cells said to be wrong already (a formula)

    # --- places and problems ----------------------------------------------------------

    def place(self, at: int) -> str:
        """'Åtgärder!C7' for a place number."""
        sheet, rest = divmod(at, SHEET)
        row, col = divmod(rest, ROW)
        name = self.names.get(sheet, "?")
        if not row:
            return name
        return f"{name}!{column_letter(col)}{row}" if col else f"{name}!{row}:{row}"

    def say(self, at: int, key: str, **values: Any) -> None:
        """Record a problem at a place."""
        self.said.append((at, f"{self.place(at)}: {phrase(WORDS, key, self.lang, **values)}"))

    def column(self, table: Table, name: str) -> str:
        """A column's heading as the workbook writes it."""
        if name in table.heading_text:
            return table.heading_text[name]
        col = next(c for c in table.sheet.columns if c.field == name)
        return heading(col, self.lang)

    # --- the workbook -------------------------------------------------------------------

    def open(self, raw: bytes, source: str) -> Any:
        """The openpyxl workbook, or a DefinitionError saying why the file is none."""

        def fail(key: str, **values: Any) -> DefinitionError:
            return DefinitionError([f"{source}: {phrase(WORDS, key, self.lang, **values)}"])

        if len(raw) > MAX_BYTES:
            raise fail("too_big", n=len(raw), most=MAX_BYTES)
        if not raw.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(raw)):
            raise fail("not_zip")
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as packed:
                unpacked = sum(info.file_size for info in packed.infolist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise fail("not_zip") from None
        if unpacked > MAX_UNPACKED:
            raise fail("too_big", n=unpacked, most=MAX_UNPACKED)
        from openpyxl import load_workbook

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return load_workbook(io.BytesIO(raw), data_only=False, rich_text=False)
        except Exception as exc:  # noqa: BLE001 - any broken part: one clear sentence
            why = type(exc).__name__ if not str(exc) else str(exc).splitlines()[0][:200]
            raise fail("unreadable", why=why) from None

    def table(self, book: Any, sheet: Sheet, index: int) -> Table | None:
        """A sheet's rows by field; problems with its layout are said at their place."""
        by_name = {ws.title.strip().casefold(): ws for ws in book.worksheets}
        ws = by_name.get(sheet.sv.casefold()) or by_name.get(sheet.en.casefold())
        self.names[index] = ws.title if ws is not None else sheet_name(sheet, self.lang)
        base = index * SHEET
        if ws is None:
            have = ", ".join(w.title for w in book.worksheets)
            self.say(base, "no_sheet", sheet=sheet_name(sheet, self.lang), have=have)
            return None
        table = Table(sheet, ws.title, index)
        if ws.max_row > MAX_ROWS + 1:
            self.say(base, "many_rows", n=ws.max_row - 1, most=MAX_ROWS)
            return None
        if ws.max_column > MAX_COLUMNS:
            self.say(base, "many_columns", n=ws.max_column, most=MAX_COLUMNS)
            return None
        for merged in ws.merged_cells.ranges:
            at = base + merged.min_row * ROW + merged.min_col
            merged_text = phrase(WORDS, "merged", self.lang)
            self.said.append((at, f"{ws.title}!{merged.coord}: {merged_text}"))
        grid = [list(row) for row in ws.iter_rows()]
        if not grid or all(c.value is None for row in grid for c in row):
            self.say(base, "empty_sheet")
            return None
        fields = self._headings(table, grid[0])
        for cells in grid[1:]:
            row_values = {}
            row = cells[0].row
            for c in cells:
                if c.value is None or (isinstance(c.value, str) and not c.value.strip()):
                    continue
                at = base + row * ROW + c.column
                if c.data_type == "f" or type(c.value).__name__ in FORMULA_TYPES:
                    self.say(at, "formula", text=str(getattr(c.value, "text", c.value))[:60])
                    self.bad.add(at)
                    continue
                name = fields.get(c.column)
                if name is None:
                    if c.column not in table.heading_place.values():
                        self.say(at, "no_column_heading")
                    continue
                row_values[name] = Cell(c.value, at)
            if row_values or any(
                c.value is not None and not (isinstance(c.value, str) and not c.value.strip())
                for c in cells
            ):
                table.rows.append((row, row_values))
        if not table.rows:
            self.say(base + 2 * ROW + 1, "no_rows")
        return table

    def _headings(self, table: Table, cells: list[Any]) -> dict[int, str]:
        base = table.index * SHEET
        names: dict[str, str] = {}
        for col in table.sheet.columns:
            names[col.sv.casefold()] = col.field
            names[col.en.casefold()] = col.field
        fields: dict[int, str] = {}
        for c in cells:
            at = base + ROW + c.column
            if c.value is None or not str(c.value).strip():
                continue
            text = str(c.value).strip()
            name = names.get(text.casefold())
            if name is None:
                known = ", ".join(heading(col, self.lang) for col in table.sheet.columns)
                self.say(at, "bad_heading", text=text, known=known)
                table.heading_place[f"?{c.column}"] = c.column
            elif name in table.heading_place:
                first = column_letter(table.heading_place[name])
                self.say(at, "twice_heading", text=text, first=first)
                table.heading_place[f"?{c.column}"] = c.column
            else:
                fields[c.column] = name
                table.heading_place[name] = c.column
                table.heading_text[name] = text
        for col in table.sheet.columns:
            if col.required and col.field not in table.heading_place:
                self.say(base + ROW, "no_heading", text=heading(col, self.lang))
        return fields

    # --- cell values --------------------------------------------------------------------

    def text(self, table: Table, row: dict[str, Cell], name: str) -> str:
        """A cell as text ('' when empty)."""
        cell = row.get(name)
        if cell is None:
            return ""
        v = cell.value
        if isinstance(v, dt.datetime):
            v = v.date() if v.time() == dt.time() else v
        if isinstance(v, dt.date | dt.datetime):
            return v.isoformat()
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v).strip()

    def lines(self, table: Table, row: dict[str, Cell], name: str) -> list[str]:
        """A cell's entries, one per line."""
        return [x.strip() for x in self.text(table, row, name).splitlines() if x.strip()]

    def keys(self, table: Table, row: dict[str, Cell], name: str) -> list[str]:
        """A cell's keys or ids, by comma, semicolon or line."""
        return [x.strip() for x in SPLIT_KEYS.split(self.text(table, row, name)) if x.strip()]

    def number(self, table: Table, row: dict[str, Cell], name: str) -> int:
        """A positive whole number (0 when absent or bad, which is said)."""
        cell = row.get(name)
        if cell is None:
            return 0
        v = cell.value
        if isinstance(v, bool):
            v = str(v)
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if isinstance(v, str) and v.strip().isdigit():
            v = int(v.strip())
        if isinstance(v, int) and v > 0:
            return v
        self.say(cell.place, "not_number", column=self.column(table, name), text=str(cell.value))
        return 0

    def date(self, table: Table, row: dict[str, Cell], name: str) -> str:
        """A date as YYYY-MM-DD text ('' when absent or bad, which is said)."""
        cell = row.get(name)
        if cell is None:
            return ""
        text = self.text(table, row, name)
        if DATE_RE.match(text):
            try:
                dt.date.fromisoformat(text)
                return text
            except ValueError:
                pass
        self.say(cell.place, "not_date", column=self.column(table, name), text=text)
        return ""

    def missing(self, table: Table, row_number: int, row: dict[str, Cell]) -> None:
        """Say each required column left empty in a row."""
        for col in table.sheet.columns:
            if col.required and col.field not in row and col.field in table.heading_place:
                at = table.index * SHEET + row_number * ROW + table.heading_place[col.field]
                if at not in self.bad:
                    self.say(at, "missing", column=self.column(table, col.field))


def _located(line: int, values: dict[str, Any], lines: dict[str, int]) -> Located:
    m = Located(values)
    m.line = line
    m.key_lines = {k: lines.get(k, line) for k in values}
    return m


def _row_place(table: Table, row_number: int, name: str) -> int:
    col = table.heading_place.get(name, 1)
    return table.index * SHEET + row_number * ROW + col


class PlanBuilder:
    """Builds the YAML plan's data from the tables, saying the common mistakes."""

    def __init__(self, reader: Reader, bodies: set[str], year: int | None) -> None:
        self.r = reader
        self.bodies = bodies
        self.year = year
        self.plan_year = 0

    def plan(self, table: Table | None) -> Located | None:
        if table is None or not table.rows:
            return None
        if len(table.rows) > 1:
            at = table.index * SHEET + table.rows[1][0] * ROW + 1
            self.r.say(at, "plan_rows", n=len(table.rows))
        row_number, row = table.rows[0]
        r = self.r
        r.missing(table, row_number, row)
        year = r.number(table, row, "year")
        self.plan_year = year
        if year and self.year is not None and year != self.year:
            r.say(row["year"].place, "wrong_year", year=year, asked=self.year)
        starts = r.date(table, row, "starts")
        if starts and year and int(starts[:4]) != year:
            column = r.column(table, "starts")
            r.say(row["starts"].place, "starts_year", column=column, text=starts, year=year)
        issuer = self._bodies(table, row, "issuer")
        values: dict[str, Any] = {
            "year": year,
            "title": r.text(table, row, "title"),
            "issuer": ", ".join(issuer),
            "starts": starts,
        }
        if "followup" in row:
            values["followup"] = r.text(table, row, "followup")
        lines = {k: _row_place(table, row_number, k) for k in values}
        return _located(_row_place(table, row_number, "year"), values, lines)

    def _bodies(self, table: Table, row: dict[str, Cell], name: str) -> list[str]:
        r = self.r
        keys = r.keys(table, row, name)
        column = r.column(table, name)
        for i, key in enumerate(keys):
            if key not in self.bodies:
                known = known_list(self.bodies, r.lang)
                r.say(row[name].place, "unknown_body", column=column, text=key, known=known)
            elif key in keys[:i]:
                r.say(row[name].place, "body_twice", column=column, text=key)
        return keys

    def areas(
        self, areas: Table | None, goals: Table | None, measures: Table | None
    ) -> list[Located]:
        r = self.r
        out: dict[int, Located] = {}
        seen: dict[int, int] = {}
        for row_number, row in areas.rows if areas else []:
            assert areas is not None
            r.missing(areas, row_number, row)
            number = r.number(areas, row, "number")
            if number in seen:
                r.say(
                    row["number"].place,
                    "twice",
                    what=phrase(WORDS, "what.area", r.lang),
                    text=str(number),
                    first=r.place(seen[number]),
                )
                continue
            if not number:
                continue
            seen[number] = row["number"].place
            values: dict[str, Any] = {"number": number, "title": r.text(areas, row, "title")}
            if "description" in row:
                values["description"] = r.text(areas, row, "description")
            if "examples" in row:
                values["examples"] = r.lines(areas, row, "examples")
            lines = {k: _row_place(areas, row_number, k) for k in values}
            if goals is not None:
                lines["goals"] = goals.index * SHEET + ROW + goals.heading_place.get("id", 1)
            if measures is not None:
                lines["measures"] = measures.index * SHEET + ROW + 1
            values["goals"], values["measures"] = [], []
            out[number] = _located(_row_place(areas, row_number, "number"), values, lines)
        goal_ids = self._goals(goals, out, areas)
        self._measures(measures, out, areas, goal_ids, goals)
        for number, area in out.items():
            if not area["goals"] and goals is not None and goals.rows:
                r.say(seen[number], "area_no_goals", n=number, sheet=goals.name)
        return list(out.values())

    def _area_of(
        self,
        cell: Cell,
        ident: str,
        form: re.Pattern[str],
        key: str,
        areas: dict[int, Located],
        area_table: Table | None,
    ) -> Located | None:
        r = self.r
        match = form.match(ident)
        if not match:
            r.say(cell.place, key, text=ident)
            return None
        area = areas.get(int(match[1]))
        if area is None and area_table is not None:
            known = known_list((str(n) for n in areas), r.lang)
            r.say(cell.place, "no_area", n=match[1], sheet=area_table.name, known=known)
        return area

    def _goals(
        self, goals: Table | None, areas: dict[int, Located], area_table: Table | None
    ) -> set[str]:
        r = self.r
        seen: dict[str, int] = {}
        for row_number, row in goals.rows if goals else []:
            assert goals is not None
            r.missing(goals, row_number, row)
            if "id" not in row:
                continue
            ident = r.text(goals, row, "id")
            if ident in seen:
                what = phrase(WORDS, "what.goal", r.lang)
                r.say(row["id"].place, "twice", what=what, text=ident, first=r.place(seen[ident]))
                continue
            seen[ident] = row["id"].place
            area = self._area_of(row["id"], ident, GOAL_ID_RE, "goal_id", areas, area_table)
            if area is None:
                continue
            values = {"id": ident, "title": r.text(goals, row, "title")}
            lines = {k: _row_place(goals, row_number, k) for k in values}
            area["goals"].append(_located(lines["id"], values, lines))
        return set(seen)

    def _measures(
        self,
        measures: Table | None,
        areas: dict[int, Located],
        area_table: Table | None,
        goal_ids: set[str],
        goal_table: Table | None,
    ) -> None:
        r = self.r
        seen: dict[str, int] = {}
        for row_number, row in measures.rows if measures else []:
            assert measures is not None
            r.missing(measures, row_number, row)
            values: dict[str, Any] = {}
            for name in ("id", "title", "subgoal"):
                values[name] = r.text(measures, row, name)
            goals = r.keys(measures, row, "goals")
            for gid in goals:
                if goal_table is not None and gid not in goal_ids:
                    known = known_list(goal_ids, r.lang)
                    r.say(
                        row["goals"].place,
                        "unknown_goal",
                        text=gid,
                        sheet=goal_table.name,
                        known=known,
                    )
            values["goals"] = goals
            values["activities"] = r.lines(measures, row, "activities")
            values["responsible"] = self._bodies(measures, row, "responsible")
            values["financing"] = r.lines(measures, row, "financing")
            lines = {k: _row_place(measures, row_number, k) for k in values}
            values["deadlines"] = self._deadlines(measures, row_number, row)
            lines["deadlines"] = _row_place(measures, row_number, "deadlines")
            ident = values["id"]
            if "id" not in row:
                continue
            if ident in seen:
                what = phrase(WORDS, "what.measure", r.lang)
                r.say(row["id"].place, "twice", what=what, text=ident, first=r.place(seen[ident]))
                continue
            seen[ident] = row["id"].place
            area = self._area_of(row["id"], ident, MEASURE_ID_RE, "measure_id", areas, area_table)
            if area is not None:
                area["measures"].append(_located(lines["id"], values, lines))

    def _deadlines(self, table: Table, row_number: int, row: dict[str, Cell]) -> list[Located]:
        r = self.r
        cell = row.get("deadlines")
        if cell is None:
            return []
        column = r.column(table, "deadlines")
        out = []
        for entry in r.lines(table, row, "deadlines"):
            day, _sep, text = entry.partition(" ")
            day = day.rstrip(":,")
            ok = bool(DATE_RE.match(day)) and bool(text.strip())
            if ok:
                try:
                    date = dt.date.fromisoformat(day)
                except ValueError:
                    ok = False
            if not ok:
                r.say(cell.place, "deadline", column=column, text=entry)
                continue
            if self.plan_year and not self.plan_year <= date.year <= self.plan_year + 1:
                r.say(cell.place, "date_year", column=column, text=day, year=self.plan_year)
            out.append(_located(cell.place, {"date": day, "text": text.strip()}, {}))
        return out


def read_workbook_plan(
    raw: bytes, source: str, known_bodies: set[str], year: int | None = None, lang: str = "sv"
) -> ActionPlan:
    """Check a workbook's plan whole; every problem raises one DefinitionError whose lines
    name their cell ('Åtgärder!F7: …'); nothing is imported by reading."""
    r = Reader(lang)
    book = r.open(raw, source)
    tables = {s.key: r.table(book, s, i + 1) for i, s in enumerate(SHEETS)}
    builder = PlanBuilder(r, known_bodies, year)
    head = builder.plan(tables["plan"])
    areas = builder.areas(tables["areas"], tables["goals"], tables["measures"])
    said = [text for _at, text in sorted(r.said, key=lambda x: x[0])]
    if said or head is None or not areas:
        raise DefinitionError(said or [f"{source}: {phrase(WORDS, 'empty_sheet', lang)}"])
    top = _located(SHEET + ROW, {"plan": head, "areas": areas}, {"plan": head.line})
    # the checks of the YAML path, every place a cell: what this reader did not say itself
    return parse_action_plan(top, source, raw, known_bodies, year, Problems(source, r.place, lang))


OTHER_FORMATS = (".xls", ".xlsm", ".xlsb", ".ods", ".csv", ".numbers")


def refuse_other_format(name: str, lang: str = "sv") -> None:
    """A DefinitionError for a spreadsheet saved in another format than .xlsx."""
    if name.lower().endswith(OTHER_FORMATS):
        raise DefinitionError([f"{name}: {phrase(WORDS, 'other_format', lang)}"])


def load_workbook_plan(
    path: str, known_bodies: set[str], year: int | None = None, lang: str = "sv"
) -> ActionPlan:
    """Read a workbook file and check its plan (see `read_workbook_plan`); a file too big
    is refused before it is read."""
    import os

    from process.core import yamlsrc

    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0  # reading it says why it cannot be read
    if size > MAX_BYTES:
        too_big = phrase(WORDS, "too_big", lang, n=size, most=MAX_BYTES)
        raise DefinitionError([f"{path}: {too_big}"])
    return read_workbook_plan(yamlsrc.read(path), path, known_bodies, year, lang)
