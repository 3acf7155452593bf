"""`rsp demo --serve`: after the replay, sign-in links for the demo's people, printed on
the terminal that started it (in this mode only: no mail is needed to look around)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from process.access import unit_of_work
from process.access.caller import EMAIL_LINK, Caller
from process.access.unit_of_work import Work
from web.auth import links
from web.auth import people as known_people
from web.context import WebContext

PEOPLE = (("processledare", "the process lead"), ("handlaggare", "the municipal officer"))


def print_links(ctx: WebContext, echo: Callable[[str], None]) -> None:
    """A single-use sign-in link for each demo person, audited like a mailed one."""
    for login, who in PEOPLE:
        with ctx.db.read() as session:
            person = known_people.by_login(session, login)
        if person is not None:
            token = _printed_link(ctx, person)
            echo(
                f"rsp demo: sign in as {who} ({person.name}): "
                f"{ctx.settings.base_url}/sign-in/link?{urlencode({'token': token})}"
            )


def _printed_link(ctx: WebContext, person: known_people.Known) -> str:
    def work(w: Work) -> str:
        issued = links.issue_printed(w.session, w.now, person.id, "/", "sv")
        w.audit(
            "web.sign_in_link",
            subject=f"person:{person.id}",
            detail={"link": issued.link_id, "printed": True},
        )
        return issued.token

    return unit_of_work.write(
        ctx.db,
        ctx.clock,
        Caller(person.login, EMAIL_LINK),
        None,
        "web.sign_in_link",
        work,
        installation=True,
    )
