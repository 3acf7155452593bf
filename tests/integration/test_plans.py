"""Bodies and action plans on real databases: the example import, re-import, changes,
bad files, permissions, and the rollover into next year."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from process.access import audit_verify
from process.bodies import bodies
from process.core.errors import DefinitionError, InvalidInput, NotFound, PermissionDenied
from process.plans import measure_actions as lifecycle
from process.plans import measure_queries as measures
from process.plans import plan_import as plans
from process.plans import rollover
from tests.plangen import plan_yaml
from tests.support import at, make_programme
from workflows import example_dir

PLAN_2014 = example_dir("jamtland-2014-2020") / "actionplan-2014.yaml"
TABLES = (
    "body",
    "action_plan",
    "plan_area",
    "plan_goal",
    "measure",
    "measure_body",
    "measure_deadline",
)


def counts(db) -> dict[str, int]:
    with db.read() as s:
        return {
            t: s.connection().execute(sa.text(f"SELECT count(*) FROM {t}")).scalar()
            for t in (*TABLES, "audit_event")
        }


def last_audit(db, n: int = 1) -> list:
    with db.read() as s:
        return (
            s.connection()
            .execute(
                sa.text(
                    "SELECT actor, role, action, outcome, subject, detail FROM audit_event "
                    "ORDER BY id DESC LIMIT :n"
                ),
                {"n": n},
            )
            .all()[::-1]
        )


def state_of(db, code: str, year: int = 2014) -> tuple[str, int]:
    with db.read() as s:
        return (
            s.connection()
            .execute(
                sa.text(
                    "SELECT m.state, m.version FROM measure m "
                    "JOIN action_plan p ON p.id = m.plan_id "
                    "WHERE m.code = :c AND p.year = :y"
                ),
                {"c": code, "y": year},
            )
            .one()
        )


def test_init_with_the_example_imports_bodies_and_the_2014_plan(any_db, clock):
    make_programme(any_db, clock)
    c = counts(any_db)
    assert {k: c[k] for k in TABLES} == {
        "body": 16,
        "action_plan": 1,
        "plan_area": 4,
        "plan_goal": 13,
        "measure": 17,
        "measure_body": 34,
        "measure_deadline": 17,
    }
    with any_db.read() as s:
        rows = measures.list_measures(s, None, clock.today(), measures.Filters())
        assert audit_verify.verify(s).ok
        kommunerna = bodies.show_body(s, None, "kommunerna")
    assert [r.code for r in rows][:5] == ["1.A", "1.B", "1.C", "1.D", "2.A"]
    assert {r.state for r in rows} == {"planned"}
    assert rows[0].lead == "regionforbundet" and rows[0].state_label == "Planerad"
    assert kommunerna.kind == "group" and len(kommunerna.members) == 8
    assert [m.code for m in kommunerna.measures] == ["1.A", "1.B", "2.A", "3.A"]


def test_same_file_again_changes_nothing(any_db, clock, tmp_path):
    make_programme(any_db, clock)
    before = counts(any_db)
    result = plans.import_plan(any_db, clock, "processledare", None, str(PLAN_2014), 2014)
    assert result.lines == ["plan 2014: no changes (17 measures)"] and not result.changed
    assert counts(any_db) == before
    reworded = tmp_path / "actionplan-2014.yaml"  # a new comment only: same content
    reworded.write_text(
        "# ny kommentar\n" + PLAN_2014.read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = plans.import_plan(any_db, clock, "processledare", None, str(reworded), 2014)
    assert result.lines[1:] == ["  the file changed, its content did not: new file hash recorded"]
    assert last_audit(any_db)[0].action == "plan.updated"
    assert {k: counts(any_db)[k] for k in TABLES} == {k: before[k] for k in TABLES}


def test_changed_file_updates_measures_and_keeps_state_and_history(any_db, clock, tmp_path):
    make_programme(any_db, clock)
    lifecycle.advance(any_db, clock, "processledare", None, "2.B", "start")
    text = PLAN_2014.read_text(encoding="utf-8")
    text = text.replace(
        'title: "Besluta om stöd till dagligvarubutiker och drivmedelsstationer"',
        'title: "Besluta om stöd till butiker och drivmedelsstationer"',
    )
    text = text.replace(
        'responsible: [lansstyrelsen]\n        financing: ["1:1 anslaget", "serviceföretagen"]',
        "responsible: [lansstyrelsen, regionforbundet]"
        '\n        financing: ["1:1 anslaget", "serviceföretagen"]',
    )
    start = text.index('      - id: "1.D"')
    text = text[:start] + text[text.index("  # ----", start) :]  # 1.D leaves the file
    changed = tmp_path / "actionplan-2014.yaml"
    changed.write_text(text, encoding="utf-8")
    result = plans.import_plan(any_db, clock, "it-admin", None, str(changed), 2014)
    assert result.updated == ["2.B"] and result.created == []
    assert "  2.B: title, responsible changed" in result.lines
    assert "  not in the file, kept: 1.D (planned)" in result.lines
    assert state_of(any_db, "2.B") == ("ongoing", 3)
    with any_db.read() as s:
        shown = measures.show_measure(s, None, "2.B", None, clock.today())
    assert shown["title"] == "Besluta om stöd till butiker och drivmedelsstationer"
    assert [b["key"] for b in shown["responsible"]] == ["lansstyrelsen", "regionforbundet"]
    assert [h["action"] for h in shown["history"]] == [
        "measure.created",
        "transition",
        "measure.updated",
    ]
    assert counts(any_db)["measure"] == 17
    again = plans.import_plan(any_db, clock, "it-admin", None, str(changed), 2014)
    assert again.lines[0] == "plan 2014: no changes (16 measures)"


def test_bad_file_names_file_line_field_and_imports_nothing(any_db, clock, tmp_path):
    make_programme(any_db, clock)
    bad = tmp_path / "plan-2015.yaml"
    bad.write_text(
        plan_yaml(2015, 3)
        .replace("[lansstyrelsen, kommunerna]", "[lansstyrelsen, kommunen]", 1)
        .replace("2015-01-08", "2015-02-30"),
        encoding="utf-8",
    )
    before = counts(any_db)
    with pytest.raises(DefinitionError) as info:
        plans.import_plan(any_db, clock, "processledare", None, str(bad), 2015)
    assert info.value.problems == [
        f"{bad}:17: measure 1.A: field 'responsible[1]': unknown body 'kommunen'; did you "
        "mean 'kommunerna'? (not in the bodies file)",
        f"{bad}:27: measure 1.B: field 'deadlines[0].date': '2015-02-30' is not a date "
        "(YYYY-MM-DD)",
    ]
    after = counts(any_db)
    assert {k: after[k] for k in TABLES} == {k: before[k] for k in TABLES}
    (refusal,) = last_audit(any_db)
    assert (refusal.actor, refusal.action, refusal.outcome) == (
        "processledare",
        "plan.import",
        "refused",
    )
    with pytest.raises(DefinitionError, match="the plan is for 2014, not 2015 as asked"):
        plans.import_plan(any_db, clock, "processledare", None, str(PLAN_2014), 2015)


def test_only_admin_or_working_group_import_plans_and_manage_bodies(any_db, clock, tmp_path):
    make_programme(any_db, clock)
    path = tmp_path / "p.yaml"
    path.write_text(plan_yaml(2015, 2), encoding="utf-8")
    with pytest.raises(PermissionDenied, match="needs one of the roles: admin, working_group"):
        plans.import_plan(any_db, clock, "sekreterare", None, str(path), 2015)
    with pytest.raises(PermissionDenied, match="needs one of the roles: admin, working_group"):
        bodies.add_body(
            any_db, clock, "ordforande", None, "pts", "PTS", "authority", ["a@pts.example"], []
        )
    assert [r.outcome for r in last_audit(any_db, 2)] == ["refused", "refused"]
    result = plans.import_plan(any_db, clock, "processledare", None, str(path), 2015)
    assert result.created == ["1.A", "1.B"]


def test_bodies_add_member_list_and_bad_input(any_db, clock):
    make_programme(any_db, clock)
    bodies.add_body(
        any_db,
        clock,
        "it-admin",
        None,
        "pts",
        "Post- och telestyrelsen",
        "authority",
        ["rsp@pts.example", "info@pts.example"],
        ["processledare"],
    )
    bodies.set_member(any_db, clock, "it-admin", None, "berg", "landsbygdsutvecklare")
    with any_db.read() as s:
        listed = {b.key: b for b in bodies.list_bodies(s, None)}
        berg = bodies.show_body(s, None, "berg")
    assert listed["pts"].emails == ["rsp@pts.example", "info@pts.example"]
    assert listed["pts"].people == ["processledare"]
    assert berg.people == ["landsbygdsutvecklare"] and "kommunerna" in berg.groups
    assert {m.code for m in berg.measures} == {"1.A", "1.B", "2.A", "3.A", "2.E"}
    for args, error, words in [
        (("pts", "X", "authority", ["x@y.example"], []), InvalidInput, "exists already"),
        (("Bad Key", "X", "authority", ["x@y.example"], []), InvalidInput, "body key"),
        (("x", "X", "myndighet", ["x@y.example"], []), InvalidInput, "kind 'myndighet'"),
        (
            ("x", "X", "agency", ["nope"], []),
            InvalidInput,
            "must be one address like name@example.org",
        ),
        (("x", "X", "agency", [], []), InvalidInput, "at least one --email"),
        (("x", "X", "agency", ["x@y.example"], ["ghost"]), NotFound, "no person with login"),
    ]:
        with pytest.raises(error, match=words):
            bodies.add_body(any_db, clock, "it-admin", None, *args)
    with pytest.raises(InvalidInput, match="already a member"):
        bodies.set_member(any_db, clock, "it-admin", None, "berg", "landsbygdsutvecklare")
    bodies.set_member(any_db, clock, "it-admin", None, "berg", "landsbygdsutvecklare", True)
    actions = [r.action for r in last_audit(any_db, 12)]
    assert "body.person_removed" in actions and "body.added" in actions


def test_bodies_file_import_updates_and_reports(any_db, clock, tmp_path):
    make_programme(any_db, clock)
    source = (example_dir("jamtland-harjedalen") / "bodies.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "bodies.yaml"
    changed.write_text(
        source.replace("name: Mittuniversitetet", "name: Mittuniversitetet (Miun)")
        + "  - key: pts\n    name: PTS\n    kind: "
        "authority\n    emails: [rsp@pts.example]\n",
        encoding="utf-8",
    )
    lines = bodies.import_bodies(any_db, clock, "processledare", None, str(changed))
    assert lines == ["bodies: 1 added, 1 updated", "  added: pts", "  updated: miun"]
    assert bodies.import_bodies(any_db, clock, "processledare", None, str(changed)) == [
        "bodies: no changes (17 in the file)"
    ]


def test_rollover_carries_unfinished_measures_once(any_db, clock):
    make_programme(any_db, clock)
    clock.set(at("2014-05-02"))
    lifecycle.advance(any_db, clock, "processledare", None, "1.A", "complete")
    lifecycle.advance(any_db, clock, "processledare", None, "1.B", "start")
    lifecycle.advance(any_db, clock, "processledare", None, "1.C", "cancel", "Ingen budget")
    lifecycle.advance(any_db, clock, "processledare", None, "4.C", "postpone", "Försenad")
    clock.set(at("2015-01-26"))
    with pytest.raises(PermissionDenied, match="needs one of the roles: admin, working_group"):
        rollover.rollover(any_db, clock, "sekreterare", None, 2014, 2015)
    result = rollover.rollover(any_db, clock, "processledare", None, 2014, 2015)
    assert len(result.carried) == 15 and ("1.B", "1.B") in result.carried
    assert "  2014 4.C (postponed) → 2015 4.C" in result.lines
    assert state_of(any_db, "1.B") == ("carried_over", 3)
    assert state_of(any_db, "1.A") == ("done", 2)
    assert state_of(any_db, "1.C") == ("cancelled", 2)
    assert state_of(any_db, "1.B", 2015) == ("planned", 1)
    with any_db.read() as s:
        new = measures.show_measure(s, None, "1.B", 2015, clock.today())
        old = measures.show_measure(s, None, "1.B", 2014, clock.today())
        assert audit_verify.verify(s).ok
    assert new["carried_from"]["year"] == 2014 and old["carried_to"]["year"] == 2015
    assert [str(d["date"]) for d in new["deadlines"]] == ["2015-12-31"]
    assert [h["trigger"] for h in new["history"] if h["trigger"]] == ["start", "carry_over"]
    assert new["goals"][0]["title"] == "Ny teknik tillämpas."
    before = counts(any_db)
    again = rollover.rollover(any_db, clock, "processledare", None, 2014, 2015)
    assert again.carried == [] and "nothing to carry over (15 already" in again.lines[0]
    assert counts(any_db)["measure"] == before["measure"] == 32
    with pytest.raises(InvalidInput, match="not after 2014"):
        rollover.rollover(any_db, clock, "processledare", None, 2014, 2014)
    with pytest.raises(NotFound, match="no action plan for 2013"):
        rollover.rollover(any_db, clock, "processledare", None, 2013, 2014)


def test_rollover_into_an_imported_plan_renames_taken_codes(any_db, clock, tmp_path):
    make_programme(any_db, clock)
    path = tmp_path / "p.yaml"
    path.write_text(plan_yaml(2015, 2), encoding="utf-8")  # has 1.A and 1.B
    plans.import_plan(any_db, clock, "processledare", None, str(path), 2015)
    result = rollover.rollover(any_db, clock, "processledare", None, 2014, 2015)
    assert result.carried[:4] == [("1.A", "1.E"), ("1.B", "1.F"), ("1.C", "1.C"), ("1.D", "1.D")]
    assert any("(renamed: 1.A is taken in 2015)" in line for line in result.lines)
    with any_db.read() as s:
        moved = measures.show_measure(s, None, "1.E", 2015, clock.today())
    assert moved["carried_from"]["code"] == "1.A"
    assert moved["title"] == "Kartlägga tillgången till bredband till butiksorter."
