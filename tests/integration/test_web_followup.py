"""The year-end follow-up in the browser, signed in, on a real SQLite file: one form for
the whole plan, saved together (rows left empty wait), refused whole with each problem
beside its field when one row is wrong (and the refusal audited); an outcome agrees with
the measure's state (achieved on a measure not done needs a reason, in the service, so
the CLI too); the report as page, print view, .xlsx (read back cell by cell) and CSV for
Swedish Excel; the rollover from the page, showing what it carries."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from process.bodies import bodies
from process.core.errors import InvalidInput
from process.plans import measure_actions as lifecycle
from process.programme import setup
from process.reports import followup as report_service
from tests.integration.test_web_pages import audit, last_id, measure_state, signed_in
from tests.support import at, clock_at, make_programme, run_rsp
from tests.websupport import csrf_of, make_web

P = "/p/rsp-2022-2030"
ERRORS = re.compile(
    r'class="error-message" id="([^"]+)-error"[^>]*>(?:<span[^>]*>[^<]*</span>)?'
    r"\s*([^<]*)<"
)


@pytest.fixture
def web(sqlite_db, tmp_path):
    clock = clock_at("2014-04-20")
    make_programme(sqlite_db, clock)
    setup.add_person(sqlite_db, clock, "it-admin", None, "handlaggare", "Eva", None, [])
    bodies.set_member(sqlite_db, clock, "it-admin", None, "lansstyrelsen", "handlaggare", False)
    lifecycle.advance(sqlite_db, clock, "handlaggare", None, "2.B", "complete")
    lifecycle.advance(sqlite_db, clock, "handlaggare", None, "1.A", "start")
    clock.set(at("2015-01-20"))
    return make_web(sqlite_db, clock, tmp_path)


def field_errors(html: str) -> dict[str, str]:
    return {k: v.strip() for k, v in ERRORS.findall(html)}


def test_the_whole_plan_in_one_form_saved_together_or_not_at_all(web):
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/followup")
    assert page.status_code == 200 and "Uppföljning 2014" in page.text
    assert "Uppföljda: 0 av 17." in page.text
    form = {
        "csrf": csrf_of(page.text),
        "outcome-2-B": "achieved",
        "comment-2-B": "Strategiska serviceställen bibehållna",
        "outcome-1-A": "achieved",
        "comment-1-A": "Kartläggningen nästan klar",
        "comment-1-B": "Påbörjat",
    }
    before = last_id(web)
    r = lead.post(f"{P}/followup/2014", data=form)
    assert r.status_code == 400
    assert "Inget sparades. Rätta det som står vid fälten och försök igen." in r.text
    assert field_errors(r.text) == {
        "reason-1-A": "Insatsen är inte genomförd (läge: Pågår). Skriv varför den ändå är "
        "uppnådd, eller välj delvis eller ej uppnått.",
        "outcome-1-B": "Välj ett utfall.",
    }
    assert 'href="#reason-1-A"' in r.text and "Kartläggningen nästan klar" in r.text
    assert [(a["action"], a["outcome"]) for a in audit(web, before)] == [
        ("followup.record", "refused")
    ]
    assert measure_state(web, "2.B") == "done"  # nothing saved, not even the good row

    form.update(
        {"reason-1-A": "Målet nåddes genom Regionförbundets eget arbete", "outcome-1-B": "not"}
    )
    r = lead.post(f"{P}/followup/2014", data=form)
    assert r.status_code == 303, r.text
    page = lead.get(r.headers["location"])
    assert "Sparat: 3 insatser." in page.text and "Uppföljda: 3 av 17." in page.text
    assert measure_state(web, "2.B") == "followed_up" and measure_state(web, "1.A") == "ongoing"
    # saving the same form again records nothing twice
    before = last_id(web)
    r = lead.post(f"{P}/followup/2014", data={**form, "csrf": csrf_of(page.text)})
    assert r.status_code == 303 and audit(web, before) == []

    report = lead.get(f"{P}/followup/2014/report")
    assert "Andel uppnådda av de uppföljda: 2 av 3 (67 %)" in report.text
    assert "Ännu inte uppföljda (14)" in report.text
    assert "Målet nåddes genom Regionförbundets eget arbete" in report.text

    with web.db.read() as session:
        data = report_service.report_data(session, None, 2014, "sv", web.clock.today())
    expected = [
        [c if c != "" else None for c in row]
        for row in csv.reader(
            io.StringIO(report_service.render(data, "csv").lstrip("\ufeff")), delimiter=";"
        )
    ]
    xlsx = lead.get(f"{P}/followup/2014/report.xlsx")
    assert xlsx.status_code == 200
    assert 'filename="uppfoljning-2014.xlsx"' in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [
        [str(c) if isinstance(c, int) else c for c in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert cells == expected and sheet.title == "Uppföljning 2014"
    got = lead.get(f"{P}/followup/2014/report.csv")
    assert got.content.startswith(b"\xef\xbb\xbf") and b";" in got.content.splitlines()[0]
    printed = lead.get(f"{P}/followup/2014/report.html")
    assert "<h1>Uppföljning av handlingsplan 2014</h1>" in printed.text


def test_a_formula_in_a_comment_stays_text_in_excel_and_csv(web):
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/followup")
    r = lead.post(
        f"{P}/followup/2014",
        data={
            "csrf": csrf_of(page.text),
            "outcome-2-A": "partly",
            "comment-2-A": '=HYPERLINK("http://x")',
        },
    )
    assert r.status_code == 303
    sheet = load_workbook(io.BytesIO(lead.get(f"{P}/followup/2014/report.xlsx").content)).active
    found = [c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
    assert found and found[0].data_type == "s"
    assert "'=HYPERLINK" in lead.get(f"{P}/followup/2014/report.csv").text


def test_rollover_from_the_page_shows_what_it_carries(web):
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/followup")
    carried = page.text.split('id="rollover"')[1]
    assert "1.A" in carried and "2.B" not in carried  # done: not carried
    assert "För över 16 insatser till 2015" in carried
    r = lead.post(f"{P}/followup/2014/rollover", data={"csrf": csrf_of(page.text)})
    assert r.status_code == 303
    page = lead.get(r.headers["location"])
    assert "16 insatser fördes över till nästa års handlingsplan." in page.text
    assert "Inga oavslutade insatser att föra över." in page.text
    assert lead.get(f"{P}/followup?year=2015").status_code == 200


def test_someone_without_the_capability_reads_but_cannot_save(web):
    chair = signed_in(web, "ordforande")
    page = chair.get(f"{P}/followup")
    assert "Uppföljningen registreras av arbetsgruppen." in page.text
    before = last_id(web)
    r = chair.post(
        f"{P}/followup/2014",
        data={"csrf": csrf_of(page.text), "outcome-2-B": "achieved", "comment-2-B": "x"},
    )
    assert r.status_code == 403
    assert [(a["actor"], a["outcome"]) for a in audit(web, before)] == [("ordforande", "refused")]


def test_the_cli_refuses_achieved_on_a_measure_not_done_without_a_reason(web, tmp_path):
    with pytest.raises(InvalidInput, match="not done .*--reason"):
        lifecycle.record_followup(
            web.db, web.clock, "processledare", None, "1.A", "achieved", "Klart"
        )
    db = web.db.url.removeprefix("sqlite:///")
    r = run_rsp(
        "followup",
        "record",
        "1.A",
        "--year",
        "2014",
        "--outcome",
        "achieved",
        "--comment",
        "Klart",
        db=db,
        user="processledare",
        now="2015-01-20",
    )
    assert r.returncode == 1 and "--reason" in r.stderr and "Traceback" not in r.stderr
    r = run_rsp(
        "followup",
        "record",
        "1.A",
        "--year",
        "2014",
        "--outcome",
        "achieved",
        "--comment",
        "Klart",
        "--reason",
        "Regionförbundet gjorde det",
        db=db,
        user="processledare",
        now="2015-01-20",
    )
    assert r.returncode == 0, r.stderr
    out = tmp_path / "u.xlsx"
    r = run_rsp(
        "followup",
        "report",
        "--year",
        "2014",
        "--format",
        "xlsx",
        "--out",
        str(out),
        db=db,
        now="2015-01-20",
    )
    assert r.returncode == 0, r.stderr
    sheet = load_workbook(out).active
    assert sheet.cell(1, 1).value == "År" and sheet.max_row == 18
