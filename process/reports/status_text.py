"""Plain-text views of status, history and people for the terminal."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from process.core.clock import STOCKHOLM
from process.core.decision_refs import paragraph_sign
from process.core.words import long_date, t
from process.reports.status import Status


def _days_in_state(days: int, lang: str) -> str:
    """'287 dagar'; a stage reached after the moment looked at says so, not '-130 dagar'."""
    if days < 0:
        return t("after_now", lang)
    return t("n_days", lang, n=days)


def _when(at: dt.datetime) -> str:
    return at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")


def _when_in_words(at: dt.datetime, lang: str) -> str:
    """'26 juni 2023 kl. 09:00' ('26 June 2023 at 09:00'): a time in prose."""
    local = at.astimezone(STOCKHOLM)
    return f"{long_date(local.date(), lang)} {'kl.' if lang == 'sv' else 'at'} {local:%H:%M}"


def milestone_note(status_code: str, delta: int | None, lang: str) -> str:
    if status_code == "on_plan":
        return t("on_plan", lang)
    if status_code == "late":
        return t("late", lang, n=delta)
    if status_code == "early":
        return t("early", lang, n=-(delta or 0))
    if status_code == "overdue":
        return t("overdue", lang, n=delta)
    if status_code == "upcoming":
        return t("upcoming", lang)
    return ""


def status_text(s: Status, lang: str) -> str:
    """The status as lines for a terminal."""
    lines = [
        f"{t('programme', lang)}: {s.programme_name} ({s.programme}), {s.region}",
        f"{t('stage', lang)}: {s.state_label} {t('final', lang) if s.final else ''}".rstrip(),
        f"  {t('since', lang)} {_when_in_words(s.since, lang)} "
        f"({_days_in_state(s.days_in_state, lang)})",
        "",
        f"{t('milestones', lang)} ({t('planned', lang)} / {t('actual', lang)}):",
    ]
    for m in s.milestones:
        planned = m.planned.isoformat() if m.planned else "—"
        actual = m.actual.isoformat() if m.actual else "—"
        marker = "▶" if m.state == s.state else " "
        lines.append(
            f" {marker} {m.label:<38} {planned}  {actual:<10}  "
            f"{milestone_note(m.status, m.delta_days, lang)}"
        )
    lines += ["", f"{t('next', lang)}:"]
    if not s.next_steps:
        lines.append(f"  {t('none', lang)}")
    for n in s.next_steps:
        extra = [f"{t('who', lang)}: {', '.join(n.roles)}"]
        if n.decision:
            extra.append(t("needs_decision", lang))
        if n.blocked_by:
            extra.append(f"{t('blocked', lang)}: {'; '.join(n.blocked_by)}")
        command = n.command
        lines.append(f"  {command:<36} {n.label}")
        lines.append(f"      → {n.to_state}; " + "; ".join(extra))
    lines += ["", f"{t('decisions', lang)}:"]
    if not s.decisions:
        lines.append(f"  {t('none', lang)}")
    for d in s.decisions:
        sign = paragraph_sign(d["paragraph"])
        lines.append(
            f"  {d['meeting_date'].isoformat()} {sign} {d['paragraph']} "
            f"{d['diary_number']}  {d['body']}: {d['text']}"
        )
        if d.get("step") and d["step"] != "final":
            from process.reports.remiss_text import decision_note

            lines.append(f"      #{d['id']} {decision_note(d, lang)}")
    if s.remiss:
        from process.reports.remiss_text import remiss_line

        lines += ["", remiss_line(s.remiss, lang)]
    return "\n".join(lines)


def history_text(events: list[dict[str, Any]], lang: str, replay: bool = False) -> str:
    """The audit events of a programme, one or two lines each; an event recorded later
    than it took effect (--effective) shows when it was recorded, except on a replay
    database (where every time is simulated, as its first line says)."""
    lines = [t("replay_note", lang)] if replay else []
    for e in events:
        head = f"{e['id']:>5}  {_when(e['at'])}  {e['actor']}"
        if e["role"]:
            head += f" ({e['role']})"
        if e["action"] == "transition" and e["outcome"] == "applied":
            what = f"{e['trigger']}: {e['from_state']} → {e['to_state']}"
        elif e["action"] == "transition":
            what = f"{e['trigger']} ({e['from_state']})"
        else:
            what = e["action"] + (f" {e['trigger']}" if e["trigger"] else "")
            detail = {k: v for k, v in e["detail"].items() if k not in ("reason", "error")}
            if detail and e["outcome"] != "refused":
                what += f" ({detail_text(detail)})"
        if e["outcome"] == "refused":
            what = f"{t('refused', lang)} {what}: {e['detail'].get('reason', '')}"
        lines.append(f"{head}  {what}")
        if e["decision"]:
            lines.append(f"{'':>7}{t('decisions', lang)}: {e['decision']}")
        if e["comment"]:
            lines.append(f"{'':>7}» {e['comment']}")
        recorded = e.get("recorded_at")
        if recorded is not None and abs((recorded - e["at"]).total_seconds()) > 300 and not replay:
            lines.append(f"{'':>7}{t('recorded', lang)} {_when(recorded)}")
    return "\n".join(lines)


def detail_text(detail: dict[str, Any]) -> str:
    """An audit row's details for reading, not JSON: 'year: 2014; created: 17 (1.A …)';
    a nested record by its keys (the decision itself has a line of its own)."""
    parts = []
    for key, value in detail.items():
        if value is None or value == [] or value == {} or key == "decision_record":
            continue
        if isinstance(value, dict):
            shown = ", ".join(str(k) for k in value)
        elif isinstance(value, list | tuple):
            items = [str(v) for v in value]
            shown = (
                ", ".join(items)
                if len(items) <= 6
                else (f"{len(items)} ({', '.join(items[:3])} …)")
            )
        else:
            shown = str(value)
            if len(shown) == 64 and all(c in "0123456789abcdef" for c in shown):
                shown = shown[:12] + "…"  # a content hash: its start identifies it
        parts.append(f"{key}: {shown}")
    return "; ".join(parts)


def to_json(value: Any) -> str:
    """JSON for --json output: dates as ISO strings, Swedish letters kept."""

    def default(o: Any) -> Any:
        if isinstance(o, dt.datetime):
            return o.astimezone(dt.UTC).isoformat()
        if isinstance(o, dt.date):
            return o.isoformat()
        raise TypeError(type(o).__name__)

    return json.dumps(value, default=default, ensure_ascii=False, indent=2)
