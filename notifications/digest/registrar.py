"""The weekly checkpoint of the audit trail, made before the weekly digests (so each
carries a fresh one) and, when RSP_REGISTRAR_ADDRESS is set, mailed to the registrar
(the diarium) to be filed: a public record outside rsp's database that the trail can
later be checked against (`rsp audit verify --checkpoint <saved mail>`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from html import escape
from typing import Any

from notifications.digest.cron import last_fire
from notifications.mail import outbox
from process.access import audit, checkpoints
from process.core.clock import Clock
from process.storage.database import Database
from process.storage.outbox_table import PENDING

ENV_VAR = "RSP_REGISTRAR_ADDRESS"
SUBJECT, RULE, KIND = "audit:checkpoint", "weekly", "checkpoint"


def _mail(cp: checkpoints.Checkpoint, day: dt.date) -> tuple[str, str, str]:
    subject = f"Kontrollpunkt för granskningsloggen {day.isoformat()} (rsp)"
    text = (
        f"Till registratorn\n\nBifogat nedan är veckans kontrollpunkt för rsp:s "
        f"granskningslogg, gjord {cp.made_at[:16].replace('T', ' ')} UTC. Den visar hur "
        f"många händelser loggen då hade ({cp.rows}) och vad den sista var, signerad "
        "med installationens nyckel. Diarieför mejlet: med det kan vem som helst senare "
        "visa att loggen inte har ändrats i efterhand (rsp audit verify --checkpoint "
        f"<sparat mejl>).\n\n{cp.published()}\n-- \nrsp, regionalt serviceprogram\n"
    )
    html = (
        '<!DOCTYPE html><html lang="sv"><body><p>Till registratorn</p><p>Nedan är '
        "veckans kontrollpunkt för rsp:s granskningslogg, signerad med installationens "
        "nyckel. Diarieför mejlet: med det kan vem som helst senare visa att loggen inte "
        f"har ändrats i efterhand.</p><pre>{escape(cp.published())}</pre></body></html>"
    )
    return subject, text, html


def make_weekly(
    db: Database, clock: Clock, day: dt.date, address: str | None, domain: str, actor: str
) -> checkpoints.Checkpoint:
    """A checkpoint of the trail now; queued to the registrar once for `day` if an
    address is given."""
    with db.write() as session:
        cp = checkpoints.make(session, clock.recorded(), "weekly", audit.sealing_key(session))
        if not address:
            return cp
        mail_subject, text, html = _mail(cp, day)
        now = clock.now()
        row = {
            "recipient": address.strip().lower(),
            "subject": SUBJECT,
            "rule": RULE,
            "due_on": day,
            "deadline": day,
            "kind": KIND,
            "programme_id": None,
            "message_id": outbox.make_message_id(domain),
            "lang": "sv",
            "mail_subject": mail_subject,
            "body_text": text,
            "body_html": html,
            "to_json": json.dumps([["Registrator", address.strip()]]),
            "cc_json": "[]",
            "status": PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "claim_token": None,
            "claimed_until": None,
            "last_error": None,
            "sent_at": None,
            "created_at": now,
            "recorded_at": clock.recorded(),
        }
        if outbox.insert_rows(session, [row]):
            audit.append(
                session,
                at=now,
                recorded_at=clock.recorded(),
                actor=actor,
                action="checkpoint.mailed",
                subject=SUBJECT,
                detail={"to": address.strip(), "rows": cp.rows, "made_at": cp.made_at},
            )
    return cp


@dataclass
class DailyOutcome:
    """What the daily checkpoint job did (a daemon.Report)."""

    made: checkpoints.Checkpoint | None = None
    error: str | None = None

    def lines(self) -> list[str]:
        """One line for the log, when a checkpoint was made."""
        return [f"audit checkpoint: {self.made.rows} rows"] if self.made else []

    @property
    def problems(self) -> list[str]:
        return []


def make_daily(db: Database, clock: Clock, trigger: Any) -> DailyOutcome:
    """The scheduler's daily job: a checkpoint when the trigger fired within a day and
    none has been made since (a restart catches up once, never twice)."""
    fired = last_fire(trigger, clock.recorded(), dt.timedelta(days=1))
    if fired is None:
        return DailyOutcome()
    with db.write() as session:
        newest = checkpoints.latest(session)
        if newest is not None and newest.made_at >= fired.astimezone(dt.UTC).isoformat():
            return DailyOutcome()
        return DailyOutcome(
            checkpoints.make(session, clock.recorded(), "daily", audit.sealing_key(session))
        )
