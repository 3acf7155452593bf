"""The tables of the remiss, of decisions becoming final and of delegation (imported by
`process.storage.all_tables.load_all_models`, and by the services that use them; kept off the
engine's import path).

A remiss has its consulted bodies (remissinstanser), each with its reply or, once the
remiss is closed after the reply date, "no answer". A board decision's way to being
final (laga kraft) is one row of dates beside the decision. A delegation names who may
take a kind of decision on the board's behalf, under which board decision; each
delegated decision is recorded under it.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

import process.storage.decision_table  # noqa: F401 - the decision table they refer to
from process.storage.tables import utc_column


class Remiss(SQLModel, table=True):
    """One round of consultation on the remiss edition (a send-back can lead to another)."""

    __tablename__ = "remiss"
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    opened_on: dt.date
    reply_by: dt.date  # the last day for replies (moved to a working day)
    reply_by_asked: dt.date  # the date asked for or computed, before moving
    opened_by: str
    opened_at: dt.datetime = utc_column()
    comment: str | None = None
    closed_on: dt.date | None = None
    closed_by: str | None = None
    closed_at: dt.datetime | None = utc_column(nullable=True)


class RemissBody(SQLModel, table=True):
    """A consulted body (remissinstans) and its reply; `position` is None while awaited."""

    __tablename__ = "remiss_body"
    remiss_id: int = Field(foreign_key="remiss.id", primary_key=True)
    body_id: int = Field(foreign_key="body.id", primary_key=True, index=True)
    position: str | None = None  # agrees | comments | no_comments | no_answer
    received: dt.date | None = None
    summary: str | None = None
    late: bool = False
    recorded_by: str | None = None
    recorded_at: dt.datetime | None = utc_column(nullable=True)


class DecisionFinality(SQLModel, table=True):
    """The steps of a board decision after the meeting: minutes approved (justerat),
    announced (anslaget), appealed and how the appeal ended."""

    __tablename__ = "decision_finality"
    decision_id: int = Field(foreign_key="decision.id", primary_key=True)
    minutes_approved_on: dt.date | None = None
    announced_on: dt.date | None = None
    appealed_on: dt.date | None = None
    appealed_by: str | None = None
    appeal_outcome: str | None = None  # upheld | overturned
    resolved_on: dt.date | None = None
    updated_by: str
    updated_at: dt.datetime = utc_column()


class Delegation(SQLModel, table=True):
    """The board delegates a kind of decision to a person or a role, by a decision."""

    __tablename__ = "delegation"
    __table_args__ = (
        sa.CheckConstraint(
            "(to_login IS NULL) <> (to_role IS NULL)", name="ck_delegation_one_delegate"
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    kind: str
    to_login: str | None = None
    to_role: str | None = None
    decision_id: int = Field(foreign_key="decision.id")
    comment: str | None = None
    created_by: str
    created_at: dt.datetime = utc_column()
    revoked_by: str | None = None
    revoked_at: dt.datetime | None = utc_column(nullable=True)
    revoke_comment: str | None = None


class DelegatedDecision(SQLModel, table=True):
    """A decision taken under a delegation; reported back to the board."""

    __tablename__ = "delegated_decision"
    __table_args__ = (sa.Index("ix_delegated_decision_day", "programme_id", "decided_on"),)
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    delegation_id: int = Field(foreign_key="delegation.id", index=True)
    kind: str
    decided_on: dt.date
    paragraph: str = ""
    diary_number: str  # as written
    diary_normalised: str | None = None  # 'RS 2021/536' (see core.diary_numbers)
    text: str
    decided_by: str
    role: str | None = None  # the delegated role the decider acted in, if delegated to a role
    recorded_at: dt.datetime = utc_column()


def table(model: type[SQLModel]) -> sa.Table:
    """The Core table of a model."""
    return model.__table__  # type: ignore[attr-defined]
