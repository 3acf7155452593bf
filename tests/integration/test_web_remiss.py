"""The remiss in the browser, signed in, on a real SQLite file: opened with a picker of
bodies and groups after seeing the reply date, the working days and those lost to
holidays; each body's state (answered, late, missing); replies recorded; closed; the
compilation as a page, print view and .xlsx (read back cell by cell) with a column for
the region's response. Bad input: the form again with the problem beside its field,
nothing saved, the refusal audited."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from process.remiss import rules as remiss_rules
from tests.integration.test_remiss import to_remiss_decided
from tests.integration.test_web_pages import audit, last_id, signed_in
from tests.support import at, clock_at
from tests.websupport import csrf_of, make_web

P = "/p/rsp-2022-2030"
ERRORS = re.compile(
    r'class="error-message" id="([^"]+)-error"[^>]*>(?:<span[^>]*>[^<]*</span>)?'
    r"\s*([^<]*)<"
)
PICKED = ("lansstyrelsen", "regionforbundet", "berg", "miun")


@pytest.fixture
def web(sqlite_db, tmp_path):
    clock = clock_at("2022-01-10")
    to_remiss_decided(sqlite_db, clock)
    clock.set(at("2022-11-25"))
    return make_web(sqlite_db, clock, tmp_path)


def field_errors(html: str) -> dict[str, str]:
    return {k: v.strip() for k, v in ERRORS.findall(html)}


def overview(web):
    with web.db.read() as session:
        return remiss_rules.remiss_overview(session, 1, web.clock.today())


def open_it(web, lead) -> None:
    page = lead.get(f"{P}/remiss/open")
    form = {
        "csrf": csrf_of(page.text),
        "comment": "Remissutgåvan",
        "step": "preview",
        **{f"body-{k}": "1" for k in PICKED},
    }
    preview = lead.post(f"{P}/remiss/open", data=form)
    assert preview.status_code == 200
    previewed = re.search(r'name="previewed" value="([^"]*)"', preview.text).group(1)
    r = lead.post(f"{P}/remiss/open", data={**form, "step": "confirm", "previewed": previewed})
    assert r.status_code == 303 and r.headers["location"] == f"{P}/remiss?done=open"


def test_open_after_seeing_the_reply_date_and_the_holidays(web):
    lead = signed_in(web, "processledare")
    assert 'href="/p/rsp-2022-2030/remiss/open"' in lead.get(f"{P}/remiss").text
    page = lead.get(f"{P}/remiss/open")
    assert "Kommunerna" in page.text or "kommunerna" in page.text
    r = lead.post(f"{P}/remiss/open", data={"csrf": csrf_of(page.text), "step": "preview"})
    assert r.status_code == 400 and field_errors(r.text) == {
        "bodies": "Välj minst en remissinstans."
    }
    r = lead.post(
        f"{P}/remiss/open",
        data={
            "csrf": csrf_of(page.text),
            "step": "preview",
            "body-kommunerna": "1",
            "reply_by": "snart",
        },
    )
    assert r.status_code == 400 and "reply_by" in field_errors(r.text)
    form = {
        "csrf": csrf_of(page.text),
        "step": "preview",
        "body-kommunerna": "1",
        "body-lansstyrelsen": "1",
        "body-miun": "1",
    }
    preview = lead.post(f"{P}/remiss/open", data=form)
    assert preview.status_code == 200
    text = re.sub(r"\s+", " ", preview.text)
    assert "Svar senast 2023-02-27" in text and "flyttat från 2023-02-25" in text
    assert "65 arbetsdagar från 2022-11-25." in text
    assert "2 arbetsdagar förloras till helgdagar:" in text
    assert "2022-12-26 Annandag jul" in text and "2023-01-06 Trettondedag jul" in text
    assert "Remissen går till 10 instanser:" in text  # eight municipalities, two more
    assert overview(web) is None  # a preview opens nothing
    # confirming other choices than those previewed shows the preview again
    r = lead.post(f"{P}/remiss/open", data={**form, "step": "confirm", "previewed": "x"})
    assert r.status_code == 200 and overview(web) is None
    previewed = re.search(r'name="previewed" value="([^"]*)"', preview.text).group(1)
    r = lead.post(f"{P}/remiss/open", data={**form, "step": "confirm", "previewed": previewed})
    assert r.status_code == 303
    o = overview(web)
    assert o["consulted"] == 10 and o["reply_by"].isoformat() == "2023-02-27"


def test_replies_late_and_missing_then_close_and_compile(web):
    lead = signed_in(web, "processledare")
    open_it(web, lead)
    web.clock.set(at("2023-02-20"))
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/remiss")
    assert page.text.count("Väntar på svar") == 4
    before = last_id(web)
    r = lead.post(
        f"{P}/remiss/reply",
        data={
            "csrf": csrf_of(page.text),
            "body": "lansstyrelsen",
            "received": "2023-03-01",
            "position": "comments",
            "summary": "",
        },
    )
    assert r.status_code == 400
    assert field_errors(r.text) == {"summary": "Sammanfatta synpunkterna."}
    r = lead.post(
        f"{P}/remiss/reply",
        data={
            "csrf": csrf_of(page.text),
            "body": "lansstyrelsen",
            "received": "2023-03-01",
            "position": "agrees",
            "summary": "",
        },
    )
    assert r.status_code == 400 and field_errors(r.text) == {
        "received": "Datumet måste ligga mellan remissens öppningsdag och i dag."
    }
    assert [(a["action"], a["outcome"]) for a in audit(web, before)] == [
        ("remiss.reply", "refused")
    ] * 2
    for body, day, position, summary in (
        ("lansstyrelsen", "2023-02-20", "comments", "Vill se tydligare mål för 2.B"),
        ("berg", "2023-02-17", "agrees", ""),
    ):
        r = lead.post(
            f"{P}/remiss/reply",
            data={
                "csrf": csrf_of(page.text),
                "body": body,
                "received": day,
                "position": position,
                "summary": summary,
            },
        )
        assert r.status_code == 303, r.text
    web.clock.set(at("2023-03-02"))
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/remiss")
    assert page.text.count("Sen: inget svar, svarsdatum 2023-02-27") == 2
    r = lead.post(
        f"{P}/remiss/reply",
        data={
            "csrf": csrf_of(page.text),
            "body": "regionforbundet",
            "received": "2023-03-01",
            "position": "no_comments",
            "summary": "",
        },
    )
    assert r.status_code == 303
    page = lead.get(f"{P}/remiss")
    assert "Besvarad 2023-03-01 (efter svarsdatum)" in page.text
    r = lead.post(
        f"{P}/remiss/close", data={"csrf": csrf_of(page.text), "comment": "Förslaget revideras"}
    )
    assert r.status_code == 303
    page = lead.get(r.headers["location"])
    assert "Remissen är avslutad." in page.text and "Inget svar" in page.text
    o = overview(web)
    assert o["no_answer"] == ["miun"] and o["answered"] == 3 and o["late"] == 1

    shown = lead.get(f"{P}/remiss/compilation")
    assert "Regionens kommentar" in shown.text and "Vill se tydligare mål för 2.B" in shown.text
    printed = lead.get(f"{P}/remiss/compilation.html")
    assert "<th>Regionens kommentar</th>" in printed.text
    got = lead.get(f"{P}/remiss/compilation.xlsx")
    assert 'filename="remissammanstallning.xlsx"' in got.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(got.content)).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells == [
        [
            "Nyckel",
            "Remissinstans",
            "Inkom",
            "efter svarsdatum",
            "Ställningstagande",
            "Sammanfattning",
            "Regionens kommentar",
        ],
        [
            "lansstyrelsen",
            "Länsstyrelsen Jämtlands län",
            "2023-02-20",
            None,
            "Har synpunkter",
            "Vill se tydligare mål för 2.B",
            None,
        ],
        ["regionforbundet", cells[2][1], "2023-03-01", "ja", "Inga synpunkter", None, None],
        ["berg", "Bergs kommun", "2023-02-17", None, "Tillstyrker", None, None],
        ["miun", cells[4][1], None, None, "Inget svar", None, None],
    ]


def test_someone_without_the_capability_cannot_record_a_reply(web):
    lead = signed_in(web, "processledare")
    open_it(web, lead)
    chair = signed_in(web, "ordforande")
    page = chair.get(f"{P}/remiss")
    assert "Registrera ett remissvar" not in page.text
    before = last_id(web)
    r = chair.post(
        f"{P}/remiss/reply",
        data={
            "csrf": csrf_of(page.text),
            "body": "berg",
            "received": "2022-11-25",
            "position": "agrees",
        },
    )
    assert r.status_code == 403
    assert [(a["actor"], a["outcome"]) for a in audit(web, before)] == [("ordforande", "refused")]
