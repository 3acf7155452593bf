"""Made-up data for `rsp templates check` of the digest: every variable it may use, every
list non-empty, a `<script>` in what people type, rendered as rsp renders a real one."""

from __future__ import annotations

from typing import Any

from process.reports.template_samples import EVIL, TODAY, D
from process.reports.templating import Family


def digest_data(lang: str) -> dict[str, Any]:
    """The process lead's digest of a made-up week."""
    from notifications.digest import timeline
    from notifications.digest.words import days_text, milestone_text

    axis = timeline.Axis(D("2023-01-01"), D("2023-12-31"))
    due = {
        "year": 2023,
        "code": "1.A",
        "title": f"Insats {EVIL}",
        "state": "Planerad",
        "due": "2023-05-01",
        "due_date_text": "1 maj 2023",
        "due_text": "Klart",
        "days_left": -31,
        "when": days_text(-31, lang),
        "bodies": [f"Kommun {EVIL}", "Berg"],
    }
    counts = [{"state": "planned", "label": "Planerad", "n": 2}]
    return {
        "lang": lang,
        "lead": True,
        "programme": "RSP 2022-2030",
        "key": "rsp",
        "region": "Region JH",
        "period": {
            "start": "2023-05-25",
            "end": "2023-06-01",
            "start_text": "25 maj 2023",
            "end_text": "1 juni 2023",
        },
        "compiled": "1 juni 2023 09:00",
        "today": TODAY.isoformat(),
        "page": "https://rsp.region.example/p/rsp/digest?since=2023-05-25&until=2023-06-01",
        "today_text": "1 juni 2023",
        "stage": {
            "label": "Fastställt",
            "state": "adopted",
            "final": False,
            "since": "2023-05-23",
            "days": 9,
            "since_text": "sedan 2023-05-23",
            "next": {
                "label": "Genomförande",
                "planned": "2023-09-01",
                "planned_text": "1 september 2023",
                "when": days_text(92, lang),
            },
        },
        "milestones": [
            {
                "state": "adopted",
                "label": "Fastställt",
                "status": "late",
                "delta": 23,
                "planned": "2023-04-30",
                "actual": "2023-05-23",
                "note": milestone_text("late", 23, lang),
                "current": True,
                "outside": True,
                "drawn": True,
                "planned_text": "30 april 2023",
                "actual_text": "23 maj 2023",
                "planned_cells": timeline.planned_track(axis, D("2023-04-30"), TODAY),
                "actual_cells": timeline.actual_track(
                    axis, D("2023-04-30"), D("2023-05-23"), "late", TODAY
                ),
            }
        ],
        "timeline": {
            "start": "2023-01-01",
            "end": "2023-12-31",
            "ticks": timeline.axis_ticks(axis, lang),
            "earlier": "Före 1 januari 2023: 3 milstolpar, 3 enligt plan.",
        },
        "decisions": [
            {
                "id": 1,
                "meeting_date": "2023-05-23",
                "reference": "2023-05-23 § 89",
                "text": EVIL,
                "by": "RUN",
                "delegated": True,
                "step": "decided",
                "expected_final": "2023-06-20",
            }
        ],
        "pending": [
            {
                "id": 1,
                "reference": "2023-05-23 § 89",
                "text": EVIL,
                "by": "RUN",
                "delegated": False,
                "step": "announced",
                "expected_final": "2023-06-20",
            }
        ],
        "measures": {
            "year": 2023,
            "areas": [
                {
                    "number": 1,
                    "title": EVIL,
                    "total": 2,
                    "counts": counts,
                    "bar": timeline.stacked([("state:planned", 2)]),
                }
            ],
            "states": [{"state": "planned", "label": "Planerad"}],
            "totals": counts,
            "total": 2,
        },
        "overdue": [due],
        "due_soon": [{**due, "days_left": 5, "when": days_text(5, lang)}],
        "due_within": 14,
        "remiss": {
            "reply_by": "2023-06-20",
            "received": [
                {
                    "name": EVIL,
                    "key": "y",
                    "received": "2023-05-30",
                    "position": "comments",
                    "late": True,
                }
            ],
            "missing": [{"name": EVIL, "key": "x"}],
        },
        "refused": [
            {
                "at": "2023-05-30 10:00",
                "actor": "x",
                "role": "board",
                "what": "t",
                "subject": "s",
                "reason": EVIL,
            }
        ],
        "failed": [
            {"id": 7, "recipient": "a@b.example", "subject": "s", "attempts": 3, "error": EVIL}
        ],
        "standing": [{"key": "contacts", "title": "Kontaktpersoner", "entries": [EVIL]}],
        "checkpoint": '-----BEGIN RSP AUDIT CHECKPOINT-----\n{"body": "'
        + EVIL
        + '"}\n-----END RSP AUDIT CHECKPOINT-----\n',
        "replay": True,
    }


def families() -> list[Family]:
    """The digest's template family."""
    from notifications.digest import render as digest_render

    return [
        Family(
            "digest",
            digest_render.TEMPLATES,
            lambda lang: [
                digest_render.render(digest_data(lang), f) for f in digest_render.FORMATS
            ],
        )
    ]
