"""The digest's pictures as geometry, pure: a shared time axis, the planned and actual
markers of each milestone, and stacked bars, all as rows of table cells (a width in
percent and a kind that the template colours). Plain table cells render the same in
every common mail client; no image, no script, no external resource.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from process.core.catalogue import Lines

MARKER = 2.4  # width of a marker, percent of the track
TODAY = 0.6  # width of the "today" line
MIN_SHARE = 1.5  # a non-empty part of a stacked bar is at least this wide
HORIZON_DAYS = 365  # dates further than this after today are drawn at the axis end
PAST_DAYS = 183  # milestones wholly before this many days ago are summarised, not drawn
_EPS = 1e-9

MONTHS = Lines("date.month_short", 12)


@dataclass(frozen=True)
class Cell:
    """One table cell of a track: its width in percent and what it shows."""

    width: float
    kind: str  # empty | today | planned | span_late | span_early | span_overdue | actual_*
    label: str = ""


@dataclass(frozen=True)
class Axis:
    """The dates the picture spans; positions are percent from the left."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return max((self.end - self.start).days, 1)

    def pos(self, day: dt.date) -> float:
        """Where `day` lies, 0-100, clamped to the axis."""
        return min(max((day - self.start).days / self.days * 100.0, 0.0), 100.0)

    def outside(self, day: dt.date) -> bool:
        """True if `day` lies beyond either end (it is drawn at the edge)."""
        return day < self.start or day > self.end


def axis_for(
    dates: Iterable[dt.date | None],
    today: dt.date,
    horizon_days: int = HORIZON_DAYS,
    since: dt.date | None = None,
) -> Axis:
    """An axis from the earliest date (not before `since`) to the latest within the
    horizon, padded by 3 %.

    Today is always on it; a date more than `horizon_days` after today (the programme's
    end in 2030, say) is left out, and so is one before `since` (the months long past,
    which the digest summarises in a line), so that the near dates are not squeezed
    together and a week stays visible.
    """
    limit = today + dt.timedelta(days=horizon_days)
    known = [d for d in dates if d is not None and d <= limit and (since is None or d >= since)] + [
        today
    ]
    first, last = min(known), max(known)
    span = (last - first).days or 30
    pad = dt.timedelta(days=max(1, round(span * 0.03)))
    return Axis(first - pad, last + pad)


def window_start(
    dates: Iterable[dt.date | None],
    today: dt.date,
    current: Iterable[dt.date | None],
    past_days: int = PAST_DAYS,
) -> dt.date | None:
    """Where the picture begins: `past_days` before today, or earlier to keep the current
    milestone's own dates in it; None when every date lies within that anyway."""
    start = min([today - dt.timedelta(days=past_days), *(d for d in current if d is not None)])
    return start if any(d is not None and d < start for d in dates) else None


def flatten(spans: Sequence[tuple[float, float, str, int]]) -> list[Cell]:
    """Paint (start, end, kind, priority) intervals over 0-100 and return the cells left
    to right: each stretch shows the highest-priority kind covering it, else 'empty'."""
    points = sorted(
        {
            0.0,
            100.0,
            *(min(max(a, 0.0), 100.0) for a, _b, _k, _p in spans),
            *(min(max(b, 0.0), 100.0) for _a, b, _k, _p in spans),
        }
    )
    cells: list[list] = []
    for left, right in zip(points, points[1:], strict=False):
        if right - left <= _EPS:
            continue
        mid = (left + right) / 2
        best, kind = -1, "empty"
        for a, b, k, p in spans:
            if a <= mid < b and p > best:
                best, kind = p, k
        if cells and cells[-1][1] == kind:
            cells[-1][0] += right - left
        else:
            cells.append([right - left, kind])
    return _rounded(cells)


