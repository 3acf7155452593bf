"""Each programme's own reminder rules: set from a file (validated against that
programme's roles and capabilities), kept once per content hash, read back per programme.
A programme without rules of its own uses the bundled ones (workflows/reminders.yaml)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from notifications.reminders.rules import Rules, check_roles, default_path, parse_rules
from process.access import unit_of_work
from process.access.capabilities import MANAGE_PLANS
from process.access.unit_of_work import Work
from process.core import yamlsrc
from process.core.clock import Clock
from process.core.errors import DefinitionError
from process.storage import lookup
from process.storage.database import Database
from process.storage.table_of import table_of
from process.storage.tables import Programme, ReminderRules
from process.workflow import stored

_RULES = table_of(ReminderRules)
_PROG = table_of(Programme)
_parsed: dict[str, Rules] = {}


@dataclass(frozen=True)
class InForce:
    """The rules a programme uses, and where they come from."""

    rules: Rules
    source: str
    content_hash: str
    own: bool  # set for this programme (else the bundled rules)
    text: str


def _parse(text: str, source: str, content_hash: str) -> Rules:
    cached = _parsed.get(content_hash)
    if cached is None:
        cached = _parsed[content_hash] = parse_rules(yamlsrc.loads(text, source), source)
    return cached


def bundled() -> InForce:
    """The bundled rules."""
    path = default_path()
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    text = raw.decode("utf-8")
    return InForce(_parse(text, str(path), digest), str(path), digest, False, text)


def in_force(session: Session, programme_id: int) -> InForce:
    """The rules the programme uses (its own, or the bundled ones)."""
    row = (
        session.connection()
        .execute(
            sa.select(_RULES.c.source, _RULES.c.content_hash, _RULES.c.text)
            .join(_PROG, _PROG.c.reminder_rules_id == _RULES.c.id)
            .where(_PROG.c.id == programme_id)
        )
        .first()
    )
    if row is None:
        return bundled()
    source, digest, text = row
    return InForce(_parse(text, source, digest), source, digest, True, text)


def check_for(session: Session, programme_id: int, rules: Rules) -> None:
    """DefinitionError when the rules name a role the programme does not have."""
    prog = session.get(Programme, programme_id)
    assert prog is not None
    inst = lookup.instance_of(session, prog)
    check_roles(rules, set(stored.definition_of(session, inst.definition_id).roles))


def set_rules(
    db: Database, clock: Clock, actor: str, programme_key: str | None, path: str
) -> InForce:
    """Give the programme its own rules from a file (validated whole, and against the
    programme's roles), kept by content hash; audited (a refused file too)."""

    def work(w: Work) -> InForce:
        w.require(MANAGE_PLANS, "set the reminder rules")
        raw = yamlsrc.read(path)
        text = yamlsrc.decode(raw, path)
        digest = hashlib.sha256(raw).hexdigest()
        rules = _parse(text, path, digest)
        try:
            check_for(w.session, w.programme_id, rules)
        except DefinitionError as exc:
            raise DefinitionError(
                [f"{p} — for programme {w.programme.key}" for p in exc.problems]
            ) from None
        conn = w.session.connection()
        rid = conn.execute(sa.select(_RULES.c.id).where(_RULES.c.content_hash == digest)).scalar()
        if rid is None:
            rid = conn.execute(
                sa.insert(_RULES),
                dict(content_hash=digest, source=path, text=text, loaded_at=w.now),
            ).inserted_primary_key[0]  # type: ignore[index]
        conn.execute(
            sa.update(_PROG).where(_PROG.c.id == w.programme_id).values(reminder_rules_id=rid)
        )
        w.audit(
            "reminders.rules_set",
            subject=f"programme:{w.programme_id}",
            detail={"source": path, "content_hash": digest},
        )
        return InForce(rules, path, digest, True, text)

    return unit_of_work.write(db, clock, actor, programme_key, "reminders.rules_set", work)
