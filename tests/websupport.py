"""Test helpers for the browser interface: the application on a real database with a
FixedClock and the file mail transport, driven in-process by Starlette's TestClient (a real
HTTP client over ASGI); reading the sign-in mails; form tokens from pages."""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from starlette.testclient import TestClient

from process.core.clock import FixedClock
from process.storage.database import Database
from web.app import create_app, make_context
from web.context import WebContext
from web.settings import WebSettings

BASE = "http://testserver"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Web:
    """An application under test: its context (database, clock …) and its mail folder."""

    ctx: WebContext
    outbox: Path

    def client(self) -> TestClient:
        """A new browser: its own cookies."""
        return TestClient(create_app(self.ctx), base_url=BASE, follow_redirects=False)

    @property
    def clock(self) -> FixedClock:
        assert isinstance(self.ctx.clock, FixedClock)
        return self.ctx.clock

    @property
    def db(self) -> Database:
        return self.ctx.db

    def mails(self) -> list[EmailMessage]:
        """Every mail the file transport wrote, oldest first."""
        files = sorted(self.outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
        return [
            email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in files
        ]  # type: ignore[misc]


def make_web(
    db: Database,
    clock: FixedClock,
    tmp_path: Path,
    settings: WebSettings | None = None,
    env: dict[str, str] | None = None,
) -> Web:
    """The application over `db` with the file transport into tmp_path/outbox."""
    outbox = tmp_path / "outbox"
    full_env = {
        "RSP_MAIL_TRANSPORT": "file",
        "RSP_OUTBOX_DIR": str(outbox),
        "RSP_MAIL_FROM": "Regionalt serviceprogram <rsp@region.example>",
        **(env or {}),
    }
    ctx = make_context(db, clock, settings or WebSettings(base_url=BASE), full_env)
    return Web(ctx, outbox)


def csrf_of(page_html: str) -> str:
    """The CSRF token of the first form of a page."""
    found = CSRF.search(page_html)
    assert found, "no form token on the page"
    return html.unescape(found.group(1))


def text_of(msg: EmailMessage) -> str:
    """The plain-text part of a mail."""
    part = msg.get_body(("plain",))
    assert part is not None
    return str(part.get_content())  # type: ignore[union-attr]


def link_and_code(msg: EmailMessage) -> tuple[str, str]:
    """The sign-in link's token and the six-digit code of a sign-in mail."""
    body = text_of(msg)
    link = re.search(r"(https?://\S+/sign-in/link\?token=\S+)", body)
    code = re.search(r"^(\d{6})\r?$", body, re.MULTILINE)
    assert link and code, body
    return parse_qs(urlsplit(link.group(1)).query)["token"][0], code.group(1)


def ask_for_link(client: TestClient, address: str, next_path: str = "/") -> int:
    """Ask for a sign-in link as a browser does; the status of the answer."""
    page = client.get("/sign-in", params={"next": next_path})
    r = client.post(
        "/sign-in/email", data={"csrf": csrf_of(page.text), "email": address, "next": next_path}
    )
    return r.status_code


def sign_in(web: Web, client: TestClient, address: str, next_path: str = "/") -> str:
    """Sign a browser in by the mailed link (open it, press the button); where it landed."""
    before = len(web.mails())
    assert ask_for_link(client, address, next_path) == 303
    mails = web.mails()
    assert len(mails) == before + 1, "no sign-in mail was written"
    token, _code = link_and_code(mails[-1])
    page = client.get("/sign-in/link", params={"token": token})
    assert page.status_code == 200, page.text
    r = client.post("/sign-in/link", data={"csrf": csrf_of(page.text), "token": token})
    assert r.status_code == 303, r.text
    return r.headers["location"]
