"""A model's Core table, typed: SQLModel's `__table__` is set by its metaclass, so mypy
cannot see it; `table_of(Model)` says once what every module would otherwise ignore."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa
    from sqlmodel import SQLModel


def table_of(model: type[SQLModel]) -> sa.Table:
    """The Core table of a model, for Core statements."""
    return model.__table__  # type: ignore[attr-defined,no-any-return]
