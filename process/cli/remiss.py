"""The remiss commands: open it, record replies, see where it stands, close it, compile it.

Only click is imported here; each command imports the services it calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from process.cli.context import Env, pass_env
from process.cli.params import DAY, Word, accepted_help
from process.core.words import POSITION_LABELS

if TYPE_CHECKING:
    import datetime as dt


@click.group()
def remiss() -> None:
    """The remiss: consulted bodies (remissinstanser), replies, reply date, compilation."""


@remiss.command("open")
@click.argument("bodies", nargs=-1, required=True, metavar="BODY...")
@click.option(
    "--reply-by",
    type=DAY,
    help="Last day for replies (default: three months from today; a non-working "
    "day moves to the next working day).",
)
@click.option(
    "--message", "-m", "--comment", "comment", help="What was sent, e.g. the remiss edition."
)
@pass_env
def remiss_open(
    env: Env, bodies: tuple[str, ...], reply_by: dt.date | None, comment: str | None
) -> None:
    """Open the remiss (fires open_remiss) and record the consulted bodies.

    A group body (e.g. kommunerna) stands for each of its members.

    \b
    Example:
      RSP_USER=processledare rsp --now 2022-11-25 remiss open kommunerna lansstyrelsen \\
          miun -m 'Remissutgåvan skickad'
    """
    from process.remiss import actions as remiss_actions

    out = remiss_actions.open_remiss(
        env.database(), env.clock, env.actor, env.programme, list(bodies), reply_by, comment
    )
    t = out.transition
    assert t is not None
    click.echo(
        f"{t.trigger}: {t.from_state} → {t.to_state} (by {env.actor} as {t.role}; "
        f"audit #{t.audit_id})"
    )
    click.echo(f"consulted ({len(out.bodies)}): {', '.join(out.bodies)}")
    moved = (
        f" (moved from {out.reply_by_asked}, not a working day)"
        if out.reply_by != out.reply_by_asked
        else ""
    )
    click.echo(
        f"reply by {out.reply_by}{moved}: {out.working_days} working days, "
        f"{len(out.lost)} lost to holidays"
        + (": " + ", ".join(f"{d} {n}" for d, n in out.lost) if out.lost else "")
    )


@remiss.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def remiss_status(env: Env, as_json: bool) -> None:
    """The remiss: reply date, working days and holidays of the period, each body's reply.

    \b
    Example:
      rsp --now 2023-01-10 remiss status
    """
    from process.remiss.rules import remiss_overview
    from process.reports.remiss_text import remiss_text
    from process.reports.status_text import to_json

    with env.database().read() as session:
        from process.storage import lookup

        prog = lookup.find_programme(session, env.programme)
        o = remiss_overview(session, prog.id or 0, env.clock.today())
    if o is None:
        from process.core.errors import NotFound

        raise NotFound("no remiss has been opened; open it with 'rsp remiss open BODY...'")
    click.echo(to_json(o) if as_json else remiss_text(o, env.lang))


@remiss.command("reply")
@click.argument("body", metavar="BODY")
@click.option(
    "--received",
    required=True,
    type=DAY,
    help="The day the reply came in, e.g. 2023-02-20 or 20/2 2023.",
)
@click.option(
    "--position",
    required=True,
    type=Word("position", POSITION_LABELS),
    help="The body's position on the draft: "
    + accepted_help(POSITION_LABELS)
    + " (no-comments too).",
)
@click.option(
    "--message",
    "-m",
    "--summary",
    "summary",
    help="A summary of the reply (required with 'comments').",
)
@pass_env
def remiss_reply(
    env: Env, body: str, received: dt.date, position: str, summary: str | None
) -> None:
    """Record a consulted body's reply (working group or admin); once per body.

    A reply received after the reply date is accepted and marked late.

    \b
    Example:
      RSP_USER=processledare rsp remiss reply lansstyrelsen --received 2023-02-20 \\
          --position comments --summary 'Vill se tydligare mål för drivmedel'
    """
    from process.remiss import actions as remiss_actions

    day = received
    r = remiss_actions.record_reply(
        env.database(), env.clock, env.actor, env.programme, body, day, position, summary
    )
    late = f" — {r['days_late']} days after the reply date {r['reply_by']}" if r["late"] else ""
    click.echo(f"{r['body']} ({r['name']}): {r['position']}, received {r['received']}{late}")


@remiss.command("close")
@click.option(
    "--message", "-m", "--comment", "comment", help="What happens next, e.g. the draft is revised."
)
@pass_env
def remiss_close(env: Env, comment: str | None) -> None:
    """Close the remiss (fires compile_remiss); missing answers become "no answer".

    Refused before the reply date unless every body has answered.

    \b
    Example:
      RSP_USER=processledare rsp --now 2023-03-10 remiss close -m 'Förslaget revideras'
    """
    from process.remiss import actions as remiss_actions

    out = remiss_actions.close_remiss(env.database(), env.clock, env.actor, env.programme, comment)
    t = out.transition
    assert t is not None
    click.echo(
        f"{t.trigger}: {t.from_state} → {t.to_state} (by {env.actor} as {t.role}; "
        f"audit #{t.audit_id})"
    )
    click.echo("no answer: " + (", ".join(out.no_answer) if out.no_answer else "none"))


@remiss.command("compile")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "csv", "xlsx"]),
    default="md",
    show_default=True,
    help="xlsx needs --out.",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to a file.")
@pass_env
def remiss_compile(env: Env, fmt: str, out: str | None) -> None:
    """The remissammanställning: each body's position and summary, and who did not answer.

    Swedish by default; --lang en for English.

    \b
    Examples:
      rsp remiss compile --format md
      rsp --lang en remiss compile --format html --out remiss.html
      rsp remiss compile --format xlsx --out remissammanstallning.xlsx
    """
    from process.core.errors import InvalidInput
    from process.reports import remiss_compilation as remiss_report

    if fmt == "xlsx" and not out:
        raise InvalidInput("--format xlsx writes a file: give --out FILE.xlsx")
    with env.database().read() as session:
        data = remiss_report.compile_data(session, env.programme, env.clock.today(), env.lang)
    if fmt == "xlsx":
        assert out is not None
        with open(out, "wb") as fb:
            fb.write(remiss_report.render_xlsx(data))
        click.echo(f"wrote {out}")
        return
    text = remiss_report.render(data, fmt)
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        click.echo(f"wrote {out}")
    else:
        click.echo(text, nl=False)


COMMANDS = (remiss,)
