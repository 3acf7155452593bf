"""Test doubles as real, typed code: a transport that records (and can be scripted to
fail or to crash after the server accepted a message)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from email.message import EmailMessage


class Crash(BaseException):
    """Stands for the process dying (not an Exception: nothing in rsp catches it)."""


@dataclass(frozen=True)
class Delivery:
    """One message as the transport accepted it."""

    message_id: str
    sender: str
    recipient: str
    message: EmailMessage


class RecordingTransport:
    """Accepts every message, unless the script says otherwise; thread-safe.

    `script` is consumed one entry per send: None accepts, an exception is raised.
    With `crash_after` = n, the n-th accepted message is recorded and then `Crash` is
    raised, as if the process died after the server took it but before the outbox knew.
    """

    description = "recording transport"

    def __init__(
        self, script: list[Exception | None] | None = None, crash_after: int | None = None
    ) -> None:
        self.script = list(script or [])
        self.crash_after = crash_after
        self.deliveries: list[Delivery] = []
        self.closed = 0
        self._lock = threading.Lock()

    def send(self, msg: EmailMessage, sender: str, recipient: str) -> None:
        """Record the message, or do what the script says."""
        with self._lock:
            outcome = self.script.pop(0) if self.script else None
            if outcome is not None:
                raise outcome
            self.deliveries.append(Delivery(str(msg["Message-ID"]).strip(), sender, recipient, msg))
            crash = self.crash_after is not None and len(self.deliveries) == self.crash_after
        if crash:
            raise Crash(f"process died after delivery {self.crash_after}")

    def close(self) -> None:
        """Count the close."""
        with self._lock:
            self.closed += 1

    def message_ids(self) -> list[str]:
        """The Message-IDs delivered, in order."""
        with self._lock:
            return [d.message_id for d in self.deliveries]
