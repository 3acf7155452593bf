"""Signing in to rsp in the browser by e-mail link, on a real database (SQLite file and the
real PostgreSQL), with the real mail outbox and file transport, through the application's
HTTP interface (Starlette's TestClient). Time is a FixedClock: links expire and sessions go
idle because the test moves the clock, never because it waits."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from process.storage.outbox_table import OutboxMessage
from process.storage.tables import AuditEvent
from process.storage.web_tables import WebSession, WebSignInLink
from tests.support import clock_at, make_programme
from tests.websupport import (
    CSRF,
    ask_for_link,
    csrf_of,
    link_and_code,
    make_web,
    sign_in,
    text_of,
)
from web.auth import tokens

LEAD = "processledare@x.example"
PROGRAMME = "/p/rsp-2022-2030"


@pytest.fixture
def web(any_db, tmp_path):
    clock = clock_at("2022-03-01")
    make_programme(any_db, clock)
    return make_web(any_db, clock, tmp_path)


def plant(browser, name: str, value: str) -> None:
    """Put a cookie into a browser as if the site (or an attacker) had set it."""
    browser.cookies.set(name, value, domain="testserver.local")


def audit_rows(web, prefix="web.") -> list[dict]:
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    with web.db.read() as session:
        rows = session.connection().execute(
            sa.select(table).where(table.c.action.like(prefix + "%")).order_by(table.c.id)
        )
        return [{**r._mapping, "detail": json.loads(r.detail)} for r in rows]


def rows_of(web, model) -> list[dict]:
    with web.db.read() as session:
        return [dict(r._mapping) for r in session.connection().execute(sa.select(model.__table__))]


def test_a_known_address_gets_a_link_that_signs_in_that_browser(web):
    browser = web.client()
    assert sign_in(web, browser, LEAD, PROGRAMME) == PROGRAMME
    mail = web.mails()[-1]
    assert mail["To"] == "Processledare <processledare@x.example>"
    assert mail["Subject"] == "Din inloggningslänk till Regionalt serviceprogram"
    body = text_of(mail)
    assert "Hej Processledare!" in body and "gäller i 15 minuter" in body
    assert browser.get("/", follow_redirects=False).headers["location"] == PROGRAMME
    cookie = browser.cookies.get("rsp_session")
    actions = [(r["action"], r["outcome"], r["actor"], r["channel"]) for r in audit_rows(web)]
    assert actions == [
        ("web.sign_in_link", "applied", "processledare", "web:email-link"),
        ("web.sign_in", "applied", "processledare", "web:email-link"),
    ]
    sent = audit_rows(web, "mail.")
    assert [(r["action"], r["actor"], r["channel"]) for r in sent] == [
        ("mail.sent", "rsp-web", "system")
    ]
    # nothing usable is kept in the clear: the token and code only as hashes, the sent
    # mail's text removed from the outbox
    token, code = link_and_code(mail)
    link = rows_of(web, WebSignInLink)[0]
    assert link["token_hash"] == tokens.digest(token) and code not in json.dumps(link, default=str)
    sent = [r for r in rows_of(web, OutboxMessage) if r["kind"] == "sign_in"]
    assert sent[0]["status"] == "sent" and token not in sent[0]["body_text"] + sent[0]["body_html"]
    assert cookie and rows_of(web, WebSession)[0]["id"] == tokens.digest(cookie.rpartition(".")[0])


def test_the_session_cookie_is_httponly_samesite_and_secure_behind_tls(web):
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        browser = web.client()
        browser.base_url = base  # type: ignore[misc]
        ask_for_link(browser, LEAD)
        token, _code = link_and_code(web.mails()[-1])
        page = browser.get("/sign-in/link", params={"token": token})
        r = browser.post("/sign-in/link", data={"csrf": csrf_of(page.text), "token": token})
        line = next(
            v
            for k, v in r.headers.multi_items()
            if k == "set-cookie" and v.startswith("rsp_session=")
        )
        assert "HttpOnly" in line and "SameSite=lax" in line
        assert ("Secure" in line) == secure, line


def test_an_unknown_address_gets_the_same_answer_and_no_mail(web):
    known, unknown = web.client(), web.client()
    assert ask_for_link(known, LEAD) == 303
    assert ask_for_link(unknown, "ingen.alls@x.example") == 303
    assert len(web.mails()) == 1

    def without_token(text: str) -> str:
        return CSRF.sub("", text)

    assert without_token(known.get("/sign-in/sent").text) == without_token(
        unknown.get("/sign-in/sent").text
    )
    refused = [r for r in audit_rows(web) if r["outcome"] == "refused"]
    assert [(r["action"], r["actor"]) for r in refused] == [("web.sign_in_link", "(unknown)")]
    assert "i…@x.example" in refused[0]["detail"]["reason"]  # masked, not the address


def test_opening_the_link_signs_in_only_when_the_button_is_pressed(web):
    browser = web.client()
    ask_for_link(browser, LEAD)
    token, _code = link_and_code(web.mails()[-1])
    # a mail scanner (Safe Links) fetches the link: it gets the button, nothing is used up
    scanner = web.client()
    assert scanner.get("/sign-in/link", params={"token": token}).status_code == 403
    page = browser.get("/sign-in/link", params={"token": token})
    assert page.status_code == 200 and "rsp_session" not in browser.cookies
    assert 'method="post" action="/sign-in/link"' in page.text
    r = browser.post("/sign-in/link", data={"csrf": csrf_of(page.text), "token": token})
    assert r.status_code == 303 and "rsp_session" in browser.cookies


def test_a_used_link_says_so_and_is_audited(web):
    browser = web.client()
    ask_for_link(browser, LEAD)
    token, _code = link_and_code(web.mails()[-1])
    page = browser.get("/sign-in/link", params={"token": token})
    assert (
        browser.post("/sign-in/link", data={"csrf": csrf_of(page.text), "token": token}).status_code
        == 303
    )
    page = browser.get("/sign-in/link", params={"token": token})
    assert page.status_code == 410 and "Länken har redan använts" in page.text
    # pressing the button of a page opened before it was used: refused, audited
    browser.cookies.clear()
    r = browser.post("/sign-in/link", data={"csrf": csrf_of(page.text), "token": token})
    assert r.status_code == 403  # a new browser: no form token of its own yet


def test_an_expired_link_says_so(web):
    browser = web.client()
    ask_for_link(browser, LEAD)
    token, code = link_and_code(web.mails()[-1])
    page = browser.get("/sign-in/link", params={"token": token})
    web.clock.advance(minutes=15)
    r = browser.post("/sign-in/link", data={"csrf": csrf_of(page.text), "token": token})
    assert r.status_code == 410 and "Länken har gått ut" in r.text
    assert "rsp_session" not in browser.cookies
    assert audit_rows(web)[-1]["outcome"] == "refused"
    assert "expired" in audit_rows(web)[-1]["detail"]["reason"]
    waiting = browser.get("/sign-in/sent")
    r = browser.post("/sign-in/code", data={"csrf": csrf_of(waiting.text), "code": code})
    assert r.status_code == 400 and "Koden stämmer inte eller har gått ut" in r.text


def test_a_link_asked_for_in_one_browser_does_not_sign_in_another(web):
    asking, other = web.client(), web.client()
    ask_for_link(asking, LEAD)
    token, _code = link_and_code(web.mails()[-1])
    page = other.get("/sign-in/link", params={"token": token})
    assert page.status_code == 403 and "Öppna länken i rätt webbläsare" in page.text
    # even with a form token of its own, the other browser is refused (and it is audited)
    form = other.get("/sign-in")
    r = other.post("/sign-in/link", data={"csrf": csrf_of(form.text), "token": token})
    assert r.status_code == 403 and "rsp_session" not in other.cookies
    assert "another browser" in audit_rows(web)[-1]["detail"]["reason"]
    # the asking browser still can
    page = asking.get("/sign-in/link", params={"token": token})
    r = asking.post("/sign-in/link", data={"csrf": csrf_of(page.text), "token": token})
    assert r.status_code == 303 and "rsp_session" in asking.cookies


def test_the_code_signs_in_the_waiting_browser_and_five_wrong_codes_spend_the_link(web):
    waiting = web.client()
    ask_for_link(waiting, LEAD, PROGRAMME)
    _token, code = link_and_code(web.mails()[-1])
    page = waiting.get("/sign-in/sent")
    assert "Kod från mejlet" in page.text
    r = waiting.post(
        "/sign-in/code", data={"csrf": csrf_of(page.text), "code": f"{code[:3]} {code[3:]}"}
    )
    assert r.status_code == 303 and r.headers["location"] == PROGRAMME

    second = web.client()
    ask_for_link(second, LEAD)
    token, code = link_and_code(web.mails()[-1])
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        page = second.get("/sign-in/sent")
        r = second.post("/sign-in/code", data={"csrf": csrf_of(page.text), "code": wrong})
        assert r.status_code == 400
    page = second.get("/sign-in/sent")
    r = second.post("/sign-in/code", data={"csrf": csrf_of(page.text), "code": code})
    assert r.status_code == 400 and "rsp_session" not in second.cookies
    assert second.get("/sign-in/link", params={"token": token}).status_code == 410


def test_requests_for_links_are_rate_limited_per_address(web):
    browsers = [web.client() for _ in range(6)]
    assert [ask_for_link(b, LEAD) for b in browsers[:5]] == [303] * 5
    assert ask_for_link(browsers[5], LEAD) == 429
    assert ask_for_link(browsers[5], LEAD.upper()) == 429  # the same address, any case
    assert len(web.mails()) == 5
    refused = [r for r in audit_rows(web) if r["outcome"] == "refused"]
    assert len(refused) == 1 and "rate limit" in refused[0]["detail"]["reason"]
    page = browsers[5].get("/sign-in")
    r = browsers[5].post("/sign-in/email", data={"csrf": csrf_of(page.text), "email": LEAD})
    assert "Vänta en kvart" in r.text
    web.clock.advance(minutes=15)  # the next window
    assert ask_for_link(browsers[5], LEAD) == 303


def test_a_form_without_the_right_token_is_refused_and_changes_nothing(web):
    browser = web.client()
    browser.get("/sign-in")
    assert browser.post("/sign-in/email", data={"email": LEAD}).status_code == 403
    r = browser.post("/sign-in/email", data={"csrf": "x" * 64, "email": LEAD})
    assert r.status_code == 403 and "Formuläret kunde inte skickas" in r.text
    assert web.mails() == [] and rows_of(web, WebSignInLink) == []

    sign_in(web, browser, LEAD)
    assert browser.post("/sign-out", data={"csrf": "fel"}).status_code == 403
    assert (
        browser.get("/").status_code == 303 and browser.get("/").headers["location"] == PROGRAMME
    )  # still signed in
    # a signed-in browser's form token is its session's, not the pre-sign-in one
    stranger = web.client()
    stranger_token = csrf_of(stranger.get("/sign-in").text)
    assert browser.post("/sign-out", data={"csrf": stranger_token}).status_code == 403


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/p",
        "/\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
    ],
)
def test_next_never_leads_to_another_site(web, target):
    browser = web.client()
    assert sign_in(web, browser, LEAD, target) == "/"


def test_signing_in_makes_a_new_session_whatever_was_planted_before(web):
    # an attacker plants their pre-sign-in browser id in the victim's browser ...
    attacker = web.client()
    attacker.get("/sign-in")
    victim = web.client()
    plant(victim, "rsp_browser", attacker.cookies["rsp_browser"])
    # ... and a session token of theirs that has ended
    sign_in(web, attacker, "landsbygdsutvecklare@x.example")
    old = attacker.cookies["rsp_session"]
    page = attacker.get("/", follow_redirects=True)
    attacker.post("/sign-out", data={"csrf": csrf_of(page.text)})
    plant(victim, "rsp_session", old)
    sign_in(web, victim, LEAD)
    new = victim.cookies["rsp_session"]
    assert new != old and "rsp_browser" not in victim.cookies  # a new session, id dropped
    spy = web.client()
    plant(spy, "rsp_browser", victim.cookies.get("rsp_browser") or "")
    plant(spy, "rsp_session", old)
    assert spy.get("/").headers["location"].startswith("/sign-in")  # nothing planted works
    sessions = rows_of(web, WebSession)
    assert [s["id"] == tokens.digest(new.rpartition(".")[0]) for s in sessions] == [False, True]


def test_sessions_end_when_idle_and_at_their_absolute_end(web):
    browser = web.client()
    sign_in(web, browser, LEAD)
    web.clock.advance(minutes=59)
    assert browser.get("/").headers["location"] == PROGRAMME
    web.clock.advance(minutes=60)
    assert browser.get("/").headers["location"] == "/sign-in?next=%2F"
    assert "rsp_session" not in browser.cookies  # the dead cookie is deleted

    busy = web.client()
    sign_in(web, busy, LEAD)
    for step in range(1, 14):  # used every 50 minutes: never idle, but 10 hours at most
        web.clock.advance(minutes=50)
        signed_in = busy.get("/").headers["location"] == PROGRAMME
        assert signed_in == (step * 50 < 10 * 60), step


def test_signing_out_ends_the_session_for_good(web):
    browser = web.client()
    sign_in(web, browser, LEAD)
    cookie = browser.cookies["rsp_session"]
    assert browser.get("/sign-in", params={"next": "/x"}).headers["location"] == "/x"
    form_page = _any_page_with_sign_out(browser)
    r = browser.post("/sign-out", data={"csrf": csrf_of(form_page)})
    assert r.status_code == 303 and r.headers["location"] == "/sign-in?signed_out=1"
    assert "Du är utloggad" in browser.get(r.headers["location"]).text
    replay = web.client()
    plant(replay, "rsp_session", cookie)
    assert replay.get("/").headers["location"].startswith("/sign-in")
    assert [r["action"] for r in audit_rows(web)][-1] == "web.sign_out"


def _any_page_with_sign_out(browser) -> str:
    """A page of the signed-in layout (it carries the sign-out form)."""
    text = browser.get("/", follow_redirects=True).text
    assert 'action="/sign-out"' in text
    return text


def test_english_on_request(web):
    browser = web.client()
    page = browser.get("/sign-in", params={"lang": "en"})
    assert '<html lang="en">' in page.text and "Send sign-in link" in page.text
    assert '<html lang="en">' in browser.get("/sign-in").text  # remembered
    r = browser.post("/sign-in/email", data={"csrf": csrf_of(page.text), "email": LEAD})
    assert r.status_code == 303
    assert web.mails()[-1]["Subject"] == "Your sign-in link to the regional service programme"
    assert "På svenska" in browser.get("/sign-in/sent").text


def test_two_workers_on_one_database_share_sessions_links_and_limits(any_db, tmp_path):
    clock = clock_at("2022-03-01")
    make_programme(any_db, clock)
    from process.storage.database import open_database

    other_db = open_database(any_db.url)  # a second worker: its own engine and context
    try:
        first = make_web(any_db, clock, tmp_path)
        second = make_web(other_db, clock, tmp_path)
        assert first.ctx.secret == second.ctx.secret  # made once, kept in the database
        browser = first.client()
        ask_for_link(browser, LEAD)
        token, _code = link_and_code(first.mails()[-1])
        on_second = second.client()
        for cookie in browser.cookies.jar:
            plant(on_second, cookie.name, cookie.value or "")
        page = on_second.get("/sign-in/link", params={"token": token})
        r = on_second.post("/sign-in/link", data={"csrf": csrf_of(page.text), "token": token})
        assert r.status_code == 303  # the link asked for on one worker, used on the other
        plant(browser, "rsp_session", on_second.cookies["rsp_session"])
        assert browser.get("/").headers["location"] == PROGRAMME  # and the session too
        assert [ask_for_link(w.client(), LEAD) for w in (first, second, first, second)] == [
            303,
            303,
            303,
            303,
        ]
        assert ask_for_link(second.client(), LEAD) == 429  # 5 per address, counted together
    finally:
        other_db.dispose()
