"""Mail transports: SMTP (STARTTLS or implicit TLS, AUTH, certificates verified) and a
file transport that writes `.eml` files into a folder (the default: no server needed).

A transport's `send` raises `TemporaryFailure` (4xx, a dropped or refused connection:
retry later), `PermanentFailure` (5xx: the server's reason is kept) or
`TransportConfigError` (wrong password, untrusted certificate, no STARTTLS: nothing can
be sent until someone fixes the settings). The SMTP password is read from the
environment variable that RSP_SMTP_PASSWORD_ENV names, kept only in memory, and scrubbed
from every error text.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from process.core.errors import RspError

if TYPE_CHECKING:
    import smtplib


class TemporaryFailure(Exception):
    """The message could not be sent now; try again later."""


class Unreachable(TemporaryFailure):
    """The server could not be reached or would not talk: nothing else will go either."""


class PermanentFailure(Exception):
    """The server refused the message for good (5xx)."""


class TransportConfigError(RspError):
    """The transport cannot work as configured; nothing was sent."""


class Transport(Protocol):
    """Sends one message to one envelope recipient; `close` ends any connection."""

    description: str

    def send(self, msg: EmailMessage, sender: str, recipient: str) -> None:
        """Send, or raise TemporaryFailure, PermanentFailure or TransportConfigError."""

    def close(self) -> None:
        """Release the connection, if any."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to reach the SMTP server (the password itself is not here)."""

    host: str
    port: int = 587
    tls: str = "starttls"  # starttls | ssl
    user: str | None = None
    password_env: str | None = None  # the NAME of the variable holding the password
    password_file: str | None = None  # or a file holding it (readable only by rsp's user)
    cafile: str | None = None
    timeout: float = 30.0
    helo: str | None = None

    @property
    def where(self) -> str:
        """The server, for messages."""
        return f"SMTP server {self.host}:{self.port}"


def failure_for(code: int, text: bytes | str, scrub: Scrubber | None = None) -> Exception:
    """TemporaryFailure for a 4xx answer, PermanentFailure for 5xx (with the reason)."""
    reason = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    reason = f"{code} {' '.join(reason.split())}"
    if scrub is not None:
        reason = scrub(reason)
    return PermanentFailure(reason) if 500 <= code < 600 else TemporaryFailure(reason)


@dataclass(frozen=True)
class Scrubber:
    """Removes a secret (and its base64 forms, as AUTH sends it) from a text."""

    secrets: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def for_login(cls, user: str | None, password: str | None) -> Scrubber:
        """A scrubber for this login's password."""
        if not password:
            return cls()
        forms = {
            password,
            base64.b64encode(password.encode()).decode(),
            base64.b64encode(f"\0{user or ''}\0{password}".encode()).decode(),
        }
        return cls(tuple(sorted(forms, key=len, reverse=True)))

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


