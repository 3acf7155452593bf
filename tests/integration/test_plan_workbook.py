"""Action plans from Excel workbooks: the template read back, the same plan as the YAML
import, every problem at its sheet!cell at once with nothing imported and the refusal
audited, hostile files refused in a sentence; and the plan page of the browser (upload,
problems beside their place, fix and import, the template's download)."""

from __future__ import annotations

import dataclasses
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook, load_workbook

from process.core.errors import DefinitionError
from process.plans import plan_import
from process.plans.plan_file import ActionPlan, load_action_plan, load_bodies
from process.plans.plan_workbook import read_workbook_plan
from process.reports import plan_template
from process.storage.plan_tables import Measure
from tests.integration.test_web_pages import audit, last_id, signed_in
from tests.support import PLAN_2014, clock_at, make_programme
from tests.websupport import csrf_of, make_web

EXAMPLES = Path(__file__).parents[2] / "workflows" / "examples"
KNOWN = {"lansstyrelsen", "kommunerna", "regionen"}
P = "/p/rsp-2022-2030"


def same(plan: ActionPlan) -> ActionPlan:
    """A plan without what differs by file (its name, hash and the measures' lines)."""
    areas = tuple(
        dataclasses.replace(a, measures=tuple(dataclasses.replace(m, line=0) for m in a.measures))
        for a in plan.areas
    )
    return dataclasses.replace(plan, source="", content_hash="", areas=areas)


def book(raw: bytes):
    return load_workbook(io.BytesIO(raw))


