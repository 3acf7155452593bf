"""The digest's words in Swedish (default) and English, and the small pure phrases built
from them ("12 dagar sent", "vecka 21", "i dag")."""

from __future__ import annotations

import datetime as dt

from process.core.words import label, long_date, phrase, t

WORDS: dict[str, dict[str, str]] = {
    "title": {"sv": "Veckorapport", "en": "Weekly digest"},
    "lead_title": {
        "sv": "Veckorapport – processledarens exemplar",
        "en": "Weekly digest – the process lead's copy",
    },
    "subject": {
        "sv": "Veckorapport {programme}, vecka {week} ({end})",
        "en": "Weekly digest {programme}, week {week} ({end})",
    },
    "subject_lead": {
        "sv": "Veckorapport (processledare) {programme}, vecka {week} ({end})",
        "en": "Weekly digest (process lead) {programme}, week {week} ({end})",
    },
    "period": {"sv": "Perioden {start} – {end}", "en": "The period {start} – {end}"},
    "compiled": {"sv": "Sammanställd {at}", "en": "Compiled {at}"},
    "page": {
        "sv": "Sammanställningen i rsp, där du också kan välja en annan period "
        "(du loggar in med din e-postadress)",
        "en": "The digest in rsp, where you can also choose another period "
        "(you sign in with your e-mail address)",
    },
    "stage": {"sv": "Läget", "en": "Where the process stands"},
    "current_stage": {"sv": "Nuvarande skede", "en": "Current stage"},
    "since": {"sv": "sedan {day}, {n} dagar", "en": "since {day}, {n} days"},
    "since_one": {"sv": "sedan {day}, 1 dag", "en": "since {day}, 1 day"},
    "since_later": {
        "sv": "från {day}, efter rapportens dag",
        "en": "from {day}, after the digest's day",
    },
    "final_stage": {"sv": "slutläge", "en": "final stage"},
    "next_milestone": {"sv": "Nästa milstolpe", "en": "Next milestone"},
    "planned_for": {"sv": "planerad {day}", "en": "planned for {day}"},
    "milestones": {
        "sv": "Milstolpar: planerat och faktiskt",
        "en": "Milestones: planned and actual",
    },
    "milestone": {"sv": "Milstolpe", "en": "Milestone"},
    "planned": {"sv": "Planerat", "en": "Planned"},
    "actual": {"sv": "Faktiskt", "en": "Actual"},
    "outcome": {"sv": "Utfall", "en": "Outcome"},
    "timeline": {"sv": "Tidslinje", "en": "Timeline"},
    "legend_planned": {"sv": "planerat", "en": "planned"},
    "legend_on_plan": {"sv": "nått enligt plan", "en": "reached on plan"},
    "legend_early": {"sv": "nått tidigt", "en": "reached early"},
    "legend_late": {"sv": "nått sent", "en": "reached late"},
    "legend_overdue": {"sv": "ej nått, efter plan", "en": "not reached, behind plan"},
    "legend_today": {"sv": "i dag ({day})", "en": "today ({day})"},
    "beyond": {"sv": "utanför bilden", "en": "beyond the picture"},
    "earlier": {
        "sv": "Före {day}: {n} milstolpar, {how}.",
        "en": "Before {day}: {n} milestones, {how}.",
    },
    "count_on_plan": {"sv": "{n} enligt plan", "en": "{n} on plan"},
    "count_early": {"sv": "{n} tidigt", "en": "{n} early"},
    "count_late": {"sv": "{n} sent", "en": "{n} late"},
    "count_overdue": {"sv": "{n} ej nådda", "en": "{n} not reached"},
    "decisions": {"sv": "Beslut under perioden", "en": "Decisions in the period"},
    "pending": {"sv": "Beslut som ännu inte vunnit laga kraft", "en": "Decisions not yet final"},
    "expected_final": {"sv": "väntas vinna laga kraft {day}", "en": "expected final {day}"},
    "delegated": {"sv": "delegationsbeslut, {who}", "en": "delegated decision, {who}"},
    "measures": {"sv": "Insatser per prioriterat område", "en": "Measures by priority area"},
    "plan_of": {"sv": "Handlingsplan {year}", "en": "Action plan {year}"},
    "area": {"sv": "Område {n}", "en": "Area {n}"},
    "total": {"sv": "Totalt", "en": "Total"},
    "no_plans": {"sv": "Ingen handlingsplan ännu.", "en": "No action plan yet."},
    "overdue": {"sv": "Försenade insatser", "en": "Overdue measures"},
    "due_soon": {
        "sv": "Insatser som ska vara klara inom {n} dagar",
        "en": "Measures due within {n} days",
    },
    "due": {"sv": "Klart senast", "en": "Due"},
    "measure": {"sv": "Insats", "en": "Measure"},
    "responsible": {"sv": "Ansvariga", "en": "Responsible"},
    "state": {"sv": "Läge", "en": "State"},
    "target": {"sv": "Tidsmål", "en": "Target"},
    "days_late": {"sv": "{n} dagar sent", "en": "{n} days late"},
    "one_day_late": {"sv": "1 dag sent", "en": "1 day late"},
    "in_days": {"sv": "om {n} dagar", "en": "in {n} days"},
    "tomorrow": {"sv": "i morgon", "en": "tomorrow"},
    "today": {"sv": "i dag", "en": "today"},
    "more": {
        "sv": "… och {n} till: se insatserna i rsp.",
        "en": "… and {n} more: see the measures in rsp.",
    },
    "remiss": {"sv": "Remiss", "en": "Consultation (remiss)"},
    "remiss_open": {
        "sv": "Remissen är öppen; svar senast {day}.",
        "en": "The consultation is open; replies by {day}.",
    },
    "received": {"sv": "Svar som kommit in ({n})", "en": "Replies received ({n})"},
    "missing": {"sv": "Svar som saknas ({n})", "en": "Replies missing ({n})"},
    "late_reply": {"sv": "sent inkommet", "en": "came in late"},
    "refused": {"sv": "Nekade försök under perioden", "en": "Refused attempts in the period"},
    "failed": {"sv": "Misslyckade utskick", "en": "Failed mails"},
    "standing": {
        "sv": "Kvarstående problem med påminnelser och utskick",
        "en": "Standing problems with reminders and mail",
    },
    "checkpoint": {
        "sv": "Kontrollpunkt för granskningsloggen",
        "en": "Checkpoint of the audit trail",
    },
    "checkpoint_note": {
        "sv": "Spara detta mejl. Med kontrollpunkten nedan kan "
        "granskningsloggen senare kontrolleras: den visar att loggen "
        "inte har ändrats i efterhand.",
        "en": "Keep this mail. With the checkpoint below the audit trail "
        "can be checked later: it shows that the trail has not been "
        "changed afterwards.",
    },
    "replay": {
        "sv": "Övningsdatabas: tiderna är simulerade.",
        "en": "A replay database: its times are simulated.",
    },
    "attempts": {"sv": "{n} försök", "en": "{n} attempts"},
    "queued_line": {
        "sv": "veckorapport {programme} ({copy}, {day}): {recipients} mottagare, "
        "{inserted} köade, {existing} redan i utkorgen",
        "en": "digest {programme} ({copy}, {day}): {recipients} recipient(s), "
        "{inserted} queued, {existing} already in the outbox",
    },
    "send_line": {
        "sv": "utskick: {sent} skickade, {retry} att försöka igen, {failed} misslyckade",
        "en": "send: {sent} sent, {retry} to retry, {failed} failed",
    },
    "none": {"sv": "Inga.", "en": "None."},
    "footer": {
        "sv": "Automatisk veckorapport från rsp. Svara inte på detta meddelande; "
        "hör av dig till processledaren om något inte stämmer.",
        "en": "An automatic weekly digest from rsp. Please do not reply to this "
        "message; contact the process lead if something is wrong.",
    },
}

