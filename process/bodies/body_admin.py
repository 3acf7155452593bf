"""Bodies and their contact people as the browser changes them (plan managers): add a
body, correct its name and addresses, add a contact person (a registered one, or a new
one registered on the spot), correct a contact's name and address. Every field is checked
with the one rule for names and addresses (`process.core.contact`), all problems at once;
every change and every refusal is audited, with the actions `rsp bodies` uses."""

from __future__ import annotations

import json
import re

import sqlalchemy as sa
from sqlmodel import Session, select

from process.access import people, unit_of_work
from process.access.capabilities import ADMINISTER, MANAGE_PLANS
from process.access.unit_of_work import Work
from process.bodies.bodies import _attach, body_keys, find_body, insert_body
from process.bodies.bodies_file import BODY_KINDS, KEY_RE
from process.core import contact
from process.core.clock import Clock
from process.core.errors import InvalidInput, NotFound
from process.storage.database import Database
from process.storage.plan_tables import Body, BodyPerson
from process.storage.tables import Person, RoleGrant

KINDS = tuple(k for k in BODY_KINDS if k != "group")  # a group is made in a bodies file
KEY_MAX = 64
_SPLIT = re.compile(r"[,;\s]+")


class FieldProblems(InvalidInput):
    """Each field's problem (field → what is wrong, in English); nothing was changed."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = fields


def split_addresses(text: str) -> list[str]:
    """The addresses typed into one field: separated by commas, semicolons, spaces or lines."""
    return list(dict.fromkeys(a for a in _SPLIT.split(text.strip()) if a))


def _name_and_addresses(name: str, emails: list[str], problems: dict[str, str]) -> None:
    if problem := contact.name_problem(name):
        problems["name"] = f"name {name!r} {problem}"
    if not emails:
        problems["emails"] = "give at least one address: reminders go to a body's addresses"
    for address in emails:
        if problem := contact.address_problem(address):
            problems["emails"] = f"e-mail {address!r} {problem}"
            break


def add_body(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    key: str,
    name: str,
    kind: str,
    emails: list[str],
) -> None:
    """Add a body (not a group) with its addresses, as `rsp bodies add` does."""

    def work(w: Work) -> None:
        w.require(MANAGE_PLANS, "add bodies")
        problems: dict[str, str] = {}
        if not KEY_RE.match(key) or len(key) > KEY_MAX:
            problems["key"] = f"body key {key!r}: use lowercase a-z, 0-9, '_' or '-'"
        elif key in body_keys(w.session, w.programme_id):
            problems["key"] = f"body {key!r} exists already"
        _name_and_addresses(name, emails, problems)
        if kind not in KINDS:
            problems["kind"] = f"kind {kind!r} is not one of {', '.join(KINDS)}"
        if problems:
            raise FieldProblems(problems)
        insert_body(w, key, name, kind, emails)

    unit_of_work.write(db, clock, actor, programme_key, "body.add", work)


def edit_body(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    key: str,
    name: str,
    emails: list[str],
) -> None:
    """Correct a body's name and addresses; audited with what was there before."""

    def work(w: Work) -> None:
        w.require(MANAGE_PLANS, "correct bodies")
        row = find_body(w.session, w.programme_id, key)
        w.about(subject=f"body:{row.id}")
        problems: dict[str, str] = {}
        _name_and_addresses(name, emails, problems)
        if row.kind == "group" and "emails" in problems and not emails:
            del problems["emails"]  # a group reaches its members' addresses
        if problems:
            raise FieldProblems(problems)
        new_emails = json.dumps(emails, ensure_ascii=False)
        changed = {
            f: [getattr(row, f), new]
            for f, new in (("name", name.strip()), ("emails", new_emails))
            if getattr(row, f) != new
        }
        if not changed:
            raise InvalidInput(f"body {key}: nothing to change (name and addresses as given)")
        row.name, row.emails = name.strip(), new_emails
        w.session.add(row)
        w.audit("body.updated", subject=f"body:{row.id}", detail=changed)

    unit_of_work.write(db, clock, actor, programme_key, "body.edit", work)


def _address_taken(session: Session, address: str, person_id: int | None) -> str | None:
    other = session.exec(
        select(Person).where(sa.func.lower(Person.email) == address.lower(), Person.id != person_id)
    ).first()
    return other.login if other is not None else None


