"""What the `decision_final:` and `remiss_closable` guards look at: plain values that the
engine puts into the guard context only when a trigger has such a guard (kept out of
`process.guards`, so that the engine's import stays lean)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DecisionFacts:
    """Where the latest decision recorded by a trigger stands (see process.finality)."""

    reference: str  # e.g. '2023-05-23 § 89, RUN/536/2021'
    step: str  # decided | minutes_approved | announced | appealed | final | overturned
    expected_final: dt.date | None = None


@dataclass(frozen=True)
class RemissFacts:
    """The open remiss: its reply date, today, and the bodies that have not answered."""

    reply_by: dt.date
    today: dt.date
    consulted: int
    unanswered: tuple[str, ...] = ()
