"""`rsp digest` as a user runs it: Markdown, HTML to a file, English, the lead's copy,
`rsp digest send` once per period, and clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import PLAN_2014, run_rsp

PEOPLE = (
    ("sekreterare", "board"),
    ("ordforande", "steering_group"),
    ("vice", "steering_group"),
    ("processledare", "working_group"),
)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example programme in drafting, with one person per role (two in the steering
    group), made once; each test gets a copy."""
    path = str(tmp_path_factory.mktemp("digest") / "rsp.db")
    assert (
        run_rsp(
            "init", "--example", "jamtland-harjedalen", "--replay", db=path, now="2021-10-15"
        ).returncode
        == 0
    )
    assert (
        run_rsp(
            "plan", "import", str(PLAN_2014), "--year", "2014", db=path, now="2021-10-15"
        ).returncode
        == 0
    )
    for login, role in PEOPLE:
        r = run_rsp(
            "people",
            "add",
            login,
            "--name",
            login.title(),
            "--email",
            f"{login}@region.example",
            "--role",
            role,
            db=path,
            now="2021-10-20",
        )
        assert r.returncode == 0, r.stderr
    r = run_rsp(
        "advance",
        "decide_start",
        "-m",
        "Arbetet påbörjas",
        "--decision",
        "2022-03-08 § 17 RUN/536/2021",
        db=path,
        user="sekreterare",
        now="2022-03-08",
    )
    assert r.returncode == 0, r.stderr
    r = run_rsp("advance", "begin_drafting", db=path, user="processledare", now="2022-03-09")
    assert r.returncode == 0, r.stderr
    return Path(path)


@pytest.fixture
def db(prepared: Path, tmp_path: Path) -> str:
    for suffix in ("", "-wal"):
        source = prepared.with_name(prepared.name + suffix)
        if source.exists():
            shutil.copyfile(source, tmp_path / f"rsp.db{suffix}")
    return str(tmp_path / "rsp.db")


def test_digest_as_markdown(db):
    r = run_rsp("digest", "--format", "md", db=db, now="2022-03-10")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("# Veckorapport: Regionalt serviceprogram 2022-2030\n")
    assert "Perioden 3 mars 2022 – 10 mars 2022" in out
    assert "Nuvarande skede: **Framtagande pågår**" in out
    assert "| Beslut om att påbörja arbetet | 2022-02-22 | 2022-03-08 | 14 dagar sent |" in out
    assert "| **Framtagande pågår** | 2022-03-01 | 2022-03-09 | 8 dagar sent |" in out
    assert (
        "## Beslut under perioden\n\n- **2022-03-08 § 17, RUN/536/2021** "
        "(Regionala utvecklingsnämnden): Arbetet påbörjas" in out
    )
    assert "## Insatser per prioriterat område (Handlingsplan 2014, 17)" in out
    assert "## Försenade insatser (17)" in out and "Nekade" not in out


def test_digest_html_file_english_and_lead(db, tmp_path):
    out = tmp_path / "veckorapport.html"
    r = run_rsp("--lang", "en", "digest", "--lead", "--out", str(out), db=db, now="2022-03-10")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"wrote {out}"
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="en"' in html
    assert "14 days late" in html and 'id="refused"' in html and 'id="failed"' in html
    text = run_rsp("digest", "--since", "2022-02-01", db=db, now="2022-03-10")
    assert text.returncode == 0 and "== Läget ==" in text.stdout  # text on a terminal
    assert "Perioden 1 februari 2022 – 10 mars 2022" in text.stdout


def test_send_goes_once_per_period_to_the_steering_group(db, tmp_path):
    mail = tmp_path / "mail"
    args = ("digest", "send", "--outbox-dir", str(mail))
    first = run_rsp(*args, db=db, now="2022-03-14T07:00")
    assert first.returncode == 0, first.stderr
    assert "2 mottagare, 2 köade, 0 redan i utkorgen" in first.stdout
    assert "utskick: 2 skickade" in first.stdout
    again = run_rsp(*args, db=db, now="2022-03-14T15:00")
    assert "0 köade, 2 redan i utkorgen" in again.stdout and "utskick: 0 skickade" in again.stdout
    lead = run_rsp(*args, "--lead", db=db, now="2022-03-14T15:00")
    assert "(lead, 2022-03-14): 1 mottagare, 1 köade" in lead.stdout
    to = sorted(
        line
        for p in mail.glob("*.eml")
        for line in p.read_text().splitlines()
        if line.startswith("To: ")
    )
    assert to == [
        "To: Ordforande <ordforande@region.example>",
        "To: Processledare <processledare@region.example>",
        "To: Vice <vice@region.example>",
    ]


def test_clear_errors(db):
    late = run_rsp("digest", "--since", "2022-04-01", db=db, now="2022-03-10")
    assert late.returncode == 1 and "--since 2022-04-01 lies after" in late.stderr
    bad = run_rsp("digest", "--since", "last week", db=db, now="2022-03-10")
    assert bad.returncode == 1 and "is not a date" in bad.stderr
    misplaced = run_rsp("digest", "--lead", "send", db=db, now="2022-03-10")
    assert misplaced.returncode == 2 and "after the subcommand" in misplaced.stderr
    cron = run_rsp("scheduler", "run", "--digest-cron", "0 7 * * 1", db=db)
    assert cron.returncode == 1 and "weekday as a name" in cron.stderr
    assert "Traceback" not in late.stderr + bad.stderr + misplaced.stderr + cron.stderr


def test_the_daemon_sends_the_digest_it_missed(db, tmp_path):
    from tests.e2e.test_scheduler import READY, Daemon

    mail = tmp_path / "mail"
    env = {"RSP_NOW": "2022-03-14T09:30", "RSP_OUTBOX_DIR": str(mail)}  # Monday, 07:00 missed
    daemon = Daemon(db, env)
    try:
        daemon.wait_for("veckorapport: '0 7 * * mon' (svensk tid)")
        daemon.wait_for(READY)
        daemon.wait_for(
            "veckorapport rsp-2022-2030 (steering_group, 2022-03-14): 2 mottagare, 2 köade"
        )
        daemon.wait_for("veckorapport rsp-2022-2030 (lead, 2022-03-14): 1 mottagare, 1 köade")
        assert daemon.stop() == 0
    finally:
        daemon.kill()
    digests = [p for p in mail.glob("*.eml") if "Subject: Veckorapport" in p.read_text()]
    assert len(digests) == 3
    again = run_rsp("digest", "send", "--outbox-dir", str(mail), db=db, now="2022-03-14T10:00")
    assert "0 köade, 2 redan i utkorgen" in again.stdout
