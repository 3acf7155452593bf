"""The reminder, outbox, scheduler and calendar commands. Only click is imported up
front; each command imports its services, so `rsp --help` stays cheap."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

from process.cli.context import COUNT, ID, Amount, Env, log_options, pass_env
from process.cli.params import DAY
from process.core.catalogue import entry

if TYPE_CHECKING:
    import datetime as dt

    from notifications.mail.settings import MailSettings

RULES_OPTION = click.option(
    "--rules",
    "rules_file",
    envvar="RSP_REMINDER_RULES",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Apply this reminder rules file to every programme (default: each programme's "
    "own rules, see 'rsp remind rules'). Env: RSP_REMINDER_RULES.",
)


def _rules(rules_file: str | None) -> Any:
    """The rules given for every programme, or None: each programme's own."""
    from notifications.reminders.rules import load_rules

    return load_rules(rules_file) if rules_file else None


OUTBOX_DIR_OPTION = click.option(
    "--outbox-dir",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Folder of the file transport (default: 'outbox' beside a SQLite database). "
    "Env: RSP_OUTBOX_DIR.",
)


def _settings(env: Env, outbox_dir: str | None) -> MailSettings:
    from notifications.mail import settings as mailconfig

    db = env.database()
    return mailconfig.settings_from_env(
        os.environ,
        mailconfig.default_outbox_dir(db.url),
        {"RSP_OUTBOX_DIR": outbox_dir},
        shared_database=db.dialect != "sqlite",
    )


def _system_actor(env: Env) -> str:
    """The scheduler acts as a named system actor; the person who starts it (or runs it
    from cron) must administer the installation. Their OS user goes into every row."""
    from process.access import installation
    from process.access.caller import SYSTEM, Caller

    installation.require_admin(env.database(), env.actor, "send mail and run the scheduler")
    return Caller("rsp-scheduler", SYSTEM, getattr(env.actor, "os_user", None))


NOTE = entry("cli.reminders.note")


def _echo_problems(problems: list[str], lang: str = "sv") -> None:
    for p in problems:
        click.echo(f"{NOTE.get(lang, NOTE['sv'])}: {p}", err=True)


# --- remind ---------------------------------------------------------------------------


@click.group()
def remind() -> None:
    """Deadline reminders: compute what is due, preview the coming ones, check rules."""


@remind.command("run-once")
@RULES_OPTION
@OUTBOX_DIR_OPTION
@click.option("--no-send", is_flag=True, help="Only put due reminders into the outbox.")
@click.option("--verbose", "-v", is_flag=True, help="Print the summary even when nothing happened.")
@pass_env
def remind_run_once(
    env: Env, rules_file: str | None, outbox_dir: str | None, no_send: bool, verbose: bool
) -> None:
    """Sweep once (queue every due reminder) and send what the outbox holds; for cron.

    Mail goes through the transport in the environment: SMTP when RSP_SMTP_HOST is set,
    else .eml files into the outbox folder. Running it again queues nothing twice.
    Prints nothing when nothing happened (cron mails only what matters); a condition
    such as a person without an e-mail address is noted once, when it appears.

    \b
    Example:
      */10 * * * *  rsp --db /srv/rsp/rsp.db remind run-once
      rsp --now 2023-04-17 remind run-once --outbox-dir /tmp/mail
    """
    from notifications import daemon

    rules = _rules(rules_file)
    settings = _settings(env, outbox_dir)
    actor = _system_actor(env)
    outcome = daemon.run_once(
        env.database(),
        env.clock,
        rules,
        settings,
        os.environ,
        env.lang,
        send=not no_send,
        actor=actor,
    )
    if verbose or outcome.happened:
        if not no_send:
            click.echo(f"transport: {settings.describe()}")
        for line in outcome.lines():
            click.echo(line)
    _echo_problems(outcome.problems if verbose else outcome.new_problems, env.lang)
    if outcome.sweep_error:
        from process.reports.templating import TemplateProblem

        raise TemplateProblem(outcome.sweep_error)
    if outcome.error:
        from notifications.mail.transports import TransportConfigError

        raise TransportConfigError(f"nothing was sent: {outcome.error}")


