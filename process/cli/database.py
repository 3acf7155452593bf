"""`rsp db backup FILE` and `rsp db restore FILE` (beside `rsp db upgrade` in cli.py)."""

from __future__ import annotations

from pathlib import Path

import click

from process.cli.context import Env, pass_env
from process.core.catalogue import section
from process.core.words import phrase

WORDS = section("cli.database")


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False))
@pass_env
def db_backup(env: Env, file: str) -> None:
    """Back up the database into FILE (a new file), also while others write.

    SQLite: the online backup API (a consistent copy). PostgreSQL: pg_dump
    --format=custom (the command is printed; without pg_dump installed, rsp says so and
    prints the command to run elsewhere).

    \b
    Examples:
      rsp --db /srv/rsp/rsp.db db backup /var/backups/rsp/rsp-2026-12-02.db
      rsp --db postgresql+psycopg://rsp@db/rsp db backup /var/backups/rsp/rsp.dump
    """
    from process.storage import backup

    db = env.database(require_schema=False)
    target = Path(file).expanduser().absolute()
    if backup.check_target_kind(db) == "sqlite":
        pages = backup.backup_sqlite(db, target)
        click.echo(phrase(WORDS, "backed_up", env.lang, db=db.display(), file=target, pages=pages))
        return
    command = backup.backup_postgres(db, target)
    click.echo(
        phrase(WORDS, "dumped", env.lang, db=db.display(), file=target, command=command.shown())
    )


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@pass_env
def db_restore(env: Env, file: str) -> None:
    """Restore a backup FILE into a new, empty database (--db); never over one in use.

    Then check it: 'rsp audit verify' (with the audit key), and 'rsp db upgrade' if the
    backup is from an older rsp.

    \b
    Examples:
      rsp --db /srv/rsp/restored.db db restore /var/backups/rsp/rsp-2026-12-02.db
      createdb rsp_restored && rsp --db postgresql+psycopg://rsp@db/rsp_restored \\
          db restore /var/backups/rsp/rsp.dump
    """
    from process.storage import backup
    from process.storage.database import SCHEMA_HEAD

    db = env.database(require_schema=False, create=True)  # a new database: its file too
    source = Path(file).expanduser().absolute()
    if backup.check_target_kind(db) == "sqlite":
        revision = backup.restore_sqlite(db, source)
        click.echo(
            phrase(WORDS, "restored", env.lang, file=source, db=db.display(), revision=revision)
        )
    else:
        command = backup.restore_postgres(db, source)
        click.echo(
            phrase(
                WORDS,
                "pg_restored",
                env.lang,
                file=source,
                db=db.display(),
                command=command.shown(),
            )
        )
        revision = db.schema_revision() or ""
    if revision < SCHEMA_HEAD:
        click.echo(phrase(WORDS, "upgrade", env.lang))


COMMANDS = (db_backup, db_restore)
