"""Fire a trigger on a programme's process or on a measure: the permission, state,
decision and guard checks, then the new state, the decision and the audit row in one
transaction. `fire` is the core both share; `advance` serves the programme's process.

A refused attempt changes nothing but is audited in a transaction of its own. A service
that records more than the state change (the remiss) passes `advance` a hook that writes
in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Session

from process.access import audit, fast_write, installation, people, unit_of_work
from process.access.unit_of_work import Work
from process.core import vocab
from process.core.clock import Clock
from process.core.decision_refs import DecisionRef, TypedRef, resolve
from process.core.errors import ConflictError, InvalidInput, InvalidTransition, RspError
from process.storage import core_tables, lookup
from process.storage.database import Database
from process.storage.lookup import ProgrammeRef
from process.workflow import guards, machines, stored, trigger_facts
from process.workflow.definition import Definition, TriggerDef, label_text, own_service


@dataclass(frozen=True)
class Advanced:
    """The outcome of a successful trigger."""

    programme: str
    trigger: str
    from_state: str
    to_state: str
    role: str
    decision: DecisionRef | None
    audit_id: int
    subject: str = ""


def possible_triggers(definition: Definition, state: str) -> str:
    """The triggers possible from a state, with their label in the reader's language and
    who may fire them, for messages."""
    lang = vocab.language()
    options = [
        f"{t.name} ({', '.join(t.roles)})"
        + (f" «{text}»" if (text := label_text(t.label, lang)) not in ("", t.name) else "")
        for t in definition.triggers_from(state)
    ]
    return ", ".join(options) if options else "none (this is a final state)"


_A = core_tables.audit_event
_HAS_FIRED = (
    sa.select(sa.literal(1))
    .where(
        _A.c.subject == sa.bindparam("subject"),
        _A.c.trigger == sa.bindparam("trigger"),
        _A.c.action == "transition",
        _A.c.outcome == "applied",
    )
    .limit(1)
)


_FIRED_ROWS = (
    sa.select(_A)
    .where(
        _A.c.subject == sa.bindparam("subject"),
        _A.c.trigger == sa.bindparam("trigger"),
        _A.c.action == "transition",
        _A.c.outcome == "applied",
    )
    .limit(20)
)


def fired_for_guards(session: Session, subject: str, t: TriggerDef) -> dict[str, int]:
    """Whether each trigger the guards of `t` depend on has happened (1) or not (0). On a
    sealed trail only a row with a valid seal counts, so a row slipped into the database
    without the key unlocks nothing."""
    conn = session.connection()
    needed_any = [n for g in t.guards if (n := guards.needed_trigger(g))]
    key = audit.sealing_key(session) if needed_any else None
    out = {}
    for name in t.guards:
        needed = guards.needed_trigger(name)
        if needed and needed not in out:
            params = {"subject": subject, "trigger": needed}
            if key is None:
                out[needed] = 1 if conn.execute(_HAS_FIRED, params).first() else 0
            else:
                out[needed] = int(
                    any(
                        r["mac"] is not None
                        and audit.row_hash(dict(r)) == r["hash"]
                        and r["mac"] == key.mac(r["hash"])
                        for r in conn.execute(_FIRED_ROWS, params).mappings()
                    )
                )
    return out


fired_counts = trigger_facts.fired_counts  # (read in trigger_facts, so that status and the
guard_facts = trigger_facts.for_trigger  # next steps need not import the engine)


def check_attempt(
    definition: Definition, state: str, trigger: str, decision: DecisionRef | None
) -> TriggerDef:
    """The trigger definition if it exists and is possible from `state`, else why not."""
    t = definition.trigger(trigger)
    if t is None:
        raise InvalidTransition(
            f"unknown trigger {trigger!r}; possible now: " + possible_triggers(definition, state)
        )
    if state not in t.sources:
        raise InvalidTransition(
            f"cannot {trigger} from {state!r}; possible now: "
            + possible_triggers(definition, state)
        )
    if t.decision and decision is None:
        raise InvalidInput(
            f"{trigger} records a board decision: give its reference, e.g. "
            "--decision '2023-05-23 § 89 RUN/536/2021'"
        )
    return t


@dataclass(frozen=True)
class Target:
    """What a trigger is fired on: a row with a state and a version, and how to name it."""

    table: sa.Table
    row_id: int
    state: str
    version: int
    subject: str  # the audit subject, e.g. "process:1" or "measure:17"
    what: str  # for messages, e.g. "the process of rsp-2022-2030" or "measure 2.B (2014)"
    look: str  # where to look after a conflict, e.g. "'rsp status'"


_CAS: dict[tuple[str, bool, bool], sa.Update] = {}
_HEAD_SEQ, _HEAD_HASH = (
    sa.select(column)
    .where(_A.c.chain == sa.bindparam("chain"))
    .order_by(_A.c.seq.desc())
    .limit(sa.literal_column("1"))  # written into the SQL: see _TWO
    .scalar_subquery()
    for column in (_A.c.seq, _A.c.hash)
)


def _compare_and_set(table: sa.Table, moves: bool, head: bool = False) -> sa.Update:
    """UPDATE state, version (, state_since) WHERE id = :rid AND version = :old; built once.
    `head`: it also returns the newest (seq, hash) of audit chain :chain, read in the same
    round trip (only where the transaction holds the chain's lock: `audit.holds_lock`)."""
    stmt = _CAS.get((table.name, moves, head))
    if stmt is None:
        values: dict[str, sa.BindParameter] = {
            "state": sa.bindparam("state"),
            "version": sa.bindparam("new"),
        }
        if moves:
            values["state_since"] = sa.bindparam("since")
        stmt = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("rid"), table.c.version == sa.bindparam("old"))
            .values(values)
        )
        if head:
            stmt = stmt.returning(_HEAD_SEQ, _HEAD_HASH)
        _CAS[(table.name, moves, head)] = stmt
    return stmt


