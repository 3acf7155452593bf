"""The database tables every command uses. Rows hold plain values; the rules live in the
services. The other tables are in their own modules (board decisions, checkpoints,
bodies, plans, remiss, outbox, web), imported by the code that uses them.

Datetimes are stored in UTC through `UTCDateTime`, so SQLite and PostgreSQL give back
the same aware values (the audit hash depends on it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# defined beside the Core tables of the hot paths; the migrations name it here
from process.storage.core_tables import UTCDateTime as UTCDateTime


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
    # the programme's own reminder rules; None: the bundled ones (workflows/reminders.yaml)
    reminder_rules_id: int | None = Field(default=None, foreign_key="reminder_rules.id")
    # the workflow its measures follow (None: the bundled one, stored at first use)
    measure_definition_id: int | None = Field(default=None, foreign_key="workflow_definition.id")


class ReminderRules(SQLModel, table=True):
    """A reminder rules file as a programme uses it: kept once per content hash (as
    definitions are), its text as given, validated against each programme that uses it."""

    __tablename__ = "reminder_rules"
    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True)
    source: str
    text: str
    loaded_at: dt.datetime = utc_column()


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
    # logins are kept in lower case; the index keeps two from differing only in case
    __table_args__ = (sa.Index("ix_person_login_lower", sa.text("lower(login)"), unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(unique=True)
    name: str
    email: str | None = None
    created_at: dt.datetime = utc_column()
    administers_installation: bool = False  # may create programmes and seal the trail
    active: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})
    # a deactivated person cannot sign in nor act; never deleted (the trail keeps them)


class RoleGrant(SQLModel, table=True):
    __tablename__ = "role_grant"
    __table_args__ = (sa.UniqueConstraint("person_id", "programme_id", "role"),)
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    role: str
    granted_at: dt.datetime = utc_column()  # effective
    recorded_at: dt.datetime | None = utc_column(nullable=True)  # real


class AuditEvent(SQLModel, table=True):
    """One append-only record of an attempt or an administrative change, in the hash chain
    of its programme (`chain` = the programme's id; 0 for the installation's own events;
    -1 for the one global chain of rows written before chains were per programme)."""

    __tablename__ = "audit_event"
    __table_args__ = (
        sa.Index("ix_audit_subject", "subject", "id"),
        sa.Index("ix_audit_subject_trigger", "subject", "trigger", "outcome"),
        sa.UniqueConstraint("chain", "seq", name="uq_audit_chain_seq"),
    )
    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = utc_column()  # the effective time: when it counts as having happened
    recorded_at: dt.datetime | None = utc_column(nullable=True)  # the real time it was written
    actor: str
    channel: str | None = None  # cli | web:email-link | web:oidc | system | direct
    os_user: str | None = None  # the operating-system user who ran the command line
    role: str | None = None
    action: str
    outcome: str  # applied | refused
    programme_id: int | None = Field(default=None, index=True)
    chain: int = -1
    seq: int = 0  # the position in its chain, from 1
    subject: str | None = None  # e.g. process:1, person:3, measure:17
    trigger: str | None = None
    from_state: str | None = None
    to_state: str | None = None
    comment: str | None = None
    decision_id: int | None = None
    detail: str = "{}"  # JSON text: reasons, changed fields, references
    prev_hash: str
    hash: str = Field(unique=True)
    mac: str | None = None  # HMAC-SHA256 of `hash` with the installation's audit key


class Installation(SQLModel, table=True):
    """What the whole database is: made for replay or for real use, and the audit key it
    is sealed with (its id and public key; the secret stays outside the database)."""

    __tablename__ = "installation"
    id: int = Field(default=1, primary_key=True)
    created_at: dt.datetime = utc_column()
    replay: bool = False  # made by `rsp init --replay`: `--now` may write (demo, tests)
    key_id: str | None = None  # the audit key's id once the trail is keyed
    public_key: str | None = None  # the key's Ed25519 public key (hex), for checkpoints
    keyed_at: dt.datetime | None = utc_column(nullable=True)
    cli_writers: str = "[]"  # JSON list of the OS users who may write from the command line
