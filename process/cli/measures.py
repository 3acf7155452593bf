"""Commands for bodies, action plans, measures and the year-end follow-up.

Only click is imported here; each command imports the services it calls.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from process.cli.context import DAYS, NUMBER, Env, pass_env
from process.cli.context import YEAR as YEAR_TYPE
from process.cli.params import Word, accepted_help
from process.core.words import OUTCOME_LABELS

YEAR = click.option(
    "--year",
    type=YEAR_TYPE,
    metavar="YYYY",
    help="The plan year, when the same code is in several plans.",
)


def _echo_json(value: Any) -> None:
    from process.reports.status_text import to_json

    click.echo(to_json(value))


# --- bodies ---------------------------------------------------------------------------


@click.group()
def bodies() -> None:
    """Responsible bodies (ansvariga aktörer): addresses, member bodies, member people."""


@bodies.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@pass_env
def bodies_import(env: Env, file: str) -> None:
    """Add or update bodies from a bodies file (admin or working group).

    \b
    Example:
      rsp bodies import workflows/examples/jamtland-harjedalen/bodies.yaml
    """
    from process.bodies import bodies as service

    for line in service.import_bodies(env.database(), env.clock, env.actor, env.programme, file):
        click.echo(line)


@bodies.command("add")
@click.argument("key")
@click.option("--name", required=True, help="The body's name.")
@click.option(
    "--kind",
    required=True,
    help="authority, region, municipality, university, business, agency or group.",
)
@click.option(
    "--email",
    "emails",
    multiple=True,
    metavar="ADDRESS",
    help="A contact address (repeatable); reminders go here.",
)
@click.option(
    "--member",
    "members",
    multiple=True,
    metavar="LOGIN",
    help="A registered person who acts for the body (repeatable).",
)
@pass_env
def bodies_add(
    env: Env, key: str, name: str, kind: str, emails: tuple[str, ...], members: tuple[str, ...]
) -> None:
    """Add a responsible body (admin or working group).

    \b
    Example:
      rsp bodies add pts --name 'Post- och telestyrelsen' --kind authority \\
          --email rsp@pts.example --member handlaggare
    """
    from process.bodies import bodies as service

    service.add_body(
        env.database(),
        env.clock,
        env.actor,
        env.programme,
        key,
        name,
        kind,
        list(emails),
        list(members),
    )
    click.echo(f"added body {key}" + (f" with {', '.join(members)}" if members else ""))


@bodies.command("member")
@click.argument("key")
@click.argument("login")
@click.option("--remove", is_flag=True, help="Detach the person instead.")
@pass_env
def bodies_member(env: Env, key: str, login: str, remove: bool) -> None:
    """Attach a registered person to a body: they then act for its measures.

    \b
    Example:
      rsp bodies member lansstyrelsen handlaggare
    """
    from process.bodies import bodies as service

    service.set_member(env.database(), env.clock, env.actor, env.programme, key, login, remove)
    click.echo(f"{login} {'removed from' if remove else 'now acts for'} {key}")


@bodies.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def bodies_list(env: Env, as_json: bool) -> None:
    """List the bodies with their addresses, members and people.

    \b
    Example:
      rsp bodies list --json
    """
    from process.bodies import bodies as service
    from process.reports.measure_text import bodies_text

    with env.database().read() as session:
        rows = service.list_bodies(session, env.programme)
    if as_json:
        _echo_json([b.to_json() for b in rows])
    else:
        click.echo(bodies_text(rows))


@bodies.command("show")
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def bodies_show(env: Env, key: str, as_json: bool) -> None:
    """One body: addresses, members, people, groups and the measures it is responsible for.

    \b
    Example:
      rsp bodies show lansstyrelsen
    """
    from process.bodies import bodies as service
    from process.reports.measure_text import body_text

    with env.database().read() as session:
        body = service.show_body(session, env.programme, key)
    if as_json:
        _echo_json(body.to_json())
    else:
        click.echo(body_text(body, env.lang))


# --- plans ----------------------------------------------------------------------------


@click.group()
def plan() -> None:
    """Yearly action plans (handlingsplaner): template, import, roll over."""


class _Bar:
    """A click progress bar on stderr, shown for big plans or on a terminal."""

    def __init__(self) -> None:
        self.bar: Any = None

    def start(self, total: int) -> None:
        if total >= 200 or sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label="measures", file=sys.stderr)
            self.bar.__enter__()

    def step(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@plan.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--year",
    type=YEAR_TYPE,
    required=True,
    metavar="YYYY",
    help="The plan's year (must match the file).",
)
@pass_env
def plan_import(env: Env, file: str, year: int) -> None:
    """Validate an action-plan file (YAML or .xlsx) completely, then import or update it.

    Nothing is imported if the file has any error; each is named with file, line and
    field (a workbook: sheet, row and column, e.g. Åtgärder!F3). Importing the same plan
    again changes nothing; a changed file updates the measures (keeping their state and
    history) and says what changed. `rsp plan template` writes a file to start from.

    \b
    Examples:
      rsp plan import workflows/examples/jamtland-2014-2020/actionplan-2014.yaml --year 2014
      rsp plan import handlingsplan-2015.xlsx --year 2015
    """
    from process.plans import plan_import as plans

    bar = _Bar()
    try:
        result = plans.import_plan(
            env.database(), env.clock, env.actor, env.programme, file, year, bar, env.lang
        )
    finally:
        bar.close()
    for line in result.lines:
        click.echo(line)


@plan.command("template")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "xlsx"]),
    default="yaml",
    show_default=True,
    help="xlsx needs --out.",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to a file.")
@click.option(
    "--year", type=YEAR_TYPE, metavar="YYYY", help="The example plan's year (default: this year)."
)
@pass_env
def plan_template(env: Env, fmt: str, out: str | None, year: int | None) -> None:
    """Write a documented template of a yearly action plan, with an example in it.

    The .xlsx has the sheets Plan, Områden, Mål and Åtgärder (one example row each) and
    an instructions sheet; headings in Swedish (English with --lang en). Fill it in and
    read it back with `rsp plan import FILE --year YYYY`.

    \b
    Examples:
      rsp plan template --format xlsx --out handlingsplan-2026.xlsx --year 2026
      rsp plan template --year 2026 > handlingsplan-2026.yaml
      rsp --lang en plan template --format xlsx --out action-plan-2026.xlsx
    """
    from process.core.errors import InvalidInput
    from process.reports import plan_template as template

    year = year or env.clock.today().year
    if fmt == "xlsx":
        if not out:
            raise InvalidInput("--format xlsx writes a file: give --out FILE.xlsx")
        body = template.template_xlsx(year, env.lang)
        with open(out, "wb") as fb:
            fb.write(body)
        click.echo(f"wrote {out}")
        return
    text = template.template_yaml(year, env.lang)
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"wrote {out}")
    else:
        click.echo(text, nl=False)


@plan.command("rollover")
@click.argument("from_year", type=YEAR_TYPE)
@click.argument("to_year", type=YEAR_TYPE)
@click.option(
    "--yes", "-y", is_flag=True, help="Add to a plan that has measures already without asking."
)
@pass_env
def plan_rollover(env: Env, from_year: int, to_year: int, yes: bool) -> None:
    """Carry the unfinished measures of one year over into the next year's plan.

    Open measures (planned, ongoing, postponed) are copied, linked to their origin, with
    their dated targets moved to the new year; the old ones become carried_over. Running
    it again does not duplicate anything. Into a plan that has measures already, it first
    shows what it would add and asks (--yes: without asking; refused without a terminal).

    \b
    Example:
      RSP_USER=processledare rsp plan rollover 2014 2015
    """
    from process.core.errors import InvalidInput
    from process.plans import rollover

    with env.database().read() as session:
        planned = rollover.preview(session, env.programme, from_year, to_year)
    expect = None
    if planned.existing and planned.adds:
        for line in planned.lines():
            click.echo(line)
        if not yes:
            if not sys.stdin.isatty():
                raise InvalidInput(
                    f"the {to_year} plan has measures already: nothing was "
                    "carried over; confirm with --yes"
                )
            if not click.confirm(
                f"Add these {len(planned.adds)} measures to the {to_year} plan?", default=False
            ):
                click.echo("nothing was carried over")
                return
        expect = [(was, now) for was, now, _state in planned.adds]
    result = rollover.rollover(
        env.database(), env.clock, env.actor, env.programme, from_year, to_year, expect
    )
    for line in result.lines:
        click.echo(line)


# --- measures -------------------------------------------------------------------------


@click.group("measure")
def measure_group() -> None:
    """Measures: list them (what is due, overdue, by area, goal, body or state), show one,
    move it through its lifecycle, add progress notes. ('rsp measures …' works too.)"""


@measure_group.command("list")
@click.option("--area", type=NUMBER, metavar="N", help="Priority area number.")
@click.option("--goal", metavar="GOAL", help="A goal the measure serves, e.g. 2.1.")
@click.option("--body", metavar="KEY", help="A responsible body (its groups' measures too).")
@click.option(
    "--state",
    metavar="STATE",
    help="By key or as shown, e.g. planned or planerad, ongoing or pågår, done.",
)
@click.option(
    "--due-within",
    type=DAYS,
    metavar="DAYS",
    help="Open measures with a dated target within DAYS from today.",
)
@click.option("--overdue", is_flag=True, help="Open measures with a dated target passed.")
@click.option("--year", type=YEAR_TYPE, metavar="YYYY", help="Only this plan year.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def measures_list(
    env: Env,
    area: int | None,
    goal: str | None,
    body: str | None,
    state: str | None,
    due_within: int | None,
    overdue: bool,
    year: int | None,
    as_json: bool,
) -> None:
    """List measures; with --due-within or --overdue, one line per dated target.

    \b
    Examples:
      rsp --now 2014-04-20 measures list --due-within 14
      rsp measures list --body berg --year 2014 --json
    """
    from process.plans import measure_queries as measures
    from process.reports.measure_text import list_text

    f = measures.Filters(area, goal, body, state, due_within, overdue, year)
    with env.database().read() as session:
        rows = measures.list_measures(session, env.programme, env.clock.today(), f, env.lang)
    if as_json:
        _echo_json([r.to_json() for r in rows])
    else:
        click.echo(list_text(rows, env.lang))


@measure_group.command("show")
@click.argument("measure_id", metavar="ID")
@YEAR
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def measure_show(env: Env, measure_id: str, year: int | None, as_json: bool) -> None:
    """Details, state, dated targets, responsible bodies, notes and history of a measure.

    \b
    Example:
      rsp measure show 2.B --year 2014
    """
    from process.plans import measure_queries as measures
    from process.reports.measure_text import show_text

    with env.database().read() as session:
        m = measures.show_measure(
            session, env.programme, measure_id, year, env.clock.today(), env.lang
        )
    if as_json:
        _echo_json(m)
    else:
        click.echo(show_text(m, env.lang))


@measure_group.command("advance")
@click.argument("measure_id", metavar="ID")
@click.argument("trigger")
@click.option(
    "--message", "-m", "--comment", "comment", help="What happened (some triggers require it)."
)
@YEAR
@click.option("--as", "as_role", metavar="ROLE", help="Act in this role, if you hold several.")
@click.option(
    "--expect-version",
    type=int,
    metavar="N",
    help="Refuse if the measure is no longer at version N (see show --json).",
)
@pass_env
def measure_advance(
    env: Env,
    measure_id: str,
    trigger: str,
    comment: str | None,
    year: int | None,
    as_role: str | None,
    expect_version: int | None,
) -> None:
    """Fire TRIGGER on a measure: start, report_progress, complete, postpone, resume, cancel.

    \b
    Example:
      RSP_USER=handlaggare rsp --now 2014-05-02 measure advance 1.A complete \\
          -m 'Kartläggningen av fiber till butiksorter är klar'
    """
    from process.plans import measure_actions as lifecycle

    r = lifecycle.advance(
        env.database(),
        env.clock,
        env.actor,
        env.programme,
        measure_id,
        trigger,
        comment,
        year,
        as_role,
        expect_version,
    )
    moved = (
        f"{r.from_state} → {r.to_state}"
        if r.from_state != r.to_state
        else f"recorded in {r.to_state}"
    )
    click.echo(
        f"{measure_id.upper()} {r.trigger}: {moved} (by {env.actor} as {r.role}; "
        f"audit #{r.audit_id})"
    )


@measure_group.command("note")
@click.argument("measure_id", metavar="ID")
@click.argument("positional", metavar="[TEXT]", required=False)
@click.option("--message", "-m", "message", help="The note.")
@YEAR
@pass_env
def measure_note(
    env: Env, measure_id: str, positional: str | None, message: str | None, year: int | None
) -> None:
    """Add a progress note (working group, or a member of a responsible body); the text
    with -m like everywhere else (or, as before, after the ID).

    \b
    Example:
      RSP_USER=handlaggare rsp measure note 2.B -m 'Tolv ansökningar handlagda'
    """
    from process.plans import measure_actions as lifecycle

    if (positional is None) == (message is None):
        raise click.UsageError("give the note once: -m TEXT (or TEXT after the ID)")
    text = message if message is not None else positional
    assert text is not None

    lifecycle.add_note(env.database(), env.clock, env.actor, env.programme, measure_id, text, year)
    click.echo(f"note added to {measure_id.upper()}")


# --- follow-up ------------------------------------------------------------------------


@click.group()
def followup() -> None:
    """The year-end follow-up: record each measure's outcome, print the report."""


