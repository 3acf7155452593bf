"""Mailing the digest through the outbox: one mail (text + HTML) per recipient, once per
period. The outbox key is (subject 'digest:<programme>' or 'digest:<programme>:lead',
rule 'weekly', due_on = the period's end date, recipient), so a second run for the same
period, a concurrent one or the daemon's catch-up after a restart queues nothing new.

The steering group's copy goes to everyone holding a role with the capability
`receive_digest`; the process lead's copy (refused attempts and failed mails included) to
everyone with `receive_lead_digest` (the programme's definition says which roles). The
weekly job first makes a checkpoint of the audit trail, so every digest carries a fresh
one, and mails it to the registrar (RSP_REGISTRAR_ADDRESS) if one is configured.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

import sqlalchemy as sa
from sqlmodel import Session

from notifications.digest import data as digest
from notifications.digest import registrar
from notifications.digest.cron import CATCH_UP, DEFAULT_CRON, cron_trigger, last_fire
from notifications.digest.render import render
from notifications.digest.words import w
from notifications.mail import outbox
from notifications.mail.envelope import refuse_line_breaks
from process.access import audit, capabilities
from process.access.capabilities import RECEIVE_DIGEST, RECEIVE_LEAD_DIGEST
from process.core.clock import STOCKHOLM, Clock
from process.core.errors import InvalidInput, RspError
from process.storage import lookup
from process.storage.database import Database
from process.storage.lookup import id_of
from process.storage.outbox_table import PENDING
from process.storage.table_of import table_of
from process.storage.tables import Person, Programme, RoleGrant

RULE = "weekly"
KIND = "digest"
SYSTEM_ACTOR = "rsp-digest"
JOB_ID = "rsp-weekly-digest"


@dataclass
class QueueReport:
    """What queueing one copy of one programme's digest did."""

    programme: str
    copy: str  # steering_group | lead
    due_on: dt.date
    recipients: int = 0
    inserted: int = 0
    existing: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self, lang: str = "sv") -> str:
        """One line for people."""
        return w(
            "queued_line",
            lang,
            programme=self.programme,
            copy=self.copy,
            day=self.due_on,
            recipients=self.recipients,
            inserted=self.inserted,
            existing=self.existing,
        )


def send_line(sent: Any, lang: str = "sv") -> str:
    """'utskick: 2 skickade, 0 att försöka igen, 0 misslyckade' (a sender.SendReport)."""
    return w("send_line", lang, sent=sent.sent, retry=sent.retry, failed=sent.failed)


def outbox_subject(programme_key: str, lead: bool) -> str:
    """The outbox subject of a programme's digest (the lead's copy has its own)."""
    return f"digest:{programme_key}" + (":lead" if lead else "")