@remind.command("preview")
@click.option(
    "--until",
    "until",
    required=True,
    type=DAY,
    help="Last day to simulate, e.g. 2023-06-30 or 30/6 2023.",
)
@RULES_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def remind_preview(env: Env, until: dt.date, rules_file: str | None, as_json: bool) -> None:
    """List every reminder the coming period will produce; sends and writes nothing.

    Assumes nothing changes meanwhile (no milestone reached, no deadline moved).

    \b
    Example:
      rsp --now 2022-11-01 remind preview --until 2023-06-30
    """
    from notifications.reminders import sweep
    from process.reports.status_text import to_json

    planned, problems = sweep.preview(
        env.database(), env.clock, _rules(rules_file), until, env.lang, programme_key=env.programme
    )
    groups: dict[tuple, list[Any]] = {}
    for p in planned:
        r = p.reminder
        groups.setdefault((r.send_at, r.item.subject, r.rule), []).append(p)
    rows = []
    for (send_at, subject, rule), ps in groups.items():
        r = ps[0].reminder
        rows.append(
            {
                "send_at": send_at.isoformat(),
                "rule": rule,
                "subject": subject,
                "title": r.item.title,
                "deadline": r.deadline.isoformat(),
                "to": [p.recipient.address for p in ps if p.how == "to"],
                "cc": [p.recipient.address for p in ps if p.how == "cc"],
                "already_queued": all(p.exists for p in ps),
            }
        )
    if as_json:
        click.echo(to_json(rows))
    else:
        for row in rows:
            mark = "  (already in the outbox)" if row["already_queued"] else ""
            click.echo(
                f"{row['send_at'][:16].replace('T', ' ')}  {row['rule']:<28} "
                f"{row['title']} – {row['deadline']}{mark}"
            )
            click.echo(
                f"      to: {', '.join(row['to'])}"
                + (f"; cc: {', '.join(row['cc'])}" if row["cc"] else "")
            )
        click.echo(f"{len(rows)} reminders ({len(planned)} mails) until {until}")
    _echo_problems(problems, env.lang)


@remind.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
@pass_env
def remind_check(env: Env, file: str) -> None:
    """Validate a reminder rules file; changes nothing. With -p, also against that
    programme's roles, as 'remind rules set' would (reading its database).

    \b
    Examples:
      rsp remind check workflows/examples/jamtland-harjedalen/reminders.yaml
      rsp -p rsp-vasterbotten remind check vasterbotten/reminders.yaml
    """
    from notifications.reminders.rules import load_rules

    rules = load_rules(file)
    against = ""
    if env.programme is not None:
        from notifications.reminders import programme_rules
        from process.core.errors import DefinitionError
        from process.storage import lookup

        with env.database().read() as session:
            prog = lookup.find_programme(session, env.programme)
            try:
                programme_rules.check_for(session, prog.id or 0, rules)
            except DefinitionError as exc:
                raise DefinitionError(
                    [f"{p} — for programme {prog.key}" for p in exc.problems]
                ) from None
        against = f" (and against programme {prog.key}'s roles)"
    parts = [
        f"{k.kind}: {len(k.rules)} rule{'' if len(k.rules) == 1 else 's'} ({k.working_days})"
        for k in rules.kinds.values()
    ]
    days = "day" if rules.catch_up_days == 1 else "days"
    click.echo(
        f"{file}: OK{against} — send at {rules.send_at:%H:%M} on working days, catch up "
        f"{rules.catch_up_days} {days}; " + "; ".join(parts)
    )


@remind.group("rules")
def remind_rules() -> None:
    """A programme's own reminder rules (else the bundled ones)."""


@remind_rules.command("set")
@click.argument("file", type=click.Path(dir_okay=False))
@pass_env
def remind_rules_set(env: Env, file: str) -> None:
    """Give the programme its own reminder rules from FILE (validated whole, and against the
    programme's roles and capabilities); kept with the programme by content hash.

    \b
    Example:
      rsp -p rsp-vasterbotten remind rules set vasterbotten/reminders.yaml
    """
    from notifications.reminders import programme_rules

    used = programme_rules.set_rules(env.database(), env.clock, env.actor, env.programme, file)
    click.echo(f"reminder rules of the programme: {used.source} (sha256 {used.content_hash[:16]}…)")


