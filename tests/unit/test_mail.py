"""Mails: rendering (Swedish and English), building the message, refusing header
injection, and reading the transport settings without ever showing the password."""

from __future__ import annotations

import datetime as dt
import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from notifications.mail import settings as mailconfig
from notifications.mail.envelope import RenderedMail, build_email, parse_mail_from
from notifications.mail.transports import (
    FileTransport,
    PermanentFailure,
    Scrubber,
    TemporaryFailure,
    TransportConfigError,
    failure_for,
)
from notifications.reminders.due import DeadlineItem, DueReminder, Recipient
from notifications.reminders.reminder_mail import (
    long_date,
    render,
    render_each,
    row_values,
    when_text,
)
from process.core.clock import STOCKHOLM
from process.core.errors import InvalidInput

D = dt.date.fromisoformat
NOW = dt.datetime(2022, 12, 27, 8, tzinfo=STOCKHOLM)
LEAD = Recipient("landsbygd@krokom.kommun.example", "Krokoms kommun")
CC = Recipient("rsp@lansstyrelsen.example", "Länsstyrelsen Jämtlands län")


def reminder(
    title: str = "Servicepunkter <& butiker>",
    due: str = "2022-12-24",
    deadline: str = "2022-12-27",
    to: tuple = (LEAD,),
    cc: tuple = (CC,),
    send_at: dt.datetime = NOW,
) -> DueReminder:
    it = DeadlineItem("measure", "measure:7", title, D(due), to, cc, details=(("Insats", "1.1 A"),))
    return DueReminder(it, "measure.on_day", D(deadline), D(deadline), send_at)


def test_swedish_mail_with_a_moved_deadline():
    mail = render(reminder(), LEAD, "to", "sv", "Regionalt serviceprogram 2022-2030")
    assert mail.subject == (
        "Påminnelse: Servicepunkter <& butiker> – senast 27 december 2022 (i dag)"
    )
    assert (
        'Insatsen "Servicepunkter <& butiker>" ska vara klar tisdag 27 december 2022' in mail.text
    )
    assert "flyttad från lördag 24 december 2022, Julafton, enligt lag (1930:173)" in mail.text
    assert "Insats: 1.1 A" in mail.text
    # the Cc list is in the header, not in the body
    assert "Kopia:" not in mail.text and "Länsstyrelsen" not in mail.text
    assert mail.cc == (("Länsstyrelsen Jämtlands län", "rsp@lansstyrelsen.example"),)
    assert "&lt;&amp; butiker&gt;" in mail.html and "<& butiker>" not in mail.html
    assert mail.to == (("Krokoms kommun", "landsbygd@krokom.kommun.example"),)


def test_english_mail_overdue_for_a_cc_recipient():
    r = reminder(
        due="2023-05-15",
        deadline="2023-05-15",
        send_at=dt.datetime(2023, 5, 22, 8, tzinfo=STOCKHOLM),
    )
    mail = render(r, CC, "cc", "en")
    assert mail.subject.startswith("Overdue: Servicepunkter <& butiker> – was due 15 May 2023")
    assert "(7 days ago)" in mail.subject
    assert "was due Monday 15 May 2023 – 7 days ago" in mail.text
    assert "You receive a copy" in mail.text
    assert 'lang="en"' in mail.html


@pytest.mark.parametrize(
    "days,sv,en",
    [
        (14, "om 14 dagar", "in 14 days"),
        (1, "i morgon", "tomorrow"),
        (0, "i dag", "today"),
        (-1, "i går", "yesterday"),
        (-8, "för 8 dagar sedan", "8 days ago"),
    ],
)
def test_when_text(days, sv, en):
    assert (when_text(days, "sv"), when_text(days, "en")) == (sv, en)


def test_long_date():
    assert long_date(D("2023-06-23"), "sv") == "fredag 23 juni 2023"
    assert long_date(D("2023-06-23"), "en") == "Friday 23 June 2023"


