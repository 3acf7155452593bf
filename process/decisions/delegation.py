"""Delegation: the board delegates a kind of decision (e.g. `action_plan`, adopting the
yearly action plan) to a person or a role, by a decision of its own. The delegate then
takes such decisions on the board's behalf; each is recorded under its delegation and
reported back to the board. A revoked delegation covers nothing from then on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

import sqlalchemy as sa
from sqlmodel import Session

from process.access import people, unit_of_work
from process.access.capabilities import DECIDE_FOR_BOARD
from process.access.unit_of_work import Work
from process.core import vocab
from process.core.catalogue import section
from process.core.clock import STOCKHOLM, Clock
from process.core.decision_refs import DecisionRef, DiaryForm, TypedRef, format_ref, resolve
from process.core.errors import InvalidInput, NotFound, PermissionDenied
from process.core.words import label
from process.storage import lookup
from process.storage.database import Database
from process.storage.decision_table import Decision
from process.storage.lookup import ProgrammeRef
from process.storage.remiss_tables import DelegatedDecision, Delegation, table
from process.storage.table_of import table_of
from process.storage.tables import Person, Programme
from process.workflow import stored
from process.workflow.definition import NAME_RE

KIND_WORDS = section("delegation.kind")


def kind_word(kind: str, lang: str) -> str:
    """A kind of decision in words, or its key when it has none."""
    entry = KIND_WORDS.get(kind)
    return label(entry, lang) if entry else kind


def _today(clock: Clock) -> dt.date:
    return clock.now().astimezone(STOCKHOLM).date()


class DelegationRow(TypedDict):
    """A delegation as listed: to whom, by which board decision, active or revoked, used how often.

    TypedDicts in this module: 'rsp delegation list/report --json' print them as they are."""

    id: int
    kind: str
    to_login: str | None
    to_role: str | None
    decision: str
    decision_id: int
    comment: str | None
    created_by: str
    created_at: dt.datetime
    active: bool
    revoked_at: dt.datetime | None
    revoked_by: str | None
    decisions: int
    decided_on: dt.date


class DelegatedLine(TypedDict):
    """A decision taken under a delegation, as the report back to the board lists it."""

    id: int
    kind: str
    kind_label: str
    decided_on: dt.date
    reference: str
    text: str
    decided_by: str
    decided_by_name: str
    role: str | None
    delegation: int
    delegation_decision: str
    delegation_active: bool


class DelegationReport(TypedDict):
    """The delegated decisions of a period, to report back to the board."""

    lang: str
    programme: str
    board: str
    since: dt.date
    until: dt.date
    decisions: list[DelegatedLine]


class Delegated(TypedDict):
    """A delegation as recorded: what kind of decision, to whom, by which board decision."""

    id: int
    decision_id: int
    kind: str
    to_login: str | None
    to_role: str | None
    decision: str


class Revoked(TypedDict):
    """A delegation revoked: its kind and delegate."""

    id: int
    kind: str
    to: str


class DecidedUnder(TypedDict):
    """A decision taken under a delegation, as recorded."""

    id: int
    kind: str
    delegation: int
    decision: str
    under: str


def delegate(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    kind: str,
    to_login: str | None,
    to_role: str | None,
    typed: DecisionRef | TypedRef,
    comment: str | None = None,
) -> Delegated:
    """Record the board's delegation of a kind of decision (board role or admin)."""
    if to_login is not None:
        to_login = to_login.lower()

    def work(w: Work) -> Delegated:
        session, prog = w.session, w.programme
        w.require(DECIDE_FOR_BOARD, "record a delegation")
        if not NAME_RE.match(kind):
            raise InvalidInput(
                f"kind {kind!r}: a name of lower-case letters, digits and '_', e.g. action_plan"
            )
        if (to_login is None) == (to_role is None):
            raise InvalidInput("give the delegate: --to LOGIN or --role ROLE (one of them)")
        note = unit_of_work.check_text(comment, "-m", required=False)
        decision = resolve(typed, _diary_form(session, prog))
        assert decision is not None
        if to_login is not None and people.actor_for(session, to_login, w.programme_id) is None:
            raise NotFound(f"no person with login {to_login!r} (see 'rsp people list')")
        role = None
        if to_role is not None:  # its key, or its label as shown (e.g. 'arbetsgrupp')
            inst = lookup.instance_of(session, prog)
            roles = stored.definition_of(session, inst.definition_id).roles
            role = vocab.resolve(to_role, roles.items(), "--role")
        if decision.meeting_date > _today(clock):
            raise InvalidInput(f"the decision date {decision.meeting_date} lies in the future")
        d = table(Delegation)
        same = (
            session.connection()
            .execute(
                sa.select(d.c.id).where(
                    d.c.programme_id == prog.id,
                    d.c.kind == kind,
                    d.c.revoked_at.is_(None),
                    d.c.to_login == to_login if to_login else d.c.to_role == role,
                )
            )
            .first()
        )
        if same:
            raise InvalidInput(
                f"{kind} is already delegated to {to_login or role} (delegation #{same[0]})"
            )
        decision_id, record = _decision_id(
            session,
            prog,
            decision,
            kind,
            note or (f"Delegation: {kind_word(kind, 'sv')} till {to_login or role}"),
            actor,
            w.recorded,
        )
        did = (
            session.connection()  # type: ignore[index]
            .execute(
                sa.insert(d),
                dict(
                    programme_id=prog.id,
                    kind=kind,
                    to_login=to_login,
                    to_role=role,
                    decision_id=decision_id,
                    comment=note,
                    created_by=str(actor),
                    created_at=w.now,
                ),
            )
            .inserted_primary_key[0]
        )  # type: ignore[index]
        detail = {"kind": kind, "to_login": to_login, "to_role": role, "decision": str(decision)}
        w.audit(
            "delegation.created",
            subject=f"delegation:{did}",
            decision_id=decision_id,
            comment=note,
            detail={**detail, "decision_record": record} if record else detail,
        )
        return Delegated(
            id=did,
            decision_id=decision_id,
            kind=kind,
            to_login=to_login,
            to_role=role,
            decision=str(decision),
        )

    return unit_of_work.write(db, clock, actor, programme_key, "delegation.create", work)


