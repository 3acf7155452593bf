"""Checkpoints of the audit trail: a statement of every chain's length and newest hash at
a moment, signed with the installation's Ed25519 key and published outside the database
(the weekly digest carries the newest; it can be mailed to the registrar). Whoever keeps
one can later show that the trail still leads to it: no row it covers was removed,
changed or put in another order. Rows written after the newest published checkpoint are
the one thing such a check cannot vouch for.

Made at every board decision and once a day (the scheduler), and by `rsp audit
checkpoint`. The published form is a text block that survives being pasted into a mail.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from process.access import audit
from process.access.audit_key import AuditKey, verify_signature
from process.core.errors import InvalidInput
from process.core.nesting import loads_json

FORMAT = "rsp-checkpoint-1"
BEGIN, END = "-----BEGIN RSP AUDIT CHECKPOINT-----", "-----END RSP AUDIT CHECKPOINT-----"
_BLOCK = re.compile(re.escape(BEGIN) + r"\s*(.*?)\s*" + re.escape(END), re.S)


@dataclass(frozen=True)
class Checkpoint:
    """A statement of the trail's chains (length and head) and its signature."""

    made_at: str  # the real time it was made (ISO, UTC)
    reason: str  # decision | daily | manual | legacy
    chains: dict[int, tuple[int, str]]  # chain → (rows, newest hash)
    body: str  # the signed text
    signature: str = ""  # Ed25519 signature of `body` (hex); "" when the trail has no key
    public_key: str = ""

    @property
    def rows(self) -> int:
        """How many rows it covers."""
        return sum(seq for seq, _head in self.chains.values())

    def published(self) -> str:
        """The text block to publish (in a mail, a file, a web page)."""
        payload = {"body": self.body, "signature": self.signature, "public_key": self.public_key}
        return f"{BEGIN}\n{json.dumps(payload, ensure_ascii=False)}\n{END}\n"


def _statement(
    chains: dict[int, tuple[int, str]], made_at: dt.datetime, reason: str, key_id: str | None
) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "made_at": made_at.astimezone(dt.UTC).isoformat(),
            "reason": reason,
            "key_id": key_id,
            "chains": {str(c): [s, h] for c, (s, h) in sorted(chains.items())},
        },
        sort_keys=True,
        separators=(",", ":"),
    )


def make(
    session: Session, recorded_at: dt.datetime, reason: str, key: AuditKey | None
) -> Checkpoint:
    """A checkpoint of the trail as it stands in this transaction, signed when there is a
    key, and kept in the database (to publish)."""
    chains = audit.heads(session)
    body = _statement(chains, recorded_at, reason, key.key_id if key else None)
    cp = Checkpoint(
        recorded_at.astimezone(dt.UTC).isoformat(),
        reason,
        chains,
        body,
        key.sign(body) if key else "",
        key.public_key() if key else "",
    )
    session.connection().execute(
        sa.insert(_table()),
        dict(
            made_at=recorded_at,
            reason=reason,
            body=body,
            signature=cp.signature,
            public_key=cp.public_key,
        ),
    )
    return cp


def _table() -> sa.Table:
    """The checkpoints' table, built on first use (a transition without a decision on an
    unkeyed trail makes none)."""
    from process.storage.checkpoint_table import AuditCheckpoint
    from process.storage.table_of import table_of

    return table_of(AuditCheckpoint)


def latest(session: Session) -> Checkpoint | None:
    """The newest checkpoint kept in the database, or None."""
    table = _table()
    row = (
        session.connection()
        .execute(
            sa.select(table.c.body, table.c.signature, table.c.public_key)
            .order_by(table.c.id.desc())
            .limit(1)
        )
        .first()
    )
    return _from_parts(row[0], row[1], row[2], "the database") if row else None


def _from_parts(
    body: str, signature: str, public_key: str, source: str, line: int = 1
) -> Checkpoint:
    try:
        data = loads_json(body, source, line)
        if data.get("format") != FORMAT:
            raise ValueError("format")
        chains = {int(c): (int(v[0]), str(v[1])) for c, v in data["chains"].items()}
        if any(s < 0 for s, _h in chains.values()):
            raise ValueError("negative")
        return Checkpoint(
            str(data["made_at"]),
            str(data["reason"]),
            chains,
            body,
            str(signature or ""),
            str(public_key or ""),
        )
    except (
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OverflowError,
        RecursionError,
    ):
        raise InvalidInput(f"{source}: not a checkpoint from 'rsp audit checkpoint'") from None


def parse(text: str, source: str) -> Checkpoint:
    """A checkpoint from its published block (in a file, or in a saved digest mail), or
    from the JSON of `rsp audit checkpoint` of release 0.1 ({"id": …, "hash": …})."""
    text = _mail_text(text)
    match = _BLOCK.search(text)
    try:
        if match:
            line = text.count("\n", 0, match.start(1)) + 1
            payload = loads_json(match.group(1), source, line)
            return _from_parts(
                str(payload["body"]),
                str(payload.get("signature") or ""),
                str(payload.get("public_key") or ""),
                source,
                line,
            )
        legacy = loads_json(text, source)
        if (
            isinstance(legacy, dict)
            and isinstance(legacy.get("hash"), str)
            and re.fullmatch(r"[0-9a-f]{64}", legacy["hash"])
        ):
            rid = int(legacy["id"])
            if rid >= 1:
                return Checkpoint(
                    str(legacy.get("at", "")),
                    "legacy",
                    {audit.LEGACY_CHAIN: (rid, legacy["hash"])},
                    text,
                )
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError):
        pass
    except InvalidInput:
        raise
    raise InvalidInput(
        f"{source}: not a checkpoint: no rsp audit checkpoint in it (a file "
        "from 'rsp audit checkpoint', or a saved digest mail with a block "
        f"starting {BEGIN})"
    )


def _mail_text(text: str) -> str:
    """The text of a saved mail's parts (quoted-printable or base64 decoded), or `text`."""
    if BEGIN in text or not re.match(r"^[A-Za-z-]+: ", text):
        return text
    import email
    import email.policy

    message = email.message_from_string(text, policy=email.policy.default)
    parts = []
    for part in message.walk():
        if part.get_content_maintype() == "text":
            try:
                parts.append(str(part.get_content()))
            except (LookupError, ValueError):
                continue
    return "\n".join(parts) or text


def load(path: str) -> Checkpoint:
    """A checkpoint from a file (its block, a saved mail, or 0.1's JSON)."""
    try:
        with open(path, encoding="utf-8", errors="strict") as fh:
            text = fh.read(10_000_000)
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: not a checkpoint: cannot be read as text ({exc})") from None
    return parse(text, path)


def signature_problems(cp: Checkpoint, trusted_public_key: str | None) -> list[str]:
    """What is wrong with a checkpoint's signature, given the public key to trust."""
    if cp.reason == "legacy":
        return []
    if not cp.signature:
        return (
            []
            if trusted_public_key is None
            else ["the checkpoint is not signed, but the trail has a key: it proves nothing"]
        )
    if not verify_signature(cp.public_key, cp.body, cp.signature):
        return ["the checkpoint's signature does not match its content (forged or edited)"]
    if trusted_public_key is not None and cp.public_key != trusted_public_key:
        return [
            "the checkpoint is signed with another key than this installation's "
            f"({cp.public_key[:16]}… instead of {trusted_public_key[:16]}…)"
        ]
    return []
