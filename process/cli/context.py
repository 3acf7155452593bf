"""What every command shares: the database, the clock, the actor and the language."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from process.core.clock import Clock
    from process.storage.database import Database


class Env:
    """The global options, turned into a database, a clock and an actor on demand.
    (A plain class, not a dataclass: `rsp --help` need not import dataclasses.)"""

    def __init__(
        self,
        db_value: str | None,
        now_value: str | None,
        programme: str | None,
        lang: str,
        effective_value: str | None = None,
    ) -> None:
        self.db_value = db_value
        self.now_value = now_value
        self.programme = programme
        self.lang = lang
        self.effective_value = effective_value
        self._db: Database | None = None

    @property
    def actor(self) -> str:
        """The acting person (RSP_USER, or the login name), as a command-line Caller that
        also carries the operating-system user who ran the command."""
        from process.access.caller import CLI, Caller

        os_user = _login_name()
        return Caller(os.environ.get("RSP_USER") or os_user, CLI, os_user)

    @property
    def clock(self) -> Clock:
        from process.core.clock import (
            Clock,
            EffectiveClock,
            ReplayClock,
            parse_effective,
            parse_now,
        )

        if self.now_value:
            return ReplayClock(parse_now(self.now_value))
        if self.effective_value:
            return EffectiveClock(parse_effective(self.effective_value, Clock().recorded()))
        return Clock()

    def database(self, require_schema: bool = True, create: bool = False) -> Database:
        """The database; a SQLite file that does not exist is refused (a mistyped --db
        would otherwise become a new, empty database) unless `create` (rsp init)."""
        from process.storage.database import open_database

        if self._db is None:
            db = open_database(self.db_value)
            if not create:
                try:
                    db.refuse_missing_file()
                except Exception:
                    db.dispose()
                    raise
            self._db = db
            self._db.replaying = bool(self.now_value)
        if require_schema:
            self._db.require_schema()
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def _login_name() -> str:
    """getpass.getuser(), without importing getpass (and with it termios) on every write:
    LOGNAME, USER, LNAME or USERNAME, else the password database's name of the user."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    import pwd

    return pwd.getpwuid(os.getuid())[0]


pass_env = click.make_pass_decorator(Env)


class Bounded(click.IntRange):
    """An IntRange whose help says `shown` (or nothing) instead of raw bounds like
    -9223372036854775808<=x<=9223372036854775807; out of range is still a usage error."""

    def __init__(self, low: int | None, high: int | None, shown: str = ""):
        super().__init__(min=low, max=high)
        self.shown = shown

    def _describe_range(self) -> str:
        return self.shown

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.INT.convert(value, param, ctx)
        if self.min is not None and number < self.min:
            self.fail(
                f"{number} is too small: at least {self.min}"
                if self.min in (0, 1) or self.shown
                else f"{number} is too small",
                param,
                ctx,
            )
        if self.max is not None and number > self.max:
            self.fail(
                f"{number} is too big" + (f" ({self.shown})" if self.shown else ""), param, ctx
            )
        return number


class Amount(click.FloatRange):
    """A FloatRange whose help says e.g. `0.1-3600 seconds` instead of 0.1<=x<=3600."""

    def __init__(self, low: float | None, high: float | None, unit: str):
        super().__init__(min=low, max=high)
        self.unit = unit

    def _describe_range(self) -> str:
        low = "" if self.min is None else f"{self.min:g}"
        if self.max is None:
            return f"at least {low} {self.unit}"
        return f"{low}-{self.max:g} {self.unit}"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.FLOAT.convert(value, param, ctx)
        if self.min is not None and number < self.min:
            self.fail(f"{number:g} is too small: at least {self.min:g} {self.unit}", param, ctx)
        if self.max is not None and number > self.max:
            self.fail(f"{number:g} is too big: at most {self.max:g} {self.unit}", param, ctx)
        return number


# Numbers that reach the database or a date: bounded, so that a huge one is a usage error
# (exit 2) instead of an overflow deep down.
ID = Bounded(1, 2**63 - 1)  # a record's id: decision, delegation, mail
YEAR = Bounded(1900, 2999, "1900-2999")  # a plan year (process.clock.FIRST_YEAR...)
NUMBER = Bounded(-(2**63), 2**63 - 1)  # what an SQL integer can hold
COUNT = Bounded(0, 2**63 - 1)  # how many (e.g. --limit): never negative
DAYS = Bounded(0, 36_500)  # a period from today


def log_options(command: Any) -> Any:
    """--log-level and --log-format, for the long-running commands (scheduler, serve)."""
    command = click.option(
        "--log-format",
        type=click.Choice(["text", "json"]),
        default="text",
        envvar="RSP_LOG_FORMAT",
        show_default=True,
        help="Log lines as text or as JSON objects (one a line). Env: RSP_LOG_FORMAT.",
    )(command)
    return click.option(
        "--log-level",
        type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
        default="info",
        envvar="RSP_LOG_LEVEL",
        show_default=True,
        help="The least important log lines shown. Env: RSP_LOG_LEVEL.",
    )(command)
