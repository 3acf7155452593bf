"""Sign-in links: made for a registered person's address, valid 15 minutes, used once, and
only by the browser that asked (its id's hash is on the link). The mail's short code signs
that same browser in when the mail is read on another device; five wrong codes and the
link is spent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from process.core.errors import PermissionDenied
from process.storage.table_of import table_of
from process.storage.web_tables import WebSignInLink
from web.auth import tokens

LIFETIME = dt.timedelta(minutes=15)
CODE_ATTEMPTS = 5
KEEP = dt.timedelta(days=1)  # spent and expired links are removed after this
_L = table_of(WebSignInLink)

OK, UNKNOWN, USED, EXPIRED, OTHER_BROWSER = "ok", "unknown", "used", "expired", "other_browser"


class LinkRefused(PermissionDenied):
    """A sign-in link or code that does not sign in (why, in `status`; for the audit)."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Issued:
    """A new link: the token for the URL and the code for the mail (never stored as is)."""

    link_id: int
    token: str
    code: str


@dataclass(frozen=True)
class Found:
    """A link as checked: whose, where to land, and whether it may sign in now."""

    status: str
    link_id: int | None = None
    person_id: int | None = None
    next_path: str = "/"


def issue(
    session: Session, now: dt.datetime, person_id: int, browser_id: str, next_path: str, lang: str
) -> Issued:
    """Make a link for a person, bound to the asking browser (old spent links go)."""
    conn = session.connection()
    conn.execute(sa.delete(_L).where(_L.c.expires_at < now - KEEP))
    token, code = tokens.new_token(), tokens.new_code()
    token_hash = tokens.digest(token)
    inserted = conn.execute(
        sa.insert(_L).values(
            token_hash=token_hash,
            code_hash=tokens.salted(token_hash, code),
            browser_hash=tokens.digest(browser_id),
            person_id=person_id,
            next_path=next_path,
            lang=lang,
            created_at=now,
            expires_at=now + LIFETIME,
            code_attempts=0,
        )
    )
    link_id = inserted.inserted_primary_key[0]  # type: ignore[index]
    return Issued(int(link_id), token, code)


ANY_BROWSER = ""  # the browser hash of a link printed by `rsp demo --serve` (demo only)


def issue_printed(
    session: Session, now: dt.datetime, person_id: int, next_path: str, lang: str
) -> Issued:
    """A link for `rsp demo --serve` to print on its own terminal: no browser asked for it,
    so any browser may use it (once; pressing the button still signs in). Demo only."""
    issued = issue(session, now, person_id, "-", next_path, lang)
    session.connection().execute(
        sa.update(_L).where(_L.c.id == issued.link_id).values(browser_hash=ANY_BROWSER)
    )
    return issued


def check(session: Session, token: str, browser_id: str | None, now: dt.datetime) -> Found:
    """What a link's token is worth in this browser now (reads only)."""
    row = (
        session.connection()
        .execute(sa.select(_L).where(_L.c.token_hash == tokens.digest(token)))
        .mappings()
        .first()
    )
    if row is None:
        return Found(UNKNOWN)
    found = Found(OK, row["id"], row["person_id"], row["next_path"])
    if row["used_at"] is not None or row["code_attempts"] >= CODE_ATTEMPTS:
        return Found(USED, row["id"], row["person_id"], row["next_path"])
    if now >= row["expires_at"]:
        return Found(EXPIRED, row["id"], row["person_id"], row["next_path"])
    if row["browser_hash"] == ANY_BROWSER:
        return found
    if browser_id is None or not tokens.same(row["browser_hash"], tokens.digest(browser_id)):
        return Found(OTHER_BROWSER, row["id"], row["person_id"], row["next_path"])
    return found


def by_code(session: Session, browser_id: str, code: str, now: dt.datetime) -> Found:
    """The link of this browser whose code was typed, or why none signs in; a wrong code
    counts against every live link of the browser."""
    conn = session.connection()
    live = (
        conn.execute(
            sa.select(_L)
            .where(
                _L.c.browser_hash == tokens.digest(browser_id),
                _L.c.used_at.is_(None),
                _L.c.expires_at > now,
                _L.c.code_attempts < CODE_ATTEMPTS,
            )
            .order_by(_L.c.id.desc())
        )
        .mappings()
        .all()
    )
    typed = tokens.normalise_code(code)
    for row in live:
        if len(typed) == tokens.CODE_DIGITS and tokens.same(
            row["code_hash"], tokens.salted(row["token_hash"], typed)
        ):
            return Found(OK, row["id"], row["person_id"], row["next_path"])
    if live:
        conn.execute(
            sa.update(_L)
            .where(_L.c.id.in_([r["id"] for r in live]))
            .values(code_attempts=_L.c.code_attempts + 1)
        )
        return Found(UNKNOWN)
    return Found(EXPIRED)


def use(session: Session, link_id: int, now: dt.datetime) -> None:
    """Spend a link (compare-and-set: a link is used once, even by two clicks at once)."""
    done = session.connection().execute(
        sa.update(_L)
        .where(_L.c.id == link_id, _L.c.used_at.is_(None), _L.c.expires_at > now)
        .values(used_at=now)
    )
    if done.rowcount != 1:
        raise LinkRefused(USED, "the sign-in link was used already")
