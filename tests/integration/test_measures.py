"""The measure lifecycle on real databases: who may do what (the contextual role
`responsible_body` included), lists, the measure page, notes, follow-up and its report."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from process.access.unit_of_work import Work
from process.bodies import bodies
from process.core.errors import (
    ConflictError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from process.plans import measure_actions as lifecycle
from process.plans import measure_queries as measures
from process.plans import plan_import as plans
from process.reports import followup
from process.storage import lookup
from process.workflow import stored
from tests.plangen import plan_yaml
from tests.support import at, make_programme

WG = "processledare"  # working_group
LST = "handlaggare"  # acts for Länsstyrelsen
BERG = "berta"  # acts for Bergs kommun, a member of the group "kommunerna"


@pytest.fixture
def prog(any_db, clock):
    """The example programme, with one person acting for Länsstyrelsen and one for Berg."""
    from process.programme import setup

    make_programme(any_db, clock)
    for login, body in ((LST, "lansstyrelsen"), (BERG, "berg")):
        setup.add_person(any_db, clock, "it-admin", None, login, login.title(), None, [])
        bodies.set_member(any_db, clock, "it-admin", None, body, login)
    clock.set(at("2014-04-20"))
    return any_db


def audit_tail(db, n=1):
    with db.read() as s:
        return (
            s.connection()
            .execute(
                sa.text(
                    "SELECT actor, role, action, outcome, subject, trigger, from_state, to_state, "
                    "detail FROM audit_event ORDER BY id DESC LIMIT :n"
                ),
                {"n": n},
            )
            .all()[::-1]
        )


def listed(db, clock, **filters):
    with db.read() as s:
        return measures.list_measures(s, None, clock.today(), measures.Filters(**filters))


def test_responsible_bodies_and_working_group_move_a_measure(prog, clock):
    r = lifecycle.advance(prog, clock, LST, None, "2.B", "start", "Information utskickad")
    assert (r.from_state, r.to_state, r.role, r.subject) == (
        "planned",
        "ongoing",
        "responsible_body",
        r.subject,
    )
    assert r.subject.startswith("measure:")
    lifecycle.advance(prog, clock, LST, None, "2.B", "report_progress", "Tolv ansökningar")
    r = lifecycle.advance(prog, clock, WG, None, "2.B", "complete")
    assert (r.to_state, r.role) == ("done", "working_group")
    # a member of Berg acts on a measure of the group "kommunerna" (2.A)
    assert lifecycle.advance(prog, clock, BERG, None, "2.A", "start").role == "responsible_body"
    row = audit_tail(prog)[0]
    assert (row.actor, row.action, row.trigger, row.from_state, row.to_state) == (
        BERG,
        "transition",
        "start",
        "planned",
        "ongoing",
    )


@pytest.mark.parametrize(
    "user,code,trigger,comment,error,words",
    [
        (
            LST,
            "1.B",
            "start",
            None,
            PermissionDenied,
            "handlaggare (no role) may not start: it needs one of the roles: responsible_body, "
            "working_group (responsible_body: a member person of one of the measure's responsible "
            "bodies: regionforbundet, servicegivare, kommunerna, miun",
        ),
        (
            LST,
            "2.B",
            "cancel",
            "x",
            PermissionDenied,
            "handlaggare (responsible_body) may not cancel: it needs one of the roles: "
            "working_group",
        ),
        ("stranger", "2.B", "start", None, PermissionDenied, "'stranger' is not a registered"),
        (WG, "2.B", "postpone", None, InvalidTransition, "comment is required"),
        (
            WG,
            "2.B",
            "resume",
            None,
            InvalidTransition,
            "cannot resume from 'planned'; possible now: start (working_group, responsible_body)",
        ),
        (WG, "2.B", "follow_up", "x", InvalidTransition, "rsp followup record 2.B --year 2014"),
        (WG, "2.B", "fly", None, InvalidTransition, "unknown trigger 'fly'"),
    ],
)
def test_refused_transitions_change_nothing_and_are_audited(
    prog, clock, user, code, trigger, comment, error, words
):
    with pytest.raises(error, match=re.escape(words)):
        lifecycle.advance(prog, clock, user, None, code, trigger, comment)
    row = audit_tail(prog)[0]
    assert (row.actor, row.outcome, row.trigger, row.from_state) == (
        user,
        "refused",
        trigger,
        "planned",
    )
    assert row.subject.startswith("measure:") and words.split(" (")[0][:30] in row.detail
    assert {r.state for r in listed(prog, clock)} == {"planned"}


def test_unknown_or_ambiguous_measure(prog, clock):
    with pytest.raises(NotFound, match="no measure '9.Z'"):
        lifecycle.advance(prog, clock, WG, None, "9.z", "start")
    with pytest.raises(NotFound, match="no measure '1.A' in the 2016 plan"):
        lifecycle.advance(prog, clock, WG, None, "1.A", "start", year=2016)


def test_stale_version_is_a_conflict(prog, clock):
    with pytest.raises(ConflictError, match="version 1, not 5"):
        lifecycle.advance(prog, clock, WG, None, "2.B", "start", expected_version=5)
    with prog.read() as s:
        p = lookup.find_programme(s, None)
        row, plan = lifecycle.find_measure(s, p.id or 0, "2.B")
        definition = stored.definition_of(s, row.definition_id)
    lifecycle.advance(prog, clock, WG, None, "2.B", "start")  # someone else, meanwhile
    with prog.write() as s, pytest.raises(ConflictError, match="measure 2.B .2014. was changed"):
        w = Work(s, clock, WG, clock.now(), clock.recorded())
        w.enter(p)
        lifecycle.fire(w, row, plan, definition, "start", None)


def test_list_filters_due_and_overdue(prog, clock):
    assert [r.code for r in listed(prog, clock, due_within=14)] == ["1.A"]
    due = listed(prog, clock, due_within=14)[0]
    assert (str(due.deadline), due.days_left, due.deadline_text) == (
        "2014-04-30",
        10,
        "Kartläggning av fiber till butiksorter klar",
    )
    clock.set(at("2014-05-05"))
    assert [(r.code, r.days_left) for r in listed(prog, clock, overdue=True)] == [("1.A", -5)]
    lifecycle.advance(prog, clock, LST, None, "1.A", "complete")
    assert listed(prog, clock, overdue=True) == []
    assert len(listed(prog, clock, due_within=365)) == 16
    assert [r.code for r in listed(prog, clock, area=3)] == ["3.A", "3.B"]
    assert [r.code for r in listed(prog, clock, goal="2.2")] == ["2.B", "2.D", "2.E"]
    assert [r.code for r in listed(prog, clock, goal="3.1")] == ["3.A", "3.B", "4.F"]
    assert [r.code for r in listed(prog, clock, state="done")] == ["1.A"]
    assert [r.code for r in listed(prog, clock, body="berg")] == [
        "1.A",
        "1.B",
        "2.A",
        "2.E",
        "3.A",
    ]
    assert listed(prog, clock, year=2015) == []
    with pytest.raises(InvalidInput, match="--state 'finished'"):
        listed(prog, clock, state="finished")
    with pytest.raises(NotFound, match="no body 'bergs'"):
        listed(prog, clock, body="bergs")
    with pytest.raises(InvalidInput, match="--goal '2'"):
        listed(prog, clock, goal="2")


def test_show_notes_and_who_may_write_them(prog, clock):
    lifecycle.add_note(prog, clock, LST, None, "2.B", "Tolv ansökningar handlagda")
    with pytest.raises(PermissionDenied, match="may not write notes on this measure"):
        lifecycle.add_note(prog, clock, BERG, None, "2.B", "Inte vår insats")
    with pytest.raises(InvalidInput, match="the note must not be empty"):
        lifecycle.add_note(prog, clock, WG, None, "2.B", "   ")
    with prog.read() as s:
        m = measures.show_measure(s, None, "2.b", None, clock.today(), "en")
    assert (m["code"], m["year"], m["state"], m["state_label"]) == (
        "2.B",
        2014,
        "planned",
        "Planned",
    )
    assert m["goals"] == [
        {"code": "2.1", "title": "Bibehållen tillgänglighet till dagligvarubutiksservice i länet."},
        {"code": "2.2", "title": "Bibehållen tillgänglighet till drivmedel."},
    ]
    assert m["responsible"] == [
        {"key": "lansstyrelsen", "name": "Länsstyrelsen Jämtlands län", "lead": True}
    ]
    assert m["financing"] == ["1:1 anslaget", "serviceföretagen"]
    assert [n["text"] for n in m["notes"]] == ["Tolv ansökningar handlagda"]
    # the permission refusal and the empty note's refusal are both in the trail
    assert [h["action"] for h in m["history"]] == [
        "measure.created",
        "measure.note",
        "measure.note",
        "measure.note",
    ]
    assert [h["outcome"] for h in m["history"][-2:]] == ["refused", "refused"]
    assert [s["trigger"] for s in m["next_steps"]] == [
        "start",
        "complete",
        "postpone",
        "cancel",
        "carry_over",
    ]


def test_followup_record_and_report(prog, clock, tmp_path):
    lifecycle.advance(prog, clock, LST, None, "2.B", "complete")
    lifecycle.advance(prog, clock, LST, None, "1.A", "start")
    clock.set(at("2015-01-20"))
    done = lifecycle.record_followup(prog, clock, WG, None, "2.B", "achieved", "Bibehållna")
    assert (done.from_state, done.to_state, done.role) == ("done", "followed_up", "working_group")
    still = lifecycle.record_followup(prog, clock, WG, None, "1.A", "not", "Ej klar")
    assert (still.to_state, still.replaced) == ("ongoing", None)
    again = lifecycle.record_followup(prog, clock, WG, None, "1.A", "partly", "Halvvägs")
    assert again.replaced == "not"
    rows = audit_tail(prog, 3)
    assert [(r.action, r.trigger) for r in rows] == [
        ("transition", "follow_up"),
        ("followup.recorded", None),
        ("followup.recorded", None),
    ]
    assert '"outcome": "achieved"' in rows[0].detail and '"replaced": "not"' in rows[2].detail
    with pytest.raises(PermissionDenied, match="may not record follow-ups"):
        lifecycle.record_followup(prog, clock, LST, None, "2.C", "not", "x")
    assert audit_tail(prog)[0].action == "followup.record"  # the refusal
    with pytest.raises(InvalidInput, match="--outcome 'maybe'"):
        lifecycle.record_followup(prog, clock, WG, None, "2.C", "maybe", "x")
    with pytest.raises(InvalidInput, match="--comment"):
        lifecycle.record_followup(prog, clock, WG, None, "2.C", "not", "")
    with prog.read() as s:
        data = followup.report_data(s, None, 2014, "sv", clock.today())
        english = followup.report_data(s, None, 2014, "en", clock.today())
        with pytest.raises(NotFound, match="no action plan for 2013"):
            followup.report_data(s, None, 2013)
    areas = {a["number"]: a for a in data["areas"]}
    # shares over the measures followed up (the others are listed apart, not "not achieved")
    assert areas[2]["share"] == "1 av 1 (100 %)" and english["areas"][1]["share"] == (
        "1 of 1 (100%)"
    )
    assert areas[1]["counts"] == {
        "total": 4,
        "achieved": 0,
        "partly": 1,
        "not_": 0,
        "missing": 3,
        "followed": 1,
    }
    assert [m["code"] for m in areas[1]["not_followed"]] == ["1.B", "1.C", "1.D"]
    assert len(data["not_followed"]) == 15 and len(data["followed"]) == 2
    assert [g["code"] for g in areas[4]["goals"]] == [
        "4.1",
        "4.2",
        "4.3",
        "4.4",
        "3.1",
        "3.2",
        "3.3",
    ]
    md = followup.render(data, "md")
    assert "## Prioriterat område 2: Tillgänglighet" in md
    assert "- **2.B** Besluta om stöd till dagligvarubutiker och drivmedelsstationer\n" in md
    assert "  - Utfall: **Uppnått** (läge: Uppföljd)" in md
    assert (
        "### Mål 2.2: Bibehållen tillgänglighet till drivmedel.\n\nÄven insatserna 2.B, "
        "2.D och 2.E bidrar till målet; de redovisas under mål 2.1."
    ) in md
    assert "se ovan" not in md and "### Mål 3.1: Fler nya" in md
    assert "Andel uppnådda av de uppföljda: **1 av 2 (50 %)**" in md
    assert "## Ännu inte uppföljda (15)" in md and "- **1.B** " in md.split("## Ännu")[1]
    en = followup.render(english, "md")
    assert "Outcome: **Partly achieved** (state: Ongoing)" in en
    csv_text = followup.render(data, "csv")
    assert csv_text.splitlines()[0].startswith("\ufeffÅr;Prioriterat område;Områdets namn;Mål")
    assert ";2.B;Besluta om stöd" in csv_text and "Uppnått;Bibehållna;processledare;" in csv_text


def test_html_report_escapes_names(prog, clock, tmp_path):
    bodies.add_body(
        prog,
        clock,
        "it-admin",
        None,
        "x",
        "<script>alert('body')</script>",
        "agency",
        ["x@x.example"],
        [],
    )
    path = tmp_path / "p.yaml"
    path.write_text(
        plan_yaml(2015, 1, title="<script>alert('measure')</script>").replace(
            "[lansstyrelsen, kommunerna]", "[x]"
        ),
        encoding="utf-8",
    )
    plans.import_plan(prog, clock, "it-admin", None, str(path), 2015)
    with prog.read() as s:
        data = followup.report_data(s, None, 2015)
    html = followup.render(data, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;measure&#39;)&lt;/script&gt; 0" in html
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in html
    assert "<script>alert('measure')</script> 0" in followup.render(data, "md")
