"""Commands for board decisions becoming final, delegation and delegated decisions.

Only click is imported here; each command imports the services it calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from process.cli.context import ID, Env, pass_env
from process.cli.params import DAY, Word
from process.core.words import APPEAL_OUTCOME_LABELS

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

DATE = click.option(
    "--date",
    "day",
    type=DAY,
    help="The day it happened (default today), e.g. 2023-05-30 or 30/5 2023.",
)


def _done(env: Env, d: Mapping[str, Any]) -> None:
    from process.reports.remiss_text import decision_note

    click.echo(f"decision #{d['id']} ({d['reference']}): {decision_note(d, env.lang)}")


# --- decisions ------------------------------------------------------------------------


@click.group()
def decision() -> None:
    """Board decisions on their way to being final (laga kraft)."""


@decision.command("list")
@click.option("--pending", is_flag=True, help="Only decisions not yet final.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def decision_list(env: Env, pending: bool, as_json: bool) -> None:
    """Every board decision: its step and the day it is (or is expected to be) final.

    \b
    Example:
      rsp --now 2023-06-01 decision list --pending
    """
    from process.decisions import finality
    from process.reports.remiss_text import decisions_text
    from process.reports.status_text import to_json

    with env.database().read() as session:
        from process.storage import lookup

        prog = lookup.find_programme(session, env.programme)
        rows = finality.board_decisions(session, prog.id or 0, env.clock.today())
    if pending:
        rows = [d for d in rows if d["step"] not in ("final", "overturned")]
    click.echo(to_json(rows) if as_json else decisions_text(rows, env.lang))


@decision.command("approve-minutes")
@click.argument("decision_id", type=ID, metavar="ID")
@DATE
@pass_env
def decision_approve(env: Env, decision_id: int, day: dt.date | None) -> None:
    """Record that the minutes were approved (justerat); board role or admin.

    \b
    Example:
      RSP_USER=sekreterare rsp decision approve-minutes 4 --date 2023-05-30
    """
    from process.decisions import steps as decision_steps

    _done(
        env,
        decision_steps.approve_minutes(
            env.database(), env.clock, env.actor, env.programme, decision_id, day
        ),
    )


@decision.command("announce")
@click.argument("decision_id", type=ID, metavar="ID")
@DATE
@pass_env
def decision_announce(env: Env, decision_id: int, day: dt.date | None) -> None:
    """Record that the approved minutes were announced (anslaget): the appeal period starts.

    \b
    Example:
      RSP_USER=sekreterare rsp decision announce 4 --date 2023-05-31
    """
    from process.decisions import steps as decision_steps

    _done(
        env,
        decision_steps.announce(
            env.database(), env.clock, env.actor, env.programme, decision_id, day
        ),
    )


@decision.command("appeal")
@click.argument("decision_id", type=ID, metavar="ID")
@DATE
@click.option("--by", "by", required=True, metavar="TEXT", help="Who appealed.")
@pass_env
def decision_appeal(env: Env, decision_id: int, day: dt.date | None, by: str) -> None:
    """Record an appeal received within the appeal period; board role or admin.

    \b
    Example:
      RSP_USER=sekreterare rsp decision appeal 4 --date 2023-06-12 --by 'En kommunmedlem'
    """
    from process.decisions import steps as decision_steps

    _done(
        env,
        decision_steps.appeal(
            env.database(), env.clock, env.actor, env.programme, decision_id, by, day
        ),
    )


@decision.command("resolve")
@click.argument("decision_id", type=ID, metavar="ID")
@click.option(
    "--outcome",
    required=True,
    type=Word("outcome", APPEAL_OUTCOME_LABELS),
    help="upheld (fastställt): the decision stands and is final; overturned "
    "(upphävt): it is annulled.",
)
@DATE
@pass_env
def decision_resolve(env: Env, decision_id: int, outcome: str, day: dt.date | None) -> None:
    """Record how an appeal ended; board role or admin.

    \b
    Example:
      RSP_USER=sekreterare rsp decision resolve 4 --outcome upheld --date 2023-09-01
    """
    from process.decisions import steps as decision_steps

    _done(
        env,
        decision_steps.resolve(
            env.database(), env.clock, env.actor, env.programme, decision_id, outcome, day
        ),
    )


# --- delegation -----------------------------------------------------------------------


@click.command("delegate")
@click.argument("kind")
@click.option("--to", "to_login", metavar="LOGIN", help="The person it is delegated to.")
@click.option("--role", "to_role", metavar="ROLE", help="Or the role it is delegated to.")
@click.option(
    "--decision",
    "decision_ref",
    required=True,
    metavar="REF",
    help="The board's delegation decision, e.g. '2023-05-23 § 89 RUN/536/2021'.",
)
@click.option("--message", "-m", "--comment", "comment", help="The delegation's wording.")
@pass_env
def delegate(
    env: Env,
    kind: str,
    to_login: str | None,
    to_role: str | None,
    decision_ref: str,
    comment: str | None,
) -> None:
    """Record that the board delegates a KIND of decision (board role or admin).

    \b
    Example:
      RSP_USER=sekreterare rsp delegate action_plan --to utvecklingsdirektor \\
          --decision '2023-05-23 § 89 RUN/536/2021' -m 'Årliga handlingsplaner'
    """
    from process.core.decision_refs import TypedRef
    from process.decisions import delegation

    ref = TypedRef(decision_ref)  # parsed by the service: a refused one is audited
    d = delegation.delegate(
        env.database(), env.clock, env.actor, env.programme, kind, to_login, to_role, ref, comment
    )
    click.echo(
        f"delegation #{d['id']}: {kind} to {to_login or 'role ' + str(to_role)} "
        f"(decision {d['decision']})"
    )


@click.group("delegation")
def delegations() -> None:
    """Delegations of the board's decisions: list, revoke, report back. ('rsp delegations
    …' works too; 'rsp delegate' records one.)"""


