"""Reminder mails: render the text and HTML parts from Jinja2 templates (Swedish by
default, English on request), and the outbox row of each.

Text templates are not autoescaped, HTML templates are; all render sandboxed, and a file
of the same name in RSP_TEMPLATE_DIR replaces a bundled one (`process.templating`). A
name or subject containing a line break (or another control character) is refused: it
could otherwise add a header.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from notifications.mail.envelope import RenderedMail, refuse_line_breaks
from notifications.mail.outbox import make_message_id, pairs_json
from notifications.reminders.due import DueReminder, Recipient
from process.core.catalogue import Lines, section
from process.core.errors import InvalidInput
from process.core.words import phrase
from process.reports import templating
from process.storage.outbox_table import PENDING

TEMPLATES = templating.bundled_folder(Path(__file__).resolve().parent.parent / "templates")
LANGS = ("sv", "en")

_WEEKDAYS = Lines("date.weekday", 7)
_MONTHS = Lines("date.month", 12)
_WORDS = section("reminder_mail")


def greeting(recipient_name: str, organisation: bool, lang: str) -> str:
    """How a mail opens: 'Hej Eva Handläggare!' to a person (a note in brackets after the
    name left out), 'Till Länsstyrelsen Jämtlands län' to an organisation, 'Hej!'."""
    name = recipient_name.strip()
    if not name:
        return _w("hello_nobody", lang)
    if organisation:
        return _w("to_organisation", lang, name=name)
    if name.endswith(")") and " (" in name:
        name = name[: name.rindex(" (")].strip() or name
    return _w("hello", lang, name=name)


def _w(key: str, lang: str, **values: object) -> str:
    return phrase(_WORDS, key, lang, **values)


def long_date(day: dt.date, lang: str) -> str:
    """A date as words, e.g. 'tisdag 27 december 2022' or 'Tuesday 27 December 2022'."""
    lang = lang if lang in LANGS else "sv"
    return f"{_WEEKDAYS[lang][day.weekday()]} {day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def short_date(day: dt.date, lang: str) -> str:
    """A date for a subject line: '30 april 2014' ('30 April 2014')."""
    lang = lang if lang in LANGS else "sv"
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def when_text(days_left: int, lang: str) -> str:
    """'om 7 dagar', 'i morgon', 'i dag', 'i går', 'för 3 dagar sedan' (or English)."""
    if days_left > 1:
        return _w("in_days", lang, n=days_left)
    if days_left == 1:
        return _w("tomorrow", lang)
    if days_left == 0:
        return _w("today", lang)
    if days_left == -1:
        return _w("yesterday", lang)
    return _w("days_ago", lang, n=-days_left)


def _pairs(group: tuple[Recipient, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (
            refuse_line_breaks(r.name, "recipient name"),
            refuse_line_breaks(r.address, "recipient address"),
        )
        for r in group
    )


def _names(pairs: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{n} <{a}>" if n else a for n, a in pairs)


def _moved(reminder: DueReminder, lang: str) -> str | None:
    from process.core.workdays import holiday_name

    orig = reminder.item.due
    if orig == reminder.deadline:
        return None
    why = holiday_name(orig) or _w("weekend", lang)
    return _w(
        "moved", lang, date=long_date(reminder.deadline, lang), orig=long_date(orig, lang), why=why
    )


def _context(
    reminder: DueReminder, lang: str, programme: str, base_url: str | None = None
) -> dict[str, Any]:
    """What every recipient's mail of a reminder shares (InvalidInput on a bad text); with
    `base_url`, the link to the page where the recipient can act."""
    item = reminder.item
    link = f"{base_url}{item.page}" if base_url and item.page else ""
    title = refuse_line_breaks(item.title, "title")
    to, cc = _pairs(item.to), _pairs(item.cc)
    days = reminder.days_left
    date = short_date(reminder.deadline, lang)
    when = when_text(days, lang)
    return {
        "subject": _w(
            "subject_late" if days < 0 else "subject", lang, title=title, date=date, when=when
        ),
        "kind_label": _w(item.kind, lang) if item.kind in _WORDS else item.kind,
        "done_word": _w(f"done.{item.kind}", lang) if f"done.{item.kind}" in _WORDS else "",
        "title": title,
        "deadline_text": long_date(reminder.deadline, lang),
        "when_text": when,
        "overdue": days < 0,
        "moved_text": _moved(reminder, lang),
        "programme": programme,
        "details": list(item.details),
        "to_text": _names(to),
        "cc_text": _names(cc),
        "rule": reminder.rule,
        "to": to,
        "cc": cc,
        "cc_begin": "",
        "cc_end": "",
        "greeting": "",
        "link": link,
        "link_label": _w(f"link.{item.kind}", lang) if f"link.{item.kind}" in _WORDS else "",
        "link_note": _w("link.sign_in", lang),
    }


@lru_cache(maxsize=8)
def _load(lang: str, _override: str | None) -> tuple[templating.Loaded, templating.Loaded]:
    env = templating.environment(TEMPLATES, lstrip=False)
    return (
        templating.load(env, f"reminder.{lang}.txt"),
        templating.load(env, f"reminder.{lang}.html"),
    )


def _templates(lang: str) -> tuple[templating.Loaded, templating.Loaded]:
    """The text and HTML reminder templates of a language (RSP_TEMPLATE_DIR's if there)."""
    return _load(lang, templating.override_key())


def _mail(context: dict[str, Any], lang: str) -> RenderedMail:
    # `shared=True` hands the variables over as they are, without Jinja's globals (the
    # templates use none): half the cost of `render` for these templates.
    text, html = templating.render_many(_templates(lang), context, shared=True)
    return RenderedMail(context["subject"], text, html, context["to"], context["cc"])


def render(
    reminder: DueReminder,
    recipient: Recipient,
    how: str,
    lang: str = "sv",
    programme: str = "",
    base_url: str | None = None,
) -> RenderedMail:
    """Render the reminder mail for one recipient ('to' or 'cc')."""
    lang = lang if lang in LANGS else "sv"
    context = _context(reminder, lang, programme, base_url)
    name = refuse_line_breaks(recipient.name, "recipient name")
    context.update(
        name=name, as_cc=how == "cc", greeting=greeting(name, recipient.organisation, lang)
    )
    return _mail(context, lang)


# What differs between the recipients of one reminder is their name and, for those in
# Cc, the note that they get a copy. `render_each` renders the templates once with marks
# in those places (private-use characters, which no template or data holds) and puts in
# each recipient's name and note; a test checks that this equals `render` exactly.
_NAME_MARK, _CC_BEGIN, _CC_END, _GREET_MARK = "\ue000", "\ue001", "\ue002", "\ue003"
_MARKS = (_NAME_MARK, _CC_BEGIN, _CC_END, _GREET_MARK)


def _cut_copy_note(text: str, keep: bool) -> str:
    if keep:
        return text.replace(_CC_BEGIN, "").replace(_CC_END, "")
    while (start := text.find(_CC_BEGIN)) >= 0:
        end = text.find(_CC_END, start)
        text = text[:start] + (text[end + 1 :] if end >= 0 else text[start + 1 :])
    return text.replace(_CC_END, "")


def render_each(
    reminder: DueReminder,
    recipients: Sequence[tuple[Recipient, str]],
    lang: str = "sv",
    programme: str = "",
    base_url: str | None = None,
) -> list[RenderedMail | InvalidInput]:
    """The mails of one reminder to each (recipient, 'to' or 'cc'), as `render` makes them
    but rendering the templates once; a mail that cannot be made is its InvalidInput."""
    from markupsafe import escape

    lang = lang if lang in LANGS else "sv"
    try:
        context = _context(reminder, lang, programme, base_url)
    except InvalidInput as exc:
        return [exc for _ in recipients]
    shared = "".join(
        (
            context["title"],
            context["programme"],
            context["to_text"],
            context["cc_text"],
            *(a + b for a, b in reminder.item.details),
        )
    )
    if any(m in shared for m in _MARKS):
        marked = None
    else:
        context.update(
            name=_NAME_MARK, as_cc=True, cc_begin=_CC_BEGIN, cc_end=_CC_END, greeting=_GREET_MARK
        )
        marked = _mail(context, lang)
    variants: dict[str, tuple[str, str]] = {}
    out: list[RenderedMail | InvalidInput] = []
    for recipient, how in recipients:
        name = recipient.name
        try:
            if marked is None or not name or any(m in name for m in _MARKS):
                out.append(render(reminder, recipient, how, lang, programme, base_url))
                continue
            refuse_line_breaks(name, "recipient name")
        except InvalidInput as exc:
            out.append(exc)
            continue
        if how not in variants:
            variants[how] = (
                _cut_copy_note(marked.text, how == "cc"),
                _cut_copy_note(marked.html, how == "cc"),
            )
        text, html = variants[how]
        hello = greeting(name, recipient.organisation, lang)
        out.append(
            RenderedMail(
                marked.subject,
                text.replace(_NAME_MARK, name).replace(_GREET_MARK, hello),
                html.replace(_NAME_MARK, str(escape(name))).replace(
                    _GREET_MARK, str(escape(hello))
                ),
                marked.to,
                marked.cc,
            )
        )
    return out


def row_values(
    reminder: DueReminder,
    address: str,
    mail: RenderedMail,
    lang: str,
    now: dt.datetime,
    domain: str,
) -> dict[str, Any]:
    """The column values of the outbox row for one reminder to one address."""
    recipient = address.strip().lower()
    return {
        "recipient": recipient,
        "subject": reminder.item.subject,
        "rule": reminder.rule,
        "due_on": reminder.due_on,
        "deadline": reminder.deadline,
        "kind": reminder.item.kind,
        "programme_id": reminder.item.programme_id,
        "message_id": make_message_id(domain),
        "lang": lang,
        "mail_subject": mail.subject,
        "body_text": mail.text,
        "body_html": mail.html,
        "to_json": pairs_json(mail.to),
        "cc_json": pairs_json(mail.cc),
        "status": PENDING,
        "attempts": 0,
        "next_attempt_at": max(reminder.send_at, now),
        "claim_token": None,
        "claimed_until": None,
        "last_error": None,
        "sent_at": None,
        "created_at": now,
    }
