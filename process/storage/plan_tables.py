"""The tables of action plans and measures (the bodies' are in `body_tables`).

Lists that are only shown (e-mail addresses, goals served, activities, financing lines,
an area's examples) are JSON text; what is filtered or joined on has its own table:
responsible bodies (ordered, lead first) and dated targets (indexed by date, so
`rsp measures list --due-within 14` is answered from the index).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# the body tables its measures refer to (also importable from here, as before)
from process.storage.body_tables import Body as Body
from process.storage.body_tables import BodyGroupMember as BodyGroupMember
from process.storage.body_tables import BodyPerson as BodyPerson
from process.storage.tables import utc_column


class ActionPlan(SQLModel, table=True):
    """One year's action plan (handlingsplan) of a programme."""

    __tablename__ = "action_plan"
    __table_args__ = (sa.UniqueConstraint("programme_id", "year"),)
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    year: int
    title: str
    issuer: str | None = None  # body key
    starts: dt.date | None = None
    followup: str = ""
    content_hash: str | None = None  # sha256 of the imported file; None if made by rollover
    source: str
    imported_at: dt.datetime = utc_column()


class PlanArea(SQLModel, table=True):
    """A priority area (prioriterat område) of a plan."""

    __tablename__ = "plan_area"
    __table_args__ = (sa.UniqueConstraint("plan_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="action_plan.id")
    number: int
    title: str
    description: str = ""
    examples: str = "[]"  # JSON list


class PlanGoal(SQLModel, table=True):
    """A goal of the programme as a plan lists it (mål enligt RSP), e.g. 1.1."""

    __tablename__ = "plan_goal"
    __table_args__ = (sa.UniqueConstraint("plan_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="action_plan.id")
    area: int
    code: str
    title: str


class Measure(SQLModel, table=True):
    """A planned measure (planerad insats), e.g. 2.B, and where its lifecycle stands."""

    __tablename__ = "measure"
    __table_args__ = (
        sa.UniqueConstraint("plan_id", "code"),
        # a programme's open measures without reading the other programmes'
        sa.Index("ix_measure_plan_state", "plan_id", "state"),
    )
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="action_plan.id")
    code: str
    area: int
    title: str
    subgoal: str
    goals: str = "[]"  # JSON list of goal codes
    activities: str = "[]"  # JSON list
    financing: str = "[]"  # JSON list
    state: str
    state_since: dt.datetime = utc_column()
    version: int = 1
    carried_from_id: int | None = Field(default=None, foreign_key="measure.id", unique=True)
    definition_id: int = Field(foreign_key="workflow_definition.id")
    created_at: dt.datetime = utc_column()


class MeasureBody(SQLModel, table=True):
    """A responsible body of a measure; position 0 is the lead."""

    __tablename__ = "measure_body"
    measure_id: int = Field(foreign_key="measure.id", primary_key=True)
    position: int = Field(primary_key=True)
    body_id: int = Field(foreign_key="body.id", index=True)


class MeasureDeadline(SQLModel, table=True):
    """A dated target of a measure ("Kommunala planer klara 2014-12-31")."""

    __tablename__ = "measure_deadline"
    __table_args__ = (sa.Index("ix_measure_deadline_due", "due_date", "measure_id"),)
    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", index=True)
    due_date: dt.date
    text: str


class MeasureNote(SQLModel, table=True):
    """A progress note on a measure."""

    __tablename__ = "measure_note"
    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", index=True)
    at: dt.datetime = utc_column()
    author: str
    text: str


class MeasureFollowup(SQLModel, table=True):
    """The year-end follow-up of a measure: achieved, partly or not, with a comment."""

    __tablename__ = "measure_followup"
    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", unique=True)
    outcome: str  # achieved | partly | not
    comment: str
    recorded_by: str
    recorded_at: dt.datetime = utc_column()
    reason: str | None = None  # why a measure not done is still achieved


def table(model: type[SQLModel]) -> sa.Table:
    """The Core table of a model, for bulk statements and compare-and-set updates."""
    return model.__table__  # type: ignore[attr-defined]
