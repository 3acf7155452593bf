"""A second region by data alone: Region Västerbotten (workflows/examples/vasterbotten, an
invented example with its own board, role, state and trigger names, two remiss rounds,
its own measure workflow, bodies, reminder rules and diary-number form) runs end to end
through the real `rsp` command in the same database as Jämtland, on SQLite and
PostgreSQL; and Jämtland's reminders keep going while Västerbotten's rules are broken."""

from __future__ import annotations

import json
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.mailsupport import SMTP_PASSWORD, SMTP_USER, make_certificates, smtp_server
from tests.support import HANG_GUARD, postgres_schema_url, run_rsp

VB = "rsp-vasterbotten-2026-2030"
JH = "rsp-2022-2030"
DIARY = "RS 2025/118"
FROM = "Regionalt serviceprogram <rsp@regionvasterbotten.example>"
PEOPLE = {
    "rs-sekreterare": "styrelse",
    "utskott-ordf": "utskott",
    "beredning-ledare": "beredning",
    "samrad-storuman": "samrad",
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "rsp.db")
    else:
        with postgres_schema_url() as url:
            yield url


def ok(
    *args: str,
    db: str,
    user: str = "it-admin",
    now: str | None = None,
    env: dict[str, str] | None = None,
) -> str:
    r = run_rsp(*args, db=db, user=user, now=now, env=env)
    assert r.returncode == 0, f"rsp {' '.join(args)}: {r.stdout}{r.stderr}"
    return r.stdout


def vb(*args: str, **kw: object) -> str:
    return ok("-p", VB, *args, **kw)  # type: ignore[arg-type]


def two_regions(db: str) -> None:
    """Jämtland and Västerbotten in one database; each region's people."""
    ok("init", "--example", "jamtland-harjedalen", "--replay", db=db, now="2025-09-01")
    ok("init", "--example", "vasterbotten", "--replay", db=db, now="2025-09-15")
    for login, role in PEOPLE.items():
        vb(
            "people",
            "add",
            login,
            "--name",
            login.title(),
            "--email",
            f"{login}@regionvasterbotten.example",
            "--role",
            role,
            db=db,
            now="2025-09-15",
        )
    for login, role in (("processledare", "working_group"), ("sekreterare", "board")):
        ok(
            "-p",
            JH,
            "people",
            "add",
            login,
            "--name",
            login.title(),
            "--email",
            f"{login}@regionjh.example",
            "--role",
            role,
            db=db,
            now="2025-09-15",
        )
    vb(
        "people",
        "add",
        "handlaggare-vb",
        "--name",
        "Eva i regionen",
        "--email",
        "eva@regionvasterbotten.example",
        db=db,
        now="2025-09-15",
    )
    vb("bodies", "member", "regionen", "handlaggare-vb", db=db, now="2025-09-15")


