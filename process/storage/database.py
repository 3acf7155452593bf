"""Database wiring: engines for SQLite (WAL, busy timeout, foreign keys) or any URL.

`Database.write()` opens a transaction that takes SQLite's write lock at once
(BEGIN IMMEDIATE), so two writers queue instead of failing half-way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import Session

from process.core.errors import InvalidInput, SchemaError

DEFAULT_DB = "rsp.db"
VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"


def _newest_revision() -> str:
    """The newest migration's revision: files are named NNNN_*.py with revision 'NNNN'.

    Read from the file names so that checking the schema needs no Alembic import;
    a test checks it equals Alembic's own head.
    """
    return max(p.name[:4] for p in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))


SCHEMA_HEAD = _newest_revision()


def database_url(value: str | None) -> str:
    """Turn `--db` (a URL or a file path) into a SQLAlchemy URL."""
    raw = value or os.environ.get("RSP_DATABASE_URL") or DEFAULT_DB
    if "://" in raw:
        return raw
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


# A URL's password: after "user:" up to the last "@" of the URL, and query parameters
# such as ?password=… (libpq takes them too); every message rsp shows hides them.
_USERINFO_PASSWORD = re.compile(r"(://[^:/?#\s@]*:)\S*@")
_QUERY_PASSWORD = re.compile(r"(?i)([?&;](?:ssl)?pass(?:word)?=)[^&;#\s]*")
HIDDEN = "***"


def hide_passwords(text: str) -> str:
    """`text` with the password of every database URL in it replaced by ***."""
    return _QUERY_PASSWORD.sub(rf"\1{HIDDEN}", _USERINFO_PASSWORD.sub(rf"\1{HIDDEN}@", text))


def url_secrets(url: str) -> list[str]:
    """The passwords a database URL holds (as written and decoded), longest first."""
    from urllib.parse import unquote

    found = set()
    match = re.search(r"://[^:/?#\s@]*:(\S*)@", url)
    if match:
        found.add(match.group(1))
    found.update(
        m.group(1) for m in re.finditer(r"(?i)[?&;](?:ssl)?pass(?:word)?=([^&;#\s]*)", url)
    )
    found |= {unquote(s) for s in found}
    return sorted((s for s in found if len(s) >= 3), key=len, reverse=True)


def scrub(text: str, url: str | None) -> str:
    """A message with the passwords of `url` (and of any URL in it) hidden."""
    text = hide_passwords(text)
    for secret in url_secrets(url or ""):
        text = text.replace(secret, HIDDEN)
    return text


def _sqlite_setup(engine: sa.Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get("rsp_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


REPLAY_ONLY = (
    "--now replays a date, and writes with it are allowed only on a database made "
    "for replay ('rsp init --replay': the demo, tests, simulations). To record "
    "something that happened earlier, give --effective DATE instead"
)


@dataclass
class Database:
    """One database: an engine plus sessions for reading and for writing."""

    url: str
    engine: sa.Engine
    replaying: bool = False  # the effective time is a replay (--now): writes need a replay db
    making_replay: bool = False  # `rsp init --replay` is making this a replay database
    _writer: tuple[sa.Engine, sa.Engine] | None = field(default=None, repr=False, compare=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def writer(self) -> sa.Engine:
        """The engine whose transactions begin as writes (made once: making one per write
        was a measurable part of a transaction)."""
        found = self._writer
        if found is None or found[0] is not self.engine:
            found = self._writer = (self.engine, self.engine.execution_options(rsp_write=True))
        return found[1]

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction commits at the end, or rolls back on error."""
        with (
            Session(self.writer, expire_on_commit=False) as session,
            session.begin(),
        ):
            if self.replaying:
                self._refuse_unless_replay(session)
            yield session

    def _refuse_unless_replay(self, session: Session) -> None:
        if not sa.inspect(session.connection()).has_table("installation"):
            made_for_replay = None
        else:
            row = session.connection().exec_driver_sql("SELECT replay FROM installation").first()
            made_for_replay = bool(row[0]) if row is not None else None
        if made_for_replay is False or (made_for_replay is None and not self.making_replay):
            raise InvalidInput(REPLAY_ONLY)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at, or None if it has no schema."""
        with self.engine.connect() as conn:  # a connection failure is not "no schema"
            if not sa.inspect(conn).has_table("alembic_version"):
                return None
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    def require_schema(self) -> None:
        """Refuse to work on a database without rsp's current schema (and, without
        creating it, on a SQLite file that does not exist)."""
        self.refuse_missing_file()
        rev = self.schema_revision()
        if rev is None:
            raise SchemaError(f"{self.display()} has no rsp schema yet: run 'rsp init' first")
        if rev != SCHEMA_HEAD:
            raise SchemaError(
                f"{self.display()} has schema {rev}, this rsp needs "
                f"{SCHEMA_HEAD}: run 'rsp db upgrade'"
            )

    def refuse_missing_file(self) -> None:
        """SchemaError naming a SQLite database file that does not exist: opening it would
        create an empty one (a mistyped --db), which only `rsp init` may do."""
        missing = self.missing_file()
        if missing is not None:
            raise SchemaError(
                f"no database at {missing}: check --db (or RSP_DATABASE_URL)"
                ", or create one there with 'rsp init'"
            )

    def missing_file(self) -> str | None:
        """The path of a SQLite database file that does not exist (opening it would create
        an empty one), else None."""
        if self.engine.dialect.name != "sqlite":
            return None
        path = self.engine.url.database
        if not path or path == ":memory:" or path.startswith("file:"):
            return None
        return None if Path(path).exists() else path

    def display(self) -> str:
        """The database for messages, without any password."""
        return scrub(self.engine.url.render_as_string(hide_password=True), self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def password_by_reference(environ: Any = None) -> str | None:
    """The database password from RSP_DATABASE_PASSWORD_FILE (a file) or
    RSP_DATABASE_PASSWORD_ENV (the NAME of a variable), or None when neither is set."""
    env = os.environ if environ is None else environ
    file_name, var_name = (
        env.get("RSP_DATABASE_PASSWORD_FILE"),
        env.get("RSP_DATABASE_PASSWORD_ENV"),
    )
    if file_name and var_name:
        raise InvalidInput(
            "set RSP_DATABASE_PASSWORD_FILE or RSP_DATABASE_PASSWORD_ENV "
            "(database.password_file or password_env), not both"
        )
    if file_name:
        try:
            value = Path(file_name).expanduser().read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(
                f"RSP_DATABASE_PASSWORD_FILE: cannot read {file_name}: "
                f"{getattr(exc, 'strerror', None) or exc}"
            ) from None
        if not value:
            raise InvalidInput(f"RSP_DATABASE_PASSWORD_FILE: {file_name} is empty")
        return value
    if var_name:
        value = (env.get(var_name) or "").strip()
        if not value:
            raise InvalidInput(
                f"RSP_DATABASE_PASSWORD_ENV names {var_name}, which is not set or empty"
            )
        return value
    return None


def open_database(value: str | None = None) -> Database:
    """Open (not create) the database named by `--db`, RSP_DATABASE_URL or ./rsp.db; a
    server's password may come by reference (`password_by_reference`)."""
    url = database_url(value)
    try:
        password = None if url.startswith("sqlite") else password_by_reference()
        target: Any = url
        if password is not None:
            parsed = sa.make_url(url)
            target = parsed if parsed.password else parsed.set(password=password)
        engine = sa.create_engine(target)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ValueError) as exc:
        raise InvalidInput(
            scrub(f"--db {url!r} is not a usable database URL: {exc}", url)
        ) from None
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
        db_path = engine.url.database
        if db_path and db_path != ":memory:":
            parent = Path(db_path).parent
            if not parent.is_dir():
                raise InvalidInput(f"--db: folder {parent} does not exist")
    return Database(url=url, engine=engine)
