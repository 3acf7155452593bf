"""One rule for names and e-mail addresses (process.core.contact): one line without
control characters for a name; for an address, what rsp's sender (SMTP without
SMTPUTF8) can deliver — with the reason when it cannot."""

from __future__ import annotations

import re

import pytest

from notifications.mail.settings import settings_from_env
from notifications.mail.transports import TransportConfigError
from process.core import contact
from process.core.errors import InvalidInput


@pytest.mark.parametrize(
    "name",
    [
        "Bergs kommun",
        "Länsstyrelsen Jämtlands län",
        "O'Brien & Söner",
        "Åre kommun (Service-Z)",
        "x" * 200,
    ],
)
def test_good_names(name):
    assert contact.name_problem(name) is None


@pytest.mark.parametrize(
    "name,words",
    [
        ("Kommun\r\nBcc: x@evil.example", "U+000D"),
        ("Kommun\nX", "U+000A"),
        ("Kommun\x00", "U+0000"),
        ("Kommun\tX", "U+0009"),
        ("Kommun\u2028X", "U+2028"),
        ("Kommun \u202egnirts", "U+202E"),
        ("Kommun\x85", "U+0085"),
        ("   ", "must not be empty"),
        ("x" * 201, "longer than 200"),
    ],
)
def test_bad_names(name, words):
    with pytest.raises(InvalidInput, match=re.escape(words)):
        contact.valid_name(name, "body name")


@pytest.mark.parametrize(
    "address",
    [
        "landsbygd@berg.kommun.example",
        "Anna.Berg@region.se",
        "o'brien+rsp@x-y.example",
        "a@b.c",
        "first.last@sub.domain.example",
    ],
)
def test_good_addresses(address):
    assert contact.address_problem(address) is None


@pytest.mark.parametrize(
    "address,words",
    [
        ("a\x00@kommun.example", "U+0000"),
        ("a@kommun.example\r\nBcc: x@evil.example", "U+000D"),
        ("a @kommun.example", "must not contain spaces"),
        ("kommun.example", "exactly one '@'"),
        ("a@b@c.example", "exactly one '@'"),
        ("@kommun.example", "exactly one '@'"),
        ("åsa@kommun.example", "outside ASCII before the '@'"),
        ("kommun@åre.se", "write the domain in its ASCII form: kommun@xn--re-xia.se"),
        ("a..b@kommun.example", "single dots"),
        (".a@kommun.example", "single dots"),
        ('"ab"@kommun.example', "single dots"),
        ("a<b>@kommun.example", "single dots"),
        ("a@localhost", "not a domain name like example.org"),
        ("a@-bad.example", "not a domain name"),
        ("a@bad_.example", "not a domain name"),
        ("a" * 65 + "@kommun.example", "at most 64"),
    ],
)
def test_addresses_rsp_cannot_deliver_say_why(address, words):
    with pytest.raises(InvalidInput) as caught:
        contact.valid_address(address)
    assert words in str(caught.value)


@pytest.mark.parametrize(
    "value,words",
    [
        ("Region JH <rsp@region.example\r\n>", "U+000D"),
        ("Region\x00 JH <rsp@region.example>", "U+0000"),
        ("Region JH <rsp@åre.se>", "rsp@xn--re-xia.se"),
        ("Region JH", "is not an e-mail address"),
    ],
)
def test_the_mail_settings_follow_the_same_rule(tmp_path, value, words):
    with pytest.raises(TransportConfigError, match=re.escape(words)):
        settings_from_env({"RSP_MAIL_FROM": value}, tmp_path)
    assert (
        settings_from_env({"RSP_MAIL_FROM": "Region JH <rsp@region.example>"}, tmp_path).mail_from
        == "Region JH <rsp@region.example>"
    )
