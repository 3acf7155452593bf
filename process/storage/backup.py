"""`rsp db backup FILE` and `rsp db restore FILE`.

SQLite: the online backup API (`sqlite3.Connection.backup`), a consistent copy while
others write; written to FILE.part and renamed, so FILE is whole or absent. PostgreSQL:
`pg_dump --format=custom` (and `pg_restore`), run with the database's connection
settings; without the client tools the command is printed, not guessed at.

A restore goes only into an empty database (a new SQLite file, or a PostgreSQL database
or schema without tables): it never merges into or overwrites a database in use.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import sqlalchemy as sa

from process.core.errors import InvalidInput, RspError
from process.storage.database import Database, password_by_reference


class BackupError(RspError):
    """A backup or restore cannot be made (says why and what to do)."""


@dataclass(frozen=True)
class PgCommand:
    """A pg_dump/pg_restore command line and the environment it needs (the password)."""

    argv: list[str]
    env: dict[str, str]

    def shown(self) -> str:
        import shlex

        return " ".join(shlex.quote(a) for a in self.argv)


def _sqlite_path(db: Database) -> str:
    path = db.engine.url.database
    if not path or path == ":memory:":
        raise BackupError("an in-memory database cannot be backed up")
    return path


def _new_file(target: Path) -> None:
    if target.exists():
        raise BackupError(
            f"{target} exists already: give a new file name (a backup never overwrites a file)"
        )
    if not target.parent.is_dir():
        raise BackupError(f"folder {target.parent} does not exist")


def backup_sqlite(db: Database, target: Path) -> int:
    """Copy the SQLite database into `target` with the online backup API; its pages."""
    _new_file(target)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    source = sqlite3.connect(_sqlite_path(db), timeout=30)
    try:
        dest = sqlite3.connect(part)
        try:
            source.backup(dest)  # all pages in one step: one consistent snapshot
            pages = dest.execute("PRAGMA page_count").fetchone()[0]
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dest.close()
    finally:
        source.close()
    os.replace(part, target)
    return int(pages)


def _tables(conn: sa.Connection) -> list[str]:
    return sa.inspect(conn).get_table_names()


def _revision_of(source: Path) -> str:
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{source} is not an rsp backup ({exc})") from None
    if row is None:
        raise BackupError(f"{source} is not an rsp backup (no schema revision)")
    return str(row[0])


def restore_sqlite(db: Database, source: Path) -> str:
    """Copy a backup file into the (new, empty) SQLite database; the schema revision."""
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    revision = _revision_of(source)
    target = Path(_sqlite_path(db))
    db.dispose()
    if target.exists() and target.stat().st_size > 0:
        with sqlite3.connect(target) as conn:
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        if tables:
            raise BackupError(
                f"{db.display()} is not empty: restore only into a new "
                "database (a new file name), never over one in use"
            )
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    return revision


def _libpq(db: Database) -> tuple[str, list[str], dict[str, str]]:
    """The libpq URL (without a driver name or a password), the --schema options its
    search_path asks for, and the environment with PGPASSWORD when one is given by
    reference."""
    url = db.engine.url
    schemas: list[str] = []
    query = dict(url.query)
    options = query.pop("options", None)
    if options:
        for opt in [options] if isinstance(options, str) else list(options):
            text = unquote(opt)
            if "search_path" in text:
                schemas = [s.strip() for s in text.split("=", 1)[1].split(",") if s.strip()]
    plain = url.set(drivername="postgresql", password=None, query=query)
    env = dict(os.environ)
    password = url.password or password_by_reference()
    if password:
        env["PGPASSWORD"] = str(password)
    return plain.render_as_string(hide_password=False), schemas, env


def pg_dump_command(db: Database, target: Path) -> PgCommand:
    """The documented backup command of a PostgreSQL database."""
    url, schemas, env = _libpq(db)
    argv = [
        "pg_dump",
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        *[f"--schema={s}" for s in schemas],
        f"--file={target}",
        f"--dbname={url}",
    ]
    return PgCommand(argv, env)


def pg_restore_command(db: Database, source: Path) -> PgCommand:
    """The documented restore command into an empty PostgreSQL database."""
    url, _schemas, env = _libpq(db)
    argv = [
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        f"--dbname={url}",
        str(source),
    ]
    return PgCommand(argv, env)


def _run(command: PgCommand) -> None:
    if shutil.which(command.argv[0]) is None:
        raise BackupError(
            f"{command.argv[0]} is not installed here (Debian/Ubuntu: apt "
            f"install postgresql-client, of the server's major version); "
            f"the command to run where it is:\n  {command.shown()}"
        )
    done = subprocess.run(command.argv, env=command.env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(
            f"{command.argv[0]} failed (exit {done.returncode}): {done.stderr.strip()[:2000]}"
        )


def backup_postgres(db: Database, target: Path) -> PgCommand:
    """Run pg_dump into `target` (refusing clearly when pg_dump is absent)."""
    _new_file(target)
    command = pg_dump_command(db, target)
    _run(command)
    return command


def restore_postgres(db: Database, source: Path) -> PgCommand:
    """Run pg_restore of `source` into the database, which must hold no tables."""
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    with db.engine.connect() as conn:
        if _tables(conn):
            raise BackupError(
                f"{db.display()} is not empty: restore only into a new, empty "
                "database (createdb rsp_restored), never over one in use"
            )
    command = pg_restore_command(db, source)
    _run(command)
    return command


def check_target_kind(db: Database) -> str:
    """'sqlite' or 'postgresql', or InvalidInput for another kind of database."""
    if db.dialect not in ("sqlite", "postgresql"):
        raise InvalidInput(f"rsp backs up SQLite and PostgreSQL, not {db.dialect}")
    return db.dialect
