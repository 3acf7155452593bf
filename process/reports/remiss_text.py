"""Plain-text views of the remiss, the decisions' steps and the delegations (Swedish by
default, English on request)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from process.core.catalogue import section
from process.core.clock import STOCKHOLM
from process.core.words import phrase
from process.decisions.finality import step_word
from process.remiss.rules import RemissOverview, position_word

if TYPE_CHECKING:
    from process.decisions.delegation import DelegationReport, DelegationRow

WORDS = section("remiss_text")


def w(key: str, lang: str, **values: Any) -> str:
    """A phrase in the wanted language (Swedish when unknown)."""
    return phrase(WORDS, key, lang, **values)


def remiss_text(o: RemissOverview, lang: str) -> str:
    """`rsp remiss status`: dates, the period's working days, each body's reply."""
    head = w("opened", lang, day=o["opened_on"], who=o["opened_by"], reply_by=o["reply_by"])
    if o["moved"]:
        head += w("moved", lang, asked=o["reply_by_asked"])
    when = (
        w("closed", lang, day=o["closed_on"])
        if not o["open"]
        else w("left", lang, n=o["days_left"])
        if o["days_left"] >= 0
        else w("passed", lang)
    )
    lost = ", ".join(f"{x['date']} {x['name']}" for x in o["lost_to_holidays"])
    lines = [
        head,
        f"  {when}",
        w(
            "period",
            lang,
            days=o["calendar_days"],
            work=o["working_days"],
            lost=f"{len(o['lost_to_holidays'])} ({lost})" if lost else w("none", lang),
        ),
        w("answers", lang, a=o["answered"], n=o["consulted"], late=o["late"]),
        "",
    ]
    for b in o["bodies"]:
        received = b["received"].isoformat() if b["received"] else "—"
        late = f" ({w('late', lang)})" if b["late"] else ""
        lines.append(
            f"  {b['key']:<14} {b['name']:<34} {received:<10}{late:<6} "
            f"{position_word(b['position'], lang)}"
        )
        if b["summary"]:
            lines.append(f"{'':>17}» {b['summary']}")
    return "\n".join(lines)


def remiss_line(o: RemissOverview, lang: str) -> str:
    """One line on the remiss for `rsp status`."""
    if o["open"]:
        return w(
            "line_open",
            lang,
            a=o["answered"],
            n=o["consulted"],
            late=o["late"],
            reply_by=o["reply_by"],
            work=o["working_days"],
            lost=len(o["lost_to_holidays"]),
        )
    return w(
        "line_closed",
        lang,
        day=o["closed_on"],
        a=o["answered"],
        n=o["consulted"],
        late=o["late"],
        missing=len(o["no_answer"]),
    )


def decision_note(d: Mapping[str, Any], lang: str) -> str:
    """'protokollet anslaget; laga kraft väntas 2023-06-22' and the like."""
    note = step_word(d["step"], lang)
    if d["step"] == "final" and d.get("final_on"):
        note = w("final_on", lang, day=d["final_on"])
    elif d["step"] == "announced":
        note += (
            "; "
            + w("appeal_until", lang, day=d["appeal_last_day"])
            + "; "
            + w("expected", lang, day=d["expected_final"])
        )
    elif d["step"] == "appealed" and d.get("appealed_by"):
        note += f" ({d['appealed_on']}, {d['appealed_by']})"
    return note


def decisions_text(rows: Sequence[Mapping[str, Any]], lang: str) -> str:
    """`rsp decision list`: each board decision with its step and (expected) final date."""
    lines = []
    for d in rows:
        lines.append(f"#{d['id']:<3} {d['reference']:<32} {decision_note(d, lang)}")
        lines.append(f"{'':>5}{d['trigger']}: {d['text']}")
    return "\n".join(lines) if lines else w("none", lang)


def _day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(STOCKHOLM).date()


def delegations_text(rows: Sequence[DelegationRow], lang: str) -> str:
    """`rsp delegations list`."""
    from process.decisions.delegation import kind_word

    lines = []
    for d in rows:
        to = d["to_login"] or f"{w('role', lang)} {d['to_role']}"
        revoked = d["revoked_at"]  # None exactly while the delegation is active
        state = w("revoked", lang, day=_day(revoked)) if revoked else w("active", lang)
        lines.append(
            f"#{d['id']:<3} {kind_word(d['kind'], lang)} ({d['kind']}) "
            f"{w('delegated_to', lang)} {to}; {d['decision']}; {state}; "
            f"{w('used', lang, n=d['decisions'])}"
        )
    return "\n".join(lines) if lines else w("none", lang)


def report_text(r: DelegationReport, lang: str) -> str:
    """`rsp delegations report`: the delegated decisions to report back to the board."""
    lines = [w("report", lang, board=r["board"], since=r["since"], until=r["until"]), ""]
    for d in r["decisions"]:
        lines.append(f"  {d['reference']:<28} {d['kind_label']}: {d['text']}")
        lines.append(
            f"{'':>4}{d['decided_by_name']} ({d['decided_by']}), "
            + w("under", lang, id=d["delegation"], ref=d["delegation_decision"])
        )
    if not r["decisions"]:
        lines.append(w("no_decisions", lang))
    return "\n".join(lines)
