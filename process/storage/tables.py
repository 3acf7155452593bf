"""The database tables. Rows hold plain values; the rules live in the services.

Datetimes are stored in UTC through `UTCDateTime`, so SQLite and PostgreSQL give back
the same aware values (the audit hash depends on it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class UTCDateTime(sa.types.TypeDecorator):
    """An aware datetime, stored as UTC; a naive value is refused."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: every time in rsp carries its timezone")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def utc_column(nullable: bool = False, index: bool = False) -> Any:
    return Field(sa_column=sa.Column(UTCDateTime(), nullable=nullable, index=index))


class WorkflowDefinition(SQLModel, table=True):
    __tablename__ = "workflow_definition"
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True)
    version: int
    content_hash: str = Field(unique=True)
    source: str
    body: str  # the validated definition as JSON (process.definition.Definition.to_json)
    loaded_at: dt.datetime = utc_column()


class Programme(SQLModel, table=True):
    __tablename__ = "programme"
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    name: str
    region: str
    board_name: str
    created_at: dt.datetime = utc_column()


class ProcessInstance(SQLModel, table=True):
    __tablename__ = "process_instance"
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", unique=True)
    definition_id: int = Field(foreign_key="workflow_definition.id")
    definition_hash: str
    state: str
    state_since: dt.datetime = utc_column()
    version: int = 1
    created_at: dt.datetime = utc_column()


class Person(SQLModel, table=True):
    __tablename__ = "person"
    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(unique=True)
    name: str
    email: str | None = None
    created_at: dt.datetime = utc_column()


class RoleGrant(SQLModel, table=True):
    __tablename__ = "role_grant"
    __table_args__ = (sa.UniqueConstraint("person_id", "programme_id", "role"),)
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    role: str
    granted_at: dt.datetime = utc_column()


class Decision(SQLModel, table=True):
    __tablename__ = "decision"
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    body: str
    meeting_date: dt.date
    paragraph: str
    diary_number: str
    text: str
    trigger: str
    recorded_by: str
    recorded_at: dt.datetime = utc_column()


class AuditEvent(SQLModel, table=True):
    """One append-only, hash-chained record of an attempt or an administrative change."""

    __tablename__ = "audit_event"
    __table_args__ = (sa.Index("ix_audit_subject", "subject", "id"),)
    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    at: dt.datetime = utc_column()
    actor: str
    role: str | None = None
    action: str
    outcome: str  # applied | refused
    programme_id: int | None = Field(default=None, index=True)
    subject: str | None = None  # e.g. process:1, person:3, measure:17
    trigger: str | None = None
    from_state: str | None = None
    to_state: str | None = None
    comment: str | None = None
    decision_id: int | None = None
    detail: str = "{}"  # JSON text: reasons, changed fields, references
    prev_hash: str
    hash: str = Field(unique=True)
