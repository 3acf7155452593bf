"""The installation's audit key, kept outside the database: a secret that authenticates
every audit row (HMAC-SHA256) and an Ed25519 key that signs the published checkpoints.

`rsp audit keygen FILE` writes one; the processes that write (the web server, the
scheduler, the administrator's command line) find it through RSP_AUDIT_KEY_FILE. Someone
who can write to the database but does not have the file cannot add, change, remove or
reorder a row without `rsp audit verify` noticing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from process.core.errors import InvalidInput

ENV_VAR = "RSP_AUDIT_KEY_FILE"
FORMAT = "rsp-audit-key-1"


@dataclass(frozen=True)
class AuditKey:
    """The secret of one installation's trail."""

    mac_key: bytes  # 32 random bytes
    signing_seed: bytes  # the Ed25519 private key's 32 bytes
    path: str

    @cached_property  # asked at every sealed write
    def key_id(self) -> str:
        """A short public name of the key (not the secret)."""
        return hashlib.sha256(b"rsp-audit-key-id" + self.mac_key).hexdigest()[:16]

    def mac(self, row_hash: str) -> str:
        """The authentication code of a row's hash."""
        return hmac.new(self.mac_key, row_hash.encode("ascii"), hashlib.sha256).hexdigest()

    def public_key(self) -> str:
        """The Ed25519 public key (hex) that checkpoints are verified with."""
        return public_key_of(self.signing_seed)

    def sign(self, body: str) -> str:
        """The Ed25519 signature (hex) of a checkpoint's text."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return (
            Ed25519PrivateKey.from_private_bytes(self.signing_seed).sign(body.encode("utf-8")).hex()
        )


@lru_cache(maxsize=8)
def public_key_of(seed: bytes) -> str:
    """The Ed25519 public key (hex) of a private key's bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    public = Ed25519PrivateKey.from_private_bytes(seed).public_key()
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def verify_signature(public_key_hex: str, body: str, signature_hex: str) -> bool:
    """Whether `signature_hex` is the key's Ed25519 signature of `body`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(bytes.fromhex(signature_hex), body.encode("utf-8"))
    except (InvalidSignature, ValueError):
        return False
    return True


def generate(path: str) -> AuditKey:
    """Write a new key file (readable by its owner only); refuses to replace one."""
    target = Path(path).expanduser()
    if target.exists():
        raise InvalidInput(
            f"{path} exists already: a key is never replaced (the trail it "
            "sealed could no longer be verified); choose another file"
        )
    if not target.parent.is_dir():
        raise InvalidInput(f"{path}: folder {target.parent} does not exist")
    key = AuditKey(secrets.token_bytes(32), secrets.token_bytes(32), str(target))
    text = (
        json.dumps(
            {"format": FORMAT, "mac_key": key.mac_key.hex(), "signing_key": key.signing_seed.hex()}
        )
        + "\n"
    )
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(text)
    return key


def load(path: str) -> AuditKey:
    """The key in a key file, or InvalidInput saying why the file is not one."""
    try:
        data = json.loads(Path(path).expanduser().read_text(encoding="ascii"))
        if data.get("format") != FORMAT:
            raise ValueError("not an rsp audit key")
        key = AuditKey(bytes.fromhex(data["mac_key"]), bytes.fromhex(data["signing_key"]), path)
        if len(key.mac_key) != 32 or len(key.signing_seed) != 32:
            raise ValueError("wrong key length")
    except OSError as exc:
        raise InvalidInput(f"{ENV_VAR} {path}: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError):
        raise InvalidInput(
            f"{ENV_VAR} {path}: not an audit key file from 'rsp audit keygen'"
        ) from None
    return key


def from_environment() -> AuditKey | None:
    """The key named by RSP_AUDIT_KEY_FILE, or None when it is not set."""
    path = os.environ.get(ENV_VAR)
    return load(path) if path else None


_current: list[AuditKey | None] = []


def use(key: AuditKey | None) -> None:
    """Seal with this key from now on in this process (None: no key); the entry points
    call it, tests too."""
    _current[:] = [key]


def current() -> AuditKey | None:
    """The key this process seals rows with: as `use` set it, else RSP_AUDIT_KEY_FILE's."""
    if not _current:
        _current.append(from_environment())
    return _current[0]