def _set_state(session: Session, target: Target, programme_id: int, params: dict) -> bool:
    """The compare-and-set of a transition; whether the row was still at its version. Where
    this transaction holds the chain's lock and has not read its head yet, the head comes
    back with the update (one round trip fewer for the audit row)."""
    conn = session.connection()
    moves = params["state"] != target.state
    chain = audit.chain_of(programme_id)
    if audit.knows_head(session, chain) or not audit.holds_lock(session, chain):
        return conn.execute(_compare_and_set(target.table, moves), params).rowcount == 1
    row = conn.execute(_compare_and_set(target.table, moves, head=True), {**params, "chain": chain})
    found = row.first()
    if found is None:
        return False
    if found[0] is not None:  # an empty chain: `append` reads where it continues from
        audit.hold_head(session, chain, int(found[0]), str(found[1]))
    return True


def touch(session: Session, target: Target, doing: str) -> None:
    """Claim a row for a change that keeps its state (version + 1, compare-and-set).

    Any write to a record goes through its version, so two concurrent writers never
    both succeed on what each read: the second gets a clear ConflictError.
    """
    params = {
        "rid": target.row_id,
        "old": target.version,
        "state": target.state,
        "new": target.version + 1,
        "since": None,
    }
    updated = session.connection().execute(_compare_and_set(target.table, moves=False), params)
    if updated.rowcount != 1:
        raise ConflictError(
            f"{target.what} was changed by someone else while you were "
            f"{doing}; nothing was saved — check {target.look} and try again"
        )


