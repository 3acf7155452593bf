"""The mail itself: the parts of a rendered mail, and the RFC 5322 message built from an
outbox row. A name, address or subject holding a line break (or another control
character) is refused: it could otherwise add a header.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from process.core.errors import InvalidInput

if TYPE_CHECKING:
    import email.policy


# Unicode's categories Cc (control), Zl and Zp (line and paragraph separators), tab aside.
_BREAKS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def refuse_line_breaks(text: str, what: str) -> str:
    """`text` unchanged, or InvalidInput if it holds a line break or control character."""
    if _BREAKS.search(text):
        raise InvalidInput(
            f"{what} {text!r} contains a line break or control character; "
            "refused, because it could add a mail header"
        )
    return text


@dataclass(frozen=True)
class RenderedMail:
    """The parts of one mail, ready for the outbox row."""

    subject: str
    text: str
    html: str
    to: tuple[tuple[str, str], ...]  # (name, address)
    cc: tuple[tuple[str, str], ...]


def _address(name: str, address: str, what: str) -> Address:
    refuse_line_breaks(name, f"{what} name")
    refuse_line_breaks(address, f"{what} address")
    try:
        return Address(display_name=name, addr_spec=address)
    except (ValueError, IndexError) as exc:
        raise InvalidInput(f"{what} address {address!r} is not usable: {exc}") from None


def parse_mail_from(value: str) -> Address:
    """The From address from 'Name <addr@host>' or 'addr@host'."""
    from email.utils import parseaddr

    refuse_line_breaks(value, "From")
    name, addr = parseaddr(value)
    if "@" not in addr:
        raise InvalidInput(f"RSP_MAIL_FROM {value!r} is not an e-mail address")
    return _address(name, addr, "From")


@lru_cache(maxsize=1)
def _mail_policy() -> email.policy.EmailPolicy[EmailMessage]:
    """The default policy, folding lines at 998 characters (RFC 5322's limit), not 78.

    Python 3.11's folder loses the space between two encoded words when it has to split
    a display name over lines, so "Länsstyrelsen Jämtlands län" at the end of a long Cc
    list (a measure's bodies) reached RFC 2047 readers as "LänsstyrelsenJämtlandslän"
    (CPython gh-144156). At 998 a header folds only when it is longer than that."""
    import email.policy

    return email.policy.default.clone(max_line_length=998)


def build_email(row: Mapping[str, Any], mail_from: Address, now: dt.datetime) -> EmailMessage:
    """The message for an outbox row (its Message-ID, headers and both parts); its Date
    in Swedish time (`now` from the injected clock, e.g. +0100 in winter, +0200 in summer)."""
    from email.utils import format_datetime

    from process.core.clock import STOCKHOLM

    msg = EmailMessage(policy=_mail_policy())
    msg["Subject"] = refuse_line_breaks(row["mail_subject"], "subject")
    msg["From"] = mail_from
    msg["To"] = [_address(n, a, "To") for n, a in json.loads(row["to_json"])]
    cc = [_address(n, a, "Cc") for n, a in json.loads(row["cc_json"])]
    if cc:
        msg["Cc"] = cc
    msg["Date"] = format_datetime(now.astimezone(STOCKHOLM))
    msg["Message-ID"] = row["message_id"]
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
    msg.set_content(row["body_text"])
    msg.add_alternative(row["body_html"], subtype="html")
    return msg
