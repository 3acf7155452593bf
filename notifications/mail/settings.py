"""Mail settings from the environment; CLI options override single values.

RSP_MAIL_TRANSPORT   file | smtp (default: smtp if RSP_SMTP_HOST is set, else file)
RSP_MAIL_FROM        the From address, e.g. 'Region JH <rsp@region.example>'
RSP_OUTBOX_DIR       the file transport's folder (default: 'outbox' beside a SQLite
                     database, else ./rsp-outbox)
RSP_SMTP_HOST, RSP_SMTP_PORT (587 for starttls, 465 for ssl)
RSP_SMTP_TLS         starttls | ssl (default: ssl on port 465, else starttls)
RSP_SMTP_USER        the login, if the server wants AUTH
RSP_SMTP_PASSWORD_ENV  the NAME of the variable that holds the password
RSP_SMTP_PASSWORD_FILE or a file that holds it (readable only by rsp's user)
RSP_SMTP_CAFILE      a CA certificate file to trust (default: the system's)
RSP_SMTP_TIMEOUT     seconds (default 30);  RSP_SMTP_HELO  the name to greet with
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from notifications.mail.transports import (
    FileTransport,
    SmtpSettings,
    SmtpTransport,
    Transport,
    TransportConfigError,
)

DEFAULT_FROM = "rsp@localhost"


@dataclass(frozen=True)
class MailSettings:
    """Which transport, the From address, and the transport's own settings."""

    transport: str  # file | smtp
    mail_from: str
    outbox_dir: Path
    smtp: SmtpSettings | None = None
    # where people reach rsp in the browser (RSP_BASE_URL): mails link to their page there
    base_url: str | None = None

    @property
    def domain(self) -> str:
        """The stable domain of Message-IDs: the From address's."""
        from email.utils import parseaddr

        addr = parseaddr(self.mail_from)[1]
        return addr.rpartition("@")[2] or "localhost"

    def describe(self) -> str:
        """One line for people (never the password)."""
        if self.transport == "smtp" and self.smtp is not None:
            s = self.smtp
            where = f"${s.password_env}" if s.password_env else f"file {s.password_file}"
            auth = f", user {s.user}, password from {where}" if s.user else ""
            ca = f", CA file {s.cafile}" if s.cafile else ""
            return f"smtp {s.host}:{s.port} ({s.tls}{auth}{ca}), from {self.mail_from}"
        return f"file {self.outbox_dir}, from {self.mail_from}"


def page_base(env: Mapping[str, str]) -> str | None:
    """RSP_BASE_URL without its trailing '/', or None; TransportConfigError if it is not an
    http(s) address (mails would carry a link that leads nowhere)."""
    raw = (env.get("RSP_BASE_URL") or "").strip().rstrip("/")
    if not raw:
        return None
    if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", raw):
        raise TransportConfigError(
            f"RSP_BASE_URL={raw!r}: the address people reach rsp at, "
            "e.g. https://rsp.region.example"
        )
    return raw


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise TransportConfigError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise TransportConfigError(f"{name}={raw!r} must be positive")
    return value