def test_the_second_region_runs_every_stage_by_its_own_names(db: str) -> None:
    two_regions(db)
    sek, led, ut, sam = "rs-sekreterare", "beredning-ledare", "utskott-ordf", "samrad-storuman"
    vb(
        "advance",
        "besluta_start",
        "--decision",
        f"2025-10-07 § 112 {DIARY}",
        db=db,
        user=sek,
        now="2025-10-07",
    )
    vb("advance", "starta_beredning", db=db, user=led, now="2025-10-20")
    refused = run_rsp(
        "-p",
        VB,
        "advance",
        "besluta_forsta_remiss",
        "--decision",
        f"2026-02-10 § 23 {DIARY}",
        db=db,
        user=sek,
        now="2026-02-10",
    )
    assert refused.returncode == 1 and "samrad_med_kommunerna" in refused.stderr
    vb(
        "advance",
        "samrad_med_kommunerna",
        "-m",
        "Samrådsgruppen: nuläge",
        db=db,
        user=sam,
        now="2025-11-12",
    )
    vb(
        "advance",
        "avstamning_med_utskottet",
        "-m",
        "Utskottet: tidplan",
        db=db,
        user=ut,
        now="2025-12-03",
    )
    wrong = run_rsp("-p", VB, "advance", "starta_beredning", db=db, user=sam, now="2026-01-10")
    assert wrong.returncode == 1 and "beredning" in wrong.stderr  # its own role names
    vb(
        "advance",
        "besluta_forsta_remiss",
        "--decision",
        f"2026-02-10 § 23 {DIARY}",
        db=db,
        user=sek,
        now="2026-02-10",
    )
    # first remiss round: the trigger marked opens_remiss, whatever its name
    out = vb(
        "remiss",
        "open",
        "lansstyrelsen",
        "umu",
        "hela-sverige",
        "-m",
        "Remissversion",
        db=db,
        user=led,
        now="2026-02-16",
    )
    assert "skicka_forsta_remiss" in out
    vb(
        "remiss",
        "reply",
        "lansstyrelsen",
        "--received",
        "2026-04-20",
        "--position",
        "comments",
        "--summary",
        "Tydligare mål för drivmedel",
        db=db,
        user=led,
        now="2026-04-21",
    )
    vb(
        "remiss",
        "reply",
        "umu",
        "--received",
        "2026-04-22",
        "--position",
        "agrees",
        db=db,
        user=led,
        now="2026-04-22",
    )
    vb("remiss", "close", db=db, user=led, now="2026-05-19")
    status = json.loads(vb("status", "--json", db=db, now="2026-05-19"))
    assert status["state"] == "forsta_remiss_klar"
    assert status["remiss"]["no_answer"] == ["hela-sverige"]
    # second round: the same commands fire the second marked pair
    out = vb("remiss", "open", "kommunerna", db=db, user=led, now="2026-05-20")
    assert "skicka_andra_remiss" in out
    vb(
        "remiss",
        "reply",
        "storuman",
        "--received",
        "2026-06-01",
        "--position",
        "comments",
        "--summary",
        "Stöd till drivmedel i Hemavan",
        db=db,
        user=led,
        now="2026-06-02",
    )
    vb("remiss", "close", db=db, user=led, now="2026-08-24")
    assert (
        json.loads(vb("status", "--json", db=db, now="2026-08-24"))["state"] == "andra_remiss_klar"
    )
    vb(
        "advance",
        "anta_programmet",
        "--decision",
        f"2026-09-15 § 140 {DIARY}",
        db=db,
        user=sek,
        now="2026-09-15",
    )
    decisions = json.loads(vb("status", "--json", db=db, now="2026-09-16"))["decisions"]
    adoption = next(d for d in decisions if d["trigger"] == "anta_programmet")
    assert adoption["body"] == "Regionstyrelsen" and adoption["diary_number"] == DIARY
    early = run_rsp("-p", VB, "advance", "starta_genomforandet", db=db, user=led, now="2026-09-20")
    assert early.returncode == 1 and "laga kraft" in early.stderr
    vb(
        "decision",
        "approve-minutes",
        str(adoption["id"]),
        "--date",
        "2026-09-18",
        db=db,
        user=sek,
        now="2026-09-18",
    )
    vb(
        "decision",
        "announce",
        str(adoption["id"]),
        "--date",
        "2026-09-21",
        db=db,
        user=sek,
        now="2026-09-21",
    )
    vb("advance", "starta_genomforandet", db=db, user=led, now="2026-10-15")
    assert json.loads(vb("status", "--json", db=db, now="2026-10-15"))["state"] == "genomforande"
    # the year: its own measure workflow, by its own roles, then follow-up and rollover
    vb("measure", "advance", "1.A", "satta_igang", db=db, user="handlaggare-vb", now="2026-03-02")
    vb("measure", "advance", "1.A", "slutfora", db=db, user="handlaggare-vb", now="2026-06-22")
    vb(
        "followup",
        "record",
        "1.A",
        "--year",
        "2026",
        "--outcome",
        "achieved",
        "--comment",
        "Kartan publicerad",
        db=db,
        user=led,
        now="2027-01-15",
    )
    out = vb("plan", "rollover", "2026", "2027", db=db, user=led, now="2027-01-20")
    assert "1.B" in out and "2.A" in out
    shown = json.loads(vb("measures", "list", "--year", "2026", "--json", db=db, now="2027-01-20"))
    assert {m["code"]: m["state"] for m in shown} == {
        "1.A": "uppfoljd",
        "1.B": "overford",
        "2.A": "overford",
    }
    assert ok("audit", "verify", db=db).count("BROKEN") == 0
    jh = json.loads(ok("-p", JH, "status", "--json", db=db, now="2027-01-20"))
    assert jh["state"] == "offer_received"  # the other programme untouched


def test_its_own_reminders_and_digest_reach_its_own_people(db: str, tmp_path: Path) -> None:
    two_regions(db)
    (tmp_path / "certs").mkdir()
    certs = make_certificates(tmp_path / "certs")
    env = {
        "RSP_SMTP_HOST": "127.0.0.1",
        "RSP_SMTP_TLS": "starttls",
        "RSP_SMTP_USER": SMTP_USER,
        "RSP_SMTP_PASSWORD_ENV": "RSP_TEST_SECRET",
        "RSP_SMTP_HELO": "localhost",
        "RSP_SMTP_TIMEOUT": str(HANG_GUARD),
        "RSP_MAIL_FROM": FROM,
    }
    with smtp_server(certs) as server:
        env.update(
            RSP_SMTP_PORT=str(server.port),
            RSP_SMTP_CAFILE=str(certs.ca),
            RSP_TEST_SECRET=SMTP_PASSWORD,
        )
        # 1.A's target is Midsommarafton 2026-06-19: moved to Monday 22 June; Västerbotten's
        # own rule reminds 10 days before, at 07:30
        out = ok("remind", "run-once", db=db, now="2026-06-12T07:45", env=env)
        assert "skickade" in out  # utskick: N skickade
        mails = [message_from_bytes(r.data, policy=policy.default) for r in server.handler.received]
        vb_mails = [m for m in mails if "1.A" in str(m["Subject"])]
        assert vb_mails, [str(m["Subject"]) for m in mails]
        to = {a for m in vb_mails for a in str(m["To"]).split(",")}
        assert any("serviceprogram@regionvasterbotten.example" in a for a in to)
        body = vb_mails[0].get_body(("plain",)).get_content()
        assert "22 juni 2026" in body and "midsommarafton" in body.lower()
        # the digest to its own steering body (utskottet: receive_digest)
        out = vb("digest", "send", db=db, now="2026-06-15T07:00", env=env)
        assert "1 mottagare" in out
        digests = [
            message_from_bytes(r.data, policy=policy.default)
            for r in server.handler.received[len(mails) :]
        ]
        assert [str(m["To"]) for m in digests] == [
            "Utskott-Ordf <utskott-ordf@regionvasterbotten.example>"
        ]


