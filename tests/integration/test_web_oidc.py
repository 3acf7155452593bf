"""Signing in with OpenID Connect against a real OpenID provider started on loopback
(oidc-provider-mock: discovery, a registered client with a secret, signed ID tokens,
PKCE), through rsp's HTTP interface on a real SQLite file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
import sqlalchemy as sa

from process.storage.tables import AuditEvent
from tests.support import HANG_GUARD, clock_at, make_programme
from tests.websupport import BASE, csrf_of, make_web
from web.settings import OidcSettings, WebSettings

PROGRAMME = "/p/rsp-2022-2030"

# The test provider (oidc-provider-mock) uses authlib's older server interfaces; their
# deprecation warnings are about the test's provider, not about rsp. (authlib.deprecate
# puts an "always" filter in front when first imported: imported here, before the marks.)
import authlib.deprecate  # noqa: E402, F401, I001

http = httpx.Client(timeout=HANG_GUARD)  # waits bounded only by the hang guard

pytestmark = [
    pytest.mark.filterwarnings("ignore:.*get_jwt_config.*:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:authlib.jose module is deprecated"),
]


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    import oidc_provider_mock

    with oidc_provider_mock.run_server_in_thread(
        require_client_registration=True, require_nonce=True
    ) as server:
        yield f"http://localhost:{server.server_port}"


def register(issuer: str) -> tuple[str, str]:
    """A client of rsp at the provider: (client id, secret)."""
    r = http.post(
        issuer + "/oauth2/clients", json={"redirect_uris": [BASE + "/sign-in/oidc/callback"]}
    )
    r.raise_for_status()
    return r.json()["client_id"], r.json()["client_secret"]


def user(issuer: str, sub: str, **claims: object) -> None:
    http.put(f"{issuer}/users/{sub}", json=claims).raise_for_status()


@pytest.fixture
def web(sqlite_db, tmp_path, provider):
    clock = clock_at("2022-03-01")
    make_programme(sqlite_db, clock)
    client_id, secret = register(provider)
    oidc = OidcSettings(
        provider + "/.well-known/openid-configuration",
        client_id,
        secret,
        label="Region Jämtland Härjedalen",
    )
    return make_web(sqlite_db, clock, tmp_path, WebSettings(base_url=BASE, oidc=oidc))


def through_provider(
    browser, sub: str | None, next_path: str = PROGRAMME, deny: bool = False
) -> httpx.Response:
    """Press the button, sign in at the provider as `sub`; rsp's answer to the callback."""
    page = browser.get("/sign-in")
    assert "Logga in med Region Jämtland Härjedalen" in page.text
    r = browser.post("/sign-in/oidc", data={"csrf": csrf_of(page.text), "next": next_path})
    assert r.status_code == 303
    at_provider = r.headers["location"]
    assert "code_challenge_method=S256" in at_provider and "nonce=" in at_provider
    answer = http.post(at_provider, data={"action": "deny"} if deny else {"sub": sub})
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["location"])
    assert f"{back.scheme}://{back.netloc}" == BASE
    return browser.get(f"{back.path}?{back.query}")


def audit(web) -> list[dict]:
    t = AuditEvent.__table__  # type: ignore[attr-defined]
    with web.db.read() as session:
        return [
            {**r._mapping, "detail": json.loads(r.detail)}
            for r in session.connection().execute(
                sa.select(t).where(t.c.action.like("web.%")).order_by(t.c.id)
            )
        ]


def test_a_registered_person_signs_in_with_a_verified_address(web, provider):
    user(provider, "maria-sub", email="Processledare@X.example", email_verified=True)
    browser = web.client()
    r = through_provider(browser, "maria-sub")
    assert r.status_code == 303 and r.headers["location"] == PROGRAMME
    assert "rsp_session" in browser.cookies and "rsp_oidc" not in browser.cookies
    assert "Inloggad som Processledare" in browser.get(PROGRAMME).text
    row = audit(web)[-1]
    assert (row["action"], row["outcome"], row["actor"]) == (
        "web.sign_in",
        "applied",
        "processledare",
    )
    assert row["detail"]["via"] == "oidc" and row["detail"]["sub"] == "maria-sub"
    assert row["channel"] == "web:oidc"


def test_a_person_unknown_to_rsp_gets_a_clear_page(web, provider):
    user(provider, "stranger", email="okand@annan.example", email_verified=True)
    browser = web.client()
    r = through_provider(browser, "stranger")
    assert r.status_code == 403
    assert "Du finns inte registrerad hos oss" in r.text and "okand@annan.example" in r.text
    assert "rsp_session" not in browser.cookies
    row = audit(web)[-1]
    assert (row["action"], row["outcome"]) == ("web.sign_in", "refused")
    assert "no registered person" in row["detail"]["reason"]


def test_an_unverified_address_is_not_trusted(web, provider):
    user(provider, "unverified", email="processledare@x.example", email_verified=False)
    r = through_provider(web.client(), "unverified")
    assert r.status_code == 403 and "not verified" in audit(web)[-1]["detail"]["reason"]


def test_a_callback_in_another_browser_or_a_refusal_signs_nobody_in(web, provider):
    user(provider, "maria-sub", email="processledare@x.example", email_verified=True)
    browser, other = web.client(), web.client()
    page = browser.get("/sign-in")
    r = browser.post("/sign-in/oidc", data={"csrf": csrf_of(page.text), "next": "/"})
    answer = http.post(r.headers["location"], data={"sub": "maria-sub"})
    back = urlsplit(answer.headers["location"])
    stolen = other.get(f"{back.path}?{back.query}")  # no state of its own
    assert stolen.status_code == 400 and "Inloggningen avbröts" in stolen.text
    assert "rsp_session" not in other.cookies
    assert audit(web)[-1]["outcome"] == "refused"
    r = through_provider(web.client(), None, deny=True)
    assert r.status_code == 400 and "access_denied" in audit(web)[-1]["detail"]["reason"]


def test_a_provider_that_does_not_answer_is_said_so(sqlite_db, tmp_path):
    import socket

    clock = clock_at("2022-03-01")
    make_programme(sqlite_db, clock)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    oidc = OidcSettings(dead + "/.well-known/openid-configuration", "rsp", "hemligt")
    web = make_web(sqlite_db, clock, tmp_path, WebSettings(base_url=BASE, oidc=oidc))
    browser = web.client()
    page = browser.get("/sign-in")
    r = browser.post("/sign-in/oidc", data={"csrf": csrf_of(page.text), "next": "/"})
    assert r.status_code == 502 and "Inloggningstjänsten svarar inte" in r.text
