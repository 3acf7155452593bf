"""The browser interface's pure parts: where `next` may lead, tokens and codes, settings
from the environment, the rate limit's windows, the decision reference and refusals said
on the form, and every word of every page in both languages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from process.core.errors import ConflictError, InvalidInput, InvalidTransition, PermissionDenied
from web import decision_input, refusals
from web.auth import rate_limit, tokens
from web.auth.people import masked
from web.redirects import safe_next
from web.render import TEMPLATES
from web.settings import WebConfigError, from_env
from web.words import WORDS, t


@pytest.mark.parametrize(
    "value, expected",
    [
        ("/p/rsp-2022-2030/measures/2014/1.A", "/p/rsp-2022-2030/measures/2014/1.A"),
        ("/p/x/history?outcome=refused&kind=measure", "/p/x/history?outcome=refused&kind=measure"),
        (None, "/"),
        ("", "/"),
        ("https://evil.example/", "/"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("http:/evil.example", "/"),
        ("p/relative", "/"),
        ("/a\r\nSet-Cookie: x=1", "/"),
        ("/" + "a" * 600, "/"),
        ("/p/x#frag", "/"),
    ],
)
def test_next_is_only_ever_a_path_here(value, expected):
    assert safe_next(value) == expected


def test_tokens_codes_and_their_hashes():
    a, b = tokens.new_token(), tokens.new_token()
    assert a != b and len(a) >= 43
    code = tokens.new_code()
    assert re.fullmatch(r"\d{6}", code)
    assert tokens.digest(a) != a and len(tokens.digest(a)) == 64
    assert tokens.salted("s1", code) != tokens.salted("s2", code)
    assert tokens.normalise_code(" 123-456 ") == "123456"
    assert tokens.same("abc", "abc") and not tokens.same("abc", "abd")


def test_a_failed_address_is_masked_for_the_trail():
    assert masked("karin.nilsson@region.example") == "k…@region.example"
    assert masked("nonsense") == "…"


def test_settings_from_the_environment():
    s = from_env({})
    assert s.email_sign_in and s.oidc is None and s.secure_cookies == "auto"
    assert s.idle == dt.timedelta(minutes=60) and s.absolute == dt.timedelta(hours=10)
    s = from_env(
        {
            "RSP_OIDC_ISSUER": "https://login.microsoftonline.com/t/v2.0/",
            "RSP_OIDC_CLIENT_ID": "rsp",
            "RSP_OIDC_CLIENT_SECRET_ENV": "IDP",
            "IDP": "hemligt",
            "RSP_OIDC_REQUIRE_VERIFIED": "no",
            "RSP_WEB_IDLE_MINUTES": "30",
            "RSP_BASE_URL": "https://rsp.region.example/",
        }
    )
    assert s.oidc is not None and s.oidc.client_secret == "hemligt"
    assert s.oidc.metadata_url == (
        "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration"
    )
    assert not s.oidc.require_verified and s.idle == dt.timedelta(minutes=30)
    assert s.base_url == "https://rsp.region.example"
    assert "hemligt" not in s.describe()


def test_the_client_secret_from_a_file(tmp_path: Path):
    secret = tmp_path / "secret"
    secret.write_text("från-en-fil\n", encoding="utf-8")
    s = from_env(
        {
            "RSP_OIDC_ISSUER": "https://idp.example",
            "RSP_OIDC_CLIENT_ID": "rsp",
            "RSP_OIDC_CLIENT_SECRET_FILE": str(secret),
        }
    )
    assert s.oidc is not None and s.oidc.client_secret == "från-en-fil"


@pytest.mark.parametrize(
    "env, says",
    [
        ({"RSP_OIDC_ISSUER": "https://idp.example"}, "RSP_OIDC_CLIENT_ID"),
        (
            {"RSP_OIDC_ISSUER": "https://idp.example", "RSP_OIDC_CLIENT_ID": "rsp"},
            "RSP_OIDC_CLIENT_SECRET_FILE",
        ),
        (
            {
                "RSP_OIDC_ISSUER": "https://idp.example",
                "RSP_OIDC_CLIENT_ID": "rsp",
                "RSP_OIDC_CLIENT_SECRET_ENV": "NOPE",
            },
            "NOPE, which is not set",
        ),
        (
            {
                "RSP_OIDC_ISSUER": "https://idp.example",
                "RSP_OIDC_CLIENT_ID": "rsp",
                "RSP_OIDC_CLIENT_SECRET_FILE": "/no/such/file",
            },
            "cannot read /no/such/file",
        ),
        ({"RSP_OIDC_METADATA_URL": "ftp://idp.example"}, "not an http(s) address"),
        ({"RSP_WEB_SECURE_COOKIES": "sometimes"}, "auto, always or never"),
        ({"RSP_WEB_IDLE_MINUTES": "-5"}, "a whole number above 0"),
        ({"RSP_WEB_EMAIL_SIGN_IN": "kanske"}, "use yes or no"),
        ({"RSP_WEB_EMAIL_SIGN_IN": "no"}, "nobody could sign in"),
        ({"RSP_BASE_URL": "rsp.region.example"}, "starting with https://"),
    ],
)
def test_wrong_settings_are_named(env, says):
    with pytest.raises(WebConfigError, match=re.escape(says)):
        from_env(env)


def test_rate_limit_windows():
    at = dt.datetime(2023, 5, 23, 14, 7, 31, tzinfo=dt.UTC)
    assert rate_limit.window_start(at) == dt.datetime(2023, 5, 23, 14, 0, tzinfo=dt.UTC)
    assert rate_limit.window_start(at + dt.timedelta(minutes=8)) == dt.datetime(
        2023, 5, 23, 14, 15, tzinfo=dt.UTC
    )
    key = rate_limit.key_of(rate_limit.PER_ADDRESS, " Karin@Region.example ")
    assert key == rate_limit.key_of(rate_limit.PER_ADDRESS, "karin@region.example")
    assert "karin" not in key and key.startswith("address:")


@pytest.mark.parametrize(
    "raw, sv",
    [
        ("2023-05-23 RUN/536/2021", "Beslutsreferensen saknar paragraf (§ och ett nummer)."),
        (
            "§ 89",
            "Beslutsreferensen saknar sammanträdesdatum (ÅÅÅÅ-MM-DD), diarienummer "
            "(till exempel RUN/536/2021).",
        ),
        (
            "2023-02-30 § 89 RUN/536/2021",
            "Beslutsreferensen saknar ett datum som finns i kalendern.",
        ),
        (
            "2023-05-23 2023-05-24 § 89 RUN/536/2021",
            "Beslutsreferensen saknar ett enda datum (det står flera).",
        ),
        ("2023-05-23\n§ 89 RUN/536/2021", "Skriv beslutsreferensen på en kort rad."),
    ],
)
def test_a_decision_reference_names_what_it_lacks(raw, sv):
    with pytest.raises(decision_input.DecisionProblem) as found:
        decision_input.parse(raw, "", "sv")
    assert str(found.value) == sv


def test_a_good_decision_reference():
    ref = decision_input.parse("RUN/536/2021 § 89 2023-05-23", "Fastställs", "sv")
    assert str(ref) == "2023-05-23 § 89, RUN/536/2021" and ref.text == "Fastställs"


def test_refusals_on_the_form():
    r = refusals.explain(PermissionDenied("maria (working_group) may not decide_start"), "sv")
    assert r.status == 403 and r.fields == {"general": "Du har inte behörighet att göra det här."}
    r = refusals.explain(
        InvalidTransition(
            "report_progress is not allowed yet: comment_given: a comment is required"
        ),
        "sv",
    )
    assert r.status == 400 and r.fields == {"comment": "Skriv en kommentar om vad som har hänt."}
    r = refusals.explain(
        InvalidInput("decide_start records a board decision: give its reference"), "en"
    )
    assert r.status == 400 and "decision" in r.fields
    r = refusals.explain(ConflictError("changed by someone else"), "sv")
    assert r.status == 409 and "Någon annan" in r.fields["general"]
    assert r.detail == "changed by someone else"


def test_every_word_in_both_languages():
    for key, entry in WORDS.items():
        assert set(entry) == {"sv", "en"}, key
        assert sorted(re.findall(r"{\w+}", entry["sv"])) == sorted(
            re.findall(r"{\w+}", entry["en"])
        ), f"{key}: the languages fill in other values"


def test_every_word_a_template_asks_for_exists():
    used = set()
    for path in TEMPLATES.iterdir():
        used |= set(re.findall(r"\bt\('([a-z_.]+)'", path.read_text(encoding="utf-8")))
    prefixes = {u for u in used if u.endswith(".")}  # built with ~, e.g. 'link.' ~ problem
    missing = sorted(u for u in used - prefixes if u not in WORDS)
    assert not missing, f"words the templates use but words.py lacks: {missing}"
    assert t("days", "en", n=3) == "3 days" and t("days", "xx", n=3) == "3 dagar"