def test_jamtland_reminders_keep_going_while_the_second_regions_rules_are_broken(
    db: str, tmp_path: Path
) -> None:
    two_regions(db)
    import hashlib

    from process.storage.database import open_database

    broken = (
        "reminders:\n  milestones:\n    cc_roles: [steering_group]\n    rules:\n"
        "      - {id: before_10, days_before: 10}\n"
    )
    database = open_database(db)
    try:  # rules stored before they were checked (an older rsp, a hand edit): unusable here
        with database.engine.begin() as conn:
            rid = conn.execute(
                sa.text(
                    "INSERT INTO reminder_rules (content_hash, source, text, loaded_at) "
                    "VALUES (:h, 'hand-edited.yaml', :t, :at) RETURNING id"
                ),
                {
                    "h": hashlib.sha256(broken.encode()).hexdigest(),
                    "t": broken,
                    "at": "2026-01-01 00:00:00",
                },
            ).scalar_one()
            conn.execute(
                sa.text("UPDATE programme SET reminder_rules_id = :r WHERE key = :k"),
                {"r": rid, "k": VB},
            )
    finally:
        database.dispose()
    mail = tmp_path / "mail"
    env = {"RSP_MAIL_TRANSPORT": "file", "RSP_OUTBOX_DIR": str(mail)}
    # 10 February 2022 in Jämtland's timetable: its start decision is due on 22 February
    r = run_rsp("remind", "run-once", db=db, now="2022-02-10", env=env, user="it-admin")
    assert r.returncode == 0, r.stderr
    assert f"{VB}: dess påminnelseregler kan inte användas" in r.stderr
    assert "steering_group" in r.stderr
    subjects = [
        message_from_bytes(p.read_bytes(), policy=policy.default)["Subject"]
        for p in mail.glob("*.eml")
    ]
    assert subjects, "Jämtland's reminders were not sent"
    history = json.loads(vb("history", "--json", db=db))
    problems = [h for h in history if h["action"] == "reminders.problem"]
    assert len(problems) == 1
    again = run_rsp("remind", "run-once", db=db, now="2022-02-10T10:00", env=env)
    assert again.returncode == 0
    history = json.loads(vb("history", "--json", db=db))
    assert len([h for h in history if h["action"] == "reminders.problem"]) == 1  # once


def test_the_administrator_follows_up_and_rolls_over_in_the_regions_own_workflow(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "rsp.db")
    two_regions(db)
    out = vb(
        "followup",
        "record",
        "1.B",
        "--year",
        "2026",
        "--outcome",
        "delvis",
        "-m",
        "Halvvägs",
        db=db,
        now="2027-01-15",
    )
    assert "1.B: partly" in out and "admin" in out
    refused = run_rsp(
        "-p",
        VB,
        "followup",
        "record",
        "1.A",
        "--year",
        "2026",
        "--outcome",
        "uppnått",
        "-m",
        "Klart?",
        db=db,
        user="it-admin",
        now="2027-01-15",
    )
    assert refused.returncode == 1 and "is not done" in refused.stderr, refused.stderr
    out = vb("plan", "rollover", "2026", "2027", db=db, now="2027-01-20")
    assert "1.A" in out and "2.A" in out


def test_a_preview_under_p_shows_that_programme_only(tmp_path: Path) -> None:
    db = str(tmp_path / "rsp.db")
    two_regions(db)
    r = run_rsp(
        "-p",
        VB,
        "remind",
        "preview",
        "--until",
        "2026-12-31",
        "--json",
        db=db,
        user="it-admin",
        now="2026-01-10",
    )
    assert r.returncode == 0, r.stderr
    assert JH not in r.stderr and "process:1:" not in r.stdout, r.stderr
    subjects = {row["subject"] for row in json.loads(r.stdout)}
    assert subjects and all(
        s.startswith(("measure:", "process:2:", "remiss:")) for s in subjects
    ), subjects
