"""A body and a measure named `<script>…` appear as text in every HTML rsp writes: the
follow-up report, the remiss compilation, the digest and the reminder mail."""

from __future__ import annotations

import json
import sqlite3

from tests.support import run_rsp

EVIL = "<script>alert('rsp')</script>"
PLAN = f"""\
plan:
  year: 2024
  title: Handlingsplan 2024
  issuer: elak
  starts: 2024-01-01
  followup: Uppföljning i slutet av 2024.
areas:
  - number: 1
    title: "Område {EVIL}"
    description: Beskrivning
    examples: [Exempel]
    goals:
      - {{id: "1.1", title: "Mål {EVIL}"}}
    measures:
      - id: "1.A"
        title: "Insats {EVIL}"
        subgoal: "Delmål {EVIL}"
        goals: ["1.1"]
        activities: ["Aktivitet {EVIL}"]
        responsible: [elak]
        financing: ["1:1 anslaget"]
        deadlines:
          - {{date: 2024-03-15, text: "Klart {EVIL}"}}
"""


def ok(*args, **kw):
    r = run_rsp(*args, **kw)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def assert_escaped(html: str, where: str) -> None:
    assert "<script" not in html.lower(), f"{where}: a raw <script> tag"
    assert "&lt;script&gt;" in html, f"{where}: the name is not shown as text"


def test_script_names_are_text_in_every_html_output(tmp_path):
    db = str(tmp_path / "rsp.db")
    ok("init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2023-12-01")
    ok(
        "people",
        "add",
        "processledare",
        "--name",
        f"Maria {EVIL}",
        "--email",
        "maria@region.example",
        "--role",
        "working_group",
        db=db,
    )
    ok(
        "people",
        "add",
        "ordforande",
        "--name",
        "Per",
        "--email",
        "per@region.example",
        "--role",
        "steering_group",
        db=db,
    )
    ok(
        "bodies",
        "add",
        "elak",
        "--name",
        f"Kommun {EVIL}",
        "--kind",
        "municipality",
        "--email",
        "elak@kommun.example",
        db=db,
        user="processledare",
    )
    plan = tmp_path / "plan-2024.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    ok("plan", "import", str(plan), "--year", "2024", db=db, user="processledare")
    ok(
        "followup",
        "record",
        "1.A",
        "--year",
        "2024",
        "--outcome",
        "partly",
        "--comment",
        f"Delvis {EVIL}",
        db=db,
        user="processledare",
        now="2024-12-20",
    )

    report = tmp_path / "report.html"
    ok("followup", "report", "--year", "2024", "--format", "html", "--out", str(report), db=db)
    assert_escaped(report.read_text(encoding="utf-8"), "follow-up report")

    digest = tmp_path / "digest.html"
    ok("digest", "--lead", "--format", "html", "--out", str(digest), db=db, now="2024-03-10")
    assert_escaped(digest.read_text(encoding="utf-8"), "digest")

    # the reminder mail of the measure's deadline (14 days before 2024-03-15)
    ok("remind", "run-once", "--no-send", db=db, now="2024-03-01T09:00")
    with sqlite3.connect(db) as conn:
        ids = [
            r[0]
            for r in conn.execute("SELECT id FROM outbox_message WHERE subject LIKE 'measure:%'")
        ]
    assert ids, "no reminder was queued for the measure"
    shown = ok("outbox", "show", str(ids[0]), "--html", db=db)
    html = shown[shown.lower().index("<!doctype") :]  # after the plain-text header lines
    assert_escaped(html, "reminder mail")

    # the remiss compilation, with the body's summary: first the process to the remiss
    ok("people", "add", "sekreterare", "--name", "Karin", "--role", "board", db=db)
    for user, args in (
        ("sekreterare", ("decide_start", "--decision", "2024-01-10 § 1 RUN/1/2024")),
        ("processledare", ("begin_drafting",)),
        ("processledare", ("consult_service_z", "-m", "Samråd")),
        ("ordforande", ("check_in_steering_group", "-m", "Avstämning")),
        ("sekreterare", ("decide_remiss", "--decision", "2024-03-26 § 40 RUN/1/2024")),
    ):
        ok("advance", *args, db=db, user=user, now="2024-03-26")
    ok(
        "remiss",
        "open",
        "elak",
        "--reply-by",
        "2024-06-28",
        "-m",
        "Remiss",
        db=db,
        user="processledare",
        now="2024-04-02",
    )
    ok(
        "remiss",
        "reply",
        "elak",
        "--received",
        "2024-05-02",
        "--position",
        "comments",
        "--summary",
        f"Synpunkter {EVIL}",
        db=db,
        user="processledare",
        now="2024-05-03",
    )
    compiled = tmp_path / "remiss.html"
    ok("remiss", "compile", "--format", "html", "--out", str(compiled), db=db)
    assert_escaped(compiled.read_text(encoding="utf-8"), "remiss compilation")
    status = json.loads(ok("remiss", "status", "--json", db=db))
    assert EVIL in json.dumps(status, ensure_ascii=False)  # kept as written in the data
