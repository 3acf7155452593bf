"""Create and migrate the schema with Alembic (the migrations ship inside `process`)."""

from __future__ import annotations

from pathlib import Path

from process.core.errors import SchemaError
from process.storage.database import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(db: Database, connection: object | None = None) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(db: Database) -> tuple[str | None, str | None]:
    """Bring the schema to the newest revision; returns (before, after)."""
    from alembic import command

    before = db.schema_revision()
    with db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # a batch migration copies tables that others refer to: check at the end
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                command.upgrade(_config(db, conn), "head")  # type: ignore[arg-type]
            if sqlite:
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                conn.rollback()
                if broken:
                    raise SchemaError(
                        f"the upgrade left {len(broken)} broken references, "
                        f"e.g. in {broken[0][0]}; restore the backup"
                    )
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    return before, db.schema_revision()


def head_revision() -> str:
    """The newest revision among the shipped migrations."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config_for_scripts()).get_current_head()  # type: ignore[arg-type]
    return str(head)


def _config_for_scripts() -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg
