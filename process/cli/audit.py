"""`rsp audit`: verify the trail (chains, seals, state, a published checkpoint), make and
print a checkpoint, make the installation's key and seal the trail with it, export it.
Only click is imported here; each command imports its service."""

from __future__ import annotations

import sys

import click

from process.cli.context import Env, pass_env


@click.group()
def audit() -> None:
    """The audit trail: verify it, publish checkpoints, seal it with a key, export it."""


@audit.command("verify")
@click.option(
    "--checkpoint",
    type=click.Path(exists=True, dir_okay=False),
    help="A published checkpoint: a file from 'rsp audit checkpoint', or a saved "
    "digest mail (.eml) that carries one.",
)
@click.option(
    "--public-key",
    metavar="HEX",
    help="The installation's public key (from 'rsp audit keygen'), to trust "
    "instead of the one in the database or the key file.",
)
@click.option(
    "--export",
    "export_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Verify an export ('rsp audit export --format jsonl') instead of the "
    "database (no state check).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def audit_verify(
    env: Env, checkpoint: str | None, public_key: str | None, export_file: str | None, as_json: bool
) -> None:
    """Check every chain of the trail, every row's seal (with RSP_AUDIT_KEY_FILE), that
    processes, measures, decisions, roles, delegations and mails agree with it, and that
    nothing a published checkpoint covers was removed or changed.

    \b
    Examples:
      rsp audit verify
      RSP_AUDIT_KEY_FILE=/etc/rsp/audit.key rsp audit verify --checkpoint veckorapport.eml
    """
    from process.access import trail_check
    from process.reports.status_text import to_json

    report = trail_check.check(
        None if export_file else env.database(), checkpoint, public_key, export_file
    )
    if as_json:
        click.echo(to_json(report.to_dict()))
    else:
        for line in report.lines():
            click.echo(line, err=not report.ok and line.startswith("BROKEN"))
    if not report.ok:
        sys.exit(1)


@audit.command("checkpoint")
@pass_env
def audit_checkpoint(env: Env) -> None:
    """Make a checkpoint of the trail now (signed with the installation's key) and print
    it, to keep or publish outside the database.

    \b
    Example:
      rsp audit checkpoint > checkpoint-2023-05-23.txt
    """
    from process.access import trail_check

    click.echo(trail_check.make_checkpoint(env.database(), env.clock, env.actor), nl=False)


@audit.command("keygen")
@click.argument("file", type=click.Path(dir_okay=False))
def audit_keygen(file: str) -> None:
    """Write a new audit key to FILE (readable by its owner only); touches no database.

    Keep it outside the database, readable only by the service account (and a backup
    in a safe place); point RSP_AUDIT_KEY_FILE at it, then 'rsp audit seal'.

    \b
    Example:
      rsp audit keygen /etc/rsp/audit.key
    """
    from process.access import audit_key

    key = audit_key.generate(file)
    click.echo(f"wrote {file}: key id {key.key_id}")
    click.echo(f"public key (publish it, e.g. in the register): {key.public_key()}")


@audit.command("seal")
@pass_env
def audit_seal(env: Env) -> None:
    """Seal the trail with the key in RSP_AUDIT_KEY_FILE: every row written from now on
    must carry its seal, and the rows so far are checked and sealed.

    \b
    Example:
      RSP_AUDIT_KEY_FILE=/etc/rsp/audit.key rsp audit seal
    """
    from process.access import trail_check

    for line in trail_check.seal(env.database(), env.clock, env.actor):
        click.echo(line)


@audit.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to a file (default: stdout).")
@pass_env
def audit_export(env: Env, fmt: str, out: str | None) -> None:
    """Export the whole audit trail, hashes and seals included (a public record).

    \b
    Example:
      rsp audit export --format csv --out audit.csv
    """
    from process.access import audit as audit_service

    with env.database().read() as session:
        if out:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                n = audit_service.export(session, fh, fmt)
            click.echo(f"wrote {n} rows to {out}")
        else:
            audit_service.export(session, sys.stdout, fmt)


COMMANDS = (audit,)
