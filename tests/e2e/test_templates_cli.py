"""A region's own templates through the real `rsp` command: RSP_TEMPLATE_DIR (or
--template-dir) replaces bundled templates file by file; everything renders sandboxed;
a broken template stops the command with file:line, exit 1, no traceback, and nothing
written; `rsp templates list|export|check`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.test_html_escaping import PLAN
from tests.support import run_rsp

EVIL = "<script>alert('rsp')</script>"
SWEEP_DAY = "2022-02-10"  # 12 days before the start decision's planned date: 2 mails


def ok(*args, **kw):
    r = run_rsp(*args, **kw)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def refused(r, *words):
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stdout + r.stderr
    for w in words:
        assert w in r.stderr, r.stderr


def counts(db: str) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return (
            conn.execute("SELECT count(*) FROM outbox_message").fetchone()[0],
            conn.execute("SELECT count(*) FROM audit_event").fetchone()[0],
        )


@pytest.fixture
def dbfile(tmp_path):
    db = str(tmp_path / "rsp.db")
    ok("init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2021-10-15")
    for login, name, role in (
        ("sekreterare", f"Karin {EVIL}", "board"),
        ("ordforande", "Per", "steering_group"),
        ("processledare", "Maria", "working_group"),
    ):
        ok(
            "people",
            "add",
            login,
            "--name",
            name,
            "--email",
            f"{login}@region.example",
            "--role",
            role,
            db=db,
        )
    return db


@pytest.mark.parametrize(
    "source,words",
    [
        (
            "Hej\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n",
            ("reminder.sv.txt:2: refused by the sandbox: access to attribute '__class__'",),
        ),
        (
            "{{ details.append(('x', 'y')) }}",
            ("reminder.sv.txt:1: refused by the sandbox", "'append' of 'list' object is unsafe"),
        ),
        ("Hej {{ name }}\n\n{{ title }\n", ("reminder.sv.txt:3: syntax error: unexpected '}'",)),
        ("Hej {{ namn }}", ("reminder.sv.txt:1: 'namn' is undefined",)),
    ],
)
def test_a_broken_reminder_template_stops_the_sweep_and_queues_nothing(
    dbfile, tmp_path, source, words
):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "reminder.sv.txt").write_text(source, encoding="utf-8")
    before = counts(dbfile)
    r = run_rsp(
        "remind",
        "run-once",
        "--no-send",
        db=dbfile,
        now=SWEEP_DAY,
        env={"RSP_TEMPLATE_DIR": str(tpl)},
    )
    refused(r, f"Error: template {tpl}/", *words)
    assert counts(dbfile) == before == (0, before[1])  # no outbox row, no audit row


def test_overridden_reminder_mail_keeps_data_escaped(dbfile, tmp_path):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "reminder.sv.txt").write_text(
        "Hej {{ name }}, från Region Exempel: {{ title }}\n", encoding="utf-8"
    )
    (tpl / "reminder.sv.html").write_text(
        "<!DOCTYPE html>\n<p>Hej {{ name }}</p>\n<p>{{ title }}</p>\n", encoding="utf-8"
    )
    out = ok(
        "remind",
        "run-once",
        "--no-send",
        db=dbfile,
        now=SWEEP_DAY,
        env={"RSP_TEMPLATE_DIR": str(tpl)},
    )
    assert "2 köade" in out
    with sqlite3.connect(dbfile) as conn:
        text, html = conn.execute(
            "SELECT body_text, body_html FROM outbox_message WHERE to_json LIKE '%sekreterare%'"
        ).fetchone()
    assert text.startswith(f"Hej Karin {EVIL}, från Region Exempel: ")  # text: as typed
    assert "<script" not in html and "<p>Hej Karin &lt;script&gt;" in html


def test_digest_and_followup_report_overrides_and_sandbox_escapes(dbfile, tmp_path):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "digest.md").write_text(
        "# {{ w('title') }}: {{ programme }} (Region Exempel)\n", encoding="utf-8"
    )
    md = ok("--template-dir", str(tpl), "digest", "--format", "md", db=dbfile, now="2022-03-01")
    assert md.startswith("# Veckorapport: ") and md.endswith("(Region Exempel)\n")
    assert ok("digest", "--format", "md", db=dbfile, now="2022-03-01") != md  # bundled
    (tpl / "digest.html").write_text(
        "<p>\n{{ w.func.__globals__['__builtins__'] }}</p>", encoding="utf-8"
    )
    r = run_rsp(
        "--template-dir", str(tpl), "digest", "--format", "html", db=dbfile, now="2022-03-01"
    )
    refused(
        r,
        f"{tpl}/digest.html:2: refused by the sandbox",
        "'__globals__' of 'function' object is unsafe",
    )
    assert r.stdout == ""
    before = counts(dbfile)
    r = run_rsp(
        "--template-dir", str(tpl), "digest", "send", "--no-send", db=dbfile, now="2022-03-01"
    )
    refused(r, f"{tpl}/digest.html:2: refused by the sandbox")
    assert counts(dbfile) == before  # the digest mail was not queued

    plan = tmp_path / "plan-2024.yaml"
    plan.write_text(PLAN, encoding="utf-8")
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
        db=dbfile,
        user="processledare",
    )
    ok("plan", "import", str(plan), "--year", "2024", db=dbfile, user="processledare")
    (tpl / "followup_report.html").write_text(
        "<h1>{{ w('title', year=year) }}</h1>\n{% for m in measures %}<li>{{ m.title }}: "
        "{{ m.responsible | join(', ') }}</li>{% endfor %}\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.html"
    ok(
        "followup",
        "report",
        "--year",
        "2024",
        "--format",
        "html",
        "--out",
        str(report),
        db=dbfile,
        env={"RSP_TEMPLATE_DIR": str(tpl)},
    )
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<h1>Uppföljning av handlingsplan 2024</h1>\n<li>Insats &lt;script")
    assert "<script" not in html and "Kommun &lt;script&gt;" in html


def test_templates_export_list_check(tmp_path):
    db = str(tmp_path / "unused.db")
    tpl = tmp_path / "tpl"
    out = ok("templates", "export", str(tpl), db=db)
    assert "11 templates in" in out and (tpl / "reminder.sv.html").is_file()
    r = run_rsp("templates", "export", str(tpl), db=db)
    refused(r, "exist already, nothing written (use --force")
    assert "11 templates" in ok("templates", "export", str(tpl), "--force", db=db)
    out = ok("templates", "check", str(tpl), db=db)
    assert "OK — 11 template(s) compile in the sandbox" in out and "digest (en)" in out

    (tpl / "digest.txt").write_text("a\nb\n{% if lead %}\n", encoding="utf-8")
    (tpl / "remiss_report.md").write_text("{{ bodies[0].__class__ }}", encoding="utf-8")
    for name in ("digest.html", "digest.md", "reminder.en.txt"):
        (tpl / name).unlink()
    listed = ok("templates", "list", db=db, env={"RSP_TEMPLATE_DIR": str(tpl)})
    assert f"digest.txt             overridden {tpl}/digest.txt" in listed
    assert "digest.md              bundled    " in listed
    as_json = json.loads(
        ok("templates", "list", "--json", db=db, env={"RSP_TEMPLATE_DIR": str(tpl)})
    )
    assert as_json["template_dir"] == str(tpl)
    shown = {t["name"]: t for t in as_json["templates"]}
    assert shown["digest.txt"] == {
        "name": "digest.txt",
        "source": "overridden",
        "path": f"{tpl}/digest.txt",
    }
    assert shown["digest.md"]["source"] == "bundled"
    r = run_rsp("templates", "check", db=db, env={"RSP_TEMPLATE_DIR": str(tpl)})
    refused(
        r,
        f"ERROR: template {tpl}/digest.txt:3: syntax error: Unexpected end of template",
        f"ERROR: template {tpl}/remiss_report.md:1: refused by the sandbox",
        "2 problem(s) in 8 template(s)",
    )
    r = run_rsp("templates", "list", db=db, env={"RSP_TEMPLATE_DIR": str(tmp_path / "no")})
    refused(r, f"RSP_TEMPLATE_DIR {tmp_path / 'no'}: no such directory")
    assert not Path(db).exists()
