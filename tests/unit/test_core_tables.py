"""The Core tables of the hot paths (`process.storage.core_tables`) stay equal to the
SQLModel classes' tables they stand for: the full ones (written by a transition) in their
columns, types, nullability, defaults, keys, indexes and constraints; the lightweight
ones (only read) in their columns, in order, and types."""

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


def _column(c: sa.Column) -> tuple:
    return (
        c.name,
        type(c.type),
        repr(c.type),
        getattr(c.type, "timezone", None),
        c.nullable,
        c.primary_key,
        bool(c.index),
        bool(c.unique),
        c.autoincrement,
        sorted(fk.target_fullname for fk in c.foreign_keys),
        _default(c.default),
        _server_default(c.server_default),
    )


def _constraint(k: sa.Constraint) -> tuple:
    columns = tuple(c.name for c in getattr(k, "columns", ()))
    targets = tuple(e.target_fullname for e in getattr(k, "elements", ()))
    text = str(k.sqltext) if isinstance(k, sa.CheckConstraint) else None
    return (type(k).__name__, k.name, columns, targets, text)


def _index(i: sa.Index) -> tuple:
    return (i.name, tuple(str(e) for e in i.expressions), i.unique)


def _shape(table: sa.Table) -> dict[str, Any]:
    return {
        "columns": [_column(c) for c in table.columns],
        "constraints": sorted(map(_constraint, table.constraints), key=repr),
        "indexes": sorted(map(_index, table.indexes), key=repr),
    }


def _typed(c: Any) -> tuple:
    return (c.name, type(c.type), repr(c.type), getattr(c.type, "timezone", None))


FULL = sorted(core_tables.CORE.tables)
LIGHT = {t.name: t for t in core_tables.LIGHT}


@pytest.mark.parametrize("name", FULL)
def test_full_core_table_equals_its_class(name: str) -> None:
    """The tables a transition writes: columns, types, defaults, keys, indexes."""
    load_all_models()
    model = SQLModel.metadata.tables[name]
    assert _shape(core_tables.CORE.tables[name]) == _shape(model)


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
    """The comparisons see a difference in a column's type, default or key."""
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
                default=None if c.name == "version" else c.default,
            )
            for c in instance.columns
        ),
    )
    assert _shape(changed)["columns"] != _shape(instance)["columns"]
