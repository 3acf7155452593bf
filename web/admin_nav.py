"""The administration pages in the menu, each for those who hold its capability: the
outbox and the audit status (administer), the reminder rules and the bodies (manage
plans and bodies)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from process.access import capabilities
from process.storage.database import Database

PAGES = (  # menu word, path under /p/KEY, capability
    ("nav.bodies", "/bodies", capabilities.MANAGE_PLANS),
    ("nav.reminder_rules", "/reminder-rules", capabilities.MANAGE_PLANS),
    ("nav.outbox", "/outbox", capabilities.ADMINISTER),
    ("nav.audit", "/audit", capabilities.ADMINISTER),
)


def holds(db: Database, programme: Any, capability: str) -> bool:
    """Whether the person, holding `programme.roles` there, holds `capability`."""
    if not programme.roles:
        return False
    with db.read() as session:
        roles = capabilities.roles_for(session, programme.id, capability)
    return bool(set(roles) & programme.roles)


def links(db: Database, programme: Any) -> list[tuple[str, str]]:
    """(menu word, address) of each administration page the person may open, given the
    programme as the pages see it (its id, key and the person's roles on it)."""
    if programme is None or not getattr(programme, "roles", None):
        return []
    with db.read() as session:
        mapping = capabilities.mapping_of(session, programme.id)
    return [
        (word, f"/p/{programme.key}{path}")
        for word, path, capability in PAGES
        if set(capabilities.roles_holding(mapping, capability)) & programme.roles
    ]


def refused(page: Any, programme: Any, title: str, capability: str) -> Response:
    """The page of someone without the capability: who may, and nothing else (HTTP 403)."""
    who = page.t(f"admin.who.{capability}")
    response: Response = page.render(
        "admin_refused.html",
        status=403,
        title=title,
        programme=programme,
        message=page.t("admin.not_allowed", who=who),
    )
    return response
