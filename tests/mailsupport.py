"""Test helpers for mail: a CA and server certificate made on the spot, a real SMTP server
(aiosmtpd on 127.0.0.1, a free port) with STARTTLS or implicit TLS and AUTH, and a
source of synthetic deadline items."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notifications.reminders.due import DeadlineItem, Recipient
from notifications.reminders.milestones import Collected

SMTP_USER = "rsp-avsandare"
SMTP_PASSWORD = "Hemligt-ord-4711-XyZ"  # ASCII: smtplib's AUTH encodes as ASCII
FAR_PAST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # fixed validity: no clock needed
FAR_FUTURE = dt.datetime(2099, 12, 31, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Certificates:
    ca: Path  # the CA certificate the client trusts (RSP_SMTP_CAFILE)
    cert: Path  # the server's certificate, signed by the CA, for 127.0.0.1 and localhost
    key: Path


def make_certificates(folder: Path) -> Certificates:
    """A throw-away CA and a server certificate it signed."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(name("rsp test CA"))
        .issuer_name(name("rsp test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(FAR_PAST)
        .not_valid_after(FAR_FUTURE)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name("localhost"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(FAR_PAST)
        .not_valid_after(FAR_FUTURE)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    out = Certificates(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    out.ca.write_bytes(ca_cert.public_bytes(pem))
    out.cert.write_bytes(cert.public_bytes(pem))
    out.key.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return out


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    authenticated: bool
    tls: bool


@dataclass
class Handler:
    """Accepts mail, unless `script` says otherwise for the next DATA: an SMTP reply such
    as '451 4.3.0 Try again later', or 'drop' to cut the connection."""

    script: list[str] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    logins: list[tuple[str, bool]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        action = self.script.pop(0) if self.script else "250 2.0.0 OK"
        if action == "drop":
            server.transport.abort()
            return "250 2.0.0 never seen"
        if action.startswith("250"):
            self.received.append(
                Received(
                    envelope.mail_from,
                    list(envelope.rcpt_tos),
                    bytes(envelope.content),
                    bool(session.authenticated),
                    session.ssl is not None,
                )
            )
        return action

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> Any:
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == SMTP_USER.encode()
            and auth_data.password == SMTP_PASSWORD.encode()
        )
        self.logins.append((mechanism, ok))
        return AuthResult(success=ok, handled=False)


@dataclass
class Server:
    host: str
    port: int
    handler: Handler
    certs: Certificates


@contextmanager
def smtp_server(certs: Certificates, tls: str = "starttls") -> Iterator[Server]:
    """A real SMTP server on 127.0.0.1 and a free port: STARTTLS required (or implicit
    TLS with tls='ssl', or none with tls='none'), AUTH required."""
    from aiosmtpd.controller import Controller

    class FreePortController(Controller):
        def _trigger_server(self) -> None:
            assert self.server is not None
            self.port = self.server.sockets[0].getsockname()[1]  # bound to port 0
            super()._trigger_server()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certs.cert), str(certs.key))
    handler = Handler()
    options: dict[str, Any] = {"authenticator": handler.authenticate, "auth_required": True}
    if tls == "starttls":
        options.update(tls_context=context, require_starttls=True, auth_require_tls=True)
    elif tls == "ssl":  # aiosmtpd's AUTH-needs-TLS check only knows STARTTLS
        options.update(ssl_context=context, auth_require_tls=False)
    else:
        options.update(auth_require_tls=False)
    controller = FreePortController(
        handler, hostname="127.0.0.1", port=0, server_hostname="localhost", **options
    )
    controller.start()
    try:
        yield Server("127.0.0.1", controller.port, handler, certs)
    finally:
        controller.stop()


def synthetic(n: int, due: str = "2023-05-15"):
    """A deadline-item source of n measure-like items: a lead body, Länsstyrelsen in Cc."""
    items = [
        DeadlineItem(
            "measure",
            f"measure:{i}",
            f"Åtgärd {i}: servicepunkter",
            dt.date.fromisoformat(due),
            (Recipient(f"lead{i}@kommun.example", f"Kommun {i}"),),
            (Recipient("rsp@lansstyrelsen.example", "Länsstyrelsen"),),
        )
        for i in range(n)
    ]

    def source(session: Any, rules: Any, now: Any, lang: str) -> Collected:
        return Collected(items=list(items))

    return source
