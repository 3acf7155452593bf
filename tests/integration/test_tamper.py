"""The tamper suite: what someone who can write to the database, but does not hold the
installation's audit key, might do to the trail and to the tables — each is detected by
`rsp audit verify` (or, for the newest rows after the last published checkpoint, reported
as not yet anchored), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from process.access import audit, audit_key, checkpoints, trail_check
from process.core.decision_refs import parse_decision_ref
from process.core.errors import InvalidTransition, PermissionDenied
from process.storage.tables import AuditEvent
from process.workflow import engine
from tests.support import at, make_programme

START = parse_decision_ref("2022-02-22 § 17 RUN/536/2021")


@pytest.fixture
def key(tmp_path: Path) -> Iterator[audit_key.AuditKey]:
    made = audit_key.generate(str(tmp_path / "audit.key"))
    audit_key.use(made)
    yield made
    audit_key.use(None)


@pytest.fixture
def sealed(any_db, clock, key):
    """A programme in drafting, its trail sealed with the key."""
    make_programme(any_db, clock)
    trail_check.seal(any_db, clock, "it-admin")
    clock.set(at("2022-02-22"))
    engine.advance(any_db, clock, "sekreterare", None, "decide_start", decision=START)
    clock.set(at("2022-03-01"))
    engine.advance(any_db, clock, "processledare", None, "begin_drafting")
    return any_db


def sql(db, text: str, **params) -> None:
    with db.engine.begin() as conn:
        conn.execute(sa.text(text), params)


def rows(db, where: str = "1 = 1") -> list[dict]:
    """Audit rows as rsp reads them (times as aware datetimes), in chain order."""
    table = AuditEvent.__table__
    with db.read() as s:
        return [
            dict(r)
            for r in s.connection()
            .execute(sa.select(table).where(sa.text(where)).order_by(table.c.chain, table.c.seq))
            .mappings()
        ]


def verdict(db, checkpoint: str | None = None):
    return trail_check.check(db, checkpoint)


def problems(report) -> str:
    return "\n".join(
        [*report.verification.problems, *report.signature_problems, *report.verification.state]
    )


def test_a_sealed_trail_verifies_with_every_row_sealed(sealed, key):
    report = verdict(sealed)
    assert report.ok, problems(report)
    assert report.verification.keyed and report.verification.sealed == sum(
        1 for r in rows(sealed) if r["chain"] != audit.LEGACY_CHAIN
    )
    assert any(f"key {key.key_id}" in line for line in report.lines())


def test_an_edited_row_is_found(sealed):
    target = rows(sealed, "action = 'transition'")[0]
    sql(sealed, "UPDATE audit_event SET comment = 'ändrat' WHERE id = :i", i=target["id"])
    assert f"row {target['id']}: content does not match its hash" in problems(verdict(sealed))


def test_a_recomputed_chain_without_the_key_is_found(sealed):
    """The attacker edits a row and recomputes its hash and every later one (verify of an
    unkeyed chain would pass); the seals give it away."""
    chain = rows(sealed, "chain > 0")
    victim = next(r for r in chain if r["action"] == "transition")
    victim["comment"] = "Nämnden beslutade något annat"
    prev = victim["prev_hash"]
    for r in chain[chain.index(victim) :]:
        r["prev_hash"] = prev
        r["hash"] = prev = audit.row_hash(r)
        sql(
            sealed,
            "UPDATE audit_event SET comment = :c, prev_hash = :p, hash = :h WHERE id = :i",
            c=r["comment"],
            p=r["prev_hash"],
            h=r["hash"],
            i=r["id"],
        )
    found = problems(verdict(sealed))
    assert f"row {victim['id']}: its seal does not match" in found
    audit_key.use(None)  # without the key the rewrite cannot be seen: say so
    unkeyed = verdict(sealed)
    assert unkeyed.ok and any("seals not checked" in line for line in unkeyed.lines())


def test_an_appended_forged_row_is_found_and_unlocks_no_guard(sealed, clock):
    """A forged 'Service-Z was consulted' row, correctly chained but unsealed, neither
    passes verify nor opens the remiss decision."""
    last = rows(sealed, "chain > 0")[-1]
    forged = {
        **last,
        "id": None,
        "seq": last["seq"] + 1,
        "action": "transition",
        "trigger": "consult_service_z",
        "from_state": "drafting",
        "to_state": "drafting",
        "comment": "Samråd",
        "actor": "processledare",
        "prev_hash": last["hash"],
        "detail": "{}",
        "decision_id": None,
        "mac": None,
    }
    forged["hash"] = audit.row_hash(forged)
    with sealed.engine.begin() as conn:
        conn.execute(
            sa.insert(AuditEvent.__table__), {k: v for k, v in forged.items() if k != "id"}
        )
    assert "not sealed with the installation's key" in problems(verdict(sealed))
    engine.advance(
        sealed, clock, "processledare", None, "check_in_steering_group", comment="Styrgruppen"
    )
    with pytest.raises(InvalidTransition, match="consult_service_z' has not happened"):
        engine.advance(
            sealed,
            clock,
            "sekreterare",
            None,
            "decide_remiss",
            decision=parse_decision_ref("2022-11-22 § 152 RUN/536/2021"),
        )


def test_reordered_and_deleted_rows_are_found(sealed):
    chain = rows(sealed, "chain > 0")
    a, b = chain[2], chain[3]
    sql(sealed, "UPDATE audit_event SET seq = -seq WHERE id IN (:a, :b)", a=a["id"], b=b["id"])
    sql(sealed, "UPDATE audit_event SET seq = :s WHERE id = :i", s=b["seq"], i=a["id"])
    sql(sealed, "UPDATE audit_event SET seq = :s WHERE id = :i", s=a["seq"], i=b["id"])
    assert "does not follow the row before it" in problems(verdict(sealed))
    sql(sealed, "UPDATE audit_event SET seq = -seq WHERE id IN (:a, :b)", a=a["id"], b=b["id"])
    sql(sealed, "UPDATE audit_event SET seq = :s WHERE id = :i", s=a["seq"], i=a["id"])
    sql(sealed, "UPDATE audit_event SET seq = :s WHERE id = :i", s=b["seq"], i=b["id"])
    assert verdict(sealed).ok  # put back: whole again
    sql(sealed, "DELETE FROM audit_event WHERE id = :i", i=b["id"])
    assert f"position {b['seq']} is missing" in problems(verdict(sealed))


def test_removing_the_newest_rows_is_found_by_a_published_checkpoint(sealed, clock, tmp_path):
    """Cut off after a checkpoint: without it a clean cut looks whole; with it, found. Rows
    after the newest checkpoint are reported as not yet anchored."""
    published = tmp_path / "checkpoint.txt"
    published.write_text(trail_check.make_checkpoint(sealed, clock, "it-admin"), encoding="utf-8")
    engine.advance(sealed, clock, "processledare", None, "record_analysis", comment="SWOT")
    report = verdict(sealed, str(published))
    assert report.ok and report.verification.checkpoint_rows_after == 1
    assert any("1 row(s) written after it" in line for line in report.lines())
    newest = rows(sealed, "chain > 0")[-2:]
    sql(
        sealed, "DELETE FROM audit_event WHERE id IN (:a, :b)", a=newest[0]["id"], b=newest[1]["id"]
    )
    assert verdict(sealed).verification.problems == []  # a clean cut, unseen without it
    assert "the newest rows were removed" in problems(verdict(sealed, str(published)))


def test_a_forged_or_foreign_checkpoint_is_refused(sealed, clock, tmp_path):
    text = trail_check.make_checkpoint(sealed, clock, "it-admin")
    cp = checkpoints.parse(text, "test")
    edited = tmp_path / "edited.txt"
    body = json.loads(cp.body)
    body["chains"] = {c: [s + 5, h] for c, (s, h) in body["chains"].items()}
    edited.write_text(
        checkpoints.Checkpoint(
            cp.made_at,
            cp.reason,
            {},
            json.dumps(body, sort_keys=True, separators=(",", ":")),
            cp.signature,
            cp.public_key,
        ).published(),
        encoding="utf-8",
    )
    assert "signature does not match" in problems(verdict(sealed, str(edited)))
    other = audit_key.generate(str(tmp_path / "other.key"))
    foreign = tmp_path / "foreign.txt"
    foreign.write_text(
        checkpoints.Checkpoint(
            cp.made_at, cp.reason, cp.chains, cp.body, other.sign(cp.body), other.public_key()
        ).published(),
        encoding="utf-8",
    )
    assert "signed with another key" in problems(verdict(sealed, str(foreign)))


@pytest.mark.parametrize(
    "edit,words",
    [
        ("UPDATE process_instance SET state = 'adopted'", "in state 'adopted', the trail says"),
        ("UPDATE decision SET paragraph = '1'", "paragraph is '1', the trail says '17'"),
        ("UPDATE decision SET text = 'Något annat'", "text is 'Något annat'"),
        (
            "INSERT INTO role_grant (person_id, programme_id, role, granted_at) SELECT id, 1, "
            "'board', '2022-01-01' FROM person WHERE login = 'processledare'",
            "role 'board' of processledare on programme 1: granted in the table, not in the trail",
        ),
        (
            "DELETE FROM role_grant WHERE role = 'board'",
            "granted in the trail, missing from the table",
        ),
    ],
)
def test_tables_edited_behind_the_trail_are_found(sealed, edit, words):
    sql(sealed, edit)
    report = verdict(sealed)
    assert not report.ok and words in problems(report), problems(report)


def test_a_writer_without_the_key_is_refused_and_changes_nothing(sealed, clock):
    before = len(rows(sealed))
    audit_key.use(None)
    with pytest.raises(PermissionDenied, match="sealed with a key kept outside the database"):
        engine.advance(sealed, clock, "processledare", None, "record_analysis", comment="x")
    assert len(rows(sealed)) == before
