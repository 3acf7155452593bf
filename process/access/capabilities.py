"""Capabilities: what rsp's code checks, instead of a region's role names.

A programme's workflow definition maps its own roles to these capabilities (its
`capabilities:` section), so a region with other bodies and words edits data only. The
administrator (`admin`, held per programme) holds every capability that is an action;
the ones that make someone a recipient of mail are held only through the definition.
Triggers are different: each names the roles that may fire it, in the definition.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache

import sqlalchemy as sa
from sqlmodel import Session

from process.storage import core_tables

ADMIN = "admin"  # the reserved role of an installation's and a programme's administrator

ADMINISTER = "administer"  # register people, grant and remove roles, retry failed mails
DECIDE_FOR_BOARD = "decide_for_board"  # minutes approved/announced, appeals, delegation
MANAGE_PLANS = "manage_plans"  # bodies and their people, importing action plans
RUN_REMISS = "run_remiss"  # record the consulted bodies' replies
FOLLOW_UP = "follow_up"  # the year-end follow-up and the rollover into next year's plan
WRITE_NOTES = "write_notes"  # progress notes on any measure (a responsible body: its own)
RECEIVE_DIGEST = "receive_digest"  # the weekly digest (the steering group)
RECEIVE_LEAD_DIGEST = "receive_lead_digest"  # the lead's digest: refusals, failed mails
REMINDER_CONTACT = "reminder_contact"  # named in reminders; reminded of the remiss
MILESTONE_CC = "milestone_cc"  # copied on the reminders of the process's milestones

ACTIONS = (ADMINISTER, DECIDE_FOR_BOARD, MANAGE_PLANS, RUN_REMISS, FOLLOW_UP, WRITE_NOTES)
RECIPIENTS = (RECEIVE_DIGEST, RECEIVE_LEAD_DIGEST, REMINDER_CONTACT, MILESTONE_CC)
ALL = (*ACTIONS, *RECIPIENTS)
ADMIN_HOLDS = frozenset(ACTIONS)


def roles_holding(mapping: Mapping[str, tuple[str, ...]], capability: str) -> tuple[str, ...]:
    """The roles that hold a capability under a definition's mapping (admin for actions)."""
    roles = tuple(mapping.get(capability, ()))
    return (*roles, ADMIN) if capability in ADMIN_HOLDS and ADMIN not in roles else roles


_I = core_tables.process_instance
_D = core_tables.workflow_definition
_HASH_OF_PROGRAMME = (
    sa.select(_D.c.content_hash, _D.c.id)
    .join(_I, _I.c.definition_id == _D.c.id)
    .where(_I.c.programme_id == sa.bindparam("pid"))
)
_BODY = sa.select(_D.c.body).where(_D.c.id == sa.bindparam("id"))
_by_hash: dict[str, dict[str, tuple[str, ...]]] = {}


def mapping_of(session: Session, programme_id: int) -> dict[str, tuple[str, ...]]:
    """The capability → roles mapping of the programme's process definition (read once per
    definition; a definition stored before capabilities existed gets the bundled one's)."""
    conn = session.connection()
    row = conn.execute(_HASH_OF_PROGRAMME, {"pid": programme_id}).first()
    if row is None:
        return {}
    cached = _by_hash.get(row[0])
    if cached is None:
        body = json.loads(conn.execute(_BODY, {"id": row[1]}).scalar_one())
        declared = body.get("capabilities")
        cached = (
            {k: tuple(v) for k, v in declared.items()}
            if declared is not None
            else bundled_mapping()
        )
        _by_hash[row[0]] = cached
    return cached


@lru_cache(maxsize=1)
def bundled_mapping() -> dict[str, tuple[str, ...]]:
    """The mapping of the bundled drafting definition (for definitions stored without one)."""
    import workflows
    from process.core import yamlsrc

    data, _raw = yamlsrc.load(workflows.path_of("drafting"))
    return {k: tuple(v) for k, v in (data.get("capabilities") or {}).items()}


def roles_for(session: Session, programme_id: int, capability: str) -> tuple[str, ...]:
    """The roles that hold `capability` on the programme."""
    return roles_holding(mapping_of(session, programme_id), capability)