def fire(
    w: Work,
    actor: people.Actor | None,
    target: Target,
    definition: Definition,
    trigger: str,
    comment: str | None,
    decision: DecisionRef | None,
    as_role: str | None,
    detail: dict | None = None,
) -> Advanced:
    """The one core of every workflow: permission, state, guards, compare-and-set, audit.

    `actor` carries the roles the person holds here (contextual ones included); the new
    state is written only if the row is still at `target.version`.
    """
    session, prog, now = w.session, w.programme, w.now
    as_role = definition.role_key(as_role)  # its key, or its label (e.g. 'arbetsgrupp')
    t = definition.trigger(trigger)
    allowed = t.roles if t else tuple(definition.roles)
    if t is not None and t.marks and people.ADMIN not in allowed:
        # a marked trigger is fired by its own service (follow-up, rollover, the remiss),
        # which has checked its capability; the administrator holds every one of those
        allowed = (*allowed, people.ADMIN)
    w.role = role = people.require_role(actor, w.actor, allowed, trigger, as_role)
    t = check_attempt(definition, target.state, trigger, decision)
    ctx = guards.GuardContext(
        comment=comment,
        has_decision=decision is not None,
        fired=fired_for_guards(session, target.subject, t),
        **trigger_facts.for_trigger(session, w.programme_id, t, now),
    )
    dest = machines.fire(definition, target.state, trigger, ctx)
    if dest is None:
        raise InvalidTransition(
            f"{trigger} is not allowed yet: " + "; ".join(guards.failures(t.guards, ctx))
        )
    decision_id = record = None
    if decision is not None:
        record = {
            "meeting_date": decision.meeting_date.isoformat(),
            "paragraph": decision.paragraph,
            "diary_number": decision.diary_number,
            "text": decision.text or (comment or label_of(t)),
            "body": prog.board_name,
        }
        from process.storage.decision_table import Decision  # only when one is recorded

        inserted = session.connection().execute(
            sa.insert(Decision.__table__),  # type: ignore[attr-defined]
            dict(
                programme_id=prog.id,
                body=prog.board_name,
                meeting_date=decision.meeting_date,
                paragraph=decision.paragraph,
                diary_number=decision.diary_number,
                diary_normalised=decision.diary_key,
                text=record["text"],
                trigger=trigger,
                recorded_by=str(w.actor),
                recorded_at=w.recorded,
            ),
        )
        decision_id = inserted.inserted_primary_key[0]  # type: ignore[index]
    params = {
        "rid": target.row_id,
        "old": target.version,
        "state": dest,
        "new": target.version + 1,
        "since": now,
    }
    if not _set_state(session, target, w.programme_id, params):
        raise ConflictError(
            f"{target.what} was changed by someone else while "
            f"you were recording {trigger}; nothing was saved — check "
            f"{target.look} and try again"
        )
    full_detail: dict = {"decision": str(decision), "decision_record": record} if decision else {}
    full_detail.update(detail or {})
    row_values = w.audit(
        "transition",
        subject=target.subject,
        trigger=trigger,
        from_state=target.state,
        to_state=dest,
        comment=comment,
        decision_id=decision_id,
        detail=full_detail,
    )
    if decision is not None:  # a board decision: the trail as it stands now is published
        from process.access import checkpoints  # only with a decision

        checkpoints.make(session, w.recorded, "decision", audit.sealing_key(session))
    return Advanced(
        prog.key, trigger, target.state, dest, role, decision, row_values["id"], target.subject
    )


@dataclass(frozen=True)
class InstanceRef:
    """The few process-instance fields a transition needs."""

    id: int
    state: str
    version: int
    definition_id: int
    definition_hash: str


if TYPE_CHECKING:
    from collections.abc import Callable

    from process.storage.tables import ProcessInstance, Programme

    AfterHook = Callable[[Work, Advanced], None]

_P = core_tables.programme
_I = core_tables.process_instance
_PERSON = core_tables.person
_GRANT = core_tables.role_grant
_LOADED = (
    _P.c.id,
    _P.c.key,
    _P.c.name,
    _P.c.region,
    _P.c.board_name,
    _P.c.reminder_rules_id,
    _I.c.id,
    _I.c.state,
    _I.c.version,
    _I.c.definition_id,
    _I.c.definition_hash,
    _P.c.measure_definition_id,
    _PERSON.c.name,
    _GRANT.c.role,
)
_FROM = (
    _P.join(_I, _I.c.programme_id == _P.c.id)
    .outerjoin(_PERSON, _PERSON.c.login == sa.bindparam("login"))
    .outerjoin(
        _GRANT, sa.and_(_GRANT.c.person_id == _PERSON.c.id, _GRANT.c.programme_id == _P.c.id)
    )
)
_PG_CHAIN_LOCK = sa.func.pg_advisory_xact_lock(audit.PG_LOCK_KEY, _P.c.id)
_LOAD: dict[tuple[bool, bool], sa.Select] = {}
# a LIMIT written into the SQL, not bound: with a bound one PostgreSQL never settles on a
# generic plan for the prepared read and plans it again at every transition (~0.3 ms)
_TWO: sa.ColumnClause = sa.literal_column("2")


def _load_statement(by_key: bool, pg: bool) -> sa.Select:
    """The programme, its process and the actor's roles there in one query (one row per
    role); on PostgreSQL it also takes the programme's audit-chain lock (see `_load`)."""
    stmt = _LOAD.get((by_key, pg))
    if stmt is None:
        stmt = sa.select(*_LOADED, *([_PG_CHAIN_LOCK] if pg else [])).select_from(_FROM)
        if by_key:
            stmt = stmt.where(_P.c.key == sa.bindparam("key"))
        else:  # the only programme: two are enough to tell that there are several
            stmt = stmt.where(_P.c.id.in_(sa.select(_P.c.id).limit(_TWO).scalar_subquery()))
        _LOAD[(by_key, pg)] = stmt
    return stmt


