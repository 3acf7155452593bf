"""Random tokens and their hashes: what a browser or a mail holds is never stored as is."""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_DIGITS = 6


def new_token() -> str:
    """A fresh random token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def new_code() -> str:
    """A short code to type by hand: six digits."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def digest(value: str) -> str:
    """SHA-256 of a token, hex (how it is stored and looked up)."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def salted(salt: str, value: str) -> str:
    """SHA-256 of a value under a salt (a short code, salted by its link)."""
    return hashlib.sha256(f"{salt}\x00{value}".encode()).hexdigest()


def keyed(key: bytes, value: str) -> str:
    """HMAC-SHA256 of a value under the server's secret, hex."""
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    """Compare two tokens in constant time."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def normalise_code(text: str) -> str:
    """A typed code without spaces or dashes ('123 456' → '123456')."""
    return "".join(ch for ch in text if ch.isdigit())
