"""Calendar export: the programme's milestones (and other deadline items) as an iCalendar
file that Outlook, Google Calendar and Thunderbird import.

Events are all-day, with a stable UID per milestone or item, so importing a newer export
updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlmodel import Session

from notifications.reminders.due import DeadlineItem
from notifications.reminders.milestones import acting_roles
from process.core.catalogue import section
from process.reports.status import reached_dates
from process.storage import lookup
from process.workflow import stored
from process.workflow.definition import label_text

if TYPE_CHECKING:
    from icalendar import Event

WORDS = section("calendar")


def _w(key: str, lang: str) -> str:
    return WORDS[key].get(lang) or WORDS[key]["sv"]


def _event(
    uid: str, day: dt.date, summary: str, description: str, stamp: dt.datetime, categories: str
) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    event.add("categories", [categories])
    return event


def calendar_bytes(
    session: Session,
    programme_key: str | None,
    now: dt.datetime,
    lang: str = "sv",
    items: Iterable[DeadlineItem] = (),
) -> tuple[bytes, int]:
    """The programme's milestones and the given deadline items as .ics; returns (bytes, n)."""
    from icalendar import Calendar

    prog = lookup.find_programme(session, programme_key)
    inst = lookup.instance_of(session, prog)
    definition = stored.definition_of(session, inst.definition_id)
    reached = reached_dates(session, f"process:{inst.id}")
    cal = Calendar()
    cal.add("prodid", "-//rsp//Regionalt serviceprogram//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", prog.name)
    count = 0
    for state in definition.states:
        if state.planned is None:
            continue
        lines = [f"{_w('planned', lang)}: {state.planned.isoformat()}"]
        if state.name in reached:
            lines.append(f"{_w('reached', lang)}: {reached[state.name].isoformat()}")
        for name, roles in acting_roles(definition, state):
            lines.append(f"{_w('who', lang)}: rsp advance {name} ({', '.join(roles)})")
        cal.add_component(
            _event(
                f"{prog.key}.milestone.{state.name}@rsp",
                state.planned,
                f"{label_text(state.label, lang)} – {prog.name}",
                "\n".join(lines),
                now,
                "milestone",
            )
        )
        count += 1
    for item in items:
        if item.programme_id not in (None, prog.id):
            continue
        lines = [f"{_w('deadline', lang)}: {item.due.isoformat()}"]
        lines += [f"{label}: {text}" for label, text in item.details]
        lines.append(", ".join(r.name or r.address for r in item.to))
        cal.add_component(
            _event(
                f"{prog.key}.{item.subject.replace(':', '.')}@rsp",
                item.due,
                item.title,
                "\n".join(lines),
                now,
                item.kind,
            )
        )
        count += 1
    return cal.to_ical(), count
