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
from process.core.catalogue import section
from process.core.words import phrase

WORDS = section("cli.config")


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


def _blamed(message: str, check: Check, applied: config.Applied | None) -> str | None:
    """The variable a problem is about: the first known one the message names (or the
    check's first setting that is set), if it is set in the file or the environment."""
    import re

    from_file = applied.from_file if applied else {}
    named = [v for v in re.findall(r"RSP_[A-Z_]+", message) if v in config.BY_ENV]
    candidates = named + [e for e in check.envs if e in from_file or os.environ.get(e)]
    for env in candidates:
        if env in from_file or os.environ.get(env):
            return env
    return None


def _place(env: str | None, check: Check, applied: config.Applied | None) -> Place:
    """Where a problem is: the file's line of its setting, else the variable, else the
    check's first setting."""
    from_file = applied.from_file if applied else {}
    if env is not None and env in from_file and applied is not None:
        line = from_file[env]
        return Place(applied.loaded.where(line), config.BY_ENV[env].name, applied.loaded.path, line)
    if env is not None:
        return Place(env, config.BY_ENV[env].name)
    name = config.BY_ENV[check.envs[0]].name if check.envs else "rsp"
    return Place(name, name)


@dataclass(frozen=True)
class Place:
    """Where a problem is, as shown ('rsp.toml:9: smtp.tls', 'RSP_SMTP_TLS') and as data."""

    shown: str
    setting: str
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Found:
    """One problem of the settings and where it is."""

    where: str  # file:line, a variable, or a setting's name
    message: str
    setting: str | None = None
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        """For --json."""
        return {
            "where": self.where,
            "setting": self.setting,
            "file": self.file,
            "line": self.line,
            "message": self.message,
        }


def _check_all(check: Check, applied: config.Applied | None) -> list[Found]:
    """Every problem one part's check finds: after each, the setting it was about is left
    out (its default applies) and the check runs again, so several settings of a section
    are each reported; the environment is put back afterwards."""
    from process.storage.database import scrub

    found: list[Found] = []
    left_out: dict[str, str] = {}
    try:
        for _round in range(len(check.envs) + 1):
            try:
                check.run(os.environ)
                break
            except Exception as exc:  # noqa: BLE001 - each part's refusal, reported
                message = scrub(str(exc).strip() or type(exc).__name__, None)
            env = _blamed(message, check, applied)
            if left_out and env is None:
                break  # only a consequence of a setting left out: not the file's problem
            place = _place(env, check, applied)
            if place.setting == place.shown:  # a check's own name: no file:line to add
                found.append(Found(place.shown, message, place.setting))
            else:
                where = place.shown if place.file is None else f"{place.shown}: {place.setting}"
                found.append(Found(where, message, place.setting, place.file, place.line))
            if env is None or env not in os.environ or env in left_out:
                break
            left_out[env] = os.environ.pop(env)
    finally:
        os.environ.update(left_out)
    return found


def problems(
    checks: Sequence[Check], applied: config.Applied | None, lang: str = "sv"
) -> list[Found]:
    """Every problem: the file's own (file:line), then every one of each part's checks."""
    found = []
    if applied is not None:
        loaded = applied.loaded
        found += [
            Found(loaded.where(p.line), p.text(lang), p.setting, loaded.path, p.line or None)
            for p in loaded.problems
        ]
    for check in checks:
        found += _check_all(check, applied)
    return found


def as_data(
    path: str | None,
    rows: Sequence[tuple[str, str, str]],
    applied: config.Applied | None,
    found: Sequence[Found],
) -> dict[str, object]:
    """`rsp config check --json`: the file, each setting (its value shown as on the
    screen, secrets masked, and where it came from: file, env or default), every problem."""
    from_file = applied.from_file if applied else {}
    settings = []
    for (name, shown, _where), s in zip(rows, config.SETTINGS, strict=True):
        value: str | None = shown
        if s.env in from_file:
            source: dict[str, object] = {"source": "file", "file": path, "line": from_file[s.env]}
        elif os.environ.get(s.env):
            source = {"source": "env", "variable": s.env}
        else:
            source = {"source": "default", "default": shown}
            value = None  # not set: the default applies
        settings.append({"setting": name, "variable": s.env, "value": value, **source})
    return {
        "file": path,
        "ok": not found,
        "settings": settings,
        "problems": [f.as_dict() for f in found],
    }


@click.group("config")
def config_group() -> None:
    """The installation's settings file (TOML) and environment."""


def make_check_command(checks: Callable[[], Sequence[Check]]) -> click.Command:
    """`rsp config check`, with the parts' checks the entry point gives."""

    @config_group.command("check")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @pass_env
    def config_check(env: Env, as_json: bool) -> None:
        """Check the settings: every problem with file:line, and what each setting
        resolved to and from where (file, environment, default); secrets are never shown.
        The exit status is 1 if there is any problem (with --json too).

        \b
        Examples:
          rsp --config /etc/rsp/rsp.toml config check
          RSP_CONFIG=rsp.toml rsp --lang en config check
          rsp config check --json
        """
        applied = config.last_applied()
        lang = env.lang
        path = applied.loaded.path if applied else None
        rows = resolved(os.environ, applied, lang)
        found = problems(checks(), applied, lang)
        if as_json:
            from process.reports.status_text import to_json

            click.echo(to_json(as_data(path, rows, applied, found)))
            if found:
                click.get_current_context().exit(1)
            return
        click.echo(
            phrase(WORDS, "file_is", lang, path=path) if path else phrase(WORDS, "no_file", lang)
        )
        width = max(len(r[0]) for r in rows)
        vwidth = min(48, max(len(r[1]) for r in rows))
        for name, value, where in rows:
            click.echo(f"  {name:<{width}}  {value:<{vwidth}}  {where}")
        if not found:
            click.echo(phrase(WORDS, "ok", lang))
            return
        click.echo(phrase(WORDS, "problems", lang, n=len(found)), err=True)
        for p in found:
            click.echo(f"  {p}", err=True)
        click.get_current_context().exit(1)

    return config_check
