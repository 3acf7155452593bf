"""CSV for spreadsheets, as rsp's reports write it: `;`-separated UTF-8 with a byte-order
mark (so Swedish Excel opens it in columns, å ä ö intact), and no cell a spreadsheet
would read as a formula (`= + - @`, tab, CR: defused by a leading apostrophe, as the
audit export does)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from process.access.audit import defuse

BOM = "\ufeff"
DELIMITER = ";"


def spreadsheet_csv(rows: Iterable[Sequence[Any]]) -> str:
    """The rows (the first: the headings) as CSV for Excel, every text cell defused."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    for row in rows:
        writer.writerow([defuse(cell) for cell in row])
    return out.getvalue()
