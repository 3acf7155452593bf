"""Where a person may be sent after signing in: only a path on this site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

HOME = "/"
_SAFE = re.compile(r"^/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$")


def safe_next(value: str | None) -> str:
    """`value` if it is a local path ('/p/…'), else '/': never another site (an open
    redirect), never '//host', '/\\host', a scheme, or a control character."""
    if not value or len(value) > 500:
        return HOME
    if not _SAFE.match(value) or value.startswith("//") or "\\" in value:
        return HOME
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return HOME
    return value
