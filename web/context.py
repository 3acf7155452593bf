"""What every request shares: the database, the clock, the settings, the mail, the
templates and the cookie secret. Made once when the server starts (`web.app`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from process.core.clock import Clock
from process.storage.database import Database
from web.settings import WebSettings

if TYPE_CHECKING:
    import jinja2

    from notifications.mail.settings import MailSettings


@dataclass
class WebContext:
    """The server's long-lived parts, handed to every page."""

    db: Database
    clock: Clock
    settings: WebSettings
    mail: MailSettings
    secret: bytes = field(repr=False)
    templates: jinja2.Environment
    env: Mapping[str, str] = field(default_factory=dict, repr=False)  # for secrets by name
    oauth: Any = None  # the OpenID Connect client (web.auth.oidc), when configured
