"""What `rsp audit verify`, `checkpoint` and `seal` do: check the trail whole (chains,
seals, a published checkpoint, the state of the tables), make a checkpoint to publish,
and seal the trail with the installation's key."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from process.access import (
    audit,
    audit_key,
    audit_verify,
    checkpoints,
    installation,
    trail_state,
)
from process.access.checkpoints import Checkpoint
from process.core.clock import Clock
from process.core.errors import InvalidInput, PermissionDenied
from process.core.nesting import loads_json
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.tables import AuditEvent, Installation, Person


@dataclass
class TrailReport:
    """The verdict on a trail, with the lines to show."""

    verification: audit_verify.Verification
    source: str  # the database, or an export file
    checkpoint: Checkpoint | None = None
    signature_problems: list[str] = field(default_factory=list)
    replay: bool = False
    key_id: str | None = None  # the installation's key id, if it is sealed
    state_checked: bool = False

    @property
    def ok(self) -> bool:
        return self.verification.ok and not self.signature_problems

    def lines(self) -> list[str]:
        """What the command prints: the verdict, then each problem."""
        v = self.verification
        out = []
        if self.replay:
            out.append("note: a replay database (rsp init --replay): its times are simulated")
        for problem in [*v.problems, *self.signature_problems, *v.state]:
            out.append(f"BROKEN: {problem}")
        chains = len(v.chains)
        if self.ok:
            out.append(f"audit trail OK: {v.rows} rows in {chains} chain(s), head {v.head[:16]}…")
        else:
            n = len(v.problems) + len(self.signature_problems) + len(v.state)
            out.append(f"audit trail BROKEN: {n} problem(s) in {v.rows} rows")
        out += self._seal_lines()
        if self.checkpoint is not None and self.ok:
            out.append(
                f"checkpoint of {self.checkpoint.made_at}: the trail still leads to it; "
                f"{v.checkpoint_rows_after} row(s) written after it (not anchored "
                "until the next published checkpoint)"
            )
        if self.state_checked and not v.state:
            out.append(
                "state: processes, measures, decisions, roles, delegations, steps "
                "and mails agree with the trail"
            )
        return out

    def _seal_lines(self) -> list[str]:
        v = self.verification
        if self.key_id is None and not v.keyed:
            return [
                "not sealed: anyone who can write to the database could rewrite this "
                "trail undetected; make a key ('rsp audit keygen FILE') and seal it "
                "('rsp audit seal')"
            ]
        if not v.keyed:
            return [
                f"sealed with key {self.key_id}, but seals not checked: give the key "
                f"({audit_key.ENV_VAR}) to check them"
            ]
        return [f"seals: {v.sealed} row(s) checked with key {self.key_id or '(given)'}"]

    def to_dict(self) -> dict[str, Any]:
        v = self.verification
        return {
            "ok": self.ok,
            "source": self.source,
            "rows": v.rows,
            "chains": {str(c): {"rows": s, "head": h} for c, (s, h) in v.chains.items()},
            "problems": v.problems,
            "signature_problems": self.signature_problems,
            "state_differences": v.state,
            "sealed_rows": v.sealed,
            "seals_checked": v.keyed,
            "key_id": self.key_id,
            "replay": self.replay,
            "checkpoint": asdict(self.checkpoint) if self.checkpoint else None,
            "rows_after_checkpoint": v.checkpoint_rows_after,
        }


def _trusted_key(
    key: audit_key.AuditKey | None, given: str | None, stored: str | None
) -> str | None:
    if given:
        try:
            bytes.fromhex(given.strip())
        except ValueError:
            raise InvalidInput(f"--public-key {given!r} is not a hex public key") from None
        return given.strip().lower()
    return key.public_key() if key is not None else stored


def check(
    db: Database | None,
    checkpoint_path: str | None = None,
    public_key: str | None = None,
    export_file: str | None = None,
    checkpoint: Checkpoint | None = None,
) -> TrailReport:
    """Verify the trail of the database (or of an export file), against a published
    checkpoint (a file, or `checkpoint`: e.g. the newest the database keeps)."""
    key = audit_key.current()
    cp = checkpoints.load(checkpoint_path) if checkpoint_path else checkpoint
    if export_file is not None:
        verification = audit_verify.verify_rows(
            _export_rows(export_file), cp, key, key.key_id if key else None
        )
        report = TrailReport(verification, export_file, cp)
        if cp is not None:
            report.signature_problems = checkpoints.signature_problems(
                cp, _trusted_key(key, public_key, None)
            )
        return report
    assert db is not None
    with db.read() as session:
        facts = (
            session.connection()
            .execute(
                sa.select(
                    table_of(Installation).c.replay,
                    table_of(Installation).c.key_id,
                    table_of(Installation).c.public_key,
                )
            )
            .first()
        )  # type: ignore[attr-defined]
        replay, key_id, stored_public = (
            (bool(facts[0]), facts[1], facts[2]) if facts else (False, None, None)
        )
        replayed = trail_state.Replayed()
        verification = audit_verify.verify_rows(
            _tee(audit.iter_rows(session), replayed), cp, key, key_id
        )
        verification.state = trail_state.differences(session, replayed)
    report = TrailReport(
        verification, db.display(), cp, replay=replay, key_id=key_id, state_checked=True
    )
    if cp is not None:
        report.signature_problems = checkpoints.signature_problems(
            cp, _trusted_key(key, public_key, stored_public if key_id else None)
        )
    return report


def _tee(
    rows: Iterator[dict[str, Any]], replayed: trail_state.Replayed
) -> Iterator[dict[str, Any]]:
    for row in rows:
        replayed.take(row)
        yield row


def _export_rows(path: str) -> Iterator[dict[str, Any]]:
    """The rows of an export (JSON lines, or CSV with its defused cells restored)."""
    import datetime as dt

    def typed(r: Any, number: int) -> dict[str, Any]:
        missing = [c for c in audit.COLUMNS if c not in r] if isinstance(r, dict) else ["all"]
        if missing:
            raise InvalidInput(
                f"{path}:{number}: not a row of 'rsp audit export' (missing: {', '.join(missing)})"
            )
        for name in ("id", "chain", "seq", "programme_id", "decision_id"):
            if r.get(name) not in (None, ""):
                r[name] = int(r[name])
            elif name in r:
                r[name] = None
        for name in ("at", "recorded_at"):
            if r.get(name):
                r[name] = dt.datetime.fromisoformat(r[name])
            else:
                r[name] = None
        return {k: (None if v == "" else v) for k, v in r.items()}

    try:
        with open(path, encoding="utf-8", newline="") as fh:
            first = fh.readline()
            fh.seek(0)
            if first.startswith("{"):
                for number, line in enumerate(fh, 1):
                    if line.strip():
                        yield typed(loads_json(line, path, number), number)
            else:
                for number, row in enumerate(csv.DictReader(fh), 2):
                    yield typed({k: audit.restore(v) for k, v in row.items()}, number)
    except (OSError, UnicodeDecodeError, ValueError, TypeError, RecursionError) as exc:
        raise InvalidInput(f"{path}: not an export from 'rsp audit export': {exc}") from None


def make_checkpoint(db: Database, clock: Clock, actor: str) -> str:
    """A checkpoint of the trail now, kept in the database; its published text."""
    with db.write() as session:
        cp = checkpoints.make(session, clock.recorded(), "manual", audit.sealing_key(session))
    return cp.published()


def seal(db: Database, clock: Clock, actor: str) -> list[str]:
    """Seal the trail with the key of RSP_AUDIT_KEY_FILE (installation administrators)."""
    key = audit_key.current()
    if key is None:
        raise InvalidInput(
            f"give the key to seal with: {audit_key.ENV_VAR}=FILE (made by 'rsp audit keygen FILE')"
        )
    table, rows = table_of(Installation), table_of(AuditEvent)
    with db.write() as session:
        conn = session.connection()
        person = conn.execute(
            sa.select(table_of(Person).c.administers_installation).where(
                table_of(Person).c.login == actor.lower()
            )
        ).first()  # type: ignore[attr-defined]
        if person is None or not person[0]:
            raise PermissionDenied(
                f"{actor} does not administer this installation, so cannot seal its trail"
            )
        existing = conn.execute(sa.select(table.c.key_id)).first()
        if existing is not None and existing[0] == key.key_id:
            return [f"the trail is sealed with key {key.key_id} already"]
        if existing is not None and existing[0] is not None:
            raise InvalidInput(
                f"the trail is sealed with another key ({existing[0]}); a key is never replaced"
            )
        found = audit_verify.verify(session)
        if not found.ok:
            raise InvalidInput(
                "the trail is broken, so it is not sealed: " + "; ".join(found.problems[:3])
            )
        sealed = 0
        for r in conn.execute(
            sa.select(rows.c.id, rows.c.hash).where(rows.c.chain != audit.LEGACY_CHAIN)
        ).all():
            conn.execute(sa.update(rows).where(rows.c.id == r[0]).values(mac=key.mac(r[1])))
            sealed += 1
        values = {
            "key_id": key.key_id,
            "public_key": key.public_key(),
            "keyed_at": clock.recorded(),
        }
        if existing is None:
            conn.execute(
                sa.insert(table),
                {
                    "id": 1,
                    "created_at": clock.recorded(),
                    "replay": False,
                    "cli_writers": "[]",
                    **values,
                },
            )
        else:
            conn.execute(sa.update(table).values(values))
        installation.forget(session)
        audit.append(
            session,
            at=clock.now(),
            recorded_at=clock.recorded(),
            actor=actor,
            action="audit.sealed",
            role="admin",
            detail={"key_id": key.key_id, "public_key": key.public_key(), "rows_sealed": sealed},
        )
        cp = checkpoints.make(session, clock.recorded(), "sealed", key)
    installation.forget()
    return [
        f"sealed: {sealed} row(s) now carry the seal of key {key.key_id}; from now on "
        f"every row must (writers need {audit_key.ENV_VAR})",
        f"public key: {key.public_key()}",
        "first checkpoint (publish it):",
        cp.published().rstrip(),
    ]
