"""`rsp digest` and `rsp digest send`: the steering group's weekly status digest. Only
click is imported up front; each command imports its services when it runs."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import click

from notifications.cli.reminders import (
    OUTBOX_DIR_OPTION,
    _echo_problems,
    _settings,
    _system_actor,
)
from process.cli.context import Env, pass_env
from process.cli.params import DAY

FORMATS = click.Choice(["html", "text", "md"])
SINCE_OPTION = click.option(
    "--since",
    "since_text",
    type=DAY,
    help="First day of the period, e.g. 2023-05-01 or 1/5 2023 (default: 7 days before today).",
)
LEAD_HELP = "The process lead's copy: also the refused attempts of the period and the failed mails."


def _format_for(fmt: str | None, out: str | None) -> str:
    """The format asked for, else the --out file's suffix decides (.html/.htm, .md), else
    text."""
    if fmt:
        return fmt
    suffix = os.path.splitext(out or "")[1].lower()
    return {".html": "html", ".htm": "html", ".md": "md"}.get(suffix, "text")


def _since(day: dt.date | None) -> dt.date | None:
    return day


def _plain(value: Any) -> Any:
    """The digest's data for --json: its picture's parts (dataclasses) as plain values."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@click.group(invoke_without_command=True)
@SINCE_OPTION
@click.option(
    "--format",
    "fmt",
    type=FORMATS,
    help="html, text or md (default: from the --out suffix, else text).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write to FILE instead of printing.",
)
@click.option("--lead", is_flag=True, help=LEAD_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the digest's data as JSON.")
@click.pass_context
def digest(
    ctx: click.Context,
    since_text: dt.date | None,
    fmt: str | None,
    out: str | None,
    lead: bool,
    as_json: bool,
) -> None:
    """The weekly status digest: stage, milestones planned vs actual with a timeline
    picture, decisions, measures by priority area, what is overdue or due within 14 days,
    remiss replies. Swedish unless --lang en. Without a subcommand: build and show it.

    The period runs from --since (default: 7 days before today) up to now (--now).

    \b
    Examples:
      rsp digest --format md
      rsp --now 2023-05-23 digest --out veckorapport.html
      rsp --lang en digest --lead --since 2023-05-01 --format text
    """
    if ctx.invoked_subcommand is not None:
        if since_text or fmt or out or lead or as_json:
            raise click.UsageError(
                "give the options after the subcommand, e.g. 'rsp digest send --lead'"
            )
        return
    from notifications.digest import data as service
    from notifications.digest.render import render

    env = ctx.find_object(Env)
    assert env is not None
    with env.database().read() as session:
        data = service.build(
            session, env.programme, env.clock.now(), env.lang, lead, _since(since_text)
        )
    if as_json:
        from process.reports.status_text import to_json

        text = to_json(_plain(data)) + "\n"
    else:
        text = render(data, _format_for(fmt, out))
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"wrote {os.path.abspath(out)}")
    else:
        click.echo(text, nl=False)


@digest.command("send")
@click.option(
    "--lead", is_flag=True, help="Send the process lead's copy to the working group instead."
)
@SINCE_OPTION
@click.option("--no-send", is_flag=True, help="Only put the mails into the outbox.")
@OUTBOX_DIR_OPTION
@pass_env
def digest_send(
    env: Env, lead: bool, since_text: dt.date | None, no_send: bool, outbox_dir: str | None
) -> None:
    """Mail the digest to everyone whose role holds receive_digest (--lead: the process
    lead's copy, receive_lead_digest), one mail each (text + HTML), through the outbox:
    once per period, however often it runs. Then send what the outbox holds (unless
    --no-send). Installation administrators only.

    The scheduler daemon does this weekly (RSP_DIGEST_CRON, default Monday 07:00).

    \b
    Example:
      rsp digest send
      rsp --now 2023-05-29T07:00 digest send --lead --outbox-dir /tmp/mail
    """
    from notifications.digest import mail as digest_mail
    from notifications.mail import sender
    from notifications.mail import settings as mailconfig

    settings = _settings(env, outbox_dir)
    actor = _system_actor(env)
    report = digest_mail.queue(
        env.database(),
        env.clock,
        env.programme,
        lang=env.lang,
        lead=lead,
        since=_since(since_text),
        domain=settings.domain,
        actor=actor,
        base_url=settings.base_url,
    )
    click.echo(report.line(env.lang))
    _echo_problems(report.problems, env.lang)
    if no_send:
        return
    click.echo(f"transport: {settings.describe()}")
    transport = mailconfig.open_transport(settings, os.environ)
    sent = sender.send_pending(
        env.database(), env.clock, transport, settings.mail_from, actor=actor
    )
    click.echo(digest_mail.send_line(sent, env.lang))
    _echo_problems(sent.problems, env.lang)
