"""What the demo replays: a step is one `rsp` command run by a person on a day."""

from __future__ import annotations

from dataclasses import dataclass

DIARY = "RUN/536/2021"
LOOK_AT = "2023-12-01"  # the day the final status is shown: implementation under way
WORKSPACE = "{workspace}"  # in a step's arguments: the demo's folder
DIGEST = "veckorapport-2023-05-23.html"  # the steering group's digest as of the adoption


@dataclass(frozen=True)
class Step:
    when: str
    user: str
    args: tuple[str, ...]
    note: str = ""
    refused: bool = False

OUTBOX = "outbox"  # the file transport's folder in the workspace: one .eml per mail