def _rounded(cells: list[list]) -> list[Cell]:
    """Widths with two decimals that add up to exactly 100 (the widest absorbs the rest)."""
    out = [[round(w, 2), k] for w, k in cells if round(w, 2) > 0]
    if not out:
        return [Cell(100.0, "empty")]
    widest = max(range(len(out)), key=lambda i: out[i][0])
    out[widest][0] = round(out[widest][0] + 100.0 - sum(w for w, _k in out), 2)
    return [Cell(w, k) for w, k in out]


def _marker(at: float, kind: str, priority: int) -> tuple[float, float, str, int]:
    left = min(max(at - MARKER / 2, 0.0), 100.0 - MARKER)
    return (left, left + MARKER, kind, priority)


def _today(axis: Axis, today: dt.date) -> tuple[float, float, str, int]:
    at = axis.pos(today)
    left = min(max(at - TODAY / 2, 0.0), 100.0 - TODAY)
    return (left, left + TODAY, "today", 1)


def planned_track(axis: Axis, planned: dt.date | None, today: dt.date) -> list[Cell]:
    """The upper lane of a milestone: where it was planned."""
    spans = [_today(axis, today)]
    if planned is not None:
        spans.append(_marker(axis.pos(planned), "planned", 3))
    return flatten(spans)


def actual_track(
    axis: Axis, planned: dt.date | None, actual: dt.date | None, status: str, today: dt.date
) -> list[Cell]:
    """The lower lane: when it was reached, joined to the plan by a late/early span; a
    milestone past its planned date and not reached gets an open span up to today."""
    spans = [_today(axis, today)]
    if actual is not None:
        if planned is not None and actual != planned:
            low, high = sorted((axis.pos(planned), axis.pos(actual)))
            spans.append((low, high, "span_late" if actual > planned else "span_early", 2))
        kind = {"on_plan": "actual_on_plan", "late": "actual_late", "early": "actual_early"}.get(
            status, "actual"
        )
        spans.append(_marker(axis.pos(actual), kind, 4))
    elif status == "overdue" and planned is not None:
        spans.append((axis.pos(planned), axis.pos(today), "span_overdue", 2))
        spans.append(_marker(axis.pos(today), "actual_overdue", 4))
    return flatten(spans)


def axis_ticks(axis: Axis, lang: str = "sv", min_label: float = 7.0) -> list[Cell]:
    """The scale under the picture: a cell per year (or per month on a short axis),
    labelled where the cell is wide enough for its label."""
    months = axis.days <= 400
    starts = []
    day = dt.date(axis.start.year, axis.start.month if months else 1, 1)
    while day <= axis.end:
        starts.append(day)
        day = (
            dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
            if months
            else dt.date(day.year + 1, 1, 1)
        )
    cells: list[Cell] = []
    edges = [axis.pos(d) for d in starts] + [100.0]  # the first start lies at or before 0
    names = MONTHS.get(lang, MONTHS["sv"])
    for d, left, right in zip(starts, edges, edges[1:], strict=False):
        width = right - left
        if width <= _EPS:
            continue
        label = names[d.month - 1] if months else str(d.year)
        cells.append(Cell(width, "tick", label if width >= min_label else ""))
    rounded = _rounded([[c.width, c.kind] for c in cells])
    labels = [c.label for c in cells if round(c.width, 2) > 0]
    return [Cell(r.width, r.kind, lab) for r, lab in zip(rounded, labels, strict=False)]


def stacked(parts: Sequence[tuple[str, int]]) -> list[Cell]:
    """A bar split by count: (kind, n) → cells in proportion, none that is non-empty
    narrower than MIN_SHARE percent."""
    shown = [(k, n) for k, n in parts if n > 0]
    total = sum(n for _k, n in shown)
    if total == 0:
        return [Cell(100.0, "empty")]
    widths = [max(n / total * 100.0, MIN_SHARE) for _k, n in shown]
    scale = 100.0 / sum(widths)
    return _rounded([[w * scale, k] for w, (k, _n) in zip(widths, shown, strict=True)])