def test_a_mail_greets_a_person_by_name_and_an_organisation_properly():
    person = Recipient("eva@lst.example", "Eva Handläggare (Länsstyrelsen)")
    body = Recipient("rsp@lst.example", "Länsstyrelsen Jämtlands län", organisation=True)
    r = reminder(to=(body,), cc=(person,))
    to_body, to_person = render(r, body, "to"), render(r, person, "cc")
    assert to_body.text.startswith("Till Länsstyrelsen Jämtlands län\n")
    assert to_person.text.startswith("Hej Eva Handläggare!\n")
    assert render(r, body, "to", "en").text.startswith("To Länsstyrelsen Jämtlands län\n")
    assert render(r, Recipient("x@y.example"), "to").text.startswith("Hej!\n")
    # rendered once for all recipients, each still greeted as themselves
    each = render_each(r, [(body, "to"), (person, "cc")])
    assert [m.text if isinstance(m, RenderedMail) else m for m in each] == [
        to_body.text,
        to_person.text,
    ]


@pytest.mark.parametrize(
    "field,value",
    [
        ("name", "Krokom\r\nBcc: victim@example.com"),
        ("name", "Krokom\nBcc: victim@example.com"),
        ("name", "Krokom\u2028Bcc: victim@example.com"),
        ("title", "Butiker\r\nBcc: victim@example.com"),
        ("address", "a@b.example\nBcc: victim@example.com"),
    ],
)
def test_a_line_break_cannot_add_a_header(field, value):
    if field == "title":
        r = reminder(title=value)
        rcpt = LEAD
    else:
        rcpt = Recipient(value, "X") if field == "address" else Recipient(LEAD.address, value)
        r = reminder(to=(rcpt,))
    with pytest.raises(InvalidInput, match="line break or control character; refused"):
        render(r, rcpt, "to")


def _row(to=None, subject="Påminnelse") -> dict:
    mail = render(reminder(), LEAD, "to", "sv")
    row = row_values(reminder(), LEAD.address, mail, "sv", NOW, "region.example")
    if to is not None:
        row["to_json"] = json.dumps(to)
    row["mail_subject"] = subject
    return row


def test_build_email_is_multipart_with_fixed_message_id():
    row = _row()
    assert row["message_id"].endswith("@region.example>")
    msg = build_email(row, parse_mail_from("Regionalt serviceprogram <rsp@region.example>"), NOW)
    parsed = message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert parsed["Message-ID"].strip() == row["message_id"]
    assert parsed.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]
    assert str(parsed["To"]) == "Krokoms kommun <landsbygd@krokom.kommun.example>"
    assert "Länsstyrelsen" in str(parsed["Cc"])
    assert parsed["Auto-Submitted"] == "auto-generated"
    assert parsed["Date"] == "Tue, 27 Dec 2022 08:00:00 +0100"


def test_the_date_header_is_in_swedish_time_whatever_the_clock_gives():
    """The system clock gives UTC; the Date header says Swedish time (winter and summer)."""
    sender_address = parse_mail_from("rsp@region.example")
    winter = build_email(_row(), sender_address, NOW.astimezone(dt.UTC))
    summer = build_email(_row(), sender_address, dt.datetime(2023, 6, 1, 5, tzinfo=dt.UTC))
    assert winter["Date"] == "Tue, 27 Dec 2022 08:00:00 +0100"
    assert summer["Date"] == "Thu, 01 Jun 2023 07:00:00 +0200"


@pytest.mark.parametrize(
    "to,subject",
    [
        ([["Evil\r\nBcc: victim@example.com", "a@b.example"]], "ok"),
        ([["Name", "a@b.example"]], "Hej\nBcc: victim@example.com"),
    ],
)
def test_build_email_refuses_stored_header_injection(to, subject):
    with pytest.raises(InvalidInput, match="refused"):
        build_email(_row(to, subject), parse_mail_from("rsp@region.example"), NOW)


def test_mail_from_must_be_an_address():
    with pytest.raises(InvalidInput, match="not an e-mail address"):
        parse_mail_from("nobody")


def test_file_transport_writes_one_file_per_message_id(tmp_path: Path):
    transport = FileTransport(tmp_path / "out")
    msg = build_email(_row(), parse_mail_from("rsp@region.example"), NOW)
    transport.send(msg, "rsp@region.example", LEAD.address)
    transport.send(msg, "rsp@region.example", LEAD.address)  # a resend replaces the file
    files = list((tmp_path / "out").glob("*.eml"))
    assert len(files) == 1 and files[0] == transport.path_for(msg)
    assert message_from_bytes(files[0].read_bytes())["Message-ID"].strip() == msg["Message-ID"]


