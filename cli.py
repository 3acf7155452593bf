"""rsp — the command line. Thin: parse, call one service, print.

Only click is imported at module level, so `rsp --help` stays cheap; each command
imports what it needs. Exit status: 0 success, 1 refused or invalid action, 2 usage.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from process.cli.context import Bounded, Env, log_options, pass_env

LANGS = click.Choice(["sv", "en"])
# One group per noun; the other spelling still works but is not shown in help.
ALIASES = {
    "measures": "measure",
    "delegations": "delegation",
    "decisions": "decision",
    "body": "bodies",
    "plans": "plan",
    "person": "people",
    "followups": "followup",
    "trigger": "triggers",
}


class _OptionParser(click.parser._OptionParser):
    """click's parser, minus one cost: click tries every option as a long one first, and
    the refusal of a short one (`-m`) imports difflib for "did you mean" suggestions
    that are then thrown away; a short option goes straight to the short ones."""

    def _match_long_opt(self, opt: str, explicit_value: str | None, state: Any) -> None:
        if opt not in self._long_opt and opt[:2] not in self._opt_prefixes:
            raise click.NoSuchOption(opt, ctx=self.ctx)  # caught: short options are next
        super()._match_long_opt(opt, explicit_value, state)


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (and with it zlib, bz2
    and lzma) only to print help: COLUMNS, else the terminal's width, else 80."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


class _HelpFormatter(click.HelpFormatter):
    """click's help formatter, its width found as click finds it (see _terminal_columns)."""

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        if width is None:
            width = click.formatting.FORCED_WIDTH  # set by click's test runner
            if width is None:
                width = max(min(_terminal_columns(), max_width or 80) - 2, 50)
        super().__init__(indent_increment, width, max_width)


class RspContext(click.Context):
    formatter_class = _HelpFormatter


class RspCommand(click.Command):
    """A command of cli.py, parsed with `_OptionParser`."""

    context_class = RspContext

    def make_parser(self, ctx: click.Context) -> click.parser._OptionParser:
        parser = _OptionParser(ctx)
        for param in self.get_params(ctx):
            param.add_to_parser(parser, ctx)
        return parser


