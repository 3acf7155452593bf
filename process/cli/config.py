"""`rsp config check`: every problem of the settings, with file:line, and what each
setting resolved to and from where (file, environment, default), secrets masked.

The checks of the parts rsp is made of (mail, sign-in, the scheduler …) live with those
parts; the entry point hands them in (`Check`), so this module stays low in the layers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import click

from process.cli.context import Env, pass_env
from process.core import config
from process.core.words import phrase

WORDS = {
    "file": {"sv": "fil", "en": "file"},
    "env": {"sv": "miljövariabel", "en": "environment"},
    "default": {"sv": "standard", "en": "default"},
    "no_file": {
        "sv": "Ingen inställningsfil (--config, RSP_CONFIG eller /etc/rsp/rsp.toml): "
        "bara miljövariabler och standardvärden.",
        "en": "No settings file (--config, RSP_CONFIG or /etc/rsp/rsp.toml): only "
        "environment variables and defaults.",
    },
    "file_is": {"sv": "Inställningsfil: {path}", "en": "Settings file: {path}"},
    "setting": {"sv": "inställning", "en": "setting"},
    "value": {"sv": "värde", "en": "value"},
    "source": {"sv": "källa", "en": "from"},
    "ok": {"sv": "Inga problem.", "en": "No problems."},
    "problems": {"sv": "{n} problem:", "en": "{n} problem(s):"},
    "set": {"sv": "satt", "en": "set"},
    "unset": {"sv": "INTE satt", "en": "NOT set"},
}


@dataclass(frozen=True)
class Check:
    """One part's check: the variables it reads and a function that raises on a problem."""

    envs: tuple[str, ...]
    run: Callable[[Mapping[str, str]], object]


def _shown(setting: config.Setting, value: str, environ: Mapping[str, str], lang: str) -> str:
    """A value for the screen: never a secret (a URL's password is hidden; a variable named
    to hold a secret is only said to be set or not)."""
    from process.storage.database import hide_passwords

    if setting.env.endswith("_ENV") and setting.secret_ref:
        state = WORDS["set"] if environ.get(value) else WORDS["unset"]
        return f"{value} ({phrase({'s': state}, 's', lang)}, ***)"
    return hide_passwords(value)


def resolved(
    environ: Mapping[str, str], applied: config.Applied | None, lang: str
) -> list[tuple[str, str, str]]:
    """(setting, value shown, where from) for every setting."""
    rows = []
    from_file = applied.from_file if applied else {}
    path = applied.loaded.path if applied else None
    for s in config.SETTINGS:
        if s.env in from_file:
            where = f"{phrase(WORDS, 'file', lang)} {path}:{from_file[s.env]}"
            rows.append((s.name, _shown(s, environ[s.env], environ, lang), where))
        elif environ.get(s.env):
            rows.append(
                (
                    s.name,
                    _shown(s, environ[s.env], environ, lang),
                    f"{phrase(WORDS, 'env', lang)} {s.env}",
                )
            )
        else:
            rows.append((s.name, config.default_text(s, lang), phrase(WORDS, "default", lang)))
    return rows


def _place(message: str, check: Check, applied: config.Applied | None) -> str:
    """Where a problem is: the file's line of the setting the message names (or the check's
    first setting that is set), else the variable."""
    import re

    from_file = applied.from_file if applied else {}
    named = [v for v in re.findall(r"RSP_[A-Z_]+", message) if v in config.BY_ENV]
    candidates = named + [e for e in check.envs if e in from_file or os.environ.get(e)]
    for env in candidates:
        if env in from_file and applied is not None:
            return f"{applied.loaded.where(from_file[env])}: {config.BY_ENV[env].name}"
        if os.environ.get(env):
            return env
    return config.BY_ENV[check.envs[0]].name if check.envs else "rsp"


def problems(checks: Sequence[Check], applied: config.Applied | None) -> list[str]:
    """Every problem: the file's own (file:line), then each part's check."""
    found = []
    if applied is not None:
        found += [f"{applied.loaded.where(p.line)}: {p.message}" for p in applied.loaded.problems]
    for check in checks:
        try:
            check.run(os.environ)
        except Exception as exc:  # noqa: BLE001 - each part's refusal, reported
            from process.storage.database import scrub

            message = scrub(str(exc).strip() or type(exc).__name__, None)
            found.append(f"{_place(message, check, applied)}: {message}")
    return found


@click.group("config")
def config_group() -> None:
    """The installation's settings file (TOML) and environment."""


def make_check_command(checks: Callable[[], Sequence[Check]]) -> click.Command:
    """`rsp config check`, with the parts' checks the entry point gives."""

    @config_group.command("check")
    @pass_env
    def config_check(env: Env) -> None:
        """Check the settings: every problem with file:line, and what each setting
        resolved to and from where (file, environment, default); secrets are never shown.

        \b
        Examples:
          rsp --config /etc/rsp/rsp.toml config check
          RSP_CONFIG=rsp.toml rsp --lang en config check
        """
        applied = config.last_applied()
        lang = env.lang
        path = applied.loaded.path if applied else None
        click.echo(
            phrase(WORDS, "file_is", lang, path=path) if path else phrase(WORDS, "no_file", lang)
        )
        rows = resolved(os.environ, applied, lang)
        width = max(len(r[0]) for r in rows)
        vwidth = min(48, max(len(r[1]) for r in rows))
        for name, value, where in rows:
            click.echo(f"  {name:<{width}}  {value:<{vwidth}}  {where}")
        found = problems(checks(), applied)
        if not found:
            click.echo(phrase(WORDS, "ok", lang))
            return
        click.echo(phrase(WORDS, "problems", lang, n=len(found)), err=True)
        for p in found:
            click.echo(f"  {p}", err=True)
        click.get_current_context().exit(1)

    return config_check
