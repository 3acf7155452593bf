"""What the demo replays: a step is one `rsp` command run by a person on a day."""

from __future__ import annotations

from dataclasses import dataclass

DIARY = "RUN/536/2021"
PROGRAMME = "rsp-2022-2030"  # the programme 2022-2030 (example jamtland-harjedalen)
EARLIER = "rsp-2014-2020"  # the earlier programme (example jamtland-2014-2020)
LOOK_AT = "2024-04-08"  # the day the final status is shown: the 2024 plan under way
EARLIER_LOOK_AT = "2015-01-26"  # the earlier programme's 2014 plan followed up, carried over
WORKSPACE = "{workspace}"  # in a step's arguments: the demo's folder
DIGEST = "veckorapport-2023-05-23.html"  # the steering group's digest as of the adoption
DIGEST_2024 = f"veckorapport-{LOOK_AT}.html"  # and a digest with the 2024 plan under way


@dataclass(frozen=True)
class Step:
    when: str
    user: str
    args: tuple[str, ...]
    note: str = ""
    refused: bool = False


OUTBOX = "outbox"  # the file transport's folder in the workspace: one .eml per mail