@remind_rules.command("show")
@pass_env
def remind_rules_show(env: Env) -> None:
    """Print the reminder rules the programme uses, and where they come from.

    \b
    Example:
      rsp -p rsp-2022-2030 remind rules show
    """
    from notifications.reminders import programme_rules
    from process.storage import lookup

    with env.database().read() as session:
        prog = lookup.find_programme(session, env.programme)
        used = programme_rules.in_force(session, prog.id or 0)
    click.echo(
        f"# {'the programme' + chr(39) + 's own' if used.own else 'the bundled'} "
        f"rules: {used.source} (sha256 {used.content_hash[:16]}…)"
    )
    click.echo(used.text, nl=False)


# --- outbox ---------------------------------------------------------------------------


@click.group()
def outbox() -> None:
    """The outbox of reminder mails: list, show, retry failed ones."""


@outbox.command("list")
@click.option("--status", type=click.Choice(["pending", "sending", "sent", "failed"]))
@click.option(
    "--limit",
    type=COUNT,
    default=50,
    show_default=True,
    help="At most this many mails (0 or more).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def outbox_list(env: Env, status: str | None, limit: int, as_json: bool) -> None:
    """List outbox messages, newest first.

    \b
    Example:
      rsp outbox list --status failed
    """
    from notifications.mail import outbox as service
    from process.reports.status_text import to_json

    with env.database().read() as session:
        rows = service.list_rows(session, status, limit)
        counts = service.counts(session)
    if as_json:
        click.echo(to_json(rows))
        return
    for r in rows:
        click.echo(
            f"{r['id']:>6}  {r['status']:<8} {r['due_on']}  {r['rule']:<26} "
            f"{r['recipient']:<36} {r['mail_subject']}"
        )
        if r["last_error"]:
            click.echo(f"        {r['attempts']} attempt(s); last error: {r['last_error']}")
    click.echo(", ".join(f"{n} {s}" for s, n in counts.items()))


@outbox.command("show")
@click.argument("message_id", type=ID, metavar="ID")
@click.option("--html", "show_html", is_flag=True, help="Print the HTML part instead.")
@pass_env
def outbox_show(env: Env, message_id: int, show_html: bool) -> None:
    """Show one message: its state and its text.

    \b
    Example:
      rsp outbox show 12
    """
    import datetime as dt

    from notifications.mail import outbox as service
    from process.core.clock import STOCKHOLM

    with env.database().read() as session:
        r = service.get_row(session, message_id)
    for key in (
        "id",
        "status",
        "attempts",
        "next_attempt_at",
        "claimed_until",
        "sent_at",
        "last_error",
        "recipient",
        "subject",
        "rule",
        "due_on",
        "deadline",
        "message_id",
    ):
        value = r[key]
        if isinstance(value, dt.datetime):
            value = value.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M:%S %Z")
        if value is not None:
            click.echo(f"{key + ':':<17}{value}")
    click.echo(f"{'Subject:':<17}{r['mail_subject']}\n")
    click.echo(r["body_html"] if show_html else r["body_text"])


@outbox.command("retry")
@click.argument("ids", type=ID, nargs=-1, metavar="ID...")
@click.option("--all-failed", is_flag=True, help="Retry every failed message.")
@pass_env
def outbox_retry(env: Env, ids: tuple[int, ...], all_failed: bool) -> None:
    """Put failed messages back in the queue (admins only; audited).

    \b
    Examples:
      rsp outbox retry 12 13
      rsp outbox retry --all-failed
    """
    from notifications.mail import outbox_admin as admin

    if bool(ids) == all_failed:
        raise click.UsageError("give message ids or --all-failed")
    n = admin.retry(env.database(), env.clock, env.actor, list(ids), all_failed)
    click.echo(f"{n} message(s) back in the queue")


# --- scheduler and calendar -----------------------------------------------------------


@click.group()
def scheduler() -> None:
    """The reminder daemon."""


@scheduler.command("run")
@click.option(
    "--interval",
    type=Amount(0.1, None, "minutes"),
    default=5.0,
    show_default=True,
    metavar="MINUTES",
    envvar="RSP_SCHEDULER_INTERVAL",
    help="How often to sweep and send. Env: RSP_SCHEDULER_INTERVAL.",
)
@click.option(
    "--digest-cron",
    envvar="RSP_DIGEST_CRON",
    default="0 7 * * mon",
    show_default=True,
    metavar="CRON",
    help="When the weekly digest goes out: a crontab line in Stockholm time, "
    "weekdays as names; 'off' for none. Env: RSP_DIGEST_CRON.",
)
@click.option(
    "--standby/--no-standby",
    default=True,
    show_default=True,
    help="When another scheduler runs on the database: wait as its standby and "
    "take over when it stops or dies (--no-standby: refuse and exit 1).",
)
@click.option(
    "--takeover-seconds",
    type=Amount(0.1, 3600, "seconds"),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="How often a standby tries the lock: it takes over within this long.",
)
@RULES_OPTION
@OUTBOX_DIR_OPTION
@log_options
@pass_env
def scheduler_run(
    env: Env,
    interval: float,
    digest_cron: str,
    standby: bool,
    takeover_seconds: float,
    rules_file: str | None,
    outbox_dir: str | None,
    log_level: str,
    log_format: str,
) -> None:
    """Sweep and send every few minutes until stopped (SIGTERM); one active per database,
    a second one waits as a standby and takes over when the active one stops or dies.

    Also mails the weekly digest (steering group and process lead copies) on
    --digest-cron, and at start one that was due in the last two days and did not go.

    \b
    Example:
      RSP_SMTP_HOST=smtp.region.example RSP_SMTP_USER=rsp \\
      RSP_SMTP_PASSWORD_ENV=RSP_SMTP_SECRET RSP_MAIL_FROM=rsp@region.example \\
      rsp --db postgresql+psycopg://rsp@db/rsp scheduler run --interval 5
    """
    import logging

    from notifications import daemon
    from notifications.mail import settings as mailconfig
    from process.core import logs

    logs.configure(log_level.lower(), log_format)
    log = logging.getLogger("rsp.scheduler")
    rules = _rules(rules_file)
    settings = _settings(env, outbox_dir)
    actor = _system_actor(env)
    mailconfig.open_transport(settings, os.environ)  # fail now if the settings are wrong
    db, clock, lang = env.database(), env.clock, env.lang
    log.info("%s", daemon.line("transport", lang, how=settings.describe()))
    from notifications.digest import mail as digest_mail

    jobs = []
    if digest_cron.strip().lower() != "off":
        trigger = digest_mail.cron_trigger(digest_cron)
        jobs.append(
            daemon.CronJob(
                digest_mail.JOB_ID,
                trigger,
                lambda stop: digest_mail.run_weekly(
                    db, clock, trigger, settings, os.environ, lang, stop, actor=actor
                ),
            )
        )
        log.info("%s", daemon.line("weekly", lang, cron=digest_cron))
    from notifications.digest import registrar

    daily = digest_mail.cron_trigger("30 6 * * *")
    jobs.append(
        daemon.CronJob(
            "rsp-daily-checkpoint", daily, lambda stop: registrar.make_daily(db, clock, daily)
        )
    )
    log.info("%s", daemon.line("daily", lang))
    from process.core.clock import Clock

    daemon.run_scheduler(
        db,
        Clock(),
        lambda stop: daemon.run_once(
            db, clock, rules, settings, os.environ, lang, stop=stop, actor=actor
        ),
        interval,
        lambda line: log.info("%s", line),
        jobs,
        standby_poll=takeover_seconds if standby else None,
        lang=lang,
    )


@click.group()
def calendar() -> None:
    """Calendar files of milestones and deadlines."""


@calendar.command("export")
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="FILE.ics")
@RULES_OPTION
@pass_env
def calendar_export(env: Env, out: str, rules_file: str | None) -> None:
    """Write the milestones and deadlines as an iCalendar file (Outlook imports it).

    Every milestone of the drafting process, and every dated target of an open measure
    (planned, ongoing or postponed) whatever its date.

    \b
    Example:
      rsp calendar export --out rsp-2022-2030.ics
    """
    from notifications.reminders import calendar as ical
    from notifications.reminders import sweep

    rules = _rules(rules_file)
    now = env.clock.now()
    with env.database().read() as session:
        found = sweep.calendar_items(session, rules, now, env.lang)
        data, n = ical.calendar_bytes(session, env.programme, now, env.lang, found.items)
    with open(out, "wb") as fh:
        fh.write(data)
    click.echo(f"wrote {n} events to {out}")
    _echo_problems(found.problems, env.lang)


def register(main: click.Group) -> None:
    """Add the command groups to the main `rsp` group."""
    from notifications.cli.scheduler_status import scheduler_status

    scheduler.add_command(scheduler_status)
    for group in (remind, outbox, scheduler, calendar):
        main.add_command(group)
