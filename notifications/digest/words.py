"""The digest's words in Swedish (default) and English, and the small pure phrases built
from them ("12 dagar sent", "vecka 21", "i dag")."""

from __future__ import annotations

import datetime as dt

from process.core.catalogue import section
from process.core.words import label, long_date, phrase, t

WORDS = section("digest")

POSITION_WORDS = section("digest_position")


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
