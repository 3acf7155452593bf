"""Signing in with OpenID Connect in a real browser: Chromium, the real `rsp serve`, and a
real OpenID provider on loopback (oidc-provider-mock) where the test registers rsp as a
client with a secret, as a region registers it in Entra ID. A registered person lands
signed in; a person the provider knows but rsp does not gets a clear page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support import HANG_GUARD, run_rsp
from tests.webserver import Checker, chromium, chromium_path, free_port, rsp_serve

NOW = "2022-03-01"

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


@pytest.fixture
def server(provider: str, tmp_path) -> Iterator[Any]:
    chromium_path()
    db = tmp_path / "rsp.db"
    for args in (
        (
            "init",
            "--example",
            "jamtland-harjedalen",
            "--replay",
            "--admin-email",
            "it@region.example",
        ),
        (
            "people",
            "add",
            "processledare",
            "--name",
            "Maria Processledare",
            "--email",
            "maria@region.example",
            "--role",
            "working_group",
        ),
    ):
        r = run_rsp(*args, db=str(db), now=NOW)
        assert r.returncode == 0, r.stderr
    port = free_port()
    r = http.post(
        provider + "/oauth2/clients",
        json={"redirect_uris": [f"http://127.0.0.1:{port}/sign-in/oidc/callback"]},
    )
    client = r.json()
    env = {
        "RSP_OIDC_ISSUER": provider,
        "RSP_OIDC_CLIENT_ID": client["client_id"],
        "RSP_OIDC_CLIENT_SECRET_ENV": "REGION_IDP_SECRET",
        "REGION_IDP_SECRET": client["client_secret"],
        "RSP_OIDC_LABEL": "Region Jämtland Härjedalen",
        "RSP_MAIL_TRANSPORT": "file",
        "RSP_OUTBOX_DIR": str(tmp_path / "outbox"),
    }
    with rsp_serve(db, NOW, env, port) as running:
        yield running


def sign_in_at_provider(page: Any, server: Any, sub: str, checker: Checker) -> None:
    page.goto(server.url + "/p/rsp-2022-2030/tasks")
    assert page.locator("h1").inner_text() == "Logga in"
    checker.check(page, "sign-in-with-oidc")
    page.get_by_role("button", name="Logga in med Region Jämtland Härjedalen").click()
    page.locator("input[name=sub]").fill(sub)  # the provider's own page
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_load_state()


def test_a_registered_person_signs_in_with_the_regions_provider(provider, server, tmp_path):
    http.put(
        provider + "/users/maria-entra",
        json={"email": "Maria@Region.example", "email_verified": True},
    ).raise_for_status()
    checker = Checker(tmp_path / "screenshots")
    with chromium() as browser:
        page = browser.new_context().new_page()
        sign_in_at_provider(page, server, "maria-entra", checker)
        assert page.url == server.url + "/p/rsp-2022-2030/tasks"
        assert page.locator("h1").inner_text() == "Mina uppgifter"
        assert "Inloggad som Maria Processledare" in page.content()


def test_a_person_unknown_to_rsp_gets_a_clear_page(provider, server, tmp_path):
    http.put(
        provider + "/users/okand", json={"email": "okand@annan.example", "email_verified": True}
    ).raise_for_status()
    checker = Checker(tmp_path / "screenshots")
    with chromium() as browser:
        page = browser.new_context().new_page()
        sign_in_at_provider(page, server, "okand", checker)
        assert page.locator("h1").inner_text() == "Du finns inte registrerad hos oss"
        assert "Du loggade in som okand@annan.example." in page.content()
        checker.check(page, "sign-in-unknown-person")
        assert "rsp_session" not in [c["name"] for c in page.context.cookies()]
