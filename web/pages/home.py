"""The start page: the programmes the signed-in person works on (straight to the only one)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from web import access
from web.page import Page

router = APIRouter()


@router.get("/")
def start(request: Request) -> Response:
    """The person's programmes; the only one's overview at once."""
    page = Page.of(request)
    user = page.require_user()
    with page.ctx.db.read() as session:
        mine = access.visible(session, user.person_id)
    if len(mine) == 1:
        return page.redirect(f"/p/{mine[0].key}")
    return page.render("programmes.html", title=page.t("programmes.title"), programmes=mine)
