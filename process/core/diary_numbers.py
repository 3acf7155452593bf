"""Diary numbers (diarienummer) as Swedish registrars write them, kept as written and in a
normalised form ("SERIES YEAR/NUMBER") by which two spellings of one number are one.

Understood everywhere: `RUN/536/2021`, `RS 2021/536`, `RS2021/536`, `RS 2021-00536`,
`RS/2025/118`, `Dnr 2021/536`, `511-4203-2021` (Länsstyrelsen's form), in any case. A
region may give its own pattern (a regular expression with the named groups `number` and
optionally `series` and `year`) in its process file; it is tried before the common forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_YEAR = r"(?:19|20)\d\d"
_EDGE_BEFORE = r"(?<![\w/-])"
_EDGE_AFTER = r"(?![\w/-]|\.\w)"
COMMON = re.compile(
    _EDGE_BEFORE + "(?:"
    # RUN/536/2021 (series / number / year)
    rf"(?P<s1>[A-ZÅÄÖ]{{1,12}}(?:\s?\d{{1,4}})?)/(?P<n1>\d{{1,7}})/(?P<y1>{_YEAR})"
    # RS 2021/536, RS2021/536, RS/2025/118, RS 2021-00536, Dnr 2021/536 (series year number)
    rf"|(?P<s2>[A-ZÅÄÖ]{{1,12}})\.?:?[\s/]?(?P<y2>{_YEAR})[/-](?P<n2>\d{{1,7}})"
    # 511-4203-2021 (Länsstyrelsen: series - number - year)
    rf"|(?P<s3>\d{{3}})-(?P<n3>\d{{1,7}})-(?P<y3>{_YEAR})"
    ")" + _EDGE_AFTER,
    re.IGNORECASE,
)
# words meaning "diary number" rather than a series
NOT_SERIES = {"DNR", "DIARIENR", "DIARIENUMMER", "D"}
MAX_PATTERN = 300
FORMS = "RUN/536/2021, RS 2021/536, RS 2021-00536, Dnr 2021/536, RS/2025/118"


@dataclass(frozen=True)
class DiaryNumber:
    """A diary number as written, and its normalised form ('RS 2021/536')."""

    written: str
    normalised: str


def normalised(series: str, year: str, number: str) -> str:
    """'RS 2021/536' from its parts (no leading zeros, series in capitals, spaces kept single)."""
    series = " ".join(series.upper().split())
    if series.rstrip(".:") in NOT_SERIES:
        series = ""
    tail = f"{year}/{int(number)}" if year else str(int(number))
    return f"{series} {tail}".strip()


def find(raw: str, pattern: str | None = None) -> list[DiaryNumber]:
    """Every diary number in `raw`: the region's own `pattern` if it finds any, else the
    common forms."""
    if pattern:
        own = [_from_own(m) for m in _own(pattern).finditer(raw)]
        if own:
            return own
    return [_from_common(m) for m in COMMON.finditer(raw)]


def normalise(written: str, pattern: str | None = None) -> str:
    """The normalised form of one diary number as stored (itself if no form fits it)."""
    found = find(written, pattern)
    return found[0].normalised if len(found) == 1 else " ".join(written.upper().split())


@lru_cache(maxsize=32)
def _own(pattern: str) -> re.Pattern[str]:
    """A region's pattern as a whole number only (not inside a longer word or number: a
    stray letter or digit before or after makes it no match), in any case."""
    return re.compile(rf"(?<![\w/.-])(?:{pattern})(?![\w/-]|\.\w)", re.IGNORECASE)


def _from_common(m: re.Match[str]) -> DiaryNumber:
    for i in "123":
        if m.group(f"n{i}") is not None:
            return DiaryNumber(
                m.group(0), normalised(m.group(f"s{i}"), m.group(f"y{i}"), m.group(f"n{i}"))
            )
    raise AssertionError("a match without a number")  # pragma: no cover - regex shape


def _from_own(m: re.Match[str]) -> DiaryNumber:
    groups = m.groupdict()
    return DiaryNumber(
        m.group(0),
        normalised(groups.get("series") or "", groups.get("year") or "", groups["number"]),
    )


def pattern_problem(pattern: object, example: object) -> str | None:
    """What is wrong with a region's own pattern and its example, or None."""
    if not isinstance(pattern, str) or not pattern.strip() or len(pattern) > MAX_PATTERN:
        return (
            f"'pattern' must be a regular expression of at most {MAX_PATTERN} characters, "
            r"e.g. '(?P<series>RS)\s(?P<year>\d{4})/(?P<number>\d+)'"
        )
    try:
        compiled = re.compile(pattern)
    except re.error as e:
        return f"'pattern' is not a regular expression: {e}"
    if "number" not in compiled.groupindex:
        return "'pattern' needs a named group (?P<number>...) for the running number"
    unknown = set(compiled.groupindex) - {"number", "series", "year"}
    if unknown:
        return (
            f"'pattern' has named group(s) {', '.join(sorted(unknown))}; only series, "
            "year and number are used"
        )
    if not isinstance(example, str) or not example.strip():
        return "'example' must give one diary number written as the region writes it"
    if compiled.fullmatch(example.strip()) is None:
        return f"'pattern' does not match its own example {example!r}"
    number = compiled.fullmatch(example.strip())
    if number is not None and not (number.group("number") or "").isdigit():
        return (
            f"the number group must hold digits only (in {example!r} it is "
            f"{number.group('number')!r})"
        )
    return None
