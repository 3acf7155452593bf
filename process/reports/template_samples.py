"""Made-up data for `rsp templates check`: every variable each bundled template may use,
every list non-empty, a `<script>` in what people type. Rendered through the same
functions rsp uses for real mails and reports, so a template that passes here renders
in production.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

D = dt.date.fromisoformat
EVIL = "<script>alert('rsp')</script>"
TODAY = D("2023-06-01")


def reminder(lang: str) -> list[str]:
    """Render both reminder templates of `lang` for a Cc recipient; returns the parts."""
    from notifications.mail.messages import render
    from notifications.reminders.due import DeadlineItem, DueReminder, Recipient
    from process.core.clock import STOCKHOLM

    item = DeadlineItem(
        kind="measure", subject="measure:17", title=f"1.A Insats {EVIL}", due=D("2023-06-10"),
        to=(Recipient("maria@region.example", "Maria Processledare"),),
        cc=(Recipient("per@region.example", "Per Ordförande"),), programme_id=1,
        details=(("Delmål", f"Delmål {EVIL}"),))
    due = DueReminder(item, "measure.before_7", D("2023-06-12"), TODAY,
                      dt.datetime(2023, 6, 1, 8, tzinfo=STOCKHOLM))
    mail = render(due, item.cc[0], "cc", lang, "RSP 2022-2030")
    return [mail.text, mail.html]


def digest_data(lang: str) -> dict[str, Any]:
    """The process lead's digest of a made-up week."""
    from notifications.digest import timeline
    from notifications.digest.words import days_text, milestone_text

    axis = timeline.Axis(D("2023-01-01"), D("2023-12-31"))
    due = {"year": 2023, "code": "1.A", "title": f"Insats {EVIL}", "state": "Planerad",
           "due": "2023-05-01", "due_text": "Klart", "days_left": -31,
           "when": days_text(-31, lang), "bodies": [f"Kommun {EVIL}", "Berg"]}
    counts = [{"state": "planned", "label": "Planerad", "n": 2}]
    return {
        "lang": lang, "lead": True, "programme": "RSP 2022-2030", "key": "rsp",
        "region": "Region JH", "period": {"start": "2023-05-25", "end": "2023-06-01"},
        "compiled": "2023-06-01 09:00", "today": TODAY.isoformat(),
        "stage": {"label": "Fastställt", "state": "adopted", "final": False,
                  "since": "2023-05-23", "days": 9, "since_text": "sedan 2023-05-23",
                  "next": {"label": "Genomförande", "planned": "2023-09-01",
                           "when": days_text(92, lang)}},
        "milestones": [{"state": "adopted", "label": "Fastställt", "status": "late",
                        "delta": 23, "planned": "2023-04-30", "actual": "2023-05-23",
                        "note": milestone_text("late", 23, lang), "current": True,
                        "outside": True,
                        "planned_cells": timeline.planned_track(axis, D("2023-04-30"), TODAY),
                        "actual_cells": timeline.actual_track(axis, D("2023-04-30"),
                                                              D("2023-05-23"), "late", TODAY)}],
        "timeline": {"start": "2023-01-01", "end": "2023-12-31",
                     "ticks": timeline.axis_ticks(axis, lang)},
        "decisions": [{"id": 1, "meeting_date": "2023-05-23", "reference": "2023-05-23 § 89",
                       "text": EVIL, "by": "RUN", "delegated": True, "step": "decided",
                       "expected_final": "2023-06-20"}],
        "pending": [{"id": 1, "reference": "2023-05-23 § 89", "text": EVIL, "by": "RUN",
                     "delegated": False, "step": "announced", "expected_final": "2023-06-20"}],
        "measures": {"year": 2023, "areas": [{"number": 1, "title": EVIL, "total": 2,
                                              "counts": counts,
                                              "bar": timeline.stacked([("state:planned", 2)])}],
                     "states": [{"state": "planned", "label": "Planerad"}],
                     "totals": counts, "total": 2},
        "overdue": [due], "due_soon": [{**due, "days_left": 5, "when": days_text(5, lang)}],
        "due_within": 14,
        "remiss": {"reply_by": "2023-06-20",
                   "received": [{"name": EVIL, "key": "y", "received": "2023-05-30",
                                 "position": "comments", "late": True}],
                   "missing": [{"name": EVIL, "key": "x"}]},
        "refused": [{"at": "2023-05-30 10:00", "actor": "x", "role": "board", "what": "t",
                     "subject": "s", "reason": EVIL}],
        "failed": [{"id": 7, "recipient": "a@b.example", "subject": "s", "attempts": 3,
                    "error": EVIL}],
    }


def followup_data(lang: str) -> dict[str, Any]:
    """A follow-up of a made-up plan: one area, a goal, a measure placed twice."""
    measure = {"code": "1.A", "title": f"Insats {EVIL}", "subgoal": EVIL, "goals": ["1.1"],
               "state": "done", "state_label": "Klar", "outcome": "partly",
               "outcome_label": "Delvis uppnått", "comment": EVIL, "recorded_by": "maria",
               "recorded_at": None, "responsible": [EVIL, "Berg"], "area": 1}
    counts = {"total": 1, "achieved": 0, "partly": 1, "not_": 0, "missing": 0}
    goals = [{"code": "1.1", "title": EVIL, "note": "", "measures": [{**measure,
                                                                      "repeat": None}]},
             {"code": "2.1", "title": "Mål", "note": EVIL, "measures": [{**measure,
                                                                         "repeat": "1.1"}]},
             {"code": "", "title": "Utan mål", "note": "", "measures": []}]
    area = {"number": 1, "title": EVIL, "measures": [measure], "counts": counts,
            "share": "0 av 1 (0 %)", "goals": goals}
    return {"lang": lang, "year": 2023, "plan_title": EVIL, "programme": "RSP",
            "region": "Region JH", "areas": [area], "measures": [measure], "counts": counts,
            "share": "0 av 1 (0 %)", "compiled": TODAY.isoformat()}


def remiss_data(lang: str) -> dict[str, Any]:
    """A made-up remiss still open: one late answer, one body still to answer."""
    answered = {"key": "y", "name": EVIL, "received": D("2023-05-30"), "late": True,
                "answered": True, "position": "comments", "position_label": "Synpunkter",
                "summary": f"Synpunkter | {EVIL}"}
    missing = {"key": "x", "name": EVIL, "received": None, "late": False, "answered": False,
               "position": None, "position_label": "", "summary": None}
    return {"lang": lang, "programme": "RSP", "region": "Region JH",
            "opened_on": D("2023-04-02"), "reply_by": D("2023-06-28"), "open": True,
            "closed_on": None, "bodies": [answered, missing], "answered": [answered],
            "missing": [missing], "late": 1, "compiled": TODAY}


def renderers() -> dict[str, Callable[[str], list[str]]]:
    """For each family of bundled templates (the file name's first part), a function that
    renders them all in a language with made-up data."""
    from notifications.digest import render as digest_render
    from process.reports import followup
    from process.reports import remiss_compilation as remiss_report

    return {
        "reminder": reminder,
        "digest": lambda lang: [digest_render.render(digest_data(lang), f)
                                for f in digest_render.FORMATS],
        "followup_report": lambda lang: [followup.render(followup_data(lang), f)
                                         for f in ("md", "html")],
        "remiss_report": lambda lang: [remiss_report.render(remiss_data(lang), f)
                                       for f in ("md", "html")],
    }