def _diary_form(session: Session, prog: Programme | ProgrammeRef) -> DiaryForm:
    """How the programme's process writes its diary numbers."""
    inst = lookup.instance_of(session, prog)
    return stored.definition_of(session, inst.definition_id).diary_form


def _decision_id(
    session: Session,
    prog: Programme | ProgrammeRef,
    ref: DecisionRef,
    kind: str,
    text: str,
    actor: str,
    recorded: dt.datetime,
) -> tuple[int, dict[str, Any] | None]:
    """The board decision with this reference (the same meeting paragraph may both adopt
    the programme and delegate), or a new one recorded for the delegation (with what the
    trail records of it)."""
    dec = table_of(Decision)
    found = (
        session.connection()
        .execute(
            sa.select(dec.c.id)
            .where(
                dec.c.programme_id == prog.id,
                dec.c.meeting_date == ref.meeting_date,
                dec.c.paragraph == ref.paragraph,
                dec.c.diary_normalised == ref.diary_key,
            )
            .order_by(dec.c.id)
        )
        .first()
    )
    if found is not None:
        return int(found[0]), None
    record = {
        "meeting_date": ref.meeting_date.isoformat(),
        "paragraph": ref.paragraph,
        "diary_number": ref.diary_number,
        "text": ref.text or text,
        "body": prog.board_name,
    }
    return int(
        session.connection()  # type: ignore[index]
        .execute(
            sa.insert(dec),
            dict(
                programme_id=prog.id,
                body=prog.board_name,
                meeting_date=ref.meeting_date,
                paragraph=ref.paragraph,
                diary_number=ref.diary_number,
                diary_normalised=ref.diary_key,
                text=record["text"],
                trigger=f"delegate:{kind}",
                recorded_by=str(actor),
                recorded_at=recorded,
            ),
        )
        .inserted_primary_key[0]
    ), record  # type: ignore[index]