class RspGroup(click.Group):
    """A click group that turns rsp's errors into a message and exit status 1."""

    command_class = RspCommand
    context_class = RspContext

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Before the options are parsed: the settings file's values become the variables
        not set in the environment (the environment wins), so every option and part of
        rsp sees them; its problems are reported once the command is known."""
        if parent is None and (_settings_file_possible(args) or CONFIG_MODULE in sys.modules):
            import os

            from process.core import config

            config.remember(config.apply(config.load(config.option_in(args), os.environ)))
        return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except (click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            _quiet_after_closed_pipe()
            ctx.exit(PIPE_CLOSED)
        except Exception as exc:  # noqa: BLE001 - map known errors, re-raise the rest
            message = _user_error(exc)
            if message is None:
                raise
            from process.storage.database import database_url, scrub

            env = ctx.find_object(Env)
            click.echo(
                f"Error: {scrub(message, database_url(env.db_value if env else None))}", err=True
            )
            ctx.exit(1)
        finally:
            env = ctx.find_object(Env)
            if env is not None:
                env.close()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The commands of cli.py at once; the groups of other modules on first need, so
        that `rsp advance` or `rsp status` does not import them. The other spelling of a
        noun (`measures`, `delegations` …) is a hidden alias of its one group."""
        cmd_name = ALIASES.get(cmd_name, cmd_name)
        if cmd_name not in self.commands:
            _register_command_groups()
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, cmd, rest = super().resolve_command(ctx, args)
        return (cmd.name if cmd is not None else name), cmd, rest

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_HELP})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click's, but the groups of other modules not imported yet are listed from
        LAZY_HELP, so that `rsp --help` imports none of them."""
        from gettext import gettext as _

        commands = []
        for name in self.list_commands(ctx):
            cmd = self.commands.get(name)
            if cmd is None and name in LAZY_HELP:
                cmd = click.Command(name, help=LAZY_HELP[name])
            if cmd is not None and not cmd.hidden:
                commands.append((name, cmd))
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _cmd in commands)
            with formatter.section(_("Commands")):
                formatter.write_dl(
                    [(name, cmd.get_short_help_str(limit)) for name, cmd in commands]
                )


CONFIG_MODULE = "process.core.config"
DEFAULT_SETTINGS_FILE = "/etc/rsp/rsp.toml"  # = process.core.config.DEFAULT_PATH


def _settings_file_possible(args: list[str]) -> bool:
    """Whether a settings file may apply (--config, RSP_CONFIG or the default file): when
    none can, the settings module and its TOML parser are not imported at all."""
    import os

    return bool(
        os.environ.get("RSP_CONFIG")
        or any(arg.startswith("--config") for arg in args)
        or os.path.isfile(DEFAULT_SETTINGS_FILE)
    )


# The first paragraph of the help of each command group that lives in another module
# (registered by _register_command_groups on first need), for `rsp --help`;
# tests/e2e/test_startup_imports.py keeps it equal to the groups' own help.
LAZY_HELP = {
    "audit": "The audit trail: verify it, publish checkpoints, seal it with a key, export it.",
    "bodies": "Responsible bodies (ansvariga aktörer): addresses, member bodies, member people.",
    "calendar": "Calendar files of milestones and deadlines.",
    "config": "The installation's settings file (TOML) and environment.",
    "decide": "Record a decision taken under a delegation that covers you.",
    "decision": "Board decisions on their way to being final (laga kraft).",
    "delegate": "Record that the board delegates a KIND of decision (board role or admin).",
    "delegation": (
        "Delegations of the board's decisions: list, revoke, report back. ('rsp "
        "delegations …' works too; 'rsp delegate' records one.)"
    ),
    "digest": (
        "The weekly status digest: stage, milestones planned vs actual with a timeline "
        "picture, decisions, measures by priority area, what is overdue or due within 14 "
        "days, remiss replies. Swedish unless --lang en. Without a subcommand: build and "
        "show it."
    ),
    "followup": "The year-end follow-up: record each measure's outcome, print the report.",
    "installation": "The installation: its administrators and who may write from the command line.",
    "measure": (
        "Measures: list them (what is due, overdue, by area, goal, body or state), show "
        "one, move it through its lifecycle, add progress notes. ('rsp measures …' works "
        "too.)"
    ),
    "outbox": "The outbox of reminder mails: list, show, retry failed ones.",
    "plan": "Yearly action plans (handlingsplaner): template, import, roll over.",
    "remind": "Deadline reminders: compute what is due, preview the coming ones, check rules.",
    "remiss": "The remiss: consulted bodies (remissinstanser), replies, reply date, compilation.",
    "scheduler": "The reminder daemon.",
    "templates": "Templates of reminder mails, the digest and the reports; your own replace them.",
}

PIPE_CLOSED = 141  # as a shell reports a command ended by SIGPIPE (128 + 13)


def _quiet_after_closed_pipe() -> None:
    """The reader went away (`rsp history | head -1`): no message, and nothing more
    written to the closed pipe when Python flushes standard output at exit."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (CliRunner): nothing to flush
        pass
    finally:
        os.close(devnull)


def _user_error(exc: Exception) -> str | None:
    from process.core.errors import RspError

    if isinstance(exc, RspError):
        return str(exc)
    module = type(exc).__module__
    if module.startswith("sqlalchemy"):
        import sqlalchemy as sa

        # (a plain DatabaseError is SQLite's "file is not a database"; an error without a
        # statement came while connecting, e.g. psycopg's "invalid connection option")
        if (
            isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError)
            or type(exc) is sa.exc.DatabaseError
            or (isinstance(exc, sa.exc.DBAPIError) and exc.statement is None)
        ):
            orig = getattr(exc, "orig", None) or exc
            return f"the database cannot be used: {str(orig).strip().splitlines()[0]}"
        if isinstance(exc, sa.exc.IntegrityError):
            return f"the change conflicts with what is stored: {str(exc.orig).splitlines()[0]}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
    if isinstance(exc, UnicodeEncodeError):  # an argument or RSP_USER that is not UTF-8
        import re

        text, word = exc.object, r'[^\s"{}\[\],]{0,30}'
        left = re.search(word + "$", text[: exc.start])
        right = re.match(word, text[exc.end :])
        bad = (
            (left.group() if left else "")
            + text[exc.start : exc.end]
            + (right.group() if right else "")
        )
        return f"{bad!r} is not valid UTF-8 text: check the terminal's encoding"
    return None


