"""JSON that nests too deeply, said with its line: Python's json module parses nested
values recursively, so 1,000 `[` end in a RecursionError; `loads_json` turns that into
an InvalidInput naming the file and the line where the nesting went too deep."""

from __future__ import annotations

import json
import re
from typing import Any

from process.core.errors import InvalidInput

DEPTH = 100  # where the line is looked for once parsing failed; rsp's JSON nests a few
_STRUCTURE = re.compile(r'[\[\]{}"\\\n]')


def deep_line(text: str, limit: int = DEPTH) -> int | None:
    """The line (from 1) where brackets outside strings first nest deeper than `limit`,
    or None if they never do."""
    depth, line, in_string, skip = 0, 1, False, -1
    for match in _STRUCTURE.finditer(text):
        at, ch = match.start(), match.group()
        if ch == "\n":
            line += 1
        elif at == skip:  # the character after a backslash in a string
            continue
        elif in_string:
            if ch == "\\":
                skip = at + 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return line
        else:
            depth -= 1
    return None


def loads_json(text: str, source: str, first_line: int = 1) -> Any:
    """`json.loads(text)`; nesting too deep for the parser is an InvalidInput naming
    `source` and the line (`first_line`: the line of the text's start in the file)."""
    try:
        return json.loads(text)
    except RecursionError:
        line = deep_line(text) or 1
        raise InvalidInput(
            f"{source}:{first_line + line - 1}: nested too deeply (more "
            f"than {DEPTH} levels of [ or {{)"
        ) from None
