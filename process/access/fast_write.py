"""A write transaction on the DBAPI connection itself, for the hot path of a transition
(issue 13): statements compiled once per dialect and run on the driver's cursor, without
the ORM session's begin/commit or SQLAlchemy's per-statement work. Whatever this path
cannot finish exactly as `unit_of_work.write` would (a refusal, a first read of a
definition, an empty chain …) raises `Fallback` before anything is committed, and the
caller runs the work again through `unit_of_work.write`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, NoReturn

import sqlalchemy as sa

from process.storage.database import Database


class Prepared:
    """A Core statement compiled once for a dialect, to run on the DBAPI cursor: its SQL
    text, its parameters' order (positional dialects) and defaults (a LIMIT's value), and
    the bind processors of its typed columns (a UTC time as SQLite stores it)."""

    __slots__ = ("sql", "positional", "defaults", "processors")

    def __init__(self, statement: Any, dialect: Any) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql: str = compiled.string
        names = tuple(compiled.positiontup or ()) if dialect.positional else ()
        # the positional parameters as one C-level lookup (a 1-tuple for a single one)
        self.positional: Callable[[dict[str, Any]], tuple[Any, ...]] | None = (
            None
            if not dialect.positional
            else operator.itemgetter(*names)
            if len(names) > 1
            else lambda given: tuple(given[n] for n in names)
        )
        self.defaults: dict[str, Any] = compiled.construct_params(_check=False)
        self.processors = tuple(compiled._bind_processors.items())

    def params(self, values: dict[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        given = {**self.defaults, **values}
        for name, process in self.processors:
            if given[name] is not None:
                given[name] = process(given[name])
        return given if self.positional is None else self.positional(given)


_PREPARED: dict[tuple[str, str], Prepared] = {}


def prepared(name: str, dialect: Any, statement: Callable[[], Any]) -> Prepared:
    """The statement named `name` prepared for `dialect` (built by `statement` the first
    time)."""
    found = _PREPARED.get((name, dialect.name))
    if found is None:
        found = _PREPARED[(name, dialect.name)] = Prepared(statement(), dialect)
    return found


class Fallback(Exception):
    """The fast path cannot finish this work as the ordinary unit of work would: nothing was
    written; run it again through `write` (which refuses, audits and raises as always)."""


class RawWrite:
    """One write transaction on the DBAPI connection itself, for the hot path of a
    transition (no ORM session, no statement compilation, no SQLAlchemy events): SQLite's
    BEGIN IMMEDIATE as `Database.write` takes it, psycopg's own transaction on PostgreSQL.
    (Sending BEGIN with the first read in pipeline mode, or the insert with the COMMIT,
    saved no time measurably: what a transition costs there beyond the floor is the
    server's work and Python's, not round trips.)

    It commits when its block ends normally; raising `Fallback` (or anything else) rolls it
    back. A driver error comes out as SQLAlchemy would raise it (`sa.exc.DBAPIError`), and
    a connection the server dropped is not given back to the pool."""

    __slots__ = ("engine", "dialect", "pg", "_fairy", "cursor")

    def __init__(self, db: Database) -> None:
        self.engine = db.engine
        self.dialect = db.engine.dialect
        self.pg = self.dialect.name == "postgresql"
        self.cursor: Any = None

    def __enter__(self) -> RawWrite:
        self._fairy = fairy = self.engine.raw_connection()
        try:
            self.cursor = fairy.dbapi_connection.cursor()  # type: ignore[union-attr]
            if not self.pg:
                self.cursor.execute("BEGIN IMMEDIATE")
        except BaseException as error:
            self._close(error)
            self._raise(error, "BEGIN IMMEDIATE")
        return self

    def _execute(self, statement: Prepared, values: dict[str, Any]) -> Any:
        params = statement.params(values)
        try:
            self.cursor.execute(statement.sql, params)
        except self.dialect.loaded_dbapi.Error as error:
            self._raise(error, statement.sql, params)
        return params

    def rows(self, statement: Prepared, values: dict[str, Any]) -> list[Any]:
        """The rows of a prepared statement."""
        params = self._execute(statement, values)
        try:
            found: list[Any] = list(self.cursor.fetchall())
        except self.dialect.loaded_dbapi.Error as error:
            self._raise(error, statement.sql, params)
        return found

    def row(self, statement: Prepared, values: dict[str, Any]) -> Any:
        """The first row of a prepared statement, or None."""
        params = self._execute(statement, values)
        try:
            return self.cursor.fetchone()
        except self.dialect.loaded_dbapi.Error as error:
            self._raise(error, statement.sql, params)

    def insert(self, statement: Prepared, values: dict[str, Any]) -> None:
        """Insert one row; its primary key goes into `values["id"]` (RETURNING on
        PostgreSQL, the cursor's lastrowid on SQLite)."""
        params = self._execute(statement, values)
        if not self.pg:
            values["id"] = self.cursor.lastrowid
            return
        try:
            values["id"] = self.cursor.fetchone()[0]  # type: ignore[index]
        except self.dialect.loaded_dbapi.Error as error:
            self._raise(error, statement.sql, params)

    def __exit__(self, kind: Any, error: BaseException | None, _tb: Any) -> None:
        if error is None:
            try:
                if self.pg:
                    self._fairy.dbapi_connection.commit()  # type: ignore[union-attr]
                else:
                    self.cursor.execute("COMMIT")
            except BaseException as failed:
                self._close(failed)
                self._raise(failed, "COMMIT")
        self._close(error)

    def _close(self, error: BaseException | None) -> None:
        fairy = self._fairy
        try:
            if error is not None and fairy.dbapi_connection is not None:
                if self._disconnected(error):
                    fairy.invalidate(error if isinstance(error, Exception) else None)
                    return
                try:
                    if self.pg:
                        fairy.dbapi_connection.rollback()
                    else:
                        self.cursor.execute("ROLLBACK")
                except self.dialect.loaded_dbapi.Error:
                    fairy.invalidate()
                    return
        finally:
            if self.cursor is not None and fairy.dbapi_connection is not None:
                self.cursor.close()
            fairy.close()

    def _disconnected(self, error: BaseException) -> bool:
        dbapi_error = error.orig if isinstance(error, sa.exc.DBAPIError) else error
        return isinstance(
            dbapi_error, self.dialect.loaded_dbapi.Error
        ) and self.dialect.is_disconnect(dbapi_error, self._fairy.dbapi_connection, self.cursor)

    def _raise(self, error: BaseException, sql: str, params: Any = None) -> NoReturn:
        """`error` as SQLAlchemy raises a driver's error (e.g. sa.exc.OperationalError)."""
        if not isinstance(error, self.dialect.loaded_dbapi.Error):
            raise error
        raise sa.exc.DBAPIError.instance(
            sql, params, error, self.dialect.loaded_dbapi.Error, dialect=self.dialect
        ) from error