@click.group(cls=RspGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_file",
    metavar="FILE",
    help="The settings file (TOML; default /etc/rsp/rsp.toml when it exists): "
    "environment variables override it; see 'rsp config check'. "
    "Env: RSP_CONFIG.",
)
@click.option(
    "--db",
    "db_value",
    envvar="RSP_DATABASE_URL",
    metavar="URL|FILE",
    help="Database: a SQLite file (default ./rsp.db) or a SQLAlchemy URL, "
    "e.g. postgresql+psycopg://user@host/db. Env: RSP_DATABASE_URL.",
)
@click.option(
    "--now",
    "now_value",
    envvar="RSP_NOW",
    metavar="WHEN",
    help="Replay or look ahead: act as if it were this date (09:00 Stockholm) or "
    "date-time, e.g. 2022-02-22 or 2022-02-22T14:30. Reading commands may look "
    "at any date; writes only on a replay database (rsp init --replay). "
    "Env: RSP_NOW.",
)
@click.option(
    "--effective",
    "effective_value",
    metavar="WHEN",
    help="Record something that happened earlier: its effective date (or "
    "date-time), never in the future; the row also keeps the real time it "
    "was recorded.",
)
@click.option(
    "--programme",
    "-p",
    envvar="RSP_PROGRAMME",
    metavar="KEY",
    help="Which programme, when the database holds several. Env: RSP_PROGRAMME.",
)
@click.option(
    "--lang",
    type=LANGS,
    default="sv",
    envvar="RSP_LANG",
    show_default=True,
    help="Language of reports and labels.",
)
@click.option(
    "--template-dir",
    envvar="RSP_TEMPLATE_DIR",
    metavar="DIR",
    help="Your own templates of mails and reports: a file here replaces the "
    "bundled one of the same name (see 'rsp templates'). Env: RSP_TEMPLATE_DIR.",
)
@click.version_option(package_name="rsp")
@click.pass_context
def main(
    ctx: click.Context,
    config_file: str | None,
    db_value: str | None,
    now_value: str | None,
    effective_value: str | None,
    programme: str | None,
    lang: str,
    template_dir: str | None,
) -> None:
    """rsp — track a regional service programme (regionalt serviceprogram).

    The acting person is RSP_USER, or your login name.

    \b
    Start here:
      rsp init --example jamtland-harjedalen
      rsp status
      RSP_USER=sekreterare rsp advance decide_start --decision '2022-02-22 § 12 RUN/536/2021'
    """
    if CONFIG_MODULE in sys.modules:  # else no settings file was read (see make_context)
        from process.core import config

        applied = config.last_applied()
        if applied is not None and ctx.invoked_subcommand != "config":
            config.refuse_problems(applied.loaded, lang)
    if now_value and effective_value:
        raise click.UsageError("give --now (a replay) or --effective (a past date), not both")
    from process.core import vocab

    vocab.use_language(lang)  # the accepted values of a refused word, in this language
    ctx.obj = Env(db_value, now_value, programme, lang, effective_value)
    if template_dir or "process.reports.templating" in sys.modules:  # else nothing to (re)set
        from process.reports import templating

        templating.configure(template_dir)


# --- set-up -------------------------------------------------------------------------


@main.command()
@click.option("--example", metavar="NAME", help="Create a bundled example programme.")
@click.option(
    "--definition",
    "definition_file",
    type=click.Path(dir_okay=False),
    help="Create a programme from your own workflow definition file.",
)
@click.option("--key", help="Programme key (with --definition), e.g. rsp-2022-2030.")
@click.option("--name", help="Programme name (with --definition).")
@click.option("--region", help="Region (with --definition).")
@click.option(
    "--board",
    default="Regionala utvecklingsnämnden",
    show_default=True,
    help="The deciding board's name.",
)
@click.option("--admin-name", help="Your name, if you are not yet registered.")
@click.option("--admin-email", help="Your e-mail address, if you are not yet registered.")
@click.option(
    "--replay",
    is_flag=True,
    help="Make a database for replay (the demo, tests, simulations): --now may "
    "write on it, and it says so everywhere. Only for a new database.",
)
@pass_env
def init(
    env: Env,
    example: str | None,
    definition_file: str | None,
    key: str | None,
    name: str | None,
    region: str | None,
    board: str,
    admin_name: str | None,
    admin_email: str | None,
    replay: bool,
) -> None:
    """Create the schema (if needed) and a programme; you become its admin.

    \b
    Examples:
      rsp init --example jamtland-harjedalen
      rsp --now 2021-10-15 --db replay.db init --example jamtland-harjedalen --replay
      rsp --db /srv/rsp/rsp.db init --definition my-process.yaml \\
          --key rsp-2022-2030 --name 'Regionalt serviceprogram' --region 'Region X'
    """
    from process.programme import setup

    if bool(example) == bool(definition_file):
        raise click.UsageError("give either --example NAME or --definition FILE")
    if definition_file and not (key and name and region):
        raise click.UsageError("--definition needs --key, --name and --region")
    db = env.database(require_schema=False, create=True)
    db.making_replay = replay
    result = setup.init(
        db,
        env.clock,
        env.actor,
        example=example,
        definition_file=definition_file,
        key=key,
        name=name,
        region=region,
        board=board,
        admin_name=admin_name,
        admin_email=admin_email,
        replay=replay,
    )
    for line in result:
        click.echo(line)
    if example:  # the example's own reminder rules, when it has some
        import workflows
        from notifications.reminders import programme_rules
        from process.programme import programmes

        rules_file = workflows.example_dir(example) / "reminders.yaml"
        if rules_file.is_file():
            spec = programmes.load_example(example)[0]
            used = programme_rules.set_rules(db, env.clock, env.actor, spec.key, str(rules_file))
            click.echo(f"reminder rules: {used.source}")