class SmtpTransport:
    """Sends over one SMTP connection, opened on first use and reopened after a drop."""

    def __init__(self, settings: SmtpSettings, password: str | None) -> None:
        self.settings = settings
        self._password = password
        self._scrub = Scrubber.for_login(settings.user, password)
        self._smtp: smtplib.SMTP | None = None
        s = settings
        self.description = (
            f"smtp {s.host}:{s.port} ({s.tls}" + (f", user {s.user}" if s.user else "") + ")"
        )

    def __repr__(self) -> str:
        return f"SmtpTransport({self.description})"

    def _connect(self) -> smtplib.SMTP:
        import smtplib
        import ssl

        s = self.settings
        context = ssl.create_default_context(cafile=s.cafile)
        smtp: smtplib.SMTP | None = None
        try:
            if s.tls == "ssl":
                smtp = smtplib.SMTP_SSL(
                    s.host, s.port, local_hostname=s.helo, timeout=s.timeout, context=context
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, local_hostname=s.helo, timeout=s.timeout)
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise TransportConfigError(
                        f"{s.where} does not offer STARTTLS; rsp does "
                        "not send mail unencrypted (try RSP_SMTP_TLS=ssl)"
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.user:
                smtp.login(s.user, self._password or "")
            return smtp
        except Exception as exc:
            if smtp is not None:
                smtp.close()
            raise self._connect_error(exc) from None

    def _connect_error(self, exc: Exception) -> Exception:
        import smtplib
        import ssl

        s = self.settings
        if isinstance(exc, TransportConfigError):
            return exc
        if isinstance(exc, UnicodeEncodeError):
            return TransportConfigError(
                f"{s.where}: the login or password holds characters "
                "outside ASCII, which SMTP AUTH cannot send here"
            )
        if isinstance(exc, ssl.SSLCertVerificationError):
            return TransportConfigError(
                f"{s.where}: its certificate is not trusted ({exc.verify_message}); set "
                "RSP_SMTP_CAFILE to the CA certificate that signed it"
            )
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            reason = self._scrub(failure_for(exc.smtp_code, exc.smtp_error).args[0])
            return TransportConfigError(
                f"{s.where} refused the login of {s.user!r}: {reason}; check the password "
                f"in the environment variable {s.password_env}"
            )
        if isinstance(exc, smtplib.SMTPNotSupportedError | smtplib.SMTPHeloError) or (
            type(exc) is smtplib.SMTPException
        ):
            return TransportConfigError(f"{s.where}: {self._scrub(str(exc))}")
        if isinstance(exc, smtplib.SMTPResponseException):
            return Unreachable(
                f"{s.where} answered: "
                + failure_for(exc.smtp_code, exc.smtp_error, self._scrub).args[0]
            )
        return Unreachable(f"cannot reach {s.where}: {self._scrub(str(exc)) or type(exc).__name__}")

    def send(self, msg: EmailMessage, sender: str, recipient: str) -> None:
        """Send one message to one envelope recipient."""
        import smtplib

        if self._smtp is None:
            self._smtp = self._connect()
        try:
            self._smtp.send_message(msg, from_addr=sender, to_addrs=[recipient])
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            raise failure_for(code, text, self._scrub) from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code == 421:
                self._drop()
            raise failure_for(exc.smtp_code, exc.smtp_error, self._scrub) from None
        except (smtplib.SMTPException, OSError) as exc:
            self._drop()
            raise TemporaryFailure(
                f"connection to {self.settings.where} lost: "
                f"{self._scrub(str(exc)) or type(exc).__name__}"
            ) from None

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None

    def close(self) -> None:
        """Say QUIT and close the connection, if one is open."""
        if self._smtp is None:
            return
        try:
            self._smtp.quit()
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        finally:
            self._drop()


_UNSAFE = re.compile(r"[^A-Za-z0-9._@+-]")


class FileTransport:
    """Writes each message as an .eml file named after its Message-ID (a resend of the
    same message replaces its file)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.description = f"file {self.folder}"

    def path_for(self, msg: EmailMessage) -> Path:
        """Where a message goes: <folder>/<Message-ID>.eml."""
        name = _UNSAFE.sub("_", str(msg["Message-ID"]).strip("<> "))
        return self.folder / f"{name}.eml"

    def send(self, msg: EmailMessage, sender: str, recipient: str) -> None:
        """Write the message (atomically: a reader never sees half a file; into a new file
        of a random name, so nothing planted in the folder is followed or overwritten)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TransportConfigError(
                f"cannot create the outbox folder {self.folder}: {exc.strerror}"
            ) from None
        target = self.path_for(msg)
        try:
            _write_new_then_rename(target, msg.as_bytes())
        except OSError as exc:
            raise TemporaryFailure(f"cannot write {target}: {exc.strerror}") from None

    def close(self) -> None:
        """Nothing to close."""


def _write_new_then_rename(target: Path, data: bytes) -> None:
    """Write `data` to a file made new for it beside `target` (O_CREAT|O_EXCL|O_NOFOLLOW,
    a random name: a symlink or file planted there is never followed or written to), then
    rename it over `target` (which replaces a planted link itself, not what it points
    to)."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
