"""The Jinja2 environment of rsp's reports (process/templates): HTML autoescaped, text not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent / "templates"


def report_environment(lang: str, word: Callable[..., str]) -> Any:
    """An environment whose templates can say `w('key')` in the report's language."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    env.globals["w"] = lambda key, **v: word(key, lang, **v)
    return env