@followup.command("record")
@click.argument("measure_id", metavar="ID")
@click.option(
    "--outcome",
    required=True,
    type=Word("outcome", OUTCOME_LABELS),
    help="Was the sub-goal (delmål) achieved? " + accepted_help(OUTCOME_LABELS) + ".",
)
@click.option(
    "--message",
    "-m",
    "--comment",
    "comment",
    required=True,
    help="What was achieved against the sub-goal.",
)
@click.option(
    "--reason",
    metavar="TEXT",
    help="Why a measure that is not done is achieved anyway (required then).",
)
@YEAR
@pass_env
def followup_record(
    env: Env, measure_id: str, outcome: str, comment: str, reason: str | None, year: int | None
) -> None:
    """Record a measure's outcome (working group); a done measure becomes followed_up.

    A measure that is not done is recorded as achieved only with --reason.

    \b
    Example:
      RSP_USER=processledare rsp --now 2015-01-20 followup record 1.A --outcome achieved \\
          --comment 'Fiberkartläggningen klar i april'
    """
    from process.plans import measure_actions as lifecycle

    r = lifecycle.record_followup(
        env.database(),
        env.clock,
        env.actor,
        env.programme,
        measure_id,
        outcome,
        comment,
        year,
        reason,
    )
    moved = f"; {r.from_state} → {r.to_state}" if r.from_state != r.to_state else ""
    again = f" (was {r.replaced})" if r.replaced else ""
    click.echo(f"{r.year} {r.code}: {r.outcome}{again}{moved} (by {env.actor} as {r.role})")