class DbGroup(click.Group):
    """`rsp db`: upgrade here; backup and restore from process.cli.database, on first need."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        _add_database_commands(self)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _add_database_commands(self)
        return super().list_commands(ctx)


def _add_database_commands(group: click.Group) -> None:
    if "backup" not in group.commands:
        from process.cli import database as database_commands

        for command in database_commands.COMMANDS:  # db backup, db restore
            group.add_command(command)


@main.group(cls=DbGroup)
def db() -> None:
    """Database schema commands."""


@db.command("upgrade")
@pass_env
def db_upgrade(env: Env) -> None:
    """Migrate the database to this rsp's schema (safe to run again).

    \b
    Example:
      rsp --db rsp.db db upgrade
    """
    from process.storage import schema

    database = env.database(require_schema=False)
    before, after = schema.upgrade(database)
    if before == after:
        click.echo(f"{database.display()}: schema already at {after}")
    else:
        click.echo(f"{database.display()}: schema {before or '(none)'} → {after}")


@main.group()
def workflow() -> None:
    """Workflow definitions."""


@workflow.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
def workflow_check(file: str) -> None:
    """Validate a workflow definition file; touches no database.

    \b
    Example:
      rsp workflow check workflows/drafting.yaml
    """
    from process.workflow.definition import load_definition, measure_workflow_of

    d = load_definition(file)
    if d.capabilities:  # a programme's process: its measure workflow must fit it
        measure_workflow_of(d)
    click.echo(
        f"{file}: OK — workflow {d.key!r} v{d.version}, {len(d.states)} states, "
        f"{len(d.triggers)} triggers, roles {', '.join(d.roles)}; "
        f"sha256 {d.content_hash[:16]}…"
    )


# --- people ---------------------------------------------------------------------------


@main.group()
def people() -> None:
    """People and their roles on the programme."""


@people.command("add")
@click.argument("login")
@click.option("--name", required=True, help="Full name.")
@click.option("--email", help="E-mail address (reminders and digests go here).")
@click.option(
    "--role",
    "roles",
    multiple=True,
    metavar="ROLE",
    help="A role on the programme (repeatable), by key or as shown: board, "
    "steering_group, working_group (arbetsgrupp), service_z, admin.",
)
@pass_env
def people_add(env: Env, login: str, name: str, email: str | None, roles: tuple[str]) -> None:
    """Register a person with roles (admins only).

    \b
    Example:
      rsp people add sekreterare --name 'Karin Nämndsekreterare' \\
          --email karin@region.example --role board
    """
    from process.programme import setup

    setup.add_person(
        env.database(), env.clock, env.actor, env.programme, login, name, email, list(roles)
    )
    click.echo(f"added {login.lower()} ({', '.join(roles) or 'no role'})")


@people.command("grant")
@click.argument("login")
@click.argument("role")
@pass_env
def people_grant(env: Env, login: str, role: str) -> None:
    """Give a person a role (admins only): ROLE by key or as shown (styrgrupp).

    \b
    Example:
      rsp people grant ordforande steering_group
    """
    from process.programme import setup

    setup.change_role(env.database(), env.clock, env.actor, env.programme, login, role, True)
    click.echo(f"{login}: role {role} granted")


@people.command("revoke")
@click.argument("login")
@click.argument("role")
@pass_env
def people_revoke(env: Env, login: str, role: str) -> None:
    """Remove a role from a person (admins only).

    \b
    Example:
      rsp people revoke ordforande steering_group
    """
    from process.programme import setup

    setup.change_role(env.database(), env.clock, env.actor, env.programme, login, role, False)
    click.echo(f"{login}: role {role} removed")


@people.command("edit")
@click.argument("login")
@click.option("--name", help="The corrected full name.")
@click.option("--email", help="The corrected e-mail address.")
@click.option("--no-email", "no_email", is_flag=True, help="Remove the e-mail address.")
@pass_env
def people_edit(env: Env, login: str, name: str | None, email: str | None, no_email: bool) -> None:
    """Correct a person's name or e-mail address (admins only; the login stays).

    \b
    Example:
      rsp people edit handlaggare --email eva.handlaggare@lansstyrelsen.example
    """
    from process.core.errors import InvalidInput
    from process.programme import setup

    if no_email and email is not None:
        raise InvalidInput("give --email or --no-email, not both")
    if name is None and email is None and not no_email:
        raise InvalidInput("give what to correct: --name, --email or --no-email")
    setup.edit_person(
        env.database(), env.clock, env.actor, env.programme, login, name, email, no_email
    )
    click.echo(f"{login.lower()}: corrected")


@people.command("deactivate")
@click.argument("login")
@pass_env
def people_deactivate(env: Env, login: str) -> None:
    """Deactivate a person: they can no longer sign in nor act (admins only). Never
    deleted: the audit trail keeps them; 'rsp people activate' undoes it.

    \b
    Example:
      rsp people deactivate handlaggare
    """
    from process.programme import setup

    setup.set_active(env.database(), env.clock, env.actor, env.programme, login, False)
    click.echo(f"{login.lower()}: deactivated")


@people.command("activate")
@click.argument("login")
@pass_env
def people_activate(env: Env, login: str) -> None:
    """Activate a deactivated person again (admins only).

    \b
    Example:
      rsp people activate handlaggare
    """
    from process.programme import setup

    setup.set_active(env.database(), env.clock, env.actor, env.programme, login, True)
    click.echo(f"{login.lower()}: active")


@people.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def people_list(env: Env, as_json: bool) -> None:
    """List registered people and their roles.

    \b
    Example:
      rsp people list --json
    """
    from process.access import people_admin as people_service
    from process.reports.status_text import to_json
    from process.storage import lookup

    with env.database().read() as session:
        prog = lookup.find_programme(session, env.programme)
        rows = people_service.list_people(session, prog.id or 0)
    if as_json:
        click.echo(to_json(rows))
        return
    for r in rows:
        gone = "" if r["active"] else "  (deactivated)"
        click.echo(
            f"{r['login']:<22} {r['name']:<40} {r['email'] or '—':<36} "
            f"{', '.join(r['roles']) or '—'}{gone}"
        )


# --- the process ----------------------------------------------------------------------


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def status(env: Env, as_json: bool) -> None:
    """Where the process stands: stage, milestones planned vs actual, what can happen next.

    \b
    Examples:
      rsp status
      rsp --now 2023-06-01 --lang en status --json
    """
    from process.access import installation
    from process.reports import status as status_service
    from process.reports import status_text as render

    with env.database().read() as session:
        s = status_service.status(session, env.programme, env.clock.now(), env.lang)
        replay = installation.facts(session).replay
    if as_json:
        click.echo(render.to_json({**s.to_dict(), "replay": replay}))
    else:
        text = render.status_text(s, env.lang)
        click.echo(f"{render.t('replay_note', env.lang)}\n{text}" if replay else text)


@main.command()
@click.argument("trigger")
@click.option(
    "--message", "-m", "--comment", "comment", help="What happened (some triggers require it)."
)
@click.option(
    "--decision",
    "decision_ref",
    metavar="REF",
    help="Board decision reference: meeting date, § and diary number, "
    "e.g. '2023-05-23 § 89 RUN/536/2021'.",
)
@click.option("--decision-text", help="The decision's wording (default: the comment).")
@click.option(
    "--as",
    "as_role",
    metavar="ROLE",
    help="Act in this role (by key or as shown), if you hold several.",
)
@click.option(
    "--expect-version",
    type=int,
    metavar="N",
    help="Refuse if the process is no longer at version N (see status --json).",
)
@pass_env
def advance(
    env: Env,
    trigger: str,
    comment: str | None,
    decision_ref: str | None,
    decision_text: str | None,
    as_role: str | None,
    expect_version: int | None,
) -> None:
    """Record that something happened: fire TRIGGER (its name, or its label as 'rsp
    triggers' shows it) on the process.

    \b
    Examples:
      RSP_USER=sekreterare rsp --now 2022-02-22 advance decide_start \\
          --decision '2022-02-22 § 12 RUN/536/2021' -m 'Styrgrupp: RUN:s presidium'
      RSP_USER=processledare rsp advance consult_service_z -m 'Service-Z: nuläge'
    """
    from process.core.decision_refs import TypedRef
    from process.workflow import engine

    # parsed by the service, so that a reference it refuses is audited
    decision = TypedRef(decision_ref, decision_text or "") if decision_ref else None
    result = engine.advance(
        env.database(),
        env.clock,
        env.actor,
        env.programme,
        trigger,
        comment=comment,
        decision=decision,
        as_role=as_role,
        expected_version=expect_version,
    )
    moved = (
        f"{result.from_state} → {result.to_state}"
        if result.from_state != result.to_state
        else f"recorded in {result.to_state}"
    )
    click.echo(
        f"{result.trigger}: {moved} (by {env.actor} as {result.role}; audit #{result.audit_id})"
    )
    if result.decision:
        click.echo(f"decision: {result.decision}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def history(env: Env, as_json: bool) -> None:
    """Everything recorded on the programme, refused attempts included.

    \b
    Example:
      rsp history --json
    """
    from process.access import installation
    from process.reports import status as status_service
    from process.reports import status_text as render

    with env.database().read() as session:
        events = status_service.history(session, env.programme)
        replay = installation.facts(session).replay
    click.echo(render.to_json(events) if as_json else render.history_text(events, env.lang, replay))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def triggers(env: Env, as_json: bool) -> None:
    """Every trigger of the process: from where, to where, who may fire it.

    \b
    Examples:
      rsp triggers
      rsp --lang en triggers --json
    """
    from process.storage import lookup
    from process.workflow import stored
    from process.workflow.definition import label_text

    with env.database().read() as session:
        prog = lookup.find_programme(session, env.programme)
        inst = lookup.instance_of(session, prog)
        d = stored.definition_of(session, inst.definition_id)
    if as_json:
        from process.reports.status_text import to_json

        click.echo(
            to_json(
                [
                    {
                        "name": t.name,
                        "label": label_text(t.label, env.lang),
                        "from": list(t.sources),
                        "to": t.dest,
                        "roles": list(t.roles),
                        "guards": list(t.guards),
                        "decision": t.decision,
                        "possible_now": inst.state in t.sources,
                    }
                    for t in d.triggers
                ]
            )
        )
        return
    for t in d.triggers:
        now = "*" if inst.state in t.sources else " "
        flags = (" [decision]" if t.decision else "") + (
            f" [guards: {', '.join(t.guards)}]" if t.guards else ""
        )
        click.echo(
            f"{now} {t.name:<24} {'|'.join(t.sources)} → {t.dest}  "
            f"({', '.join(t.roles)}){flags}  {label_text(t.label, env.lang)}"
        )
    click.echo("\n* = possible now")


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["mermaid", "svg"]), default="mermaid", show_default=True
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to a file.")
@click.option(
    "--definition",
    "definition_file",
    type=click.Path(dir_okay=False),
    help="Draw a definition file instead of the programme's process.",
)
@pass_env
def graph(env: Env, fmt: str, out: str | None, definition_file: str | None) -> None:
    """Draw the workflow as a Mermaid state diagram (or SVG, with pygraphviz installed).

    \b
    Examples:
      rsp graph --format mermaid
      rsp graph --definition workflows/drafting.yaml --format svg --out drafting.svg
    """
    from process.workflow import graph as graph_service
    from process.workflow.definition import load_definition

    current = None
    if definition_file:
        d = load_definition(definition_file)
    else:
        from process.storage import lookup
        from process.workflow import stored

        with env.database().read() as session:
            prog = lookup.find_programme(session, env.programme)
            inst = lookup.instance_of(session, prog)
            d = stored.definition_of(session, inst.definition_id)
            current = inst.state
    draw = graph_service.mermaid if fmt == "mermaid" else graph_service.svg
    text = draw(d, env.lang, current)
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"wrote {out}")
    else:
        click.echo(text)


# --- the browser interface ------------------------------------------------------------


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (another than this machine's needs RSP_BASE_URL).",
)
@click.option(
    "--port",
    type=Bounded(0, 65535, "0-65535"),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free one, printed at start).",
)
@click.option(
    "--db",
    "serve_db",
    metavar="URL|FILE",
    help="The database (default: rsp's global --db / RSP_DATABASE_URL).",
)
@click.option(
    "--workers",
    type=Bounded(1, 64, "1-64"),
    default=1,
    show_default=True,
    help="Worker processes sharing the database (PostgreSQL for more than one).",
)
@click.option(
    "--forwarded-allow-ips",
    metavar="IPS",
    help="Reverse proxies whose X-Forwarded-For/-Proto to trust "
    "(default 127.0.0.1). Env: FORWARDED_ALLOW_IPS.",
)
@log_options
@pass_env
def serve(
    env: Env,
    host: str,
    port: int,
    serve_db: str | None,
    workers: int,
    forwarded_allow_ips: str | None,
    log_level: str,
    log_format: str,
) -> None:
    """Serve rsp in the browser: people sign in and act as themselves.

    Sign-in by e-mail link (mail through RSP_MAIL_*/RSP_SMTP_*, as reminders) and, when
    RSP_OIDC_ISSUER is set, by the region's OpenID Connect provider. GET /healthz and
    /readyz answer the operator. See the README, "I webbläsaren / In the browser".

    \b
    Examples:
      rsp serve --db rsp.db
      RSP_BASE_URL=https://rsp.region.example rsp serve --host 0.0.0.0 --port 8080
    """
    import logging
    from collections.abc import Callable

    from web import server

    # with JSON logs every line is a JSON object (on stderr), the start-up lines too
    echo: Callable[[str], None] = (
        logging.getLogger("rsp.serve").info if log_format == "json" else click.echo
    )
    server.serve(
        serve_db or env.db_value,
        env.clock,
        host,
        port,
        workers,
        forwarded_allow_ips,
        echo,
        log=(log_level.lower(), log_format),
        lang=env.lang,
    )


# --- demo -----------------------------------------------------------------------------


@main.command()
@click.option(
    "--workspace",
    type=click.Path(file_okay=False),
    help="Folder for the demo database (default: a new temporary folder).",
)
@click.option(
    "--serve",
    "then_serve",
    is_flag=True,
    help="Then serve the demo's database in the browser on this machine, printing "
    "sign-in links for the process lead and the municipal officer.",
)
@click.option(
    "--port",
    type=Bounded(0, 65535, "0-65535"),
    default=8000,
    show_default=True,
    help="The port for --serve (0: any free one).",
)
def demo(workspace: str | None, then_serve: bool, port: int) -> None:
    """Replay Region Jämtland Härjedalen's 2022-2023 timetable in a fresh workspace.

    \b
    Examples:
      rsp demo
      rsp demo --serve          # then open the printed link in a browser
    """
    from process.demo import timetable as demo_service

    def invoke(argv: list[str]) -> int | None:
        return main.main(argv, prog_name="rsp", standalone_mode=False)

    db = demo_service.run(workspace, click.echo, invoke)
    if then_serve:
        import os

        from process.core.clock import ReplayClock, parse_now
        from process.demo.steps import LOOK_AT, OUTBOX
        from web import demo as web_demo
        from web import server

        os.environ.update(RSP_MAIL_TRANSPORT="file", RSP_OUTBOX_DIR=str(db.parent / OUTBOX))
        os.environ.pop("RSP_BASE_URL", None)  # the demo serves this machine only
        click.echo(f"\nServing the demo as of {LOOK_AT} (sign-in mails: {db.parent / OUTBOX})")
        server.serve(
            str(db),
            ReplayClock(parse_now(LOOK_AT)),
            "127.0.0.1",
            port,
            1,
            None,
            click.echo,
            lambda ctx: web_demo.print_links(ctx, click.echo),
        )


_registered: list[bool] = []


def _register_command_groups() -> None:
    """Command groups that live in their own modules (each imports only click up front);
    once per process."""
    if _registered:
        return
    _registered.append(True)
    from process.cli import measures

    for group in measures.COMMANDS:  # bodies, plan, measure, followup
        main.add_command(group)

    from notifications.cli import reminders as notification_commands

    notification_commands.register(main)  # remind, outbox, scheduler, calendar

    from notifications.cli import digest as digest_commands

    main.add_command(digest_commands.digest)  # digest, digest send

    from process.cli import audit, decisions, installation, remiss

    main.add_command(audit.audit)  # audit verify, checkpoint, keygen, seal, export
    main.add_command(installation.installation)  # installation show, cli-writers, admin

    for command in (*remiss.COMMANDS, *decisions.COMMANDS):  # remiss; decision, delegate,
        main.add_command(command)  # delegation, decide

    from notifications.cli import templates

    for command in templates.COMMANDS:  # templates list, export, check
        main.add_command(command)

    from process.cli import config as config_commands

    config_commands.make_check_command(_config_checks)
    main.add_command(config_commands.config_group)  # config check


def _config_checks() -> list[Any]:
    """Each part's check of its settings, for `rsp config check` (each raises on a problem)."""
    from collections.abc import Mapping

    from process.cli.config import Check

    def database(env: Mapping[str, str]) -> None:
        from process.storage.database import open_database, password_by_reference

        password_by_reference(env)
        open_database(None).dispose()

    def lang(env: Mapping[str, str]) -> None:
        if env.get("RSP_LANG", "sv") not in ("sv", "en"):
            raise click.BadParameter(f"RSP_LANG={env['RSP_LANG']!r}: use sv or en")

    def mail(env: Mapping[str, str]) -> None:
        from notifications.mail import settings as mailconfig
        from process.storage.database import database_url

        url = database_url(None)
        settings = mailconfig.settings_from_env(
            env, mailconfig.default_outbox_dir(url), shared_database=not url.startswith("sqlite")
        )
        mailconfig.open_transport(settings, env)  # reads the password reference

    def web(env: Mapping[str, str]) -> None:
        from web.settings import from_env

        from_env(env)

    def audit_key(env: Mapping[str, str]) -> None:
        from process.access import audit_key as keys

        keys.from_environment()

    def schedule(env: Mapping[str, str]) -> None:
        from notifications.digest.cron import cron_trigger

        raw = env.get("RSP_SCHEDULER_INTERVAL")
        try:
            ok = raw is None or float(raw) >= 0.1
        except ValueError:
            ok = False
        if not ok:
            raise click.BadParameter(f"RSP_SCHEDULER_INTERVAL={raw!r}: minutes, at least 0.1")
        cron = env.get("RSP_DIGEST_CRON") or "0 7 * * mon"
        if cron.strip().lower() != "off":
            try:
                cron_trigger(cron)
            except Exception as exc:
                raise click.BadParameter(f"RSP_DIGEST_CRON: {exc}") from None

    def rules(env: Mapping[str, str]) -> None:
        from notifications.reminders.rules import load_rules

        if env.get("RSP_REMINDER_RULES"):
            load_rules(env["RSP_REMINDER_RULES"])

    def templates(env: Mapping[str, str]) -> None:
        from process.reports import templating
        from process.reports.template_limits import Limits

        Limits.from_env(env)
        if env.get("RSP_TEMPLATE_DIR"):
            templating.configure(env["RSP_TEMPLATE_DIR"])
            templating.override_dir()

    def logs(env: Mapping[str, str]) -> None:
        level = (env.get("RSP_LOG_LEVEL") or "info").lower()
        if level not in ("debug", "info", "warning", "error"):
            raise click.BadParameter(f"RSP_LOG_LEVEL={level!r}: debug, info, warning or error")
        fmt = (env.get("RSP_LOG_FORMAT") or "text").lower()
        if fmt not in ("text", "json"):
            raise click.BadParameter(f"RSP_LOG_FORMAT={fmt!r}: text or json")

    def names(section: str) -> tuple[str, ...]:
        from process.core.config import SETTINGS

        return tuple(s.env for s in SETTINGS if s.section == section)

    return [
        Check(names("database"), database),
        Check(("RSP_LANG",), lang),
        Check(names("mail") + names("smtp"), mail),
        Check(names("web") + names("oidc"), web),
        Check(("RSP_AUDIT_KEY_FILE",), audit_key),
        Check(("RSP_SCHEDULER_INTERVAL", "RSP_DIGEST_CRON"), schedule),
        Check(("RSP_REMINDER_RULES",), rules),
        Check(names("templates"), templates),
        Check(names("logging"), logs),
    ]


if __name__ == "__main__":  # pragma: no cover
    main()
