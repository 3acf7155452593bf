"""The 2014 action plan and the bodies file: the real example data, and every validation rule."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from process.core.errors import DefinitionError
from process.plans.plan_file import (
    ActionPlan,
    Body,
    Deadline,
    load_action_plan,
    load_bodies,
)
from workflows import example_dir

EXAMPLE = example_dir("jamtland-2014-2020")
MUNICIPALITIES = [
    "berg",
    "bracke",
    "harjedalen",
    "krokom",
    "ragunda",
    "stromsund",
    "are",
    "ostersund",
]


@pytest.fixture(scope="module")
def bodies() -> list[Body]:
    return load_bodies(example_dir("jamtland-harjedalen") / "bodies.yaml")


@pytest.fixture(scope="module")
def plan(bodies: list[Body]) -> ActionPlan:
    return load_action_plan(EXAMPLE / "actionplan-2014.yaml", {b.key for b in bodies}, 2014)


def measure(plan: ActionPlan, mid: str):
    (found,) = [m for m in plan.measures() if m.id == mid]
    return found


# --- the real example files ---------------------------------------------------------------


def test_bodies_file(bodies: list[Body]) -> None:
    by_key = {b.key: b for b in bodies}
    assert len(bodies) == 16
    assert set(MUNICIPALITIES) <= set(by_key)
    assert all(by_key[k].kind == "municipality" for k in MUNICIPALITIES)
    assert by_key["kommunerna"].kind == "group"
    assert list(by_key["kommunerna"].members) == MUNICIPALITIES
    assert by_key["lansstyrelsen"] == Body(
        "lansstyrelsen",
        "Länsstyrelsen Jämtlands län",
        "authority",
        ("rsp@lansstyrelsen-jamtland.example",),
    )
    assert by_key["miun"].name == "Mittuniversitetet"
    assert by_key["servicegivare"].kind == "business"
    assert by_key["region"].name == "Region Jämtland Härjedalen"
    for b in bodies:
        assert b.emails, b.key
        assert all(e.endswith(".example") for e in b.emails), b.key


def test_plan_header(plan: ActionPlan) -> None:
    assert plan.year == 2014
    assert plan.title == "Handlingsplan för regionalt serviceprogram 2014"
    assert plan.issuer == "lansstyrelsen"
    assert plan.starts == dt.date(2014, 4, 1)
    assert "Tillväxtverkets riktlinjer" in plan.followup
    raw = (EXAMPLE / "actionplan-2014.yaml").read_bytes()
    assert plan.content_hash == hashlib.sha256(raw).hexdigest()
    assert plan.source == str(EXAMPLE / "actionplan-2014.yaml")


def test_plan_counts(plan: ActionPlan) -> None:
    assert [a.number for a in plan.areas] == [1, 2, 3, 4]
    assert [g.id for a in plan.areas for g in a.goals] == [
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "3.3",
        "4.1",
        "4.2",
        "4.3",
        "4.4",
    ]
    assert [m.id for m in plan.measures()] == [
        "1.A",
        "1.B",
        "1.C",
        "1.D",
        "2.A",
        "2.B",
        "2.C",
        "2.D",
        "2.E",
        "3.A",
        "3.B",
        "4.A",
        "4.B",
        "4.C",
        "4.D",
        "4.E",
        "4.F",
    ]
    assert [len(a.examples) for a in plan.areas] == [4, 6, 6, 9]
    assert sum(len(m.activities) for m in plan.measures()) == 38
    assert all(m.area == int(m.id[0]) for m in plan.measures())


def test_area_text(plan: ActionPlan) -> None:
    one, two, three, four = plan.areas
    assert one.title == "Nya tekniska och innovativa lösningar för serviceförsörjning"
    assert one.description.startswith("Den tekniska utvecklingen går oerhört fort.")
    assert "bredbandsutbyggnad för att ge servicegivarna" in one.description
    assert two.examples[-1] == "Tillgänglighetsanpassning för personer med funktionsnedsättningar."
    assert three.goals[2].title == (
        "Fler samarbetsprojekt mellan privata, offentliga och ideella sektorn."
    )
    assert four.goals[2].title == (
        "Ett gemensamt planeringsunderlag, där individbaserad statistik är könsuppdelad, "
        "för länet och kommunerna."
    )


def test_measure_content(plan: ActionPlan) -> None:
    a1 = measure(plan, "1.A")
    assert a1.deadlines == (
        Deadline(dt.date(2014, 4, 30), "Kartläggning av fiber till butiksorter klar"),
    )
    assert a1.subgoal == "Underlag för bredbandsutbyggnad framtaget"
    assert a1.responsible == ("regionforbundet", "kommunerna", "lansstyrelsen")
    a2 = measure(plan, "2.A")
    assert a2.deadlines == (Deadline(dt.date(2014, 12, 31), "Kommunala planer klara"),)
    assert a2.financing == ("1:1 anslaget", "kommunerna")
    b2 = measure(plan, "2.B")
    assert b2.financing == ("1:1 anslaget", "serviceföretagen")
    assert b2.goals == ("2.1", "2.2")
    assert b2.title == "Besluta om stöd till dagligvarubutiker och drivmedelsstationer"
    assert measure(plan, "2.E").responsible == (
        "lansstyrelsen",
        "regionforbundet",
        "kommunernas_naringslivskontor",
    )
    assert measure(plan, "3.A").responsible == (
        "lansstyrelsen",
        "regionforbundet",
        "kommunerna",
        "servicegivare",
    )
    assert measure(plan, "4.F").goals == ("3.1", "3.2", "3.3")  # as in the seed
    assert measure(plan, "4.F").area == 4
    assert measure(plan, "4.D").activities[-1] == "Hålla möten"
    assert measure(plan, "4.C").financing == ("Ordinarie medel",)


def test_every_measure_is_complete(plan: ActionPlan, bodies: list[Body]) -> None:
    keys = {b.key for b in bodies}
    goal_ids = {g.id for a in plan.areas for g in a.goals}
    for m in plan.measures():
        assert m.title and m.subgoal, m.id
        assert m.activities, m.id
        assert m.responsible and set(m.responsible) <= keys, m.id
        assert m.financing, m.id
        assert m.deadlines, m.id
        assert set(m.goals) <= goal_ids, m.id
        assert all(d.date.year == 2014 for d in m.deadlines), m.id
        assert not any("anlaget" in f for f in m.financing), m.id  # the seed's typo, corrected


# --- action plan validation ---------------------------------------------------------------

KNOWN = {"lansstyrelsen", "regionforbundet", "kommunerna"}

# Line numbers of the template below, as the tests refer to them.
VALID = """\
plan:
  year: 2014
  title: Testplan
  issuer: lansstyrelsen
  starts: 2014-04-01
