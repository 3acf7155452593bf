"""`rsp templates`: the templates of mails and reports, and a region's own versions of
them (RSP_TEMPLATE_DIR). Only click is imported here; each command imports its service.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from process.reports.templating import Family


def families() -> list[Family]:
    """Every family of bundled templates: the reports', the reminder mails', the digest's."""
    from notifications.digest import template_samples as digest_samples
    from notifications.reminders import template_samples as reminder_samples
    from process.reports import template_samples as report_samples

    return [*reminder_samples.families(), *digest_samples.families(), *report_samples.families()]


@click.group()
def templates() -> None:
    """Templates of reminder mails, the digest and the reports; your own replace them.

    A file in RSP_TEMPLATE_DIR (or --template-dir) with the name of a bundled template
    replaces it; every template renders in a sandbox, HTML autoescaped.

    \b
    Example:
      rsp templates export /etc/rsp/templates && RSP_TEMPLATE_DIR=/etc/rsp/templates \\
          rsp templates check
    """


@templates.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def templates_list(as_json: bool) -> None:
    """Each template rsp renders, and whether it is bundled or overridden (from which file).

    \b
    Examples:
      RSP_TEMPLATE_DIR=/etc/rsp/templates rsp templates list
      rsp templates list --json
    """
    from process.reports import template_tools, templating

    user = templating.override_dir()
    if as_json:
        from process.reports.status_text import to_json

        listed = [
            {"name": t.name, "source": t.source, "path": str(t.path)}
            for t in template_tools.listing(families())
        ]
        click.echo(to_json({"template_dir": str(user) if user else None, "templates": listed}))
        return
    click.echo(f"{templating.ENV_VAR}: {user or '(not set: the bundled templates)'}")
    for t in template_tools.listing(families()):
        click.echo(f"{t.name:<22} {t.source:<10} {t.path}")


@templates.command("export")
@click.argument("directory", type=click.Path(file_okay=False), metavar="DIR")
@click.option("--force", is_flag=True, help="Replace files that exist already.")
def templates_export(directory: str, force: bool) -> None:
    """Copy the bundled templates into DIR, as a starting point for your own.

    Refuses to replace an existing file (and then writes nothing) unless --force. Edit
    what you want to change and delete the rest: a missing file means the bundled one.

    \b
    Example:
      rsp templates export /etc/rsp/templates
    """
    from process.reports import template_tools

    written = template_tools.export(families(), directory, force)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(
        f"{len(written)} templates in {directory}; check them with "
        f"'rsp templates check {directory}', use them with RSP_TEMPLATE_DIR={directory}"
    )


@templates.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False), metavar="[DIR]")
def templates_check(directory: str | None) -> None:
    """Compile every template of DIR in the sandbox and render it with made-up data.

    DIR defaults to RSP_TEMPLATE_DIR (else the bundled templates). Problems are shown as
    file:line; the exit status is 1 if there is any.

    \b
    Examples:
      rsp templates check /etc/rsp/templates
      RSP_TEMPLATE_DIR=/etc/rsp/templates rsp templates check
    """
    from process.reports import template_tools

    report = template_tools.check(families(), directory)
    where = report.directory or "the bundled templates"
    for note in report.notes:
        click.echo(f"note: {note}")
    for problem in report.problems:
        click.echo(f"ERROR: {problem}", err=True)
    if report.problems:
        click.echo(
            f"Error: {where}: {len(report.problems)} problem(s) in {len(report.files)} template(s)",
            err=True,
        )
        sys.exit(1)
    click.echo(
        f"{where}: OK — {len(report.files)} template(s) compile in the sandbox; "
        f"rendered with sample data: {', '.join(report.rendered)}"
    )


COMMANDS = (templates,)
