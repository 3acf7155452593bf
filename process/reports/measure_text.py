"""Plain-text views of measures and bodies for the terminal (Swedish by default)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from process.core.catalogue import section
from process.core.clock import STOCKHOLM
from process.core.words import long_date, phrase
from process.plans.measure_actions import command_for
from process.reports.followup import OUTCOME_WORDS
from process.reports.status_text import history_text

if TYPE_CHECKING:
    from process.bodies.bodies import BodyDetail, BodyInfo
    from process.plans.measure_queries import MeasureLine

WORDS = section("measure_text")


def w(key: str, lang: str, **values: object) -> str:
    """A word or phrase in the wanted language (Swedish when unknown)."""
    return phrase(WORDS, key, lang, **values)


def when_text(days: int, overdue: bool, lang: str) -> str:
    """How far away a deadline is: "om 5 dagar", "i dag", "3 dagar sent" (pure)."""
    if days > 0:
        return w("in_days", lang, n=days)
    if days == 0:
        return w("today", lang)
    return w("late", lang, n=-days) if overdue else w("passed", lang)


def list_text(rows: list[MeasureLine], lang: str) -> str:
    """One line per measure (or per due deadline)."""
    if not rows:
        return w("no_rows", lang)
    lines = []
    for r in rows:
        due = ""
        if r.deadline is not None and r.days_left is not None:
            due = f"{r.deadline.isoformat()} ({when_text(r.days_left, True, lang)})"
            if r.deadline_text:
                due += f" {r.deadline_text}"
        lines.append(
            f"{r.year} {r.code:<5} {r.state_label:<12} "
            f"{(r.lead or '—'):<16} {_short(r.title, 60):<60}  {due}".rstrip()
        )
    return "\n".join(lines)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _day(at: Any) -> str:
    return at.astimezone(STOCKHOLM).strftime("%Y-%m-%d")


def _day_in_words(at: Any, lang: str) -> str:
    """'20 januari 2015': a day in prose."""
    return long_date(at.astimezone(STOCKHOLM).date(), lang)


def show_text(m: dict[str, Any], lang: str) -> str:
    """A measure's page: content, state, deadlines, bodies, follow-up, next steps, history."""
    lines = [
        f"{w('measure', lang)} {m['code']} ({m['year']}): {m['title']}",
        f"{w('area', lang)} {m['area']['number']}: {m['area']['title'] or ''}",
        f"{w('subgoal', lang)}: {m['subgoal']}",
        f"{w('goals', lang)}:",
        *[f"  {g['code']} {g['title'] or ''}".rstrip() for g in m["goals"]],
        f"{w('state', lang)}: {m['state_label']} {w('since', lang)} "
        f"{_day_in_words(m['state_since'], lang)} (version {m['version']})",
        f"{w('responsible', lang)}: "
        + ", ".join(
            f"{b['name']} ({b['key']}{', ' + w('lead', lang) if b['lead'] else ''})"
            for b in m["responsible"]
        ),
        f"{w('financing', lang)}: " + "; ".join(m["financing"]),
        f"{w('activities', lang)}:",
        *[f"  - {a}" for a in m["activities"]],
        f"{w('deadlines', lang)}:",
    ]
    for d in m["deadlines"]:
        lines.append(
            f"  {d['date'].isoformat()}  {d['text']}  "
            f"({when_text(d['days_left'], d['overdue'], lang)})"
        )
    for key in ("carried_from", "carried_to"):
        if m[key]:
            lines.append(f"{w(key, lang)}: {m[key]['year']} {m[key]['code']}")
    if m["followup"]:
        f = m["followup"]
        outcome = OUTCOME_WORDS[f["outcome"]].get(lang, f["outcome"])
        lines.append(
            f"{w('followup', lang)}: {outcome} — {f['comment']} "
            f"({f['recorded_by']}, {_day(f['recorded_at'])})"
        )
    lines.append(f"{w('next', lang)}:")
    for s in m["next_steps"]:
        extra = f"{w('who', lang)}: {', '.join(s['roles'])}"
        if s["blocked_by"]:
            extra += f"; {w('blocked', lang)}: {'; '.join(s['blocked_by'])}"
        marks = tuple(s.get("marks", ()))
        lines.append(f"  {command_for(s['trigger'], m['code'], m['year'], marks)}")
        lines.append(f"      {s['label']} → {s['to_state']}; {extra}")
    if not m["next_steps"]:
        lines.append(f"  {w('none', lang)}")
    lines.append(f"{w('notes', lang)}:")
    lines += [f"  {_day(n['at'])} {n['author']}: {n['text']}" for n in m["notes"]] or [
        f"  {w('none', lang)}"
    ]
    lines += [f"{w('history', lang)}:", history_text(m["history"], lang)]
    return "\n".join(lines)


def bodies_text(rows: list[BodyInfo]) -> str:
    """One line per body: key, kind, name, addresses, members or people."""
    out = []
    for b in rows:
        extra = b.members or b.people
        out.append(
            f"{b.key:<30} {b.kind:<13} {b.name:<36} {', '.join(b.emails)}"
            + (f"  [{', '.join(extra)}]" if extra else "")
        )
    return "\n".join(out)


def body_text(b: BodyDetail, lang: str) -> str:
    """A body's page: addresses, members, people, groups and measures."""
    lines = [
        f"{b.name} ({b.key}, {b.kind})",
        f"{w('emails', lang)}: {', '.join(b.emails) or '—'}",
        f"{w('members', lang)}: {', '.join(b.members) or '—'}",
        f"{w('people', lang)}: {', '.join(b.people) or '—'}",
        f"{w('groups', lang)}: {', '.join(b.groups) or '—'}",
        f"{w('measures', lang)}:",
    ]
    for m in b.measures:
        lead = f" ({w('lead', lang)})" if m.lead else ""
        via = f" [{m.via}]" if m.via != b.key else ""
        lines.append(f"  {m.year} {m.code:<5} {m.state:<13} {_short(m.title, 60)}{lead}{via}")
    if not b.measures:
        lines.append(f"  {w('none', lang)}")
    return "\n".join(lines)
