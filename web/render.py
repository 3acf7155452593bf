"""The pages' templates: rsp's own sandboxed Jinja2 environment over web/templates (HTML
autoescaped, strict about undefined names), with a few filters for dates and times."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from process.core.clock import STOCKHOLM
from process.reports import templating

if TYPE_CHECKING:
    import jinja2

# rsp's own: rendered in-process (a region's own templates render in a limited worker)
TEMPLATES = templating.bundled_folder(Path(__file__).resolve().parent / "templates")
STATIC = Path(__file__).resolve().parent / "static"


def day(value: Any) -> str:
    """A date (or a date-time's Swedish date) as YYYY-MM-DD; '' for none."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone(STOCKHOLM).date().isoformat()
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def moment(value: Any) -> str:
    """A date-time as 'YYYY-MM-DD HH:MM', Swedish time; '' for none."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")
    return str(value)


def number(value: Any) -> str:
    """A whole number with a thin space between thousands ('3 065'), as Swedish writes it."""
    return f"{int(value):,}".replace(",", "\u202f")


def environment() -> jinja2.Environment:
    """The environment every page and the sign-in mail render with."""
    env = templating.sandbox([TEMPLATES])
    env.filters.update(day=day, moment=moment, number=number)
    return env
