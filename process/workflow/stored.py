"""Workflow definitions as stored in the database: kept once per content hash (the first
load audited), read back and parsed once per process."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access.capabilities import ADMIN
from process.core.errors import NotFound
from process.storage import core_tables
from process.workflow.definition import Definition

if TYPE_CHECKING:
    from process.access.unit_of_work import Work
    from process.storage.tables import WorkflowDefinition


def store_definition(w: Work, definition: Definition) -> WorkflowDefinition:
    """Keep a definition in the database once per content hash; audit the first load."""
    from process.storage.tables import WorkflowDefinition  # the class: off the read paths

    session = w.session
    row = session.exec(
        select(WorkflowDefinition).where(WorkflowDefinition.content_hash == definition.content_hash)
    ).first()
    if row is not None:
        return row
    row = WorkflowDefinition(
        key=definition.key,
        version=definition.version,
        content_hash=definition.content_hash,
        source=definition.source,
        body=definition.to_json(),
        loaded_at=w.now,
    )
    session.add(row)
    session.flush()
    w.audit(
        "definition.loaded",
        role=ADMIN,
        subject=f"definition:{row.id}",
        detail={
            "key": definition.key,
            "version": definition.version,
            "content_hash": definition.content_hash,
            "source": definition.source,
        },
    )
    return row


_by_hash: dict[str, Definition] = {}
_DEF = core_tables.workflow_definition
_HASH_OF = sa.select(_DEF.c.content_hash).where(_DEF.c.id == sa.bindparam("id"))
_BODY_OF = sa.select(_DEF.c.body).where(_DEF.c.id == sa.bindparam("id"))
_HASH_AND_BODY_OF = sa.select(_DEF.c.content_hash, _DEF.c.body).where(
    _DEF.c.id == sa.bindparam("id")
)


def definition_of(session: Session, definition_id: int) -> Definition:
    """The definition an instance was created from (as stored when it was loaded); its
    body is read and parsed only the first time its content hash is seen."""
    conn = session.connection()
    content_hash = conn.execute(_HASH_OF, {"id": definition_id}).scalar()
    if content_hash is None:
        raise NotFound(f"definition {definition_id} is missing")
    cached = _by_hash.get(content_hash)
    if cached is None:
        body = conn.execute(_BODY_OF, {"id": definition_id}).scalar_one()
        cached = _by_hash[content_hash] = Definition.from_json(body)
    return cached


def any_cached() -> bool:
    """Whether this process has read a definition yet (a fresh command has not)."""
    return bool(_by_hash)


def cached(content_hash: str) -> Definition | None:
    """The definition with this content hash if this process has read it already."""
    return _by_hash.get(content_hash)


def definition_by_hash(session: Session, definition_id: int, content_hash: str) -> Definition:
    """The stored definition, read from the database only the first time per content hash
    (then in one query: its stored hash and body, kept as `definition_of` keeps them)."""
    cached = _by_hash.get(content_hash)
    if cached is not None:
        return cached
    row = session.connection().execute(_HASH_AND_BODY_OF, {"id": definition_id}).first()
    if row is None:
        raise NotFound(f"definition {definition_id} is missing")
    stored_hash, body = row
    cached = _by_hash.get(stored_hash)
    if cached is None:
        cached = _by_hash[stored_hash] = Definition.from_json(body)
    return cached
