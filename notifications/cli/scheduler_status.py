"""`rsp scheduler status`: for monitoring, from what the database and the scheduler's lock
already record; reads only."""

from __future__ import annotations

import click

from process.cli.context import Env, pass_env
from process.core.catalogue import section
from process.core.words import phrase

WORDS = section("scheduler_status")


def _local(iso: str | None, lang: str, empty: str = "never") -> str:
    import datetime as dt

    from process.core.clock import STOCKHOLM

    if not iso:
        return phrase(WORDS, empty, lang)
    return dt.datetime.fromisoformat(iso).astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M:%S")


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (times in UTC, ISO 8601).")
@pass_env
def scheduler_status(env: Env, as_json: bool) -> None:
    """Whether a scheduler runs on the database and its last round, the last sweep that
    queued mail, the last mail sent, the queue and its oldest mail, the newest checkpoint.

    \b
    Examples:
      rsp scheduler status
      rsp scheduler status --json
    """
    from dataclasses import asdict

    from notifications import daemon
    from notifications.mail.queue_status import queue_status

    db = env.database()
    holder = daemon.lock_holder(db)
    with db.read() as session:
        facts = queue_status(session)
    if as_json:
        from process.reports.status_text import to_json

        scheduler = {
            "scheduler_running": holder.running,
            "scheduler_pid": holder.pid,
            "last_round": holder.last_round,
        }
        click.echo(to_json({**scheduler, **asdict(facts)}))
        return
    lang = env.lang
    click.echo(
        phrase(WORDS, "running", lang, pid=holder.pid or "?", round=_local(holder.last_round, lang))
        if holder.running
        else phrase(WORDS, "stopped", lang)
    )
    click.echo(phrase(WORDS, "last_queued", lang, at=_local(facts.last_queued, lang)))
    click.echo(phrase(WORDS, "last_sent", lang, at=_local(facts.last_sent, lang)))
    click.echo(
        phrase(
            WORDS,
            "queue",
            lang,
            queue=facts.queue,
            failed=facts.failed,
            sent=facts.sent,
            oldest=_local(facts.oldest_waiting, lang, "none"),
        )
    )
    click.echo(
        phrase(
            WORDS,
            "checkpoint",
            lang,
            at=_local(facts.checkpoint, lang),
            reason=facts.checkpoint_reason or "—",
        )
    )
