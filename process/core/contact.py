"""One rule for the names and e-mail addresses people give rsp, checked where they enter
(people, bodies added or imported, the mail settings), so that what is stored can always
be put into a mail header and delivered.

A name: one line of at most 200 characters, no control characters (line breaks, NUL,
tab …) and no bidirectional overrides (they make a name read as another).

An address: what rsp's sender can deliver everywhere. It sends without SMTPUTF8 (most
servers of Swedish municipalities and agencies do not offer it, and a mail that needs it
would fail at every attempt), so an address is ASCII: `local@domain`, the local part a
dot-atom of RFC 5322 (letters, digits and ``!#$%&'*+/=?^_`{|}~-``, dots between), the
domain a host name with at least one dot. A domain with å, ä or ö is refused with its
ASCII form (IDNA, `xn--…`) to use instead; a local part outside ASCII cannot be carried
at all.
"""

from __future__ import annotations

import re

from process.core.errors import InvalidInput

NAME_MAX = 200
LOCAL_MAX, DOMAIN_MAX = 64, 253
# Unicode Cc (C0, DEL, C1), the line and paragraph separators, the bidi embeddings,
# overrides and isolates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"^{_ATEXT}(?:\.{_ATEXT})*$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def control_problem(text: str) -> str | None:
    """'contains the control character U+000A …' if `text` holds one, else None."""
    control = _CONTROL.search(text)
    if control:
        return (
            f"contains the control character U+{ord(control.group()):04X} (a line break, "
            "NUL, tab or the like)"
        )
    return None


def name_problem(name: str) -> str | None:
    """What is wrong with a person's or body's name, or None."""
    if not name.strip():
        return "must not be empty"
    control = control_problem(name)
    if control:
        return f"{control}; a name is one line of plain text"
    if len(name) > NAME_MAX:
        return f"is longer than {NAME_MAX} characters"
    return None


def address_problem(address: str) -> str | None:
    """What is wrong with an e-mail address, for rsp's sender, or None."""
    control = control_problem(address)
    if control:
        return control
    if any(ch.isspace() for ch in address):
        return "must not contain spaces"
    local, _at, domain = address.partition("@")
    if address.count("@") != 1 or not local or not domain:
        return "must be one address like name@example.org (exactly one '@')"
    if not local.isascii():
        return (
            "has letters outside ASCII before the '@': rsp sends mail without SMTPUTF8, "
            "which cannot carry them; use an ASCII address"
        )
    if len(local) > LOCAL_MAX or not _LOCAL.match(local):
        return (
            f"the part before the '@' may hold letters a-z, digits, the characters "
            f"!#$%&'*+/=?^_`{{|}}~- and single dots between them (at most {LOCAL_MAX})"
        )
    if not domain.isascii():
        try:
            ascii_domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return f"the domain {domain!r} is not a domain name"
        return (
            f"has letters outside ASCII in its domain: rsp sends mail without SMTPUTF8; "
            f"write the domain in its ASCII form: {local}@{ascii_domain}"
        )
    labels = domain.split(".")
    if len(domain) > DOMAIN_MAX or len(labels) < 2 or not all(map(_LABEL.match, labels)):
        return f"the domain {domain!r} is not a domain name like example.org"
    return None


def valid_name(name: str, what: str = "name") -> str:
    """`name` without surrounding spaces, or InvalidInput saying what is wrong."""
    problem = name_problem(name)
    if problem:
        raise InvalidInput(f"{what} {name!r} {problem}")
    return name.strip()


def valid_address(address: str, what: str = "e-mail") -> str:
    """`address` unchanged, or InvalidInput saying why rsp cannot send to it."""
    problem = address_problem(address)
    if problem:
        raise InvalidInput(f"{what} {address!r} {problem}")
    return address
