"""The scheduler's calendar jobs: crontab lines in Stockholm time, and the latest moment
a job was due (to catch up once after a restart)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from process.core.clock import STOCKHOLM
from process.core.errors import InvalidInput

CATCH_UP = dt.timedelta(days=2)  # a weekly digest missed while the daemon was down
DEFAULT_CRON = "0 7 * * mon"


def cron_trigger(expr: str) -> Any:
    """The APScheduler CronTrigger of a crontab line in Stockholm time, e.g. the default
    '0 7 * * mon' (Monday 07:00). Days of the week must be names (mon-sun): APScheduler 3
    counts them from Monday = 0, unlike crontab, so a number would be a day off."""
    from apscheduler.triggers.cron import CronTrigger

    fields = expr.split()
    if len(fields) != 5:
        raise InvalidInput(
            f"digest cron {expr!r}: give five fields, minute hour day month "
            f"weekday, e.g. {DEFAULT_CRON!r}"
        )
    if any(ch.isdigit() for ch in fields[4]):
        raise InvalidInput(
            f"digest cron {expr!r}: write the weekday as a name (mon, tue, …, "
            "sun or mon-fri), not a number"
        )
    try:
        return CronTrigger.from_crontab(expr, timezone=STOCKHOLM)
    except ValueError as exc:
        raise InvalidInput(f"digest cron {expr!r}: {exc}") from None


def last_fire(
    trigger: Any, now: dt.datetime, within: dt.timedelta = CATCH_UP
) -> dt.datetime | None:
    """The trigger's latest moment in (now - within, now], or None (pure)."""
    found = None
    moment = trigger.get_next_fire_time(None, now - within)
    while moment is not None and moment <= now:
        found = moment
        moment = trigger.get_next_fire_time(moment, moment + dt.timedelta(microseconds=1))
    return found