@delegations.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def delegations_list(env: Env, as_json: bool) -> None:
    """Every delegation, active or revoked, with how many decisions were taken under it.

    \b
    Example:
      rsp delegations list
    """
    from process.decisions import delegation
    from process.reports.remiss_text import delegations_text
    from process.reports.status_text import to_json

    with env.database().read() as session:
        rows = delegation.list_delegations(session, env.programme)
    click.echo(to_json(rows) if as_json else delegations_text(rows, env.lang))


@delegations.command("revoke")
@click.argument("delegation_id", type=ID, metavar="ID")
@click.option("--message", "-m", "--comment", "comment", help="Why, e.g. the board's decision.")
@pass_env
def delegations_revoke(env: Env, delegation_id: int, comment: str | None) -> None:
    """Revoke a delegation (board role or admin); it covers nothing from now on.

    \b
    Example:
      RSP_USER=sekreterare rsp delegations revoke 1 -m 'RUN 2024-02-20 § 12'
    """
    from process.decisions import delegation

    d = delegation.revoke(
        env.database(), env.clock, env.actor, env.programme, delegation_id, comment
    )
    click.echo(f"delegation #{d['id']} ({d['kind']} to {d['to']}) revoked")


@delegations.command("report")
@click.option("--since", required=True, type=DAY, help="First day, e.g. 2024-01-01.")
@click.option("--until", type=DAY, help="Last day (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def delegations_report(env: Env, since: dt.date, until: dt.date | None, as_json: bool) -> None:
    """The delegated decisions of a period, to report back to the board (Swedish; --lang en).

    \b
    Example:
      rsp delegations report --since 2024-01-01
    """
    from process.decisions import delegation
    from process.reports.remiss_text import report_text
    from process.reports.status_text import to_json

    start = since
    end = until or env.clock.today()
    with env.database().read() as session:
        r = delegation.report(session, env.programme, start, end, env.lang)
    click.echo(to_json(r) if as_json else report_text(r, env.lang))


@click.command("decide")
@click.argument("kind")
@click.option(
    "--decision",
    "decision_ref",
    required=True,
    metavar="REF",
    help="The decision's date and diary number (and § if it has one), e.g. "
    "'2024-02-12 RUN/45/2024'.",
)
@click.option("--message", "-m", "--comment", "text", required=True, help="What was decided.")
@pass_env
def decide(env: Env, kind: str, decision_ref: str, text: str) -> None:
    """Record a decision taken under a delegation that covers you.

    \b
    Example:
      RSP_USER=utvecklingsdirektor rsp decide action_plan \\
          --decision '2024-02-12 RUN/45/2024' -m 'Handlingsplan 2024 fastställs'
    """
    from process.core.decision_refs import TypedRef
    from process.decisions import delegation

    ref = TypedRef(decision_ref, paragraph_required=False)  # parsed (and audited) there
    d = delegation.decide(env.database(), env.clock, env.actor, env.programme, kind, ref, text)
    click.echo(
        f"delegated decision #{d['id']}: {kind} {d['decision']} (under delegation "
        f"#{d['delegation']}, {d['under']})"
    )


COMMANDS = (decision, delegate, delegations, decide)