def revoke(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    delegation_id: int,
    comment: str | None = None,
) -> Revoked:
    """Revoke a delegation (board role or admin): it covers no decision from now on."""

    def work(w: Work) -> Revoked:
        session, prog = w.session, w.programme
        w.require(DECIDE_FOR_BOARD, "revoke a delegation")
        note = unit_of_work.check_text(comment, "-m", required=False)
        d = table(Delegation)
        row = (
            session.connection()
            .execute(sa.select(d).where(d.c.id == delegation_id, d.c.programme_id == prog.id))
            .mappings()
            .first()
        )
        if row is None:
            raise NotFound(f"no delegation #{delegation_id}; see 'rsp delegations list'")
        if row["revoked_at"] is not None:
            raise InvalidInput(
                f"delegation #{delegation_id} was revoked on "
                f"{row['revoked_at'].astimezone(STOCKHOLM).date()} already"
            )
        now = clock.now()
        session.connection().execute(
            sa.update(d)
            .where(d.c.id == delegation_id)
            .values(revoked_by=actor, revoked_at=now, revoke_comment=note)
        )
        w.audit(
            "delegation.revoked",
            subject=f"delegation:{delegation_id}",
            comment=note,
            detail={"kind": row["kind"]},
        )
        return Revoked(id=delegation_id, kind=row["kind"], to=row["to_login"] or row["to_role"])

    return unit_of_work.write(
        db,
        clock,
        actor,
        programme_key,
        "delegation.revoke",
        work,
        subject=f"delegation:{delegation_id}",
    )


def _delegations(
    session: Session, programme_id: int, kind: str | None = None
) -> list[DelegationRow]:
    d, dec, dd = table(Delegation), table_of(Decision), table(DelegatedDecision)
    used = sa.select(sa.func.count()).where(dd.c.delegation_id == d.c.id).scalar_subquery()
    query = (
        sa.select(
            d, dec.c.meeting_date, dec.c.paragraph, dec.c.diary_number, used.label("decisions")
        )
        .join(dec, dec.c.id == d.c.decision_id)
        .where(d.c.programme_id == programme_id)
        .order_by(d.c.id)
    )
    if kind is not None:
        query = query.where(d.c.kind == kind)
    out = []
    for r in session.connection().execute(query).mappings():
        ref = DecisionRef(r["meeting_date"], r["paragraph"], r["diary_number"])
        out.append(
            DelegationRow(
                {
                    "id": r["id"],
                    "kind": r["kind"],
                    "to_login": r["to_login"],
                    "to_role": r["to_role"],
                    "decision": str(ref),
                    "decision_id": r["decision_id"],
                    "comment": r["comment"],
                    "created_by": r["created_by"],
                    "created_at": r["created_at"],
                    "active": r["revoked_at"] is None,
                    "revoked_at": r["revoked_at"],
                    "revoked_by": r["revoked_by"],
                    "decisions": r["decisions"],
                    "decided_on": r["meeting_date"],
                }
            )
        )
    return out


def list_delegations(session: Session, programme_key: str | None) -> list[DelegationRow]:
    """Every delegation of the programme, active and revoked, with how often it was used."""
    return _delegations(session, lookup.programme_id(session, programme_key))


def _covering(
    actor: people.Actor | None, login: str, kind: str, found: list[DelegationRow]
) -> DelegationRow:
    """The active delegation of `kind` that covers the actor, or PermissionDenied."""
    if actor is None:
        raise PermissionDenied(
            f"{login!r} is not a registered person, so cannot take a delegated decision on {kind}"
        )
    for d in found:
        if d["active"] and (d["to_login"] == actor.login or d["to_role"] in actor.roles):
            return d
    if not found:
        raise PermissionDenied(
            f"{kind} has not been delegated: the board decides it (or "
            f"delegates it with 'rsp delegate {kind} ...')"
        )
    held = "; ".join(
        f"#{d['id']} to {d['to_login'] or 'role ' + str(d['to_role'])}"
        + ("" if d["active"] else " (revoked)")
        for d in found
    )
    raise PermissionDenied(f"no active delegation of {kind} covers {login}: {held}")


