"""Who is acting and how they came: the person's login, the channel (the command line,
the browser signed in by e-mail link or OpenID Connect, the scheduler) and, from the
command line, the operating-system user who ran it.

`Caller` is a `str` (the login), so every service that takes the acting person's login
takes a Caller too; the unit of work and the audit trail read the rest from it. A plain
string is a caller on the `direct` channel: code calling the services itself (tests,
scripts).
"""

from __future__ import annotations

CLI, EMAIL_LINK, OIDC, SYSTEM, DIRECT = "cli", "web:email-link", "web:oidc", "system", "direct"
CHANNELS = (CLI, EMAIL_LINK, OIDC, SYSTEM, DIRECT)


class Caller(str):
    """The acting person's login (in lower case, as rsp keeps logins), with the channel
    they came by and the OS user."""

    channel: str
    os_user: str | None

    def __new__(cls, login: str, channel: str = DIRECT, os_user: str | None = None) -> Caller:
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}")
        made = super().__new__(cls, login.lower())
        made.channel, made.os_user = channel, os_user
        return made

    @property
    def login(self) -> str:
        """The login, as a plain string."""
        return str.__str__(self)


def channel_of(actor: str) -> str:
    """The channel a login came by (`direct` for a plain string)."""
    return getattr(actor, "channel", DIRECT)


def os_user_of(actor: str) -> str | None:
    """The operating-system user behind a command-line caller, if known."""
    return getattr(actor, "os_user", None)
