"""The secret the web workers sign cookies with: from RSP_WEB_SECRET_FILE, or made once and
kept in the database, so that every worker on the database signs alike."""

from __future__ import annotations

import secrets
from pathlib import Path

import sqlalchemy as sa

from process.core.clock import Clock
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.web_tables import WebSecret
from web.settings import WebConfigError

NAME = "cookie-signing"
MIN_LENGTH = 32
_T = table_of(WebSecret)


def from_file(path: Path) -> bytes:
    """The secret in a file (at least 32 characters), or WebConfigError saying why not."""
    try:
        value = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise WebConfigError(
            f"RSP_WEB_SECRET_FILE: cannot read {path}: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    if len(value) < MIN_LENGTH:
        raise WebConfigError(
            f"RSP_WEB_SECRET_FILE: {path} holds fewer than {MIN_LENGTH} "
            "characters; make one with: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(48))'"
        )
    return value.encode("utf-8")


def from_database(db: Database, clock: Clock) -> bytes:
    """The secret kept in the database, made by whichever worker asks first (a worker that
    loses the race to make it reads the winner's)."""
    for _attempt in range(2):
        try:
            with db.write() as session:
                conn = session.connection()
                found = conn.execute(sa.select(_T.c.value).where(_T.c.name == NAME)).scalar()
                if found is None:
                    found = secrets.token_urlsafe(48)
                    conn.execute(
                        sa.insert(_T).values(name=NAME, value=found, created_at=clock.now())
                    )
            return str(found).encode("utf-8")
        except sa.exc.IntegrityError:
            continue  # another worker made it first: read theirs
    raise WebConfigError("the cookie-signing secret could not be read from the database")


def load(db: Database, clock: Clock, path: Path | None) -> bytes:
    """The cookie-signing secret: the file's when configured, else the database's."""
    return from_file(path) if path is not None else from_database(db, clock)
