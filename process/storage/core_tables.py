"""The rows the hot paths touch, as SQLAlchemy Core tables, without the ORM classes.

A SQLModel table class costs a few milliseconds to build (pydantic's model, the
declarative mapping), a `sa.Table` about a tenth of that, and a lightweight `sa.table`
(names and types only) a tenth again. `rsp advance`, `rsp status`, `rsp history`, the
engine, the audit trail and the guards' facts read and write through these, and so
never build a table class nor configure a mapper. The SQLModel classes (`tables`,
`decision_table`, `remiss_tables`, `body_tables`) stay the schema that Alembic, the
migrations check and the services' ORM code use.

The two tables a transition writes (`audit_event`: its new row's id comes back through
the primary key; `process_instance`: the compare-and-set) are `sa.Table`s on their own
MetaData (`CORE`, never used to create or migrate anything) with the same columns,
types, nullability, primary keys and column defaults as their classes; the foreign
keys, unique constraints and indexes, which only the schema needs (and which cost more
to build than the columns), stay with the classes and the migrations. The others are
read only here (the installation's row is written with every value given): lightweight
tables of the same columns and types. `tests/unit/test_core_tables.py` keeps each equal
to its class's table.

`UTCDateTime` is defined here and used by both.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import AutoString


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


CORE = sa.MetaData()
_TEXT, _INT, _DAY, _BOOL, _WHEN = AutoString(), sa.Integer(), sa.Date(), sa.Boolean(), UTCDateTime()


def _light(table: str, /, **columns: sa.types.TypeEngine) -> sa.TableClause:
    """A table of these columns (in this order) and types, without keys or defaults."""
    return sa.table(table, *(sa.column(key, type_) for key, type_ in columns.items()))


# -- the two tables a transition writes: primary keys and column defaults as their classes'

process_instance = sa.Table(
    "process_instance",
    CORE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("programme_id", sa.Integer, nullable=False),
    sa.Column("definition_id", sa.Integer, nullable=False),
    sa.Column("definition_hash", AutoString, nullable=False),
    sa.Column("state", AutoString, nullable=False),
    sa.Column("state_since", UTCDateTime(), nullable=False),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("created_at", UTCDateTime(), nullable=False),
)


def _text(name: str, nullable: bool = False, **kw: Any) -> sa.Column:
    return sa.Column(name, AutoString, nullable=nullable, **kw)


audit_event = sa.Table(
    "audit_event",
    CORE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("recorded_at", UTCDateTime(), nullable=True),
    _text("actor"),
    _text("channel", nullable=True),
    _text("os_user", nullable=True),
    _text("role", nullable=True),
    _text("action"),
    _text("outcome"),
    sa.Column("programme_id", sa.Integer, nullable=True),
    sa.Column("chain", sa.Integer, nullable=False, default=-1),
    sa.Column("seq", sa.Integer, nullable=False, default=0),
    _text("subject", nullable=True),
    _text("trigger", nullable=True),
    _text("from_state", nullable=True),
    _text("to_state", nullable=True),
    _text("comment", nullable=True),
    sa.Column("decision_id", sa.Integer, nullable=True),
    _text("detail", default="{}"),
    _text("prev_hash"),
    _text("hash"),
    _text("mac", nullable=True),
)

# -- the tables these paths only read: names and types

workflow_definition = _light(
    "workflow_definition",
    id=_INT,
    key=_TEXT,
    version=_INT,
    content_hash=_TEXT,
    source=_TEXT,
    body=_TEXT,
    loaded_at=_WHEN,
)

programme = _light(
    "programme",
    id=_INT,
    key=_TEXT,
    name=_TEXT,
    region=_TEXT,
    board_name=_TEXT,
    created_at=_WHEN,
    reminder_rules_id=_INT,
    measure_definition_id=_INT,
)

person = _light(
    "person",
    id=_INT,
    login=_TEXT,
    name=_TEXT,
    email=_TEXT,
    created_at=_WHEN,
    administers_installation=_BOOL,
    active=_BOOL,
)

role_grant = _light(
    "role_grant",
    id=_INT,
    person_id=_INT,
    programme_id=_INT,
    role=_TEXT,
    granted_at=_WHEN,
    recorded_at=_WHEN,
)

installation = _light(
    "installation",
    id=_INT,
    created_at=_WHEN,
    replay=_BOOL,
    key_id=_TEXT,
    public_key=_TEXT,
    keyed_at=_WHEN,
    cli_writers=_TEXT,
)

decision = _light(
    "decision",
    id=_INT,
    programme_id=_INT,
    body=_TEXT,
    meeting_date=_DAY,
    paragraph=_TEXT,
    diary_number=_TEXT,
    diary_normalised=_TEXT,
    text=_TEXT,
    trigger=_TEXT,
    recorded_by=_TEXT,
    recorded_at=_WHEN,
)

decision_finality = _light(
    "decision_finality",
    decision_id=_INT,
    minutes_approved_on=_DAY,
    announced_on=_DAY,
    appealed_on=_DAY,
    appealed_by=_TEXT,
    appeal_outcome=_TEXT,
    resolved_on=_DAY,
    updated_by=_TEXT,
    updated_at=_WHEN,
)

delegated_decision = _light(
    "delegated_decision",
    id=_INT,
    programme_id=_INT,
    delegation_id=_INT,
    kind=_TEXT,
    decided_on=_DAY,
    paragraph=_TEXT,
    diary_number=_TEXT,
    diary_normalised=_TEXT,
    text=_TEXT,
    decided_by=_TEXT,
    role=_TEXT,
    recorded_at=_WHEN,
)

body = _light(
    "body",
    id=_INT,
    programme_id=_INT,
    key=_TEXT,
    name=_TEXT,
    kind=_TEXT,
    emails=_TEXT,
    created_at=_WHEN,
)

remiss = _light(
    "remiss",
    id=_INT,
    programme_id=_INT,
    opened_on=_DAY,
    reply_by=_DAY,
    reply_by_asked=_DAY,
    opened_by=_TEXT,
    opened_at=_WHEN,
    comment=_TEXT,
    closed_on=_DAY,
    closed_by=_TEXT,
    closed_at=_WHEN,
)

remiss_body = _light(
    "remiss_body",
    remiss_id=_INT,
    body_id=_INT,
    position=_TEXT,
    received=_DAY,
    summary=_TEXT,
    late=_BOOL,
    recorded_by=_TEXT,
    recorded_at=_WHEN,
)

LIGHT = (
    workflow_definition,
    programme,
    person,
    role_grant,
    installation,
    decision,
    decision_finality,
    delegated_decision,
    body,
    remiss,
    remiss_body,
)
