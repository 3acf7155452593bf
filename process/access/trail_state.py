"""The state the trail records, replayed and compared with the tables: every process and
measure's state, every board decision's date, §, diary number and text, every role
grant, delegation and step of a decision towards being final, and every mail's status.
Someone who edits a table but not the (sealed) trail is found here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from process.storage.decision_table import Decision
from process.storage.outbox_table import OutboxMessage
from process.storage.plan_tables import Measure
from process.storage.remiss_tables import DecisionFinality, Delegation, table
from process.storage.tables import Person, ProcessInstance, RoleGrant

STEP_COLUMNS = {
    "decision.minutes_approved": ("minutes_approved_on",),
    "decision.announced": ("announced_on",),
    "decision.appealed": ("appealed_on", "appealed_by"),
    "decision.resolved": ("appeal_outcome", "resolved_on"),
}
STEP_DETAIL = {"appeal_outcome": "outcome"}  # a column whose detail key differs
MAIL_ACTIONS = {"mail.sent": "sent", "mail.failed": "failed"}


@dataclass
class Replayed:
    """What the trail says the tables should hold."""

    states: dict[str, str] = field(default_factory=dict)  # subject → state
    decisions: dict[int, dict[str, Any]] = field(default_factory=dict)  # id → record
    grants: set[tuple[int, str, str]] = field(default_factory=set)  # programme, login, role
    delegations: dict[int, tuple[str, str | None, str | None, bool]] = field(
        default_factory=dict
    )  # id → kind, to_login, to_role, revoked
    steps: dict[int, dict[str, Any]] = field(default_factory=dict)  # decision id → columns
    mails: dict[int, str] = field(default_factory=dict)  # outbox id → sent | failed

    def take(self, row: dict[str, Any]) -> None:
        """One audit row, in chain order."""
        if row["outcome"] != "applied" and row["action"] != "mail.failed":
            return
        action, subject = row["action"], row["subject"]
        detail = json.loads(row["detail"]) if isinstance(row["detail"], str) else row["detail"]
        if (
            action in ("transition", "process.created", "measure.created")
            and subject
            and row["to_state"] is not None
        ):
            self.states[subject] = row["to_state"]
        if row["decision_id"] is not None and "decision_record" in detail:
            self.decisions[int(row["decision_id"])] = detail["decision_record"]
        if action in ("role.granted", "role.removed") and row["programme_id"] is not None:
            # logins compared in lower case: rows of before 0.2 may hold 'Sekreterare'
            key = (int(row["programme_id"]), _lower(detail.get("login")), detail.get("role"))
            (self.grants.add if action == "role.granted" else self.grants.discard)(key)
        if action == "delegation.created" and subject:
            self.delegations[_id(subject)] = (
                detail.get("kind"),
                _lower(detail.get("to_login")),
                detail.get("to_role"),
                False,
            )
        elif action == "delegation.revoked" and subject and _id(subject) in self.delegations:
            kind, login, role, _revoked = self.delegations[_id(subject)]
            self.delegations[_id(subject)] = (kind, login, role, True)
        if action in STEP_COLUMNS and row["decision_id"] is not None:
            columns = self.steps.setdefault(int(row["decision_id"]), {})
            for column in STEP_COLUMNS[action]:
                columns[column] = detail.get(STEP_DETAIL.get(column, column))
        if action in MAIL_ACTIONS and "outbox_id" in detail:
            self.mails[int(detail["outbox_id"])] = MAIL_ACTIONS[action]


def _id(subject: str) -> int:
    return int(subject.rpartition(":")[2])


def replay(rows: Iterable[dict[str, Any]]) -> Replayed:
    """The state the rows record."""
    found = Replayed()
    for row in rows:
        found.take(row)
    return found


def differences(session: Session, found: Replayed, limit: int = 50) -> list[str]:
    """Every row of the tables that differs from what the trail records (at most `limit`)."""
    out: list[str] = []
    for check in (_states, _decisions, _grants, _delegations, _steps, _mails):
        out += check(session, found)
        if len(out) >= limit:
            return [*out[:limit], "… and more"]
    return out


def _states(session: Session, found: Replayed) -> list[str]:
    out = []
    conn = session.connection()
    rows = [
        (f"process:{i}", s)
        for i, s in conn.execute(
            sa.select(table(ProcessInstance).c.id, table(ProcessInstance).c.state)
        )
    ]
    rows += [
        (f"measure:{i}", s)
        for i, s in conn.execute(sa.select(table(Measure).c.id, table(Measure).c.state))
    ]
    for subject, state in rows:
        recorded = found.states.get(subject)
        if recorded is None:
            out.append(
                f"{subject}: in state {state!r}, but the trail records no such process or measure"
            )
        elif recorded != state:
            out.append(f"{subject}: in state {state!r}, the trail says {recorded!r}")
    return out


def _decisions(session: Session, found: Replayed) -> list[str]:
    out = []
    d = table(Decision)
    for row in session.connection().execute(sa.select(d)).mappings():
        recorded = found.decisions.get(row["id"])
        if recorded is None:
            continue  # recorded before the trail kept decisions whole (release 0.1)
        for name in ("meeting_date", "paragraph", "diary_number", "text", "body"):
            have = row[name].isoformat() if name == "meeting_date" else row[name]
            if name in recorded and recorded[name] != have:
                out.append(
                    f"decision #{row['id']}: {name} is {have!r}, the trail says {recorded[name]!r}"
                )
    for decision_id in sorted(
        set(found.decisions) - {r[0] for r in session.connection().execute(sa.select(d.c.id))}
    ):
        out.append(f"decision #{decision_id}: recorded in the trail, missing from the table")
    return out


def _lower(login: Any) -> Any:
    """A login in lower case (as rsp keeps logins), anything else as it is."""
    return login.lower() if isinstance(login, str) else login


def _grants(session: Session, found: Replayed) -> list[str]:
    g, p = table(RoleGrant), table(Person)
    have = {
        (int(pid), _lower(login), role)
        for pid, login, role in session.connection().execute(
            sa.select(g.c.programme_id, p.c.login, g.c.role).join(p, p.c.id == g.c.person_id)
        )
    }
    out = [
        f"role {role!r} of {login} on programme {pid}: granted in the table, not in the trail"
        for pid, login, role in sorted(have - found.grants)
    ]
    out += [
        f"role {role!r} of {login} on programme {pid}: granted in the trail, missing from the table"
        for pid, login, role in sorted(found.grants - have)
    ]
    return out


def _delegations(session: Session, found: Replayed) -> list[str]:
    out = []
    d = table(Delegation)
    seen = set()
    for row in session.connection().execute(sa.select(d)).mappings():
        seen.add(row["id"])
        recorded = found.delegations.get(row["id"])
        have = (row["kind"], _lower(row["to_login"]), row["to_role"], row["revoked_at"] is not None)
        if recorded is None:
            out.append(f"delegation #{row['id']}: in the table, not in the trail")
        elif recorded != have:
            out.append(f"delegation #{row['id']}: the table says {have}, the trail {recorded}")
    out += [
        f"delegation #{i}: in the trail, missing from the table"
        for i in sorted(set(found.delegations) - seen)
    ]
    return out


def _steps(session: Session, found: Replayed) -> list[str]:
    out = []
    f = table(DecisionFinality)
    seen = set()
    for row in session.connection().execute(sa.select(f)).mappings():
        seen.add(row["decision_id"])
        recorded = found.steps.get(row["decision_id"], {})
        for column in (
            "minutes_approved_on",
            "announced_on",
            "appealed_on",
            "appealed_by",
            "appeal_outcome",
            "resolved_on",
        ):
            value = row[column]
            have = value.isoformat() if hasattr(value, "isoformat") else value
            if have != recorded.get(column):
                out.append(
                    f"decision #{row['decision_id']}: {column} is {have!r}, the trail "
                    f"says {recorded.get(column)!r}"
                )
    out += [
        f"decision #{i}: its steps towards being final are in the trail, missing from the table"
        for i in sorted(set(found.steps) - seen)
    ]
    return out


def _mails(session: Session, found: Replayed) -> list[str]:
    out = []
    o = table(OutboxMessage)
    rows = session.connection().execute(
        sa.select(o.c.id, o.c.status, o.c.recorded_at).where(o.c.status.in_(("sent", "failed")))
    )
    table_status = {}
    for oid, status, recorded_at in rows:
        table_status[oid] = status
        if recorded_at is None:
            continue  # queued before every mail was audited (release 0.1)
        if found.mails.get(oid) != status:
            out.append(
                f"outbox {oid}: {status} in the table, the trail says "
                f"{found.mails.get(oid) or 'nothing was sent'}"
            )
    for oid, status in sorted(found.mails.items()):
        if oid not in table_status and status == "sent":
            out.append(f"outbox {oid}: sent according to the trail, but not in the table")
    return out
