"""The tables of responsible bodies: a body, its member bodies, the people who act for it.

Apart from the plan and measure tables (`plan_tables`), so that what reads only bodies
(the remiss, `rsp status`) does not build the measures' table classes.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from process.storage.tables import utc_column


class Body(SQLModel, table=True):
    """A responsible body (ansvarig aktör) of a programme; reminders go to its addresses."""

    __tablename__ = "body"
    __table_args__ = (sa.UniqueConstraint("programme_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    key: str
    name: str
    kind: str
    emails: str = "[]"  # JSON list of addresses
    created_at: dt.datetime = utc_column()


class BodyGroupMember(SQLModel, table=True):
    """A body that belongs to a group body ("kommunerna" → each municipality)."""

    __tablename__ = "body_group_member"
    group_id: int = Field(foreign_key="body.id", primary_key=True)
    member_id: int = Field(foreign_key="body.id", primary_key=True, index=True)


class BodyPerson(SQLModel, table=True):
    """A registered person who acts for a body (holds `responsible_body` on its measures)."""

    __tablename__ = "body_person"
    body_id: int = Field(foreign_key="body.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
