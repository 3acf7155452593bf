"""Made-up data for `rsp templates check` of the reminder mails: every variable they may
use, a `<script>` in what people type, rendered as rsp renders a real reminder."""

from __future__ import annotations

import datetime as dt

from process.reports.template_samples import EVIL, TODAY, D
from process.reports.templating import Family


def reminder(lang: str) -> list[str]:
    """Render both reminder templates of `lang` for a Cc recipient; returns the parts."""
    from notifications.reminders.due import DeadlineItem, DueReminder, Recipient
    from notifications.reminders.reminder_mail import render
    from process.core.clock import STOCKHOLM

    item = DeadlineItem(
        kind="measure",
        subject="measure:17",
        title=f"1.A Insats {EVIL}",
        due=D("2023-06-10"),
        to=(Recipient("maria@region.example", "Maria Processledare"),),
        cc=(Recipient("per@region.example", "Per Ordförande"),),
        programme_id=1,
        details=(("Delmål", f"Delmål {EVIL}"),),
    )
    due = DueReminder(
        item,
        "measure.before_7",
        D("2023-06-12"),
        TODAY,
        dt.datetime(2023, 6, 1, 8, tzinfo=STOCKHOLM),
    )
    mail = render(due, item.cc[0], "cc", lang, "RSP 2022-2030")
    return [mail.text, mail.html]


def families() -> list[Family]:
    """The reminder mails' template family."""
    from notifications.reminders.reminder_mail import TEMPLATES

    return [Family("reminder", TEMPLATES, reminder)]