def test_file_transport_follows_and_overwrites_nothing_planted(tmp_path: Path):
    """Someone who can write to the outbox folder plants a symlink at `<msgid>.tmp` (the
    old temporary name) and at `<msgid>.eml`, pointing at a file of the victim's: the
    message still arrives as a file of its own, and the victim's file is untouched."""
    out = tmp_path / "out"
    out.mkdir()
    transport = FileTransport(out)
    msg = build_email(_row(), parse_mail_from("rsp@region.example"), NOW)
    target = transport.path_for(msg)
    victim = tmp_path / "victim.txt"
    victim.write_text("the victim's own file\n", encoding="utf-8")
    target.with_suffix(".tmp").symlink_to(victim)
    planted_file = out / f".{target.stem}.planted.tmp"
    planted_file.write_text("planted", encoding="utf-8")
    target.symlink_to(victim)
    transport.send(msg, "rsp@region.example", LEAD.address)
    assert victim.read_text(encoding="utf-8") == "the victim's own file\n"
    assert target.is_file() and not target.is_symlink()
    assert message_from_bytes(target.read_bytes())["Message-ID"].strip() == msg["Message-ID"]
    assert target.with_suffix(".tmp").is_symlink()  # left alone, never written through
    assert planted_file.read_text(encoding="utf-8") == "planted"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [target.name, target.with_suffix(".tmp").name, planted_file.name]
    )  # no leftovers


def test_failure_classes_and_scrubbing():
    assert isinstance(failure_for(451, b"4.3.0 try later"), TemporaryFailure)
    perm = failure_for(550, b"5.1.1 no such\r\n user")
    assert isinstance(perm, PermanentFailure) and str(perm) == "550 5.1.1 no such user"
    scrub = Scrubber.for_login("rsp", "hemligt-Lösen")
    import base64

    encoded = base64.b64encode("\0rsp\0hemligt-Lösen".encode()).decode()
    assert scrub(f"x hemligt-Lösen y {encoded}") == "x *** y ***"
    assert "hemligt" not in repr(scrub)


SMTP_ENV = {
    "RSP_SMTP_HOST": "smtp.region.example",
    "RSP_SMTP_USER": "rsp",
    "RSP_SMTP_PASSWORD_ENV": "RSP_SECRET",
    "RSP_MAIL_FROM": "rsp@region.example",
    "RSP_SECRET": "hemligt-Lösen",
}


def test_settings_from_the_environment(tmp_path: Path):
    file = mailconfig.settings_from_env({}, tmp_path)
    assert (file.transport, file.outbox_dir, file.domain) == ("file", tmp_path, "localhost")
    smtp = mailconfig.settings_from_env(SMTP_ENV, tmp_path)
    assert smtp.smtp is not None
    assert (smtp.smtp.port, smtp.smtp.tls, smtp.domain) == (587, "starttls", "region.example")
    ssl = mailconfig.settings_from_env({**SMTP_ENV, "RSP_SMTP_PORT": "465"}, tmp_path)
    assert ssl.smtp is not None and ssl.smtp.tls == "ssl"
    described = smtp.describe() + repr(smtp) + repr(mailconfig.open_transport(smtp, SMTP_ENV))
    assert "hemligt" not in described and "$RSP_SECRET" in smtp.describe()
    over = mailconfig.settings_from_env(
        SMTP_ENV, tmp_path, {"RSP_MAIL_TRANSPORT": "file", "RSP_OUTBOX_DIR": "/tmp/x"}
    )
    assert (over.transport, str(over.outbox_dir)) == ("file", "/tmp/x")


@pytest.mark.parametrize(
    "change,words",
    [
        ({"RSP_SMTP_PASSWORD_ENV": ""}, "set RSP_SMTP_PASSWORD_ENV to the NAME"),
        ({"RSP_SMTP_TLS": "none"}, "rsp does not send unencrypted"),
        ({"RSP_MAIL_FROM": ""}, "needs RSP_MAIL_FROM"),
        ({"RSP_SMTP_PORT": "many"}, "RSP_SMTP_PORT='many' is not a number"),
        ({"RSP_SMTP_CAFILE": "/nonexistent/ca.pem"}, "RSP_SMTP_CAFILE: /nonexistent/ca.pem"),
        ({"RSP_MAIL_TRANSPORT": "pigeon"}, "use file or smtp"),
    ],
)
def test_bad_settings_are_refused_clearly(tmp_path: Path, change, words):
    with pytest.raises(TransportConfigError, match=words.replace("(", r"\(")):
        mailconfig.settings_from_env({**SMTP_ENV, **change}, tmp_path)