@followup.command("report")
@click.option("--year", type=YEAR_TYPE, required=True, metavar="YYYY", help="The plan year.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "csv", "xlsx"]),
    default="md",
    show_default=True,
    help="xlsx needs --out.",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to a file.")
@click.option("--json", "as_json", is_flag=True, help="Print the report's data as JSON.")
@pass_env
def followup_report(env: Env, year: int, fmt: str, out: str | None, as_json: bool) -> None:
    """The follow-up report of a year's plan, by priority area and goal (Swedish; --lang en).

    \b
    Examples:
      rsp followup report --year 2014 --format md
      rsp --lang en followup report --year 2014 --format html --out uppfoljning-2014.html
      rsp followup report --year 2014 --format xlsx --out uppfoljning-2014.xlsx
    """
    from process.core.errors import InvalidInput
    from process.reports import followup as service

    if fmt == "xlsx" and not out:
        raise InvalidInput("--format xlsx writes a file: give --out FILE.xlsx")
    with env.database().read() as session:
        data = service.report_data(session, env.programme, year, env.lang, env.clock.today())
    if as_json:
        from process.reports.status_text import to_json

        text = to_json(data) + "\n"
    elif fmt == "xlsx":
        assert out is not None
        with open(out, "wb") as fb:
            fb.write(service.render_xlsx(data))
        click.echo(f"wrote {out}")
        return
    else:
        text = service.render(data, fmt)
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        click.echo(f"wrote {out}")
    else:
        click.echo(text, nl=False)


COMMANDS = (bodies, plan, measure_group, followup)
