"""The Core tables of the hot paths (`process.storage.core_tables`) stay equal to the
SQLModel classes' tables they stand for: the two a transition writes in their columns,
types, nullability, primary keys and defaults; the lightweight ones (only read) in their
columns, in order, and types."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from process.storage import core_tables
from process.storage.all_tables import load_all_models


def _default(default: Any) -> Any:
    return None if default is None else ("default", default.arg)


def _server_default(default: Any) -> Any:
    if default is None:
        return None
    arg = default.arg
    return str(arg) if isinstance(arg, str) else (type(arg).__name__, str(arg))


def _typed(c: Any) -> tuple:
    return (c.name, type(c.type), repr(c.type), getattr(c.type, "timezone", None))


def _column(c: sa.Column) -> tuple:
    return (
        *_typed(c),
        c.nullable,
        c.primary_key,
        c.autoincrement,
        _default(c.default),
        _server_default(c.server_default),
    )


FULL = sorted(core_tables.CORE.tables)
LIGHT = {t.name: t for t in core_tables.LIGHT}


@pytest.mark.parametrize("name", FULL)
def test_full_core_table_equals_its_class(name: str) -> None:
    """The tables a transition writes: every column, in order, with its type,
    nullability, primary key and defaults; no foreign key, unique constraint or index
    (the schema's, kept by the class and the migrations)."""
    load_all_models()
    model = SQLModel.metadata.tables[name]
    core = core_tables.CORE.tables[name]
    assert [_column(c) for c in core.columns] == [_column(c) for c in model.columns]
    assert [c.name for c in core.primary_key] == [c.name for c in model.primary_key]
    assert not core.foreign_keys and not core.indexes
    assert {type(k) for k in core.constraints} == {sa.PrimaryKeyConstraint}


@pytest.mark.parametrize("name", sorted(LIGHT))
def test_light_core_table_has_its_class_columns_and_types(name: str) -> None:
    """The tables only read: every column, in order, with its type."""
    load_all_models()
    model = SQLModel.metadata.tables[name]
    assert [_typed(c) for c in LIGHT[name].columns] == [_typed(c) for c in model.columns]


def test_the_core_tables_are_those_of_the_hot_paths() -> None:
    assert FULL == ["audit_event", "process_instance"]
    assert set(LIGHT) == {
        "body",
        "decision",
        "decision_finality",
        "delegated_decision",
        "installation",
        "person",
        "programme",
        "remiss",
        "remiss_body",
        "role_grant",
        "workflow_definition",
    }
    assert all(not isinstance(t, sa.Table) for t in core_tables.LIGHT)


def test_a_changed_column_is_told_apart() -> None:
    """The comparisons see a difference in a column's type or default."""
    load_all_models()
    model = SQLModel.metadata.tables["programme"]
    retyped = sa.table(
        "programme",
        *(sa.column(c.name, sa.Integer if c.name == "region" else c.type) for c in model.columns),
    )
    assert [_typed(c) for c in retyped.columns] != [_typed(c) for c in model.columns]
    instance = core_tables.CORE.tables["process_instance"]
    changed = sa.Table(
        "process_instance",
        sa.MetaData(),
        *(
            sa.Column(
                c.name,
                c.type,
                primary_key=c.primary_key,
                nullable=c.nullable,
                default=None if c.name == "version" else getattr(c.default, "arg", None),
            )
            for c in instance.columns
        ),
    )
    assert [_column(c) for c in changed.columns] != [_column(c) for c in instance.columns]
    changed.c.version.default = instance.c.version.default
    assert [_column(c) for c in changed.columns] == [_column(c) for c in instance.columns]