def test_a_missing_password_variable_is_named_not_guessed(tmp_path: Path):
    settings = mailconfig.settings_from_env(SMTP_ENV, tmp_path)
    env = {k: v for k, v in SMTP_ENV.items() if k != "RSP_SECRET"}
    with pytest.raises(TransportConfigError, match="names RSP_SECRET, which is not set"):
        mailconfig.open_transport(settings, env)


def test_default_outbox_dir():
    assert mailconfig.default_outbox_dir("sqlite:////srv/rsp/rsp.db") == Path("/srv/rsp/outbox")
    assert mailconfig.default_outbox_dir("postgresql+psycopg://h/db") == Path("rsp-outbox")


def test_long_cc_lists_keep_the_spaces_in_swedish_names():
    """A measure's Cc list is long; decoded as RFC 2047 says (whitespace between two
    encoded words is dropped), every display name must come back as it was."""
    from email.header import decode_header, make_header

    cc = [
        ["Kommunerna i Jämtlands län", "kommunerna@rsp-jamtland.example"],
        *([f"Strömsunds kommun {i}", f"landsbygd{i}@stromsund.kommun.example"] for i in range(8)),
        ["Länsstyrelsen Jämtlands län", "rsp@lansstyrelsen-jamtland.example"],
    ]
    row = _row()
    row["cc_json"] = json.dumps(cc, ensure_ascii=False)
    raw = build_email(row, parse_mail_from("rsp@region.example"), NOW).as_bytes()
    strict = message_from_bytes(raw, policy=policy.compat32)
    decoded = str(make_header(decode_header(strict["Cc"])))
    assert decoded == ", ".join(f"{n} <{a}>" for n, a in cc)
    assert all(len(line) <= 998 for line in raw.splitlines())


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("send_at", [NOW, dt.datetime(2023, 1, 9, 8, tzinfo=STOCKHOLM)])
def test_render_each_equals_render_for_every_recipient(lang, send_at):
    """The sweep renders a reminder once for all its recipients: same bytes as one by one,
    for names that need escaping, an empty name, To and Cc, overdue or not."""
    from notifications.reminders.reminder_mail import render_each

    odd = Recipient("odd@x.example", 'Åre & <Co> "AB"')
    nameless = Recipient("anon@x.example", "")
    r = reminder(to=(LEAD,), cc=(CC, odd, nameless), send_at=send_at)
    wanted = [(LEAD, "to"), (CC, "cc"), (odd, "cc"), (nameless, "cc"), (odd, "to")]
    fast = render_each(r, wanted, lang, "Program & <co>")
    assert fast == [render(r, who, how, lang, "Program & <co>") for who, how in wanted]
    assert "&amp; &lt;Co&gt; &#34;AB&#34;" in fast[2].html  # type: ignore[union-attr]
    assert "kopia" in fast[1].text.lower() or "copy" in fast[1].text  # type: ignore[union-attr]
    assert "\ue000" not in fast[0].text + fast[0].html  # type: ignore[union-attr]
    odd_title = reminder(title="Titel \ue000 med ett privat tecken", send_at=send_at)
    assert render_each(odd_title, wanted[:2], lang) == [
        render(odd_title, w, h, lang) for w, h in wanted[:2]
    ]


def test_render_each_reports_a_bad_name_and_renders_the_others():
    from notifications.reminders.reminder_mail import render_each

    bad = Recipient("bad@x.example", "Evil\r\nBcc: victim@example.com")
    out = render_each(reminder(), [(LEAD, "to"), (bad, "cc")])
    assert out[0] == render(reminder(), LEAD, "to")
    assert isinstance(out[1], InvalidInput) and "refused" in str(out[1])
    broken = reminder(title="Rad\nBcc: x@y.example")
    assert all(isinstance(m, InvalidInput) for m in render_each(broken, [(LEAD, "to")]))