def decide(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    kind: str,
    typed: DecisionRef | TypedRef,
    text: str,
) -> DecidedUnder:
    """Record a decision taken under an active delegation that covers the actor."""

    def work(w: Work) -> DecidedUnder:
        session, prog = w.session, w.programme
        who = people.actor_for(session, actor, w.programme_id)
        d = _covering(who, actor, kind, _delegations(session, w.programme_id, kind))
        body = unit_of_work.check_text(text, "-m (the decision)")
        ref = resolve(typed, _diary_form(session, prog))
        assert ref is not None
        today = _today(clock)
        if ref.meeting_date > today:
            raise InvalidInput(f"the decision date {ref.meeting_date} lies in the future")
        if ref.meeting_date < d["decided_on"]:
            raise InvalidInput(
                f"delegation #{d['id']} was decided on {d['decided_on']}; a "
                f"decision of {ref.meeting_date} cannot be taken under it"
            )
        dd = table(DelegatedDecision)
        same = (
            session.connection()
            .execute(
                sa.select(dd.c.id).where(
                    dd.c.programme_id == prog.id,
                    dd.c.kind == kind,
                    dd.c.decided_on == ref.meeting_date,
                    dd.c.paragraph == ref.paragraph,
                    dd.c.diary_normalised == ref.diary_key,
                )
            )
            .first()
        )
        if same:
            raise InvalidInput(f"this decision is recorded already (#{same[0]})")
        now, role = clock.now(), None if d["to_login"] == actor.lower() else d["to_role"]
        new_id = (
            session.connection()  # type: ignore[index]
            .execute(
                sa.insert(dd),
                dict(
                    programme_id=prog.id,
                    delegation_id=d["id"],
                    kind=kind,
                    decided_on=ref.meeting_date,
                    paragraph=ref.paragraph,
                    diary_number=ref.diary_number,
                    diary_normalised=ref.diary_key,
                    text=body,
                    decided_by=actor,
                    role=role,
                    recorded_at=now,
                ),
            )
            .inserted_primary_key[0]
        )  # type: ignore[index]
        detail = {"kind": kind, "delegation": d["id"], "decision": format_ref(ref)}
        w.role = role or "delegate"
        w.audit(
            "decision.delegated",
            subject=f"delegated_decision:{new_id}",
            comment=body,
            detail=detail,
        )
        return DecidedUnder(
            id=new_id,
            kind=kind,
            delegation=d["id"],
            decision=format_ref(ref),
            under=d["decision"],
        )

    return unit_of_work.write(db, clock, actor, programme_key, "decision.delegated", work)


def report(
    session: Session, programme_key: str | None, since: dt.date, until: dt.date, lang: str = "sv"
) -> DelegationReport:
    """The delegated decisions from `since` to `until`, to report back to the board."""
    if until < since:
        raise InvalidInput(f"--until {until} lies before --since {since}")
    prog = lookup.find_programme(session, programme_key)
    delegations = {d["id"]: d for d in _delegations(session, lookup.id_of(prog))}
    dd, p = table(DelegatedDecision), table_of(Person)
    rows = (
        session.connection()
        .execute(
            sa.select(dd, p.c.name)
            .outerjoin(p, p.c.login == dd.c.decided_by)
            .where(dd.c.programme_id == prog.id, dd.c.decided_on.between(since, until))
            .order_by(dd.c.decided_on, dd.c.id)
        )
        .mappings()
    )
    items: list[DelegatedLine] = []
    for r in rows:
        d = delegations[r["delegation_id"]]
        items.append(
            DelegatedLine(
                {
                    "id": r["id"],
                    "kind": r["kind"],
                    "kind_label": kind_word(r["kind"], lang),
                    "decided_on": r["decided_on"],
                    "reference": format_ref(
                        DecisionRef(r["decided_on"], r["paragraph"], r["diary_number"])
                    ),
                    "text": r["text"],
                    "decided_by": r["decided_by"],
                    "decided_by_name": r["name"] or r["decided_by"],
                    "role": r["role"],
                    "delegation": d["id"],
                    "delegation_decision": d["decision"],
                    "delegation_active": d["active"],
                }
            )
        )
    return DelegationReport(
        lang=lang,
        programme=prog.name,
        board=prog.board_name,
        since=since,
        until=until,
        decisions=items,
    )