def _load(
    session: Session, programme_key: str | None, login: str
) -> tuple[ProgrammeRef, InstanceRef, people.Actor | None]:
    """The programme, its process and the acting person with their roles there, in one
    query (the usual messages when the programme or process is missing).

    On PostgreSQL the same query takes the programme's audit-chain lock, which the
    transition's audit row needs anyway: every statement after it sees the chain as the
    lock leaves it, so the compare-and-set can bring the chain's head back with it. (The
    process row is only ever changed under that lock, so taking it first cannot deadlock
    with another transition.)"""
    conn = session.connection()
    pg = conn.dialect.name == "postgresql"
    params = {"login": login.lower()}
    if programme_key:
        params["key"] = programme_key
    rows = conn.execute(_load_statement(bool(programme_key), pg), params).all()
    if len({r[0] for r in rows}) != 1:
        prog = lookup.find_programme(session, programme_key)  # raises the right error
        lookup.instance_of(session, prog)
    r = rows[0]
    if pg:
        audit.locked(session, audit.chain_of(r[0]))
    actor = (
        None
        if r[12] is None
        else people.Actor(login.lower(), r[12], frozenset(x[13] for x in rows if x[13]))
    )
    return (
        ProgrammeRef(r[0], r[1], r[2], r[3], r[4], r[5], r[11]),
        InstanceRef(r[6], r[7], r[8], r[9], r[10]),
        actor,
    )


def process_target(prog: Programme | ProgrammeRef, inst: InstanceRef | ProcessInstance) -> Target:
    """The engine's view of a programme's process."""
    assert inst.id is not None
    return Target(
        _I,
        inst.id,
        inst.state,
        inst.version,
        f"process:{inst.id}",
        f"the process of {prog.key}",
        "'rsp status'",
    )


def label_of(t: TriggerDef) -> str:
    return t.label.get("sv") or t.name


def advance(
    db: Database,
    clock: Clock,
    actor_login: str,
    programme_key: str | None,
    trigger: str,
    comment: str | None = None,
    decision: DecisionRef | TypedRef | None = None,
    as_role: str | None = None,
    expected_version: int | None = None,
    then: AfterHook | None = None,
    mark: str | None = None,
) -> Advanced:
    """Fire a trigger on a programme's process as the actor; audit it either way.

    `then(work, result)` writes more in the same transaction (or refuses): the services of
    the triggers that carry a mark (the remiss's) pass one, and only they may fire them;
    they name the trigger by its `mark` (`trigger` is then what refusals say was tried).
    A typed decision reference is parsed here, in the unit of work: a bad one (or a
    comment too long) is refused and audited like any refusal.
    """

    if (
        then is None
        and mark is None
        and decision is None
        and not db.replaying
        and stored.any_cached()  # a fresh command would read, find none and fall back
        and (comment is None or len(comment) <= unit_of_work.MAX_TEXT)
    ):
        try:
            return _fast_advance(
                db, clock, actor_login, programme_key, trigger, comment, as_role, expected_version
            )
        except fast_write.Fallback:
            pass  # nothing was written: the unit of work below does it all, as always

    def work(w: Work) -> Advanced:
        prog, inst, actor = _load(w.session, programme_key, w.actor)
        w.enter(prog)
        w.about(subject=f"process:{inst.id}", trigger=trigger, from_state=inst.state)
        if comment is not None and len(comment) > unit_of_work.MAX_TEXT:
            raise InvalidInput(f"--comment is longer than {unit_of_work.MAX_TEXT} characters")
        w.about(comment=comment)
        definition = stored.definition_by_hash(w.session, inst.definition_id, inst.definition_hash)
        decided = resolve(decision, definition.diary_form)
        if expected_version is not None and inst.version != expected_version:
            raise ConflictError(
                f"the process is at version {inst.version}, not "
                f"{expected_version}: someone changed it; check 'rsp status'"
            )
        name = definition.trigger_key(trigger)
        if name != trigger:
            w.about(trigger=name)
        if mark is not None:
            marked = definition.marked(mark, inst.state)
            if marked is None:
                raise InvalidTransition(
                    f"this programme's process has no trigger marked "
                    f"{mark!r} (marks: [{mark}] in its definition)"
                )
            name = marked.name
            w.about(trigger=name)
        t = definition.trigger(name)
        if then is None and t is not None and t.marks:
            raise InvalidTransition(
                f"{trigger} records more than the stage: " + own_service(t.marks[0])
            )
        target = process_target(prog, inst)
        result = fire(
            w,
            actor,
            target,
            definition,
            name,
            comment,
            decided,
            as_role,
        )
        if then is not None:
            then(w, result)
        return result

    return unit_of_work.write(
        db, clock, actor_login, programme_key, "transition", work, find_programme=False
    )


