"""`rsp installation`: what the whole database is (replay or real, sealed or not), who
administers it, and which OS users may write from the command line."""

from __future__ import annotations

import click

from process.cli.context import Env, pass_env


@click.group()
def installation() -> None:
    """The installation: its administrators and who may write from the command line."""


@installation.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def installation_show(env: Env, as_json: bool) -> None:
    """What the installation is and who administers it.

    \b
    Examples:
      rsp installation show
      rsp installation show --json
    """
    from process.access import installation_admin as service

    with env.database().read() as session:
        o = service.overview(session)
    if as_json:
        from process.reports.status_text import to_json

        click.echo(
            to_json(
                {
                    "database": env.database().display(),
                    "replay": o.replay,
                    "sealed_with_key": o.key_id,
                    "public_key": o.public_key,
                    "administrators": list(o.administrators),
                    "cli_writers": list(o.cli_writers),
                }
            )
        )
        return
    click.echo(
        f"database: {env.database().display()}"
        + (" (replay: its times are simulated)" if o.replay else "")
    )
    click.echo(
        f"audit trail: sealed with key {o.key_id}"
        if o.key_id
        else "audit trail: not sealed (rsp audit keygen FILE; rsp audit seal)"
    )
    click.echo(f"administrators: {', '.join(o.administrators) or '—'}")
    click.echo(
        "command-line writers: "
        + (", ".join(o.cli_writers) if o.cli_writers else "anyone (no limit set)")
    )


@installation.command("cli-writers")
@click.argument("users", nargs=-1, metavar="OS-USER...")
@click.option("--anyone", is_flag=True, help="Remove the limit: anyone may write.")
@pass_env
def installation_cli_writers(env: Env, users: tuple[str, ...], anyone: bool) -> None:
    """Name the operating-system users who may change anything from the command line (the
    administrator, the service account); everyone else uses the browser interface.

    \b
    Examples:
      rsp installation cli-writers root rsp
      rsp installation cli-writers --anyone
    """
    from process.access import installation_admin as service

    if bool(users) == anyone:
        raise click.UsageError("give the OS users, or --anyone")
    service.set_cli_writers(env.database(), env.clock, env.actor, list(users))
    click.echo("command-line writers: " + (", ".join(sorted(set(users))) or "anyone"))


@installation.command("admin")
@click.argument("login")
@click.option("--remove", is_flag=True, help="No longer an administrator of the installation.")
@pass_env
def installation_admin(env: Env, login: str, remove: bool) -> None:
    """Make a registered person an administrator of the installation (may create
    programmes, seal the trail, run the scheduler), or no longer one.

    \b
    Example:
      rsp installation admin processledare
    """
    from process.access import installation_admin as service

    service.set_administrator(env.database(), env.clock, env.actor, login, not remove)
    click.echo(f"{login}: {'no longer ' if remove else ''}an administrator of the installation")


COMMANDS = (installation,)
