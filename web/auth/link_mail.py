"""The sign-in mail: rendered in the person's language, queued in the outbox with the link
(one transaction), then sent at once through the configured transport. Once sent, or
once the link has expired unsent, its text (which holds the link) is removed from the
outbox, so the database never keeps a usable link in the clear."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session

from notifications.mail import outbox, sender
from notifications.mail import settings as mailconfig
from notifications.mail.envelope import refuse_line_breaks
from notifications.mail.transports import TransportConfigError
from process.access.caller import SYSTEM, Caller
from process.core.clock import STOCKHOLM, Clock
from process.reports import templating
from process.storage.database import Database
from process.storage.outbox_table import FAILED, PENDING, SENT, OutboxMessage
from process.storage.table_of import table_of
from web.auth import links
from web.words import t

if TYPE_CHECKING:
    import jinja2

    from notifications.mail.settings import MailSettings

KIND, RULE = "sign_in", "sign_in.link"
SENDER = Caller("rsp-web", SYSTEM)  # the web server, sending a sign-in mail at once
REMOVED = "(removed: this mail held a sign-in link)"
_O = table_of(OutboxMessage)
log = logging.getLogger("rsp.web")


def render(
    templates: jinja2.Environment, lang: str, name: str, link: str, code: str
) -> tuple[str, str, str]:
    """(subject, text, html) of the sign-in mail."""
    context = {
        "lang": lang,
        "name": name,
        "link": link,
        "code": code,
        "minutes": int(links.LIFETIME.total_seconds() // 60),
        "t": lambda key, **v: t(key, lang, **v),
    }
    text = templating.render(templating.load(templates, "sign_in_mail.txt"), context)
    html = templating.render(templating.load(templates, "sign_in_mail.html"), context)
    return t("mail.subject", lang), text, html


def queue(
    session: Session,
    now: dt.datetime,
    recorded: dt.datetime,
    settings: MailSettings,
    link_id: int,
    name: str,
    address: str,
    lang: str,
    parts: tuple[str, str, str],
) -> int:
    """Put the mail into the outbox (the caller's transaction); its outbox id."""
    subject, text, html = parts
    refuse_line_breaks(name, "name")
    today = now.astimezone(STOCKHOLM).date()
    row: dict[str, Any] = {
        "recipient": address.lower(),
        "subject": f"sign-in:{link_id}",
        "rule": RULE,
        "due_on": today,
        "deadline": today,
        "kind": KIND,
        "programme_id": None,
        "message_id": outbox.make_message_id(settings.domain),
        "lang": lang,
        "mail_subject": subject,
        "body_text": text,
        "body_html": html,
        "to_json": outbox.pairs_json(((name, address),)),
        "cc_json": "[]",
        "status": PENDING,
        "attempts": 0,
        "next_attempt_at": now,
        "claim_token": None,
        "claimed_until": None,
        "last_error": None,
        "sent_at": None,
        "created_at": now,
        "recorded_at": recorded,
    }
    inserted = outbox.insert_rows(session, [row])
    return int(inserted[0]["id"])


def send_now(
    db: Database, clock: Clock, settings: MailSettings, env: Mapping[str, str], outbox_id: int
) -> bool:
    """Send the queued mail through the transport now; True when it went. A failure leaves
    it in the outbox for the scheduler to retry (the link expires meanwhile)."""
    try:
        transport = mailconfig.open_transport(settings, env)
        report = sender.send_pending(
            db,
            clock,
            transport,
            settings.mail_from,
            only=[outbox_id],
            max_batches=1,
            actor=SENDER,
        )
    except TransportConfigError as exc:
        log.error("sign-in mail %s not sent: %s", outbox_id, exc)
        return False
    for problem in report.problems:
        log.warning("sign-in mail %s: %s", outbox_id, problem)
    with db.write() as session:
        session.connection().execute(
            sa.update(_O)
            .where(_O.c.id == outbox_id, _O.c.status == SENT)
            .values(body_text=REMOVED, body_html=REMOVED)
        )
    return report.sent == 1


def expire_unsent(session: Session, now: dt.datetime) -> None:
    """Sign-in mails still unsent when their link has expired: failed, their text removed."""
    session.connection().execute(
        sa.update(_O)
        .where(
            _O.c.kind == KIND,
            _O.c.status.in_((PENDING, FAILED)),
            _O.c.created_at < now - links.LIFETIME,
            _O.c.body_text != REMOVED,
        )
        .values(
            status=FAILED,
            body_text=REMOVED,
            body_html=REMOVED,
            last_error="the sign-in link expired before the mail could be sent",
        )
    )