def add_contact(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    body_key: str,
    login: str,
    name: str,
    email: str,
) -> bool:
    """Make a person a contact of the body: a registered one by login (name and address
    left as they are), or a new one registered with name and address; whether it was new."""

    def work(w: Work) -> bool:
        w.require(MANAGE_PLANS, "change a body's people")
        body = find_body(w.session, w.programme_id, body_key)
        w.about(subject=f"body:{body.id}")
        problems: dict[str, str] = {}
        if not people.LOGIN_RE.match(login):
            problems["login"] = (
                f"login {login!r}: use letters, digits, '.', '_', '@' or '-' (at most 64)"
            )
            person = None
        else:
            person = people.person_by_login(w.session, login)
        if person is not None:
            if w.session.get(BodyPerson, (body.id, person.id)) is not None:
                raise FieldProblems({"login": f"{person.login} is already a member of {body_key}"})
            _attach(w, body, person)
            return False
        if problem := contact.name_problem(name):
            problems["name"] = f"name {name!r} {problem}"
        if not email:
            problems["email"] = "give the new contact person's e-mail address"
        elif problem := contact.address_problem(email):
            problems["email"] = f"e-mail {email!r} {problem}"
        elif taken := _address_taken(w.session, email, None):
            problems["email"] = f"{email} is {taken}'s address already"
        if problems:
            raise FieldProblems(problems)
        person = Person(
            login=people.canonical_login(login), name=name.strip(), email=email, created_at=w.now
        )
        w.session.add(person)
        w.session.flush()
        w.audit(
            "person.added",
            subject=f"person:{person.id}",
            detail={"login": person.login, "name": person.name, "email": email},
        )
        _attach(w, body, person)
        return True

    return unit_of_work.write(db, clock, actor, programme_key, "body.member", work)


def _signs_in_for_more(session: Session, person: Person, programme_id: int) -> bool:
    """Whether the person holds a role anywhere, administers the installation or acts for
    another programme's body: then only an administrator corrects their address."""
    if person.administers_installation:
        return True
    if session.exec(select(RoleGrant.id).where(RoleGrant.person_id == person.id)).first():
        return True
    elsewhere = session.exec(
        select(Body.id)
        .join(BodyPerson, BodyPerson.body_id == Body.id)  # type: ignore[arg-type]
        .where(BodyPerson.person_id == person.id, Body.programme_id != programme_id)
    ).first()
    return elsewhere is not None


def edit_contact(
    db: Database,
    clock: Clock,
    actor: str,
    programme_key: str | None,
    body_key: str,
    login: str,
    name: str,
    email: str,
) -> None:
    """Correct the name and address of one of the body's contact people (a person who
    holds roles too: administrators only, since the address signs them in)."""

    def work(w: Work) -> None:
        w.require(MANAGE_PLANS, "correct a body's contact people")
        body = find_body(w.session, w.programme_id, body_key)
        person = people.person_by_login(w.session, login)
        if person is None or w.session.get(BodyPerson, (body.id, person.id)) is None:
            raise NotFound(f"{login} is not a contact person of {body_key}")
        w.about(subject=f"person:{person.id}")
        if _signs_in_for_more(w.session, person, w.programme_id):
            w.require(ADMINISTER, "correct the address of a person who holds roles")
        problems: dict[str, str] = {}
        if problem := contact.name_problem(name):
            problems[f"name-{person.login}"] = f"name {name!r} {problem}"
        field = f"email-{person.login}"
        if not email:
            problems[field] = "a contact person needs an e-mail address"
        elif problem := contact.address_problem(email):
            problems[field] = f"e-mail {email!r} {problem}"
        elif taken := _address_taken(w.session, email, person.id):
            problems[field] = f"{email} is {taken}'s address already"
        if problems:
            raise FieldProblems(problems)
        before = {"name": person.name, "email": person.email}
        after = {"name": name.strip(), "email": email}
        if before == after:
            raise InvalidInput(f"{person.login}: nothing to change (name and address as given)")
        person.name, person.email = after["name"], email
        w.session.add(person)
        w.audit(
            "person.edited",
            subject=f"person:{person.id}",
            detail={"login": person.login, "body": body_key, "before": before, "after": after},
        )

    unit_of_work.write(db, clock, actor, programme_key, "body.member", work)


def contacts(session: Session, programme_id: int, body_key: str) -> list[dict[str, object]]:
    """The body's contact people: login, name, address, active."""
    body = find_body(session, programme_id, body_key)
    rows = session.exec(
        select(Person)
        .join(BodyPerson, BodyPerson.person_id == Person.id)  # type: ignore[arg-type]
        .where(BodyPerson.body_id == body.id)
        .order_by(Person.name, Person.login)
    )
    return [
        {"login": p.login, "name": p.name, "email": p.email or "", "active": p.active} for p in rows
    ]