def recipients(
    session: Session, programme_id: int, capability: str
) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, address) of everyone holding a role with `capability`, and a note for each
    one without an address or with an unusable one."""
    p, g = table_of(Person), table_of(RoleGrant)
    roles = capabilities.roles_for(session, programme_id, capability)
    rows = session.connection().execute(
        sa.select(p.c.login, p.c.name, p.c.email, g.c.role)
        .join(g, g.c.person_id == p.c.id)
        .where(g.c.programme_id == programme_id, g.c.role.in_(roles))
        .order_by(p.c.login)
    )
    found: dict[str, tuple[str, str]] = {}
    problems = []
    for login, name, email, role in rows:
        if not email:
            problems.append(f"{login} ({role}) has no e-mail address; no digest for them")
            continue
        try:
            refuse_line_breaks(name, "name")
            refuse_line_breaks(email, "address")
        except InvalidInput as exc:
            problems.append(f"{login}: {exc}")
            continue
        found.setdefault(email.strip().lower(), (name, email.strip()))
    return list(found.values()), problems


def _row(
    prog: Programme,
    subject: str,
    due_on: dt.date,
    name: str,
    address: str,
    mail: tuple[str, str, str],
    lang: str,
    now: dt.datetime,
    domain: str,
) -> dict[str, Any]:
    mail_subject, text, html = mail
    return {
        "recipient": address.lower(),
        "subject": subject,
        "rule": RULE,
        "due_on": due_on,
        "deadline": due_on,
        "kind": KIND,
        "programme_id": prog.id,
        "message_id": outbox.make_message_id(domain),
        "lang": lang,
        "mail_subject": mail_subject,
        "body_text": text,
        "body_html": html,
        "to_json": json.dumps([[name, address]], ensure_ascii=False),
        "cc_json": "[]",
        "status": PENDING,
        "attempts": 0,
        "next_attempt_at": now,
        "claim_token": None,
        "claimed_until": None,
        "last_error": None,
        "sent_at": None,
        "created_at": now,
    }


def queue(
    db: Database,
    clock: Clock,
    programme_key: str | None,
    *,
    lang: str = "sv",
    lead: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    domain: str = "localhost",
    actor: str = SYSTEM_ACTOR,
    base_url: str | None = None,
) -> QueueReport:
    """Put the digest for the period ending `until` (default today) into the outbox, once
    per recipient; renders nothing when every recipient has it already."""
    now = clock.now()
    end = until or now.astimezone(STOCKHOLM).date()
    capability = RECEIVE_LEAD_DIGEST if lead else RECEIVE_DIGEST
    with db.read() as session:
        prog = lookup.find_programme(session, programme_key)
        subject = outbox_subject(prog.key, lead)
        people, problems = recipients(session, id_of(prog), capability)
        have = {
            k[3]
            for k in outbox.existing_keys(session, [subject], end)
            if k[1] == RULE and k[2] == end
        }
        todo = [(n, a) for n, a in people if a.lower() not in have]
        report = QueueReport(
            prog.key,
            "lead" if lead else "steering_group",
            end,
            len(people),
            0,
            len(people) - len(todo),
            problems,
        )
        if not people:
            roles = ", ".join(capabilities.roles_for(session, id_of(prog), capability))
            report.problems.append(
                f"{prog.key}: no one with {capability} (roles {roles}) has an e-mail address"
            )
        if not todo:
            return report
        data = digest.build(session, prog.key, now, lang, lead, since, until=end)
    if base_url:
        period = data["period"]
        data["page"] = f"{base_url}/p/{quote(prog.key)}/digest?" + urlencode(
            {"since": period["start"], "until": period["end"], **({"lead": "1"} if lead else {})}
        )
    mail = (digest.subject_line(data), render(data, "text"), render(data, "html"))
    rows = [
        _row(prog, subject, end, n, a, mail, lang, now, domain) | {"recorded_at": clock.recorded()}
        for n, a in todo
    ]
    with db.write() as session:
        inserted = outbox.insert_rows(session, rows)
        report.inserted = len(inserted)
        report.existing += len(rows) - len(inserted)
        if inserted:
            audit.append(
                session,
                at=now,
                recorded_at=clock.recorded(),
                actor=actor,
                action="digest.queued",
                programme_id=prog.id,
                subject="outbox",
                detail={
                    "copy": report.copy,
                    "period_end": end.isoformat(),
                    "count": len(inserted),
                    "outbox_ids": sorted(r["id"] for r in inserted),
                },
            )
    return report


def queue_all(
    db: Database,
    clock: Clock,
    *,
    lang: str = "sv",
    domain: str = "localhost",
    until: dt.date | None = None,
    actor: str = SYSTEM_ACTOR,
    base_url: str | None = None,
) -> list[QueueReport]:
    """Both copies of every programme's digest (what the weekly job does); one
    programme's failure is reported in its report and never stops another's."""
    with db.read() as session:
        keys = list(
            session.connection()
            .execute(sa.select(table_of(Programme).c.key).order_by(table_of(Programme).c.id))
            .scalars()
        )  # type: ignore[attr-defined]
    out = []
    for key in keys:
        for lead in (False, True):
            try:
                out.append(
                    queue(
                        db,
                        clock,
                        key,
                        lang=lang,
                        lead=lead,
                        domain=domain,
                        until=until,
                        actor=actor,
                        base_url=base_url,
                    )
                )
            except RspError as exc:
                failed = QueueReport(
                    key,
                    "lead" if lead else "steering_group",
                    until or clock.now().astimezone(STOCKHOLM).date(),
                )
                failed.problems.append(f"{key}: the digest could not be made: {exc}")
                out.append(failed)
    return out


@dataclass
class WeeklyOutcome:
    """What one run of the weekly digest job did (a daemon.Report)."""

    queued: list[QueueReport]
    sent: Any = None  # sender.SendReport, when sending was tried
    error: str | None = None
    lang: str = "sv"  # of the lines

    def lines(self) -> list[str]:
        """A line per programme and copy, and one for sending; none if nothing was due."""
        out = [r.line(self.lang) for r in self.queued]
        if self.sent is not None:
            out.append(send_line(self.sent, self.lang))
        return out

    @property
    def problems(self) -> list[str]:
        """Recipients without an address, mails that failed."""
        return [p for r in self.queued for p in r.problems] + (
            self.sent.problems if self.sent is not None else []
        )


def run_weekly(
    db: Database,
    clock: Clock,
    trigger: Any,
    settings: Any,
    env: Mapping[str, str],
    lang: str = "sv",
    stop: threading.Event | None = None,
    actor: str = SYSTEM_ACTOR,
) -> WeeklyOutcome:
    """The daemon's job: if the trigger fired within CATCH_UP, queue both copies of every
    programme's digest for that day (once), then send what the outbox holds."""
    from notifications.mail import sender
    from notifications.mail import settings as mailconfig
    from notifications.mail.transports import TransportConfigError

    fired = last_fire(trigger, clock.now())
    if fired is None:
        return WeeklyOutcome([])
    day = fired.astimezone(STOCKHOLM).date()
    registrar.make_weekly(db, clock, day, env.get(registrar.ENV_VAR), settings.domain, actor)
    queued = queue_all(
        db,
        clock,
        lang=lang,
        domain=settings.domain,
        until=day,
        actor=actor,
        base_url=settings.base_url,
    )
    try:
        transport = mailconfig.open_transport(settings, env)
        sent = sender.send_pending(db, clock, transport, settings.mail_from, stop=stop, actor=actor)
    except TransportConfigError as exc:
        return WeeklyOutcome(queued, None, str(exc), lang)
    return WeeklyOutcome(queued, sent, lang=lang)


__all__ = [
    "CATCH_UP",
    "DEFAULT_CRON",
    "cron_trigger",
    "last_fire",
    "queue",
    "queue_all",
    "run_weekly",
]
