"""The administration pages in the menu, each for those who hold its capability: the
outbox and the audit status (administer), the reminder rules and the bodies (manage
plans and bodies)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from process.access import capabilities
from web.access import ProgrammeView

if TYPE_CHECKING:
    from web.page import Page

PAGES = (  # menu word, path under /p/KEY, capability
    ("nav.bodies", "/bodies", capabilities.MANAGE_PLANS),
    ("nav.reminder_rules", "/reminder-rules", capabilities.MANAGE_PLANS),
    ("nav.outbox", "/outbox", capabilities.ADMINISTER),
    ("nav.audit", "/audit", capabilities.ADMINISTER),
)


def holds(page: Page, programme: ProgrammeView, capability: str) -> bool:
    """Whether the signed-in person holds `capability` on the programme."""
    if page.user is None or not programme.roles:
        return False
    with page.ctx.db.read() as session:
        roles = capabilities.roles_for(session, programme.id, capability)
    return bool(set(roles) & programme.roles)


def links(page: Page, programme: ProgrammeView | None) -> list[tuple[str, str]]:
    """(menu word, address) of each administration page the person may open."""
    if not isinstance(programme, ProgrammeView) or page.user is None or not programme.roles:
        return []
    with page.ctx.db.read() as session:
        mapping = capabilities.mapping_of(session, programme.id)
    return [
        (word, f"/p/{programme.key}{path}")
        for word, path, capability in PAGES
        if set(capabilities.roles_holding(mapping, capability)) & programme.roles
    ]
