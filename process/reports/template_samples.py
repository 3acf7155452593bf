"""Made-up data for `rsp templates check` of the reports' templates: every variable each
may use, every list non-empty, a `<script>` in what people type. Rendered through the
same functions rsp uses for real reports, so a template that passes here renders in
production.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from process.reports.templating import TEMPLATES, Family

if TYPE_CHECKING:
    from process.reports.followup import FollowupReport

D = dt.date.fromisoformat
EVIL = "<script>alert('rsp')</script>"
TODAY = D("2023-06-01")


def followup_data(lang: str) -> FollowupReport:
    """A follow-up of a made-up plan: one area, a goal, a measure placed twice."""
    measure = {
        "code": "1.A",
        "title": f"Insats {EVIL}",
        "subgoal": EVIL,
        "goals": ["1.1"],
        "state": "done",
        "state_label": "Klar",
        "outcome": "partly",
        "outcome_label": "Delvis uppnått",
        "comment": EVIL,
        "recorded_by": "maria",
        "recorded_at": None,
        "responsible": [EVIL, "Berg"],
        "area": 1,
    }
    counts = {"total": 1, "achieved": 0, "partly": 1, "not_": 0, "missing": 0}
    goals = [
        {
            "code": "1.1",
            "title": EVIL,
            "note": "",
            "also_text": "",
            "measures": [{**measure, "repeat": None}],
        },
        {
            "code": "2.1",
            "title": "Mål",
            "note": EVIL,
            "also_text": f"Även insats 1.A {EVIL} bidrar till målet.",
            "measures": [{**measure, "repeat": "1.1"}],
        },
        {"code": "", "title": "Utan mål", "note": "", "also_text": "", "measures": []},
    ]
    area = {
        "number": 1,
        "title": EVIL,
        "measures": [measure],
        "counts": counts,
        "share": "0 av 1 (0 %)",
        "goals": goals,
    }
    return {
        "lang": lang,
        "year": 2023,
        "plan_title": EVIL,
        "programme": "RSP",
        "region": "Region JH",
        "areas": [area],
        "measures": [measure],
        "counts": counts,
        "share": "0 av 1 (0 %)",
        "followed": [measure],
        "not_followed": [],  # empty, as the sample left it out before
        "compiled": "1 juni 2023",
    }


def remiss_data(lang: str) -> dict[str, Any]:
    """A made-up remiss still open: one late answer, one body still to answer."""
    answered = {
        "key": "y",
        "name": EVIL,
        "received": D("2023-05-30"),
        "late": True,
        "answered": True,
        "position": "comments",
        "position_label": "Synpunkter",
        "summary": f"Synpunkter | {EVIL}",
    }
    missing = {
        "key": "x",
        "name": EVIL,
        "received": None,
        "late": False,
        "answered": False,
        "position": None,
        "position_label": "",
        "summary": None,
    }
    return {
        "lang": lang,
        "programme": "RSP",
        "region": "Region JH",
        "opened_on": D("2023-04-02"),
        "reply_by": D("2023-06-28"),
        "open": True,
        "closed_on": None,
        "bodies": [answered, missing],
        "answered": [answered],
        "missing": [missing],
        "late": 1,
        "compiled": TODAY,
        "compiled_text": "1 juni 2023",
    }


def families() -> list[Family]:
    """The reports' template families, each with its made-up data."""
    from process.reports import followup
    from process.reports import remiss_compilation as remiss_report

    return [
        Family(
            "followup_report",
            TEMPLATES,
            lambda lang: [followup.render(followup_data(lang), f) for f in ("md", "html")],
        ),
        Family(
            "remiss_report",
            TEMPLATES,
            lambda lang: [remiss_report.render(remiss_data(lang), f) for f in ("md", "html")],
        ),
    ]