areas:
  - number: 1
    title: Område ett
    goals:
      - {id: "1.1", title: Mål ett}
      - {id: "1.2", title: Mål två}
    measures:
      - id: "1.A"
        title: Insats A
        subgoal: Delmål A
        goals: ["1.1"]
        activities: [Aktivitet]
        responsible: [lansstyrelsen]
        financing: ["1:1 anslaget"]
        deadlines:
          - {date: 2014-04-30, text: Klart}
"""

SECOND_MEASURE = """\
      - id: "1.B"
        title: Insats B
        subgoal: Delmål B
        goals: ["1.2"]
        activities: [Aktivitet]
        responsible: [regionforbundet, lansstyrelsen]
        financing: ["1:1 anslaget extra medel"]
        deadlines:
          - {date: 2014-12-31, text: Insatsen genomförd}
"""

SECOND_AREA = """\
  - number: 2
    title: Område två
    goals:
      - {id: "2.1", title: Mål}
    measures:
      - id: "2.A"
        title: Insats
        subgoal: Delmål
        goals: ["1.1"]
        activities: [Aktivitet]
        responsible: [kommunerna]
        financing: [kommunerna]
        deadlines:
          - {date: 2015-03-31, text: Klart}
"""


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def problems_of(path: Path, year: int | None = None) -> list[str]:
    with pytest.raises(DefinitionError) as info:
        load_action_plan(path, KNOWN, year)
    assert str(info.value) == "\n".join(info.value.problems)
    return info.value.problems


def assert_problem(problems: list[str], expected: str) -> None:
    assert any(p.startswith(expected) for p in problems), (expected, problems)


def test_template_is_valid(tmp_path: Path) -> None:
    plan = load_action_plan(write(tmp_path, VALID + SECOND_MEASURE + SECOND_AREA), KNOWN, 2014)
    assert [m.id for m in plan.measures()] == ["1.A", "1.B", "2.A"]
    assert plan.measures()[0].line == 13
    assert plan.areas[0].description == "" and plan.areas[0].examples == ()
    assert plan.followup == ""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # dates
        (
            "date: 2014-04-30",
            "date: 2014-13-01",
            "21: measure 1.A: field 'deadlines[0].date': '2014-13-01' is not a date (YYYY-MM-DD)",
        ),
        (
            "date: 2014-04-30",
            "date: 30/4 2014",
            "21: measure 1.A: field 'deadlines[0].date': '30/4 2014' is not a date",
        ),
        (
            "date: 2014-04-30",
            "date: 2013-12-31",
            "21: measure 1.A: field 'deadlines[0].date': 2013-12-31 is before the plan year 2014",
        ),
        (
            "date: 2014-04-30",
            "date: 2016-01-15",
            "21: measure 1.A: field 'deadlines[0].date': 2016-01-15 is more than a year after",
        ),
        (
            "starts: 2014-04-01",
            "starts: 2014-02-30",
            "5: plan: field 'starts': '2014-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            "starts: 2014-04-01",
            "starts: 2013-04-01",
            "5: plan: field 'starts': 2013-04-01 is not in the plan year 2014",
        ),
        (
            "{date: 2014-04-30, text: Klart}",
            "{date: 2014-04-30}",
            "21: measure 1.A: missing field 'deadlines[0].text'",
        ),
        (
            "{date: 2014-04-30, text: Klart}",
            "{date: 2014-04-30, txt: Klart}",
            "21: measure 1.A: unknown field 'deadlines[0].txt'; expected one of date, text",
        ),
        (
            "          - {date: 2014-04-30, text: Klart}\n",
            "",
            "20: measure 1.A: field 'deadlines': must be a list, not empty",
        ),
        (
            "          - {date: 2014-04-30, text: Klart}",
            "          - 2014-04-30",
            "20: measure 1.A: field 'deadlines[0]': must be a mapping",
        ),
        # required fields and types
        ("        subgoal: Delmål A\n", "", "13: measure 1.A: missing field 'subgoal'"),
        (
            "        title: Insats A",
            "        title: 42",
            "14: measure 1.A: field 'title': must be text, not a number (42)",
        ),
        (
            "        subgoal: Delmål A",
            "        subgoal: ''",
            "15: measure 1.A: field 'subgoal': must not be empty",
        ),
        (
            "activities: [Aktivitet]",
            "activities: []",
            "17: measure 1.A: field 'activities': must list at least one entry",
        ),
        (
            "activities: [Aktivitet]",
            "activities: Aktivitet",
            "17: measure 1.A: field 'activities': must be a list, not 'Aktivitet'",
        ),
        (
            'financing: ["1:1 anslaget"]',
            'financing: ["1:1 anslaget", ""]',
            "19: measure 1.A: field 'financing[1]': must not be empty",
        ),
        ("  title: Testplan\n", "", "2: plan: missing field 'title'"),
        (
            "  year: 2014",
            "  year: tjugofjorton",
            "2: plan: field 'year': must be a positive whole number, not 'tjugofjorton'",
        ),
        (
            '{id: "1.1", title: Mål ett}',
            "{id: 1.1, title: Mål ett}",
            "10: area 1 goal #1: field 'id': must be text, not a number (1.1); quote it: \"1.1\"",
        ),
        (
            "  - number: 1",
            "  - number: ett",
            "7: area #1: field 'number': must be a positive whole number",
        ),
        # unknown fields
        (
            "    title: Område ett",
            "    titel: Område ett",
            "8: area 1: unknown field 'titel'; expected one of description, examples, goals, "
            "measures, number, title",
        ),
        (
            "  year: 2014",
            "  year: 2014\n  yeer: 2014",
            "3: plan: unknown field 'yeer'; expected one of followup, issuer, starts, title, year",
        ),
        (
            "        subgoal: Delmål A",
            "        delmal: Delmål A",
            "15: measure 1.A: unknown field 'delmal'; expected one of activities, deadlines, ",
        ),
        ("areas:", "omraden: []\nareas:", "6: file: unknown field 'omraden'; expected one of"),
        # ids
        (
            'id: "1.A"',
            'id: "1.a"',
            "13: measure 1.a: field 'id': '1.a' must be <area>.<LETTER>, e.g. 2.B",
        ),
        ('id: "1.A"', 'id: "2.A"', "13: measure 2.A: field 'id': '2.A' must start with '1.'"),
        (
            '{id: "1.2", title: Mål två}',
            '{id: "1-2", title: Mål två}',
            "11: goal 1-2: field 'id': '1-2' must be <area>.<number>, e.g. 1.1",
        ),
        (
            '{id: "1.2", title: Mål två}',
            '{id: "2.2", title: Mål två}',
            "11: goal 2.2: field 'id': '2.2' must start with '1.'",
        ),
        (
            '{id: "1.2", title: Mål två}',
            '{id: "1.1", title: Mål två}',
            "11: goal 1.1: duplicate goal id '1.1' (first on line 10)",
        ),
        # references
        (
            'goals: ["1.1"]',
            'goals: ["1.1", "1.9"]',
            "16: measure 1.A: field 'goals[1]': unknown goal '1.9'",
        ),
        (
            "responsible: [lansstyrelsen]",
            "responsible: [lanstyrelsen]",
            "18: measure 1.A: field 'responsible[0]': unknown body 'lanstyrelsen'; "
            "did you mean 'lansstyrelsen'?",
        ),
        (
            "responsible: [lansstyrelsen]",
            "responsible: [lansstyrelsen, lansstyrelsen]",
            "18: measure 1.A: field 'responsible[1]': 'lansstyrelsen' is listed twice",
        ),
        (
            "issuer: lansstyrelsen",
            "issuer: tillvaxtverket",
            "4: plan: field 'issuer': unknown body 'tillvaxtverket'",
        ),
    ],
)
def test_plan_problem(tmp_path: Path, old: str, new: str, expected: str) -> None:
    path = write(tmp_path, edited(old, new))
    assert_problem(problems_of(path), f"{path}:{expected}")


def test_duplicate_measure_id(tmp_path: Path) -> None:
    text = VALID + edited('id: "1.B"', 'id: "1.A"', SECOND_MEASURE)
    path = write(tmp_path, text)
    assert_problem(
        problems_of(path), f"{path}:22: measure 1.A: duplicate measure id '1.A' (first on line 13)"
    )


def test_duplicate_area_number(tmp_path: Path) -> None:
    text = VALID + edited("  - number: 2", "  - number: 1", SECOND_AREA)
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert_problem(problems, f"{path}:22: area 1: duplicate area number 1 (first on line 7)")
    # the second area's ids say area 2, its number says 1
    assert_problem(problems, f"{path}:25: goal 2.1: field 'id': '2.1' must start with '1.'")


def test_goal_of_another_area_is_accepted(tmp_path: Path) -> None:
    # Like 4.F in the 2014 plan, a measure may serve a goal of another area.
    plan = load_action_plan(write(tmp_path, VALID + SECOND_AREA), KNOWN)
    assert plan.measures()[-1].goals == ("1.1",)
    assert plan.measures()[-1].deadlines[0].date == dt.date(2015, 3, 31)


def test_year_must_match(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    assert load_action_plan(path, KNOWN, 2014).year == 2014
    assert problems_of(path, 2015) == [
        f"{path}:2: plan: field 'year': the plan is for 2014, not 2015 as asked"
    ]


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = edited("issuer: lansstyrelsen", "issuer: nobody")
    text = edited("date: 2014-04-30", "date: 2014-02-31", text)
    text = edited('goals: ["1.1"]', 'goals: ["9.9"]', text)
    text = edited("    title: Område ett", "    titel: Område ett", text)
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert [p.split(": ")[0] for p in problems] == [
        f"{path}:4",
        f"{path}:7",
        f"{path}:8",
        f"{path}:16",
        f"{path}:21",
    ]


def test_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- just\n- a list\n")
    assert problems_of(path) == [f"{path}:1: file: must be a mapping (key: value), not a list"]


def test_empty_areas_and_goals(tmp_path: Path) -> None:
    head = VALID.split("areas:")[0]
    path = write(tmp_path, head + "areas: []\n")
    assert problems_of(path) == [f"{path}:6: file: field 'areas': must list at least one entry"]
    path = write(tmp_path, head + "areas:\n  - {number: 1, title: Ett, goals: [], measures: []}\n")
    assert problems_of(path) == [f"{path}:7: area 1: field 'goals': must list at least one entry"]


# --- bodies validation --------------------------------------------------------------------

BODIES = """\
bodies:
  - key: lansstyrelsen
    name: Länsstyrelsen
    kind: authority
    emails: [rsp@lst.example]
  - key: berg
    name: Bergs kommun
    kind: municipality
    emails: [kommun@berg.example, landsbygd@berg.example]
  - key: kommunerna
    name: Kommunerna
    kind: group
    members: [berg]
