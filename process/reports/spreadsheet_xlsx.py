"""Excel workbooks (.xlsx, openpyxl) as rsp's reports write them: one sheet per table, the
first row the headings (bold, frozen, filtered), columns sized to their text, and every
text cell stored as text — a cell starting with `=` is never a formula."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

MAX_WIDTH = 60
ILLEGAL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"}  # XML cannot hold these


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(ch for ch in value if ch not in ILLEGAL)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return value


def workbook(sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]]) -> bytes:
    """An .xlsx of `(sheet title, rows)` pairs (the first row of each: its headings)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets:
        sheet = book.create_sheet(title[:31])
        widths: dict[int, int] = {}
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                value = _clean(value)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                if r == 1:
                    cell.font = Font(bold=True)
                longest = max((len(x) for x in str(value or "").splitlines()), default=0)
                widths[c] = min(MAX_WIDTH, max(widths.get(c, 8), longest + 2))
        for c, width in widths.items():
            sheet.column_dimensions[get_column_letter(c)].width = width
        if rows:
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
