"""Click parameter types for what a person types: dates as a Swedish reader writes them,
and words (states, triggers, outcomes, positions, roles) by key or by their label.

The parsing itself lives low in the layers (process.core.clock.parse_day,
process.core.vocab): the services resolve words inside their unit of work, so a refused
value is audited like any refusal and a script calling a service is understood the same
way. These types only read dates with the clock's year for `30/5`, and show and complete
the accepted values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import click
from click.shell_completion import CompletionItem

from process.cli.context import Env


class Day(click.ParamType):
    """A day: 2022-02-22, 22/2 2022, 22 februari 2022, or 30/5 (that day in the clock's
    current year). A date that is none of these is refused with the forms that work."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from process.core.clock import parse_day

        env = ctx.find_object(Env) if ctx is not None else None
        what = "/".join(param.opts) if param is not None and param.opts else "date"
        today = env.clock.today() if env is not None else None
        return parse_day(str(value), what, today)  # an RspError: exit 1 with its message


class Word(click.ParamType):
    """A value by its key or its label as shown, in any case (`uppnått`, `Tillstyrker`,
    `arbetsgrupp`): handed on as typed; the service resolves it (process.core.vocab) and
    refuses one it does not know with the accepted values in the reader's language."""

    def __init__(self, kind: str, table: Mapping[str, Mapping[str, str]] | None = None):
        self.name = kind.lower()
        self.kind = kind
        self.table = table

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return self.kind.upper()

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return str(value)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        words = [
            w for key, labels in (self.table or {}).items() for w in (key, labels.get("sv", ""))
        ]
        return [CompletionItem(w) for w in words if w and w.lower().startswith(incomplete.lower())]


def accepted_help(table: Mapping[str, Mapping[str, str]]) -> str:
    """'uppnått (achieved), delvis uppnått (partly), …' for an option's help."""
    return ", ".join(f"{labels.get('sv', key).lower()} ({key})" for key, labels in table.items())


DAY = Day()