def _needs_facts(t: TriggerDef) -> bool:
    """Whether a guard of `t` reads the database (the trail, a decision, the remiss)."""
    return any(
        guards.needed_trigger(g) or guards.needed_decision(g) or g in guards.REMISS_GUARDS
        for g in t.guards
    )


def _plain_fire(t: TriggerDef, ctx: guards.GuardContext) -> str | None:
    """What `machines.fire` answers for `t` from one of its sources, where no guard of `t`
    reads the database: its destination if every guard holds, else None (an unknown guard
    too: the machine would not have been built). The machine's transition is exactly
    this — trigger names are unique, its conditions are the guards in order, it has no
    callbacks — and asking it cost more than all the other checks together (a test holds
    the two equal for every trigger of the bundled workflows)."""
    for name in t.guards:
        guard = guards.resolve(name)
        if guard is None or guard(ctx) is not None:
            return None
    return t.dest


def _fast_advance(
    db: Database,
    clock: Clock,
    login: str,
    programme_key: str | None,
    trigger: str,
    comment: str | None,
    as_role: str | None,
    expected_version: int | None,
) -> Advanced:
    """`advance` of a plain transition (no decision, hook or mark; guards that read nothing
    but the attempt) in one transaction on the DBAPI connection: the same read (on
    PostgreSQL it takes the chain lock), the same checks (`people.require_role`,
    `check_attempt`, the guards as the shared machine applies them), the same compare-and-set
    bringing the chain's head back and the same sealed row as `advance`'s unit of work.
    Anything else — every refusal included — raises `fast_write.Fallback` with nothing
    written, and `advance` runs the unit of work, which refuses, audits and raises."""
    actor_login = people.canonical_login(login)
    now, recorded = clock.now(), clock.recorded()
    facts = installation.known_facts(db.writer)
    if facts is None:
        raise fast_write.Fallback
    by_key = bool(programme_key)
    with fast_write.RawWrite(db) as tx:
        pg = tx.pg
        load = fast_write.prepared(
            f"engine.load.{by_key}", tx.dialect, lambda: _load_statement(by_key, pg)
        )
        params = {"login": actor_login.lower()}
        if by_key:
            params["key"] = str(programme_key)
        rows = tx.rows(load, params)
        if len({r[0] for r in rows}) != 1:
            raise fast_write.Fallback
        r = rows[0]
        programme_id, state, version = r[0], r[7], r[8]
        definition = stored.cached(r[10])
        if definition is None or (expected_version is not None and version != expected_version):
            raise fast_write.Fallback
        name = definition.trigger_key(trigger)
        t = definition.trigger(name)
        if t is None or t.marks or _needs_facts(t):
            raise fast_write.Fallback
        actor = (
            None
            if r[12] is None
            else people.Actor(actor_login.lower(), r[12], frozenset(x[13] for x in rows if x[13]))
        )
        try:
            role = people.require_role(
                actor, actor_login, t.roles, name, definition.role_key(as_role)
            )
            check_attempt(definition, state, name, None)
        except RspError as refused:
            raise fast_write.Fallback from refused
        dest = _plain_fire(t, guards.GuardContext(comment=comment, has_decision=False, fired={}))
        if dest is None:
            raise fast_write.Fallback
        moves = dest != state
        chain = audit.chain_of(programme_id)
        values = {"rid": r[6], "old": version, "state": dest, "new": version + 1, "chain": chain}
        if moves:
            values["since"] = now
        cas = fast_write.prepared(
            f"engine.cas.process.{moves}", tx.dialect, lambda: _compare_and_set(_I, moves, True)
        )
        head = tx.row(cas, values)
        if head is None or head[0] is None:  # changed meanwhile, or an empty chain
            raise fast_write.Fallback
        subject = f"process:{r[6]}"
        row = audit.append_raw(
            tx,
            facts,
            (int(head[0]), str(head[1])),
            {
                "at": now,
                "recorded_at": recorded,
                "actor": actor_login,
                "action": "transition",
                "outcome": "applied",
                "detail": {},
                "role": role,
                "programme_id": programme_id,
                "subject": subject,
                "trigger": name,
                "from_state": state,
                "to_state": dest,
                "comment": comment,
                "decision_id": None,
            },
        )
    return Advanced(r[1], name, state, dest, role, None, row["id"], subject)