"""


def body_problems(path: Path) -> list[str]:
    with pytest.raises(DefinitionError) as info:
        load_bodies(path)
    return info.value.problems


def test_bodies_template_is_valid(tmp_path: Path) -> None:
    bodies = load_bodies(write(tmp_path, BODIES, "bodies.yaml"))
    assert [b.key for b in bodies] == ["lansstyrelsen", "berg", "kommunerna"]
    assert bodies[1].emails == ("kommun@berg.example", "landsbygd@berg.example")
    assert bodies[2].members == ("berg",) and bodies[2].emails == ()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "[rsp@lst.example]",
            "[rsp@@lst.example]",
            "5: body lansstyrelsen: field 'emails[0]': 'rsp@@lst.example' must be one address",
        ),
        (
            "[rsp@lst.example]",
            "[rsp.lst.example]",
            "5: body lansstyrelsen: field 'emails[0]': 'rsp.lst.example' must be one address",
        ),
        (
            "[rsp@lst.example]",
            '["rsp @lst.example"]',
            "5: body lansstyrelsen: field 'emails[0]': 'rsp @lst.example' must not contain spaces",
        ),
        (
            "landsbygd@berg.example]",
            '"landsbygd@berg.example\\nx"]',
            "9: body berg: field 'emails[1]': 'landsbygd@berg.example\\nx' contains the control "
            "character U+000A",
        ),
        (
            "    emails: [rsp@lst.example]\n",
            "",
            "2: body lansstyrelsen: missing field 'emails' (at least one address)",
        ),
        (
            "[rsp@lst.example]",
            "[]",
            "5: body lansstyrelsen: field 'emails': must list at least one entry",
        ),
        (
            "members: [berg]",
            "members: [berg, bracke]",
            "13: body kommunerna: field 'members[1]': 'bracke' is not a body in this file",
        ),
        (
            "members: [berg]",
            "members: [kommunerna]",
            "13: body kommunerna: field 'members[0]': 'kommunerna' a group cannot be its own",
        ),
        (
            "    members: [berg]\n",
            "",
            "10: body kommunerna: missing field 'members' (a group lists its members)",
        ),
        (
            "    kind: municipality",
            "    kind: municipality\n    members: [lansstyrelsen]",
            "9: body berg: field 'members': only a group has members",
        ),
        (
            "kind: authority",
            "kind: myndighet",
            "4: body lansstyrelsen: field 'kind': 'myndighet' is not one of authority, region, "
            "municipality, university, business, agency, group",
        ),
        (
            "  - key: berg",
            "  - key: lansstyrelsen",
            "6: body lansstyrelsen: duplicate key 'lansstyrelsen' (first on line 2)",
        ),
        (
            "  - key: berg",
            "  - key: Berg",
            "6: body Berg: field 'key': 'Berg' must be lowercase a-z, 0-9, _ or -",
        ),
        (
            "    name: Länsstyrelsen",
            "    namn: Länsstyrelsen",
            "3: body lansstyrelsen: unknown field 'namn'; expected one of emails, key, kind, "
            "members, name",
        ),
        ("    name: Bergs kommun\n", "", "6: body berg: missing field 'name'"),
        ("bodies:", "bodys:", "1: file: unknown field 'bodys'; expected one of bodies"),
    ],
)
def test_body_problem(tmp_path: Path, old: str, new: str, expected: str) -> None:
    path = write(tmp_path, edited(old, new, BODIES), "bodies.yaml")
    assert_problem(body_problems(path), f"{path}:{expected}")


def test_member_that_is_a_group(tmp_path: Path) -> None:
    extra = "  - key: alla\n    name: Alla\n    kind: group\n    members: [kommunerna, berg]\n"
    path = write(tmp_path, BODIES + extra, "bodies.yaml")
    assert body_problems(path) == [
        f"{path}:17: body alla: field 'members[0]': 'kommunerna' is itself a group; "
        "list its members instead"
    ]
