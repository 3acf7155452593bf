"""The installation's settings file (TOML): one place for what were environment variables.

    rsp --config FILE …,  RSP_CONFIG=FILE,  else /etc/rsp/rsp.toml when it exists

Each setting of the file stands for one environment variable (`SETTINGS`); a variable
that is set wins over the file. rsp applies the file by setting the variables that are
not set, so every part of rsp reads its settings as before. Secrets are never in the
file, only where they are: `password_file = "/etc/rsp/smtp.pw"` or
`password_env = "RSP_SMTP_SECRET"`. Python's tomllib gives no line numbers: the line of
each key is found by scanning the text (`key_lines`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from process.core.catalogue import section as catalogue_section
from process.core.errors import RspError

DEFAULT_PATH = "/etc/rsp/rsp.toml"
CONFIG_VAR = "RSP_CONFIG"


@dataclass(frozen=True)
class Setting:
    """One setting: its place in the file, its variable, what applies when neither is set."""

    section: str
    key: str
    env: str
    default: str = "—"
    secret_ref: bool = False  # names where a secret is (a file or a variable), not shown

    @property
    def name(self) -> str:
        return f"{self.section}.{self.key}"


def _s(section: str, key: str, env: str, default: str = "—", secret_ref: bool = False) -> Setting:
    return Setting(section, key, env, default, secret_ref)


SETTINGS: tuple[Setting, ...] = (
    _s("database", "url", "RSP_DATABASE_URL", "./rsp.db (SQLite)"),
    _s("database", "password_file", "RSP_DATABASE_PASSWORD_FILE", secret_ref=True),
    _s("database", "password_env", "RSP_DATABASE_PASSWORD_ENV", secret_ref=True),
    _s("general", "lang", "RSP_LANG", "sv"),
    _s("general", "programme", "RSP_PROGRAMME", "the only programme"),
    _s("audit", "key_file", "RSP_AUDIT_KEY_FILE", "none (the trail is not sealed)"),
    _s("audit", "registrar_address", "RSP_REGISTRAR_ADDRESS"),
    _s("mail", "transport", "RSP_MAIL_TRANSPORT", "smtp with smtp.host, else file"),
    _s("mail", "from", "RSP_MAIL_FROM", "rsp@localhost"),
    _s("mail", "outbox_dir", "RSP_OUTBOX_DIR", "outbox beside a SQLite database"),
    _s("smtp", "host", "RSP_SMTP_HOST"),
    _s("smtp", "port", "RSP_SMTP_PORT", "587 (465 with tls = ssl)"),
    _s("smtp", "tls", "RSP_SMTP_TLS", "starttls (ssl on port 465)"),
    _s("smtp", "user", "RSP_SMTP_USER"),
    _s("smtp", "password_file", "RSP_SMTP_PASSWORD_FILE", secret_ref=True),
    _s("smtp", "password_env", "RSP_SMTP_PASSWORD_ENV", secret_ref=True),
    _s("smtp", "cafile", "RSP_SMTP_CAFILE", "the system's CA certificates"),
    _s("smtp", "timeout", "RSP_SMTP_TIMEOUT", "30"),
    _s("smtp", "helo", "RSP_SMTP_HELO"),
    _s("web", "base_url", "RSP_BASE_URL", "the address of the request"),
    _s("web", "secure_cookies", "RSP_WEB_SECURE_COOKIES", "auto"),
    _s("web", "idle_minutes", "RSP_WEB_IDLE_MINUTES", "60"),
    _s("web", "session_hours", "RSP_WEB_SESSION_HOURS", "10"),
    _s(
        "web",
        "secret_file",
        "RSP_WEB_SECRET_FILE",
        "a secret kept in the database",
        secret_ref=True,
    ),
    _s("web", "email_sign_in", "RSP_WEB_EMAIL_SIGN_IN", "yes"),
    _s("oidc", "issuer", "RSP_OIDC_ISSUER", "none (no OpenID Connect sign-in)"),
    _s("oidc", "metadata_url", "RSP_OIDC_METADATA_URL", "ISSUER/.well-known/openid-configuration"),
    _s("oidc", "client_id", "RSP_OIDC_CLIENT_ID"),
    _s("oidc", "client_secret_file", "RSP_OIDC_CLIENT_SECRET_FILE", secret_ref=True),
    _s("oidc", "client_secret_env", "RSP_OIDC_CLIENT_SECRET_ENV", secret_ref=True),
    _s("oidc", "claim", "RSP_OIDC_CLAIM", "email"),
    _s("oidc", "match", "RSP_OIDC_MATCH", "email"),
    _s("oidc", "require_verified", "RSP_OIDC_REQUIRE_VERIFIED", "yes"),
    _s("oidc", "label", "RSP_OIDC_LABEL"),
    _s("oidc", "scope", "RSP_OIDC_SCOPE", "openid email profile"),
    _s("schedule", "interval_minutes", "RSP_SCHEDULER_INTERVAL", "5"),
    _s("schedule", "digest_cron", "RSP_DIGEST_CRON", "0 7 * * mon"),
    _s("schedule", "reminder_rules", "RSP_REMINDER_RULES", "each programme's own"),
    _s("templates", "dir", "RSP_TEMPLATE_DIR", "the bundled templates"),
    _s("templates", "cpu_seconds", "RSP_TEMPLATE_CPU_SECONDS", "10"),
    _s("templates", "memory_mb", "RSP_TEMPLATE_MEMORY_MB", "512"),
    _s("templates", "output_mb", "RSP_TEMPLATE_OUTPUT_MB", "16"),
    _s("logging", "level", "RSP_LOG_LEVEL", "info"),
    _s("logging", "format", "RSP_LOG_FORMAT", "text"),
)


def default_text(setting: Setting, lang: str) -> str:
    """What applies when the setting is neither in the file nor in the environment."""
    from process.core.catalogue import say

    key = f"config.default.{setting.env.lower()}"  # a description rather than a value
    return say(key, lang) if key in DEFAULTS else setting.default


BY_NAME = {s.name: s for s in SETTINGS}
BY_ENV = {s.env: s for s in SETTINGS}
SECRET_WORDS = re.compile(r"(?i)password|secret|token|passwd|api_?key")


class ConfigError(RspError):
    """The settings file cannot be used (the problems name file:line)."""


PROBLEMS = catalogue_section("config.problem")
DEFAULTS = catalogue_section("config.default")


def _words(key: str, lang: str, **values: object) -> str:
    from process.core.catalogue import say
    from process.core.words import phrase

    if "refs" in values:  # the settings that say where a secret is, joined in `lang`
        refs = [r for r in str(values.pop("refs")).split("\n") if r]
        values["how"] = say("common.or", lang).join(refs) or say("config.secret_ref", lang)
    return phrase(PROBLEMS, key, lang, **values)


@dataclass(frozen=True)
class Problem:
    """One problem of the file, at a line (0: the whole file): its kind and values, said
    in Swedish or English when shown (the file may itself set the language)."""

    line: int
    key: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str = "sv") -> str:
        """What is wrong, in the wanted language."""
        return _words(self.key, lang, **dict(self.values))

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.text("en")

    @property
    def setting(self) -> str | None:
        """The setting it is about, when it is one rsp knows."""
        name = "database.url" if self.key == "url_password" else dict(self.values).get("name")
        return name if name in BY_NAME else None


def _problem(line: int, key: str, **values: str) -> Problem:
    return Problem(line, key, tuple(values.items()))


@dataclass
class Loaded:
    """The settings file as read: each setting's value (as the variable's text) and line."""

    path: str | None
    values: dict[str, tuple[str, int]] = field(default_factory=dict)  # env -> (text, line)
    problems: list[Problem] = field(default_factory=list)

    def where(self, line: int) -> str:
        return f"{self.path}:{line}" if line else f"{self.path}"


def key_lines(text: str) -> dict[str, int]:
    """'section.key' -> line number, by scanning the text (tomllib keeps no positions)."""
    found: dict[str, int] = {}
    section = ""
    header = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\"' -]+?)\s*\]\s*(#.*)?$")
    assign = re.compile(
        r"^\s*((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)"
        r"(?:\s*\.\s*(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="
    )
    for number, line in enumerate(text.splitlines(), start=1):
        if m := header.match(line):
            section = m.group(1).replace('"', "").replace("'", "").strip()
            found.setdefault(section, number)
        elif m := assign.match(line):
            key = re.sub(r"\s*\.\s*", ".", m.group(1)).replace('"', "").replace("'", "")
            found.setdefault(f"{section}.{key}" if section else key, number)
    return found


def _as_text(value: object) -> str | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | str):
        return str(value)
    return None


def _secret_problem(line: int, setting_name: str) -> Problem:
    section = setting_name.rpartition(".")[0] or "section"
    refs = [f"{section}.{s.key} = …" for s in SETTINGS if s.section == section and s.secret_ref]
    return _problem(
        line,
        "secret",
        name=setting_name,
        refs="\n".join(refs),
    )


def parse(text: str, path: str) -> Loaded:
    """The settings of a TOML text; every problem with its line, none raised."""
    import tomllib  # only when there is a file to read

    loaded = Loaded(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        loaded.problems.append(_problem(int(m.group(1)) if m else 0, "not_toml", error=str(exc)))
        return loaded
    lines = key_lines(text)
    for section, table in data.items():
        if not isinstance(table, dict):
            name = section
            if SECRET_WORDS.search(name):
                loaded.problems.append(_secret_problem(lines.get(name, 0), name))
            else:
                loaded.problems.append(_problem(lines.get(name, 0), "no_section", name=name))
            continue
        for key, value in table.items():
            name = f"{section}.{key}"
            line = lines.get(name, lines.get(section, 0))
            setting = BY_NAME.get(name)
            if setting is None:
                if SECRET_WORDS.search(key):
                    loaded.problems.append(_secret_problem(line, name))
                else:
                    known = ", ".join(s.key for s in SETTINGS if s.section == section)
                    sections = ", ".join(sorted({s.section for s in SETTINGS}))
                    loaded.problems.append(
                        _problem(line, "unknown_in", name=name, section=section, known=known)
                        if known
                        else _problem(line, "unknown_section", name=name, sections=sections)
                    )
                continue
            as_text = _as_text(value)
            if as_text is None:
                loaded.problems.append(_problem(line, "one_value", name=name))
                continue
            if setting.env == "RSP_DATABASE_URL" and _url_password(as_text):
                loaded.problems.append(_problem(line, "url_password"))
                continue
            loaded.values[setting.env] = (as_text, line)
    return loaded


def _url_password(url: str) -> bool:
    return bool(
        re.search(r"://[^:/?#\s@]*:[^@\s]+@", url)
        or re.search(r"(?i)[?&;](?:ssl)?pass(?:word)?=", url)
    )


def chosen_path(option: str | None, environ: Mapping[str, str]) -> tuple[str | None, bool]:
    """The settings file to read and whether it was asked for (a missing default is fine)."""
    if option:
        return option, True
    if environ.get(CONFIG_VAR):
        return environ[CONFIG_VAR], True
    return (DEFAULT_PATH, False) if Path(DEFAULT_PATH).is_file() else (None, False)


def load(option: str | None, environ: Mapping[str, str]) -> Loaded:
    """Read the settings file chosen by --config, RSP_CONFIG or the default path."""
    path, asked = chosen_path(option, environ)
    if path is None:
        return Loaded(None)
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        loaded = Loaded(path)
        if asked or not isinstance(exc, FileNotFoundError):
            error = str(getattr(exc, "strerror", None) or exc)
            loaded.problems.append(_problem(0, "unreadable", error=error))
        return loaded
    return parse(text, path)


@dataclass(frozen=True)
class Applied:
    """What `apply` did: the file, and the variables it set (env -> line)."""

    loaded: Loaded
    from_file: dict[str, int]


def apply(loaded: Loaded, environ: MutableMapping[str, str] | None = None) -> Applied:
    """Set each variable the file gives and the environment does not (the environment
    wins); returns which ones came from the file."""
    target = os.environ if environ is None else environ
    from_file = {}
    for env, (value, line) in loaded.values.items():
        if env not in target:
            target[env] = value
            from_file[env] = line
    return Applied(loaded, from_file)


_applied: list[Applied] = []


def remember(applied: Applied) -> None:
    """Keep what the entry point applied, for `rsp config check` in this process."""
    _applied[:] = [applied]


def last_applied() -> Applied | None:
    return _applied[0] if _applied else None


def refuse_problems(loaded: Loaded, lang: str = "sv") -> None:
    """Raise ConfigError naming every problem of the file (file:line), if it has any."""
    if loaded.problems:
        raise ConfigError(
            _words("refused", lang)
            + "\n"
            + "\n".join(f"  {loaded.where(p.line)}: {p.text(lang)}" for p in loaded.problems)
            + f"\n  {_words('see_check', lang)}"
        )


def option_in(args: list[str]) -> str | None:
    """The value of `--config FILE` / `--config=FILE` among the command line's arguments
    (read before click parses them, so that the file's settings act like variables)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--config" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--config="):
            return arg.partition("=")[2]
    return None