def settings_from_env(
    env: Mapping[str, str],
    default_dir: Path,
    overrides: Mapping[str, str | None] | None = None,
    shared_database: bool = False,
) -> MailSettings:
    """Read the RSP_MAIL_*/RSP_SMTP_*/RSP_OUTBOX_DIR settings; `overrides` win.

    On a database others use too (not a local SQLite file) the file transport must be
    chosen explicitly: by default it would write the mails on this machine and mark the
    real reminders sent, so the real sender would deliver none of them."""
    merged = {k: v for k, v in env.items() if k.startswith("RSP_")}
    merged.update({k: v for k, v in (overrides or {}).items() if v})
    if shared_database and not merged.get("RSP_MAIL_TRANSPORT") and not merged.get("RSP_SMTP_HOST"):
        raise TransportConfigError(
            "this database is shared (not a local SQLite file): say how mail goes — "
            "RSP_SMTP_HOST=… for the mail server, or RSP_MAIL_TRANSPORT=file to write .eml "
            "files on this machine (the mails are then marked sent and not delivered)"
        )
    kind = merged.get("RSP_MAIL_TRANSPORT") or ("smtp" if merged.get("RSP_SMTP_HOST") else "file")
    if kind not in ("file", "smtp"):
        raise TransportConfigError(f"RSP_MAIL_TRANSPORT={kind!r}: use file or smtp")
    outbox_dir = Path(merged.get("RSP_OUTBOX_DIR") or default_dir).expanduser()
    if merged.get("RSP_MAIL_FROM"):
        check_mail_from(merged["RSP_MAIL_FROM"])
    base_url = page_base(merged)
    if kind == "file":
        return MailSettings(
            "file", merged.get("RSP_MAIL_FROM") or DEFAULT_FROM, outbox_dir, base_url=base_url
        )
    host = merged.get("RSP_SMTP_HOST")
    if not host:
        raise TransportConfigError("the smtp transport needs RSP_SMTP_HOST")
    if not merged.get("RSP_MAIL_FROM"):
        raise TransportConfigError(
            "the smtp transport needs RSP_MAIL_FROM, e.g. "
            "'Regionalt serviceprogram <rsp@region.example>'"
        )
    port = int(_number(merged, "RSP_SMTP_PORT", 0))
    tls = merged.get("RSP_SMTP_TLS") or ("ssl" if port == 465 else "starttls")
    if tls not in ("starttls", "ssl"):
        raise TransportConfigError(
            f"RSP_SMTP_TLS={tls!r}: use starttls (port 587) or ssl "
            "(port 465); rsp does not send unencrypted"
        )
    user = merged.get("RSP_SMTP_USER") or None
    password_env = merged.get("RSP_SMTP_PASSWORD_ENV") or None
    password_file = merged.get("RSP_SMTP_PASSWORD_FILE") or None
    if password_env and password_file:
        raise TransportConfigError(
            "set RSP_SMTP_PASSWORD_ENV or RSP_SMTP_PASSWORD_FILE "
            "(smtp.password_env or password_file), not both"
        )
    if user and not (password_env or password_file):
        raise TransportConfigError(
            "RSP_SMTP_USER is set: set RSP_SMTP_PASSWORD_ENV to the "
            "NAME of the environment variable that holds the password "
            "(or RSP_SMTP_PASSWORD_FILE to a file holding it)"
        )
    cafile = merged.get("RSP_SMTP_CAFILE") or None
    if cafile and not Path(cafile).is_file():
        raise TransportConfigError(f"RSP_SMTP_CAFILE: {cafile} is not a file")
    smtp = SmtpSettings(
        host=host,
        port=port or (465 if tls == "ssl" else 587),
        tls=tls,
        user=user,
        password_env=password_env,
        password_file=password_file,
        cafile=cafile,
        timeout=_number(merged, "RSP_SMTP_TIMEOUT", 30.0),
        helo=merged.get("RSP_SMTP_HELO") or None,
    )
    return MailSettings("smtp", merged["RSP_MAIL_FROM"], outbox_dir, smtp, base_url)


def check_mail_from(value: str) -> None:
    """Refuse an RSP_MAIL_FROM ('Name <addr@host>' or 'addr@host') whose name or address
    breaks rsp's one rule for names and addresses (`process.core.contact`), saying why."""
    from email.utils import parseaddr

    from process.core import contact

    problem = contact.control_problem(value)
    if problem is None:
        name, address = parseaddr(value)
        if "@" not in address:
            problem = "is not an e-mail address ('Name <addr@host>' or 'addr@host')"
        else:
            problem = contact.address_problem(address) or (
                contact.name_problem(name) if name else None
            )
    if problem:
        raise TransportConfigError(f"RSP_MAIL_FROM {value!r} {problem}")


def open_transport(settings: MailSettings, env: Mapping[str, str]) -> Transport:
    """The transport the settings describe; the password is read from `env` here only."""
    if settings.transport == "file" or settings.smtp is None:
        return FileTransport(settings.outbox_dir)
    password = None
    name = settings.smtp.password_env
    if settings.smtp.password_file:
        file_name = settings.smtp.password_file
        try:
            password = Path(file_name).expanduser().read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise TransportConfigError(
                f"RSP_SMTP_PASSWORD_FILE: cannot read {file_name}: "
                f"{getattr(exc, 'strerror', None) or exc}"
            ) from None
        if not password:
            raise TransportConfigError(f"RSP_SMTP_PASSWORD_FILE: {file_name} is empty")
    elif name:
        password = env.get(name)
        if not password:
            raise TransportConfigError(
                f"RSP_SMTP_PASSWORD_ENV names {name}, which is not set "
                "or empty (the password is read from it)"
            )
    return SmtpTransport(settings.smtp, password)


def default_outbox_dir(database_url: str) -> Path:
    """'outbox' beside a SQLite database file, else ./rsp-outbox."""
    prefix = "sqlite:///"
    if database_url.startswith(prefix) and database_url != prefix + ":memory:":
        return Path(database_url[len(prefix) :]).parent / "outbox"
    return Path("rsp-outbox")