def saved(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def problems_of(raw: bytes, year: int = 2026, lang: str = "sv", known=KNOWN) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        read_workbook_plan(raw, "plan.xlsx", known, year, lang)
    return caught.value.problems


@pytest.mark.parametrize(
    "folder,year",
    [("jamtland-2014-2020", 2014), ("vasterbotten", 2026), ("jamtland-harjedalen", 2024)],
)
def test_each_example_plan_reads_back_from_a_workbook_as_the_yaml_file_reads(folder, year):
    keys = {b.key for b in load_bodies(EXAMPLES / folder / "bodies.yaml")}
    from_yaml = load_action_plan(EXAMPLES / folder / f"actionplan-{year}.yaml", keys, year)
    for lang in ("sv", "en"):
        raw = plan_template.workbook_of(from_yaml, lang)
        assert same(read_workbook_plan(raw, "plan.xlsx", keys, year)) == same(from_yaml)


def test_the_template_is_documented_and_reads_back_as_its_yaml_twin():
    raw = plan_template.template_xlsx(2026)
    wb = book(raw)
    assert wb.sheetnames == ["Instruktioner", "Plan", "Områden", "Mål", "Åtgärder"]
    assert [c.value for c in wb["Åtgärder"][1]] == [
        "Id", "Titel", "Delmål", "Mål", "Aktiviteter", "Ansvariga", "Finansiering", "Tidsmål"
    ]  # fmt: skip
    assert wb["Åtgärder"].max_row == 2 and wb["Åtgärder"]["F2"].value == "lansstyrelsen, kommunerna"
    instructions = [r[0] for r in wb["Instruktioner"].iter_rows(values_only=True)]
    assert "Skriv värden, inte formler, och sammanfoga inga celler." in instructions
    english = book(plan_template.template_xlsx(2026, "en"))
    assert english.sheetnames == ["Instructions", "Plan", "Areas", "Goals", "Measures"]
    yaml_text = plan_template.template_yaml(2026)
    path_plan = plan_template.example_plan(2026)
    assert same(read_workbook_plan(raw, "t.xlsx", KNOWN, 2026)) == same(path_plan)
    assert "rsp plan import FIL.yaml --year 2026" in yaml_text


def test_every_problem_is_named_at_its_cell_at_once():
    wb = book(plan_template.template_xlsx(2026))
    m = wb["Åtgärder"]
    m["F2"] = "lansstyrelsen, xyz"  # an unknown body
    m["D2"] = "1.1, 9.9"  # an unknown goal
    m["H2"] = "2026-12-31 Kartan klar\n31/12 Något"  # a deadline without its date first
    m.append(["1.A", "Igen", "Delmål", "1.1", "A", "regionen", "F", "2026-06-01 Klar"])
    m.append(["3.B", "Okänt område", "Delmål", "1.1", "A", "regionen", "F", "2026-06-01 Klar"])
    m.append(["X", None, "Delmål", "1.1", "A", "regionen", "F", "2028-06-01 Sent"])
    wb["Plan"]["D2"] = "2026-13-01"
    wb["Mål"]["A2"] = 1.1  # Excel made a number of it: still the goal 1.1
    assert problems_of(saved(wb)) == [
        "Plan!D2: Gäller från: '2026-13-01' är inget datum (ÅÅÅÅ-MM-DD)",
        "Åtgärder!D2: mål '9.9' finns inte i bladet Mål; kända: 1.1",
        "Åtgärder!F2: Ansvariga: 'xyz' finns inte; kända aktörer: kommunerna, lansstyrelsen, "
        "regionen",
        "Åtgärder!H2: Tidsmål: '31/12 Något' ska vara ett datum ÅÅÅÅ-MM-DD och en text",
        "Åtgärder!A3: åtgärd '1.A' finns redan på Åtgärder!A2",
        "Åtgärder!A4: område 3 finns inte i bladet Områden; kända: 1",
        "Åtgärder!A5: id 'X' ska vara område.BOKSTAV, t.ex. 2.B",
        "Åtgärder!B5: Titel saknas",
        "Åtgärder!H5: Tidsmål: 2028-06-01 ligger inte i planens år 2026 eller året efter",
    ]
    english = problems_of(saved(wb), lang="en")
    assert english[2] == (
        "Åtgärder!F2: Ansvariga: 'xyz' is unknown; known bodies: kommunerna, lansstyrelsen, "
        "regionen"
    )  # the workbook's own headings, the sentence in English


def laughing(raw: bytes) -> bytes:
    """The workbook with a billion laughs (nested XML entities) in its Plan sheet."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    src, out = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                body = re.sub(rb"^<\?xml[^>]*>", b"", data).replace(b"Handlingsplan", b"&lol9;", 1)
                data = f'<?xml version="1.0"?><!DOCTYPE x [{entities}]>'.encode() + body
            z.writestr(info, data)
    return out.getvalue()


def test_a_wrong_year_and_hostile_workbooks_are_refused_in_a_sentence(tmp_path):
    raw = plan_template.template_xlsx(2026)
    assert problems_of(raw, year=2027) == ["Plan!A2: planen gäller 2026, inte 2027 som angavs"]
    assert problems_of(b"name;year\n") == [
        "plan.xlsx: är ingen Excel-arbetsbok (.xlsx); "
        "spara filen som Excel-arbetsbok och försök igen"
    ]
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/huge.xml", b"\0" * 30_000_000)
    assert "är för stor" in problems_of(bomb.getvalue())[0]
    assert "är för stor" in problems_of(b"PK" + b"\0" * 5_000_001)[0]
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert problems_of(broken.getvalue())[0].startswith(
        "plan.xlsx: kan inte läsas som Excel-arbetsbok"
    )
    assert "kan inte läsas som Excel-arbetsbok" in problems_of(laughing(raw))[0]
    wb = book(raw)
    wb["Områden"].delete_rows(1, 5)  # an empty sheet
    wb["Mål"]["B1"] = "Namn"  # a wrong heading
    wb["Åtgärder"]["B2"] = '=A2&" igen"'  # a formula
    wb["Åtgärder"].merge_cells("C2:D2")
    wb["Plan"]["G2"] = "över kanten"  # a value without a heading
    got = problems_of(saved(wb))
    assert got == [
        "Plan!G2: värde i en kolumn utan rubrik",
        "Områden: bladet är tomt",
        "Mål!1:1: kolumnen 'Titel' saknas i rubrikraden",
        "Mål!B1: rubriken 'Namn' är okänd; väntade: Id, Titel",
        'Åtgärder!B2: cellen har en formel (=A2&" igen"); skriv värdet i stället',
        "Åtgärder!C2:D2: sammanfogade celler; dela upp dem",
        "Åtgärder!D2: Mål saknas",  # merging kept only C2's value
    ]
    empty = Workbook()
    got = problems_of(saved(empty))
    assert got[0].startswith("Plan: bladet Plan saknas (bladen: Sheet)") and len(got) == 4


def measures_count(db) -> int:
    with db.read() as session:
        return (
            session.connection()
            .execute(sa.select(sa.func.count()).select_from(Measure.__table__))
            .scalar()
        )  # type: ignore[attr-defined]


@pytest.fixture
def programme(sqlite_db):
    clock = clock_at("2014-04-20")
    make_programme(sqlite_db, clock)
    return sqlite_db, clock


def test_import_from_a_workbook_equals_the_yaml_import_and_a_bad_one_imports_nothing(
    programme, tmp_path
):
    db, clock = programme
    from process.bodies import bodies

    with db.read() as session:
        keys = bodies.body_keys(session, 1)
    yaml_plan = load_action_plan(PLAN_2014, keys, 2014)
    xlsx = tmp_path / "handlingsplan-2014.xlsx"
    xlsx.write_bytes(plan_template.workbook_of(yaml_plan))
    before = measures_count(db)
    result = plan_import.import_plan(db, clock, "processledare", None, str(xlsx), 2014)
    assert result.created == [] and result.updated == []  # the same plan as the YAML import
    assert result.lines == ["plan 2014: updated from " + str(xlsx), plan_import.HASH_ONLY]
    wb = book(xlsx.read_bytes())
    wb["Åtgärder"]["F3"] = "kommunen"
    wb["Åtgärder"]["C4"] = None
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(saved(wb))
    from process.storage.plan_tables import ActionPlan as PlanRow

    since = last_id_db(db)
    with pytest.raises(DefinitionError) as caught:
        plan_import.import_plan(db, clock, "processledare", None, str(bad), 2014)
    assert [p.split(":")[0] for p in caught.value.problems] == ["Åtgärder!F3", "Åtgärder!C4"]
    assert "'kommunen' finns inte" in caught.value.problems[0]
    assert measures_count(db) == before
    with db.read() as session:
        row = session.connection().execute(sa.select(PlanRow.__table__.c.source)).scalar()  # type: ignore[attr-defined]
    assert row == str(xlsx)  # the refused file changed nothing
    refused = audit_rows(db, since)
    assert [(a["action"], a["outcome"]) for a in refused] == [("plan.import", "refused")]
    assert "Åtgärder!F3" in refused[0]["detail"]["reason"]


def last_id_db(db) -> int:
    from process.storage.tables import AuditEvent

    t = AuditEvent.__table__  # type: ignore[attr-defined]
    with db.read() as session:
        return session.connection().execute(sa.select(sa.func.max(t.c.id))).scalar() or 0


def audit_rows(db, since: int) -> list[dict]:
    import json

    from process.storage.tables import AuditEvent

    t = AuditEvent.__table__  # type: ignore[attr-defined]
    with db.read() as session:
        rows = session.connection().execute(sa.select(t).where(t.c.id > since).order_by(t.c.id))
        return [{**r._mapping, "detail": json.loads(r.detail)} for r in rows]


# --- the browser's plan page ------------------------------------------------------------

PROBLEM_ROW = re.compile(r"<tr><td[^>]*><code>([^<]*)</code></td><td[^>]*>([^<]*)</td></tr>")


@pytest.fixture
def web(programme, tmp_path):
    db, clock = programme
    return make_web(db, clock, tmp_path)


def test_a_plan_manager_uploads_sees_every_problem_fixes_and_imports(web):
    it = signed_in(web, "processledare")
    page = it.get(f"{P}/plans")
    assert page.status_code == 200 and "Kontrollera och importera" in page.text
    assert f'href="{P}/plans" aria-current="page">Handlingsplan<' in page.text
    template = it.get(f"{P}/plans/template.xlsx?year=2015")
    assert (
        template.headers["content-disposition"] == 'attachment; filename="handlingsplan-2015.xlsx"'
    )
    wb = book(template.content)
    wb["Åtgärder"]["F2"] = "lansstyrelsen, xyz"
    wb["Plan"]["D2"] = "1 april"
    before, since = measures_count(web.db), last_id(web)
    csrf = csrf_of(page.text)
    files = {"file": ("plan-2015.xlsx", saved(wb), "application/octet-stream")}
    r = it.post(f"{P}/plans", data={"csrf": csrf, "year": "2015"}, files=files)
    assert r.status_code == 400
    shown = [(p, html.unescape(t)) for p, t in PROBLEM_ROW.findall(r.text)]
    assert shown[0] == ("Plan!D2", "Gäller från: '1 april' är inget datum (ÅÅÅÅ-MM-DD)")
    assert shown[1][0] == "Åtgärder!F2" and shown[1][1].startswith(
        "Ansvariga: 'xyz' finns inte; kända aktörer: "
    )
    assert "lansstyrelsen" in shown[1][1] and len(shown) == 2
    assert "Inget importerades. Filen har 2 fel" in r.text
    assert measures_count(web.db) == before
    assert [a["outcome"] for a in audit(web, since)] == ["refused"]
    wb["Åtgärder"]["F2"] = "lansstyrelsen"
    wb["Plan"]["D2"] = "2015-04-01"
    files = {"file": ("plan-2015.xlsx", saved(wb), "application/octet-stream")}
    r = it.post(f"{P}/plans", data={"csrf": csrf, "year": "2015"}, files=files)
    assert r.status_code == 303, r.text
    done = it.get(r.headers["location"])
    assert "Handlingsplanen för 2015 är importerad: 1 nya åtgärder, 0 ändrade." in done.text
    assert measures_count(web.db) == before + 1


def test_the_form_refuses_a_missing_year_or_file_and_a_non_manager_cannot_upload(web):
    it = signed_in(web, "processledare")
    csrf = csrf_of(it.get(f"{P}/plans").text)
    since = last_id(web)
    r = it.post(
        f"{P}/plans",
        data={"csrf": csrf, "year": "20x5"},
        files={"file": ("plan.txt", b"x", "text/plain")},
    )
    assert r.status_code == 400
    assert (
        "Ange planens år med fyra siffror" in r.text
        and "Filen ska vara en Excel-arbetsbok" in r.text
    )
    assert [a["outcome"] for a in audit(web, since)] == ["refused"]
    yaml_bad = b"plan:\n  year: 2015\n"
    r = it.post(
        f"{P}/plans",
        data={"csrf": csrf, "year": "2015"},
        files={"file": ("plan.yaml", yaml_bad, "application/yaml")},
    )
    assert r.status_code == 400 and "<code>plan.yaml:2</code>" in r.text
    # a YAML file's problems in the reader's language too (the CLI keeps English)
    text = html.unescape(r.text)
    assert "planen: fältet 'title' saknas" in text and "filen: fältet 'areas' saknas" in text
    assert "missing field" not in text
    r = it.post(
        f"{P}/plans?lang=en",
        data={"csrf": csrf, "year": "2015"},
        files={"file": ("plan.yaml", yaml_bad, "application/yaml")},
    )
    assert r.status_code == 400 and "plan: missing field 'title'" in html.unescape(r.text)
    assert '<html lang="sv">' in it.get(f"{P}/plans?lang=sv").text  # back to Swedish
    # a file that is not YAML at all, or not UTF-8, is refused in Swedish too, at its line
    for raw, place, said in (
        (b"plan:\n  year: 2015\n  title: a: b\n", "plan.yaml:3", "filen följer inte YAML-formatet"),
        (b"plan:\n  title: \xff\n", "plan.yaml", "är inte text i UTF-8 (byte 15)"),
        (b"plan:\n  year: 1\n  year: 2\n", "plan.yaml:3", "nyckeln 'year' finns två gånger"),
    ):
        r = it.post(
            f"{P}/plans",
            data={"csrf": csrf, "year": "2015"},
            files={"file": ("plan.yaml", raw, "application/yaml")},
        )
        text = html.unescape(r.text)
        assert r.status_code == 400 and f"<code>{place}</code>" in text and said in text, text
        assert "duplicate key" not in text and "is not UTF-8" not in text
    board = signed_in(web, "sekreterare")
    page = board.get(f"{P}/plans?lang=en")
    assert "Only those who manage action plans can read in a plan here." in page.text
    assert 'type="file"' not in page.text
    r = board.post(
        f"{P}/plans",
        data={"csrf": csrf_of(page.text), "year": "2015"},
        files={
            "file": ("plan.yaml", plan_template.template_yaml(2015).encode(), "application/yaml")
        },
    )
    assert r.status_code == 403 and "You are not allowed to do this." in r.text
    big = b"PK" + b"\0" * 6_000_000
    r = it.post(
        f"{P}/plans",
        data={"csrf": csrf, "year": "2015"},
        files={"file": ("plan.xlsx", big, "application/octet-stream")},
    )
    assert r.status_code == 413 and "Filen är för stor (högst 5 MB)." in r.text
    mid = b"PK" + b"\0" * 5_050_000  # over the limit by less than the framing's allowance
    r = it.post(
        f"{P}/plans",
        data={"csrf": csrf, "year": "2015"},
        files={"file": ("plan.xlsx", mid, "application/octet-stream")},
    )
    assert r.status_code == 400 and "Filen är för stor (högst 5 MB)." in r.text