POSITION_WORDS = {
    "agrees": {"sv": "tillstyrker", "en": "agrees"},
    "comments": {"sv": "har synpunkter", "en": "has comments"},
    "no_comments": {"sv": "inga synpunkter", "en": "no comments"},
    "no_answer": {"sv": "inget svar", "en": "no answer"},
}


def w(key: str, lang: str, **values: object) -> str:
    """A phrase of the digest in the wanted language (Swedish when unknown)."""
    return phrase(WORDS, key, lang, **values)


def position_word(position: str | None, lang: str) -> str:
    """A remiss reply's position as words (the key itself when unknown)."""
    if position is None:
        return ""
    entry = POSITION_WORDS.get(position)
    return label(entry, lang) if entry else position


def milestone_text(status: str, delta: int | None, lang: str) -> str:
    """'enligt plan', '23 dagar sent', '3 dagar tidigt', 'ej nått, 5 dagar efter plan'."""
    if status == "on_plan":
        return t("on_plan", lang)
    if status == "late":
        return t("late", lang, n=delta)
    if status == "early":
        return t("early", lang, n=-(delta or 0))
    if status == "overdue":
        return t("overdue", lang, n=delta)
    if status == "upcoming":
        return t("upcoming", lang)
    return ""


def milestone_count_text(status: str, n: int, lang: str) -> str:
    """'3 enligt plan', '1 sent': how many milestones went one way."""
    key = f"count_{status}"
    return w(key, lang, n=n) if key in WORDS else ""


def days_text(days_left: int, lang: str) -> str:
    """A deadline relative to today: 'om 5 dagar', 'i morgon', 'i dag', '3 dagar sent'."""
    if days_left > 1:
        return w("in_days", lang, n=days_left)
    if days_left == 1:
        return w("tomorrow", lang)
    if days_left == 0:
        return w("today", lang)
    if days_left == -1:
        return w("one_day_late", lang)
    return w("days_late", lang, n=-days_left)


def since_text(day: dt.date, days: int, lang: str) -> str:
    """'sedan 23 maj 2023, 4 dagar'."""
    if days < 0:  # the stage was reached after the digest's day (looked at afterwards)
        return w("since_later", lang, day=long_date(day, lang))
    key = "since_one" if days == 1 else "since"
    return w(key, lang, day=long_date(day, lang), n=days)


def iso_week(day: dt.date) -> int:
    """The ISO week number (what Swedish calendars show)."""
    return day.isocalendar()[1]
