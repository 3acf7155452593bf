"""Checking the audit trail: every chain whole and in order, every row sealed with the
installation's key (when the verifier has it), nothing cut off before a published
checkpoint. One pass over the rows in chain order, in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from process.access import audit, installation
from process.access.audit_key import AuditKey
from process.access.checkpoints import Checkpoint

MAX_PROBLEMS = 20


@dataclass
class Verification:
    """What `verify` found."""

    rows: int = 0
    chains: dict[int, tuple[int, str]] = field(default_factory=dict)  # chain → (seq, head)
    problems: list[str] = field(default_factory=list)
    sealed: int = 0  # rows whose MAC was checked and holds
    keyed: bool = False  # whether MACs were checked (the verifier had the key)
    installation_keyed: bool = False  # whether the installation says it is keyed
    checkpoint_rows_after: int | None = None  # rows written after the checkpoint given
    state: list[str] = field(default_factory=list)  # state that differs from the trail

    @property
    def ok(self) -> bool:
        return not self.problems and not self.state

    @property
    def head(self) -> str:
        """One hash standing for every chain's head (for a short display)."""
        import hashlib

        text = ";".join(f"{c}:{s}:{h}" for c, (s, h) in sorted(self.chains.items()))
        return hashlib.sha256(text.encode()).hexdigest() if self.chains else audit.GENESIS


class _Stop(Exception):
    pass


def verify(
    session: Session,
    checkpoint: Checkpoint | None = None,
    key: AuditKey | None = None,
    max_problems: int = MAX_PROBLEMS,
) -> Verification:
    """Check every chain; with the key, every seal; with a checkpoint, that nothing it
    covers was cut off or changed."""
    return verify_rows(
        audit.iter_rows(session), checkpoint, key, installation.facts(session).key_id, max_problems
    )


def verify_rows(
    rows: Iterable[dict[str, Any]],
    checkpoint: Checkpoint | None = None,
    key: AuditKey | None = None,
    installation_key_id: str | None = None,
    max_problems: int = MAX_PROBLEMS,
) -> Verification:
    """`verify` over rows from anywhere (the database, an export) in (chain, seq) order."""
    result = Verification(keyed=key is not None, installation_keyed=installation_key_id is not None)
    if key is not None and installation_key_id is not None and key.key_id != installation_key_id:
        result.problems.append(
            f"the key {key.path} is not this installation's (its id is "
            f"{key.key_id}, the trail's {installation_key_id})"
        )
        key = None
        result.keyed = False
    legacy_head = audit.GENESIS
    chain: int | None = None
    expected, prev = 1, audit.GENESIS
    wanted = dict(checkpoint.chains) if checkpoint is not None else {}
    found: dict[int, str] = {}
    try:
        for row in rows:
            if row["chain"] != chain:
                if chain is not None:
                    result.chains[chain] = (expected - 1, prev)
                chain = row["chain"]
                expected = 1
                prev = audit.GENESIS if chain == audit.LEGACY_CHAIN else legacy_head
            result.rows += 1
            if chain in wanted and row["seq"] == wanted[chain][0]:
                found[chain] = row["hash"]
            _check_row(row, expected, prev, key, result, max_problems)
            expected, prev = row["seq"] + 1, row["hash"]
            if chain == audit.LEGACY_CHAIN:
                legacy_head = prev
    except _Stop:
        result.problems.append("… stopped after too many problems")
    if chain is not None:
        result.chains[chain] = (expected - 1, prev)
    if checkpoint is not None:
        _against_checkpoint(result, checkpoint, found)
    return result


def _problem(result: Verification, text: str, max_problems: int) -> None:
    result.problems.append(text)
    if len(result.problems) >= max_problems:
        raise _Stop


def _check_row(
    row: dict[str, Any],
    expected: int,
    prev: str,
    key: AuditKey | None,
    result: Verification,
    max_problems: int,
) -> None:
    rid, seq, chain = row["id"], row["seq"], row["chain"]
    where = (
        "the installation"
        if chain == audit.INSTALLATION_CHAIN
        else ("the rows before 0.2" if chain == audit.LEGACY_CHAIN else f"programme {chain}")
    )
    if seq != expected:
        what = "missing (deleted?)" if seq > expected else "out of order"
        _problem(
            result,
            f"row {rid}: {where}: position {expected} is {what}; the next row found is at {seq}",
            max_problems,
        )
    if row["prev_hash"] != prev:
        _problem(
            result,
            f"row {rid}: does not follow the row before it in {where} (a row "
            "was deleted, inserted or reordered just before it)",
            max_problems,
        )
    if audit.row_hash(row) != row["hash"]:
        _problem(result, f"row {rid}: content does not match its hash (edited)", max_problems)
    if key is None or chain == audit.LEGACY_CHAIN:
        return
    if row.get("mac") is None:
        _problem(
            result,
            f"row {rid}: not sealed with the installation's key (added by someone without it?)",
            max_problems,
        )
    elif row["mac"] != key.mac(row["hash"]):
        _problem(
            result,
            f"row {rid}: its seal does not match (written or rewritten "
            "without the installation's key)",
            max_problems,
        )
    else:
        result.sealed += 1


def _against_checkpoint(
    result: Verification, checkpoint: Checkpoint, found: dict[int, str]
) -> None:
    """Every chain still leads to the checkpoint's head; count the rows written since."""
    after = 0
    for chain, (seq, head) in sorted(checkpoint.chains.items()):
        have = result.chains.get(chain, (0, audit.GENESIS))[0]
        if chain not in found:
            result.problems.append(
                f"chain {chain}: the checkpoint of {checkpoint.made_at} covers {seq} rows, "
                f"the trail has {have}: the newest rows were removed"
            )
        elif found[chain] != head:
            result.problems.append(
                f"chain {chain}: row {seq} differs from the checkpoint of "
                f"{checkpoint.made_at} (the trail was rewritten)"
            )
        after += max(0, have - seq)
    after += sum(
        seq for chain, (seq, _h) in result.chains.items() if chain not in checkpoint.chains
    )
    result.checkpoint_rows_after = after
