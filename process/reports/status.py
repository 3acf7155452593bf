"""Where a programme's process stands: stage, milestones planned vs actual, what is next."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from process.core.clock import STOCKHOLM
from process.core.decision_refs import paragraph_sign
from process.decisions import finality
from process.remiss import rules as remiss
from process.remiss.rules import RemissOverview
from process.storage import core_tables, lookup
from process.workflow import stored
from process.workflow.definition import label_text
from process.workflow.next_steps import NextStep
from process.workflow.next_steps import next_steps as next_steps_of


@dataclass(frozen=True)
class Milestone:
    state: str
    label: str
    planned: dt.date | None
    actual: dt.date | None
    delta_days: int | None  # actual - planned, or today - planned when overdue
    status: str  # on_plan | late | early | overdue | upcoming | unplanned


@dataclass(frozen=True)
class Status:
    programme: str
    programme_name: str
    region: str
    workflow: str
    definition_hash: str
    state: str
    state_label: str
    final: bool
    since: dt.datetime
    days_in_state: int
    version: int
    milestones: tuple[Milestone, ...]
    next_steps: tuple[NextStep, ...]
    decisions: tuple[dict[str, Any], ...]
    remiss: RemissOverview | None = None  # the latest remiss (process.remiss.remiss_overview)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def milestone_status(
    planned: dt.date | None, actual: dt.date | None, today: dt.date
) -> tuple[str, int | None]:
    """Compare a milestone's planned and actual dates (pure)."""
    if planned is None:
        return "unplanned", None
    if actual is not None:
        delta = (actual - planned).days
        return ("on_plan" if delta == 0 else "late" if delta > 0 else "early"), delta
    if today > planned:
        return "overdue", (today - planned).days
    return "upcoming", None


def reached_dates(session: Session, subject: str) -> dict[str, dt.date]:
    """The latest date each state was entered, from the audit trail (Swedish dates)."""
    table = core_tables.audit_event
    rows = session.connection().execute(
        sa.select(table.c.to_state, sa.func.max(table.c.at))
        .where(
            table.c.subject == subject,
            table.c.outcome == "applied",
            table.c.action.in_(("transition", "process.created")),
            sa.or_(table.c.from_state.is_(None), table.c.from_state != table.c.to_state),
        )
        .group_by(table.c.to_state)
    )
    out = {}
    for state, at in rows:
        if isinstance(at, str):  # SQLite's max() hands back the stored text
            at = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
        elif at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        out[state] = at.astimezone(STOCKHOLM).date()
    return out


_DECISION_KEYS = (
    "id",
    "body",
    "meeting_date",
    "paragraph",
    "diary_number",
    "text",
    "trigger",
    "recorded_by",
)
_D = core_tables.decision
_DECISIONS = (
    sa.select(*(_D.c[k] for k in _DECISION_KEYS))
    .where(_D.c.programme_id == sa.bindparam("pid"))
    .order_by(sa.text("meeting_date, id"))
)


def decision_dicts(session: Session, programme_id: int) -> tuple[dict[str, Any], ...]:
    rows = session.connection().execute(_DECISIONS, {"pid": programme_id})
    return tuple(dict(zip(_DECISION_KEYS, r, strict=True)) for r in rows)


def status(
    session: Session, programme_key: str | None, now: dt.datetime, lang: str = "sv"
) -> Status:
    """The status of a programme's drafting process as of `now`."""
    prog, inst = lookup.programme_and_instance(session, programme_key)
    definition = stored.definition_by_hash(session, inst.definition_id, inst.definition_hash)
    subject = f"process:{inst.id}"
    today = now.astimezone(STOCKHOLM).date()
    reached = reached_dates(session, subject)
    milestones = []
    for s in definition.states:
        actual = reached.get(s.name)
        code, delta = milestone_status(s.planned, actual, today)
        milestones.append(
            Milestone(s.name, label_text(s.label, lang), s.planned, actual, delta, code)
        )
    current = definition.state(inst.state)
    since_day = inst.state_since.astimezone(STOCKHOLM).date()
    assert prog.id is not None
    return Status(
        programme=prog.key,
        programme_name=prog.name,
        region=prog.region,
        workflow=label_text(definition.name, lang),
        definition_hash=inst.definition_hash,
        state=inst.state,
        state_label=label_text(current.label, lang),
        final=current.final,
        since=inst.state_since,
        days_in_state=(today - since_day).days,
        version=inst.version,
        milestones=tuple(milestones),
        next_steps=next_steps_of(session, definition, inst.state, subject, lang, prog.id, now),
        decisions=_with_steps(session, prog.id, decision_dicts(session, prog.id), today),
        remiss=remiss.remiss_overview(session, prog.id, today),
    )


def _with_steps(
    session: Session, programme_id: int, decisions: tuple[dict[str, Any], ...], today: dt.date
) -> tuple[dict[str, Any], ...]:
    """Each decision with its step towards being final and its (expected) final date."""
    steps: dict[int, Mapping[str, Any]] = {
        d["id"]: d for d in finality.board_decisions(session, programme_id, today)
    }
    keys = ("step", "expected_final", "final_on", "appeal_last_day")
    return tuple({**d, **{k: steps[d["id"]][k] for k in keys}} for d in decisions)


def history(session: Session, programme_key: str | None) -> list[dict[str, Any]]:
    """Every audited event of a programme, oldest first, with decision references."""
    prog = lookup.programme_ref(session, programme_key)
    table = core_tables.audit_event
    rows = (
        session.connection()
        .execute(sa.select(table).where(table.c.programme_id == prog.id).order_by(table.c.id))
        .mappings()
        .all()
    )
    decisions = {d["id"]: d for d in decision_dicts(session, prog.id or 0)}
    out = []
    for r in rows:
        item = {
            k: r[k]
            for k in (
                "id",
                "at",
                "recorded_at",
                "actor",
                "channel",
                "os_user",
                "role",
                "action",
                "outcome",
                "subject",
                "trigger",
                "from_state",
                "to_state",
                "comment",
            )
        }
        item["detail"] = json.loads(r["detail"])
        d = decisions.get(r["decision_id"])
        item["decision"] = (
            (
                f"{d['meeting_date'].isoformat()} "
                f"{paragraph_sign(d['paragraph'])} {d['paragraph']}, "
                f"{d['diary_number']}"
            )
            if d
            else None
        )
        out.append(item)
    return out
