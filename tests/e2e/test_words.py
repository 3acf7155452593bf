"""What a Swedish official reads, read as text: every mail template, the digest and the
reports, rendered by the real `rsp` command from the demo's data (`rsp demo`: the earlier
programme 2014-2020 and the programme 2022-2030), in Swedish and English, fail on a
phrase that must not reach a reader: a shell command, an internal key, "dagar sen",
"Åtgärden", raw JSON, an unformatted number of a thousand or more, an ISO date in prose.

The audit checkpoint block of the digest (between its BEGIN and END lines) is data to be
saved, not prose, and is left out; tables of dates (planned/actual) and decision
references ("2023-05-23 § 89") may show ISO dates, and a plan's own text is shown as the
plan has it (the 2014 plan's "Kommunala planer klara 2014-12-31").
"""

from __future__ import annotations

import email
import html as htmllib
import re
import shutil
from email import policy
from pathlib import Path

import pytest

from tests.support import run_rsp

NEW, EARLIER = "rsp-2022-2030", "rsp-2014-2020"

# (what is wrong, pattern) — each a phrase a reader must never see
FORBIDDEN: list[tuple[str, re.Pattern[str]]] = [
    (
        "a shell command",
        re.compile(
            r"\brsp (advance|audit|measures?|remind|digest|plan|followup|people|init|decide|"
            r"delegate|delegations|remiss|decision|bodies|outbox|status|history)\b"
        ),
    ),
    ("a command-line option", re.compile(r"(?<![\w-])--[a-z][a-z-]+")),
    (
        "an internal role key",
        re.compile(r"\b(board|steering_group|working_group|service_z|responsible_body)\)"),
    ),
    ("an internal rule key", re.compile(r"\b(measure|milestone|remiss)\.(before|on_day|overdue)")),
    ("a snake_case key", re.compile(r"(?<![\w@.])[a-z]+_[a-z_]+\b(?![\w@])")),
    ("'dagar sen'", re.compile(r"\bdagar? sen\b")),
    ("'Åtgärden'", re.compile(r"\bÅtgärd(en)?\b")),
    ("raw JSON", re.compile(r"\{\s*\"|\"\s*:\s*[\"\[{\d]")),
    (
        "an unformatted number",
        re.compile(r"(?<![\d\u202f,])\d{4,} (dagar|dag|days|day|insatser|measures|svar|replies)\b"),
    ),
    (
        "an ISO date in prose",
        re.compile(
            r"\b(sedan|senast|planerad|Perioden|Sammanställd|since|due|planned for|"
            r"The period|Compiled|Före|Before|i dag|today) \(?\d{4}-\d{2}-\d{2}"
        ),
    ),
]

CHECKPOINT = re.compile(
    r"-----BEGIN RSP AUDIT CHECKPOINT-----.*?-----END RSP AUDIT "
    r"CHECKPOINT-----",
    re.S,
)
EMAIL = re.compile(r"[\w.+-]+@[\w.-]+")


def readable(text: str, is_html: bool) -> str:
    """The words a reader sees: tags, styles and addresses out, entities decoded."""
    text = CHECKPOINT.sub(" ", text)
    if is_html:
        text = re.sub(r"<(style|head)\b.*?</\1>", " ", text, flags=re.S | re.I)
        text = htmllib.unescape(re.sub(r"<[^>]+>", " ", text))
    return EMAIL.sub("ADDRESS", text)


def problems(name: str, text: str, is_html: bool = False) -> list[str]:
    seen = readable(text, is_html)
    found = []
    for what, pattern in FORBIDDEN:
        for hit in pattern.finditer(seen):
            start = max(hit.start() - 40, 0)
            found.append(f"{name}: {what}: …{seen[start : hit.end() + 40]!r}…")
    return found


def test_the_checks_catch_what_they_are_for():
    """Each forbidden phrase is found where it was written before (the old texts)."""
    old = {
        "Steg: rsp advance adopt (board): Nämnden fastställer programmet": 2,
        "2015-12-31 (2700 dagar sen) 2015 1.B": 2,
        'Åtgärden "1.A" ska vara klar': 1,
        '{"body": "x"}': 1,
        "Nästa milstolpe: Avslutat, planerad 2030-12-31 (om 2779 dagar)": 2,
        "Detta är en automatisk påminnelse från rsp (regel measure.before_14).": 1,
        "hör av dig: rsp audit verify --checkpoint <sparat mejl>": 2,
    }
    for text, n in old.items():
        assert len(problems("old", text)) >= n, (text, problems("old", text))
    assert (
        problems(
            "new", "Nästa milstolpe: Avslutat, planerad 31 december 2030 (om 2\u202f458 dagar)"
        )
        == []
    )
    assert problems("new", "Kontakt: Maria Processledare, maria_p@regionjh.example") == []


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workspace = tmp_path_factory.mktemp("words") / "ws"
    r = run_rsp("demo", "--workspace", str(workspace), db="unused", user=None)
    assert r.returncode == 0, r.stderr[-2000:]
    return workspace


def mail_parts(folder: Path) -> list[tuple[str, str, bool]]:
    out = []
    for path in sorted(folder.glob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for part in msg.walk():
            if part.get_content_type() in ("text/plain", "text/html"):
                out.append(
                    (
                        f"{path.name} {msg['Subject']}",
                        part.get_content(),
                        part.get_content_type() == "text/html",
                    )
                )
        out.append((f"{path.name} (subject)", str(msg["Subject"]), False))
    return out


def rendered(demo: Path, tmp_path: Path) -> list[tuple[str, str, bool]]:
    """Every mail, the digest and the reports, from the demo's database."""
    db = str(demo / "rsp.db")
    texts = mail_parts(demo / "outbox")  # the reminders of the replay (Swedish)
    texts += [(p.name, p.read_text(encoding="utf-8"), True) for p in demo.glob("*.html")]
    copy = tmp_path / "copy.db"  # English reminders and the digests by mail, on a copy
    shutil.copyfile(db, copy)
    for lang, day in (("en", "2024-04-15"), ("sv", "2024-04-22")):
        out = tmp_path / f"mail-{lang}"
        r = run_rsp(
            "--lang",
            lang,
            "-p",
            NEW,
            "remind",
            "run-once",
            "--outbox-dir",
            str(out),
            db=str(copy),
            now=day,
        )
        assert r.returncode == 0, r.stderr
        r = run_rsp(
            "--lang",
            lang,
            "-p",
            NEW,
            "digest",
            "send",
            "--outbox-dir",
            str(out),
            db=str(copy),
            now=day,
        )
        assert r.returncode == 0, r.stderr
        texts += [(f"mail-{lang} {n}", t, h) for n, t, h in mail_parts(out)]
    views = [(NEW, "2023-05-23"), (NEW, "2024-04-08"), (NEW, "2022-12-15"), (EARLIER, "2015-01-26")]
    for lang in ("sv", "en"):
        for programme, day in views:
            for fmt, lead in (("text", ()), ("md", ()), ("html", ("--lead",))):
                r = run_rsp(
                    "--lang",
                    lang,
                    "-p",
                    programme,
                    "digest",
                    "--format",
                    fmt,
                    *lead,
                    db=db,
                    now=day,
                )
                assert r.returncode == 0, r.stderr
                texts.append(
                    (f"digest {programme} {day} {lang} {fmt} {lead}", r.stdout, fmt == "html")
                )
        for programme, year, day in ((EARLIER, "2014", "2015-01-26"), (NEW, "2024", "2024-04-08")):
            for fmt in ("md", "html"):
                r = run_rsp(
                    "--lang",
                    lang,
                    "-p",
                    programme,
                    "followup",
                    "report",
                    "--year",
                    year,
                    "--format",
                    fmt,
                    db=db,
                    now=day,
                )
                assert r.returncode == 0, r.stderr
                texts.append((f"follow-up {year} {lang} {fmt}", r.stdout, fmt == "html"))
        for fmt in ("md", "html"):
            r = run_rsp(
                "--lang",
                lang,
                "-p",
                NEW,
                "remiss",
                "compile",
                "--format",
                fmt,
                db=db,
                now="2023-03-10",
            )
            assert r.returncode == 0, r.stderr
            texts.append((f"remiss compilation {lang} {fmt}", r.stdout, fmt == "html"))
    return texts


@pytest.fixture(scope="module")
def all_texts(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, bool]]:
    """`rendered`, once for the module (the terminal's status and history are the
    operator's, and name commands and keys on purpose)."""
    return rendered(demo, tmp_path_factory.mktemp("texts"))


def swedish(name: str) -> bool:
    """Whether a rendered text is one of the Swedish ones."""
    return " en " not in f" {name} " and not name.startswith("mail-en")


def english_phrases() -> dict[str, str]:
    """Every English phrase of rsp's word tables that differs from its Swedish one (the
    longest literal part of each, at least 14 characters and two words): {phrase: where}."""
    import importlib

    modules = [
        "process.core.words",
        "process.reports.followup",
        "process.reports.measure_text",
        "process.reports.remiss_text",
        "process.reports.remiss_compilation",
        "process.decisions.finality",
        "notifications.digest.words",
        "notifications.digest.render",
        "notifications.reminders.reminder_mail",
        "notifications.reminders.measure_items",
        "notifications.reminders.remiss_items",
        "notifications.reminders.milestones",
        "notifications.reminders.calendar",
    ]
    found: dict[str, str] = {}
    for name in modules:
        module = importlib.import_module(name)
        for attr, table in vars(module).items():
            if not isinstance(table, dict):
                continue
            for key, entry in table.items():
                if (
                    not (
                        isinstance(entry, dict)
                        and isinstance(entry.get("en"), str)
                        and isinstance(entry.get("sv"), str)
                    )
                    or entry["en"] == entry["sv"]
                ):
                    continue
                part = max(re.split(r"\{[^}]*\}", entry["en"]), key=len).strip(" .,:;()–-")
                if len(part) >= 14 and " " in part:
                    found[part] = f"{name}.{attr}[{key!r}]"
    return found


def test_no_english_phrase_of_the_catalogues_reaches_a_swedish_reader(all_texts):
    phrases = english_phrases()
    assert len(phrases) > 50  # the tables were found
    leaks = [
        f"{name}: {phrase!r} ({where})"
        for name, text, _h in all_texts
        if swedish(name)
        for phrase, where in phrases.items()
        if phrase in text
    ]
    assert leaks == [], "\n".join(leaks[:30]) + f"\n({len(leaks)} in all)"
    assert any(
        phrase in text for name, text, _h in all_texts if not swedish(name) for phrase in phrases
    )  # the English ones do use them


def test_every_mail_digest_and_report_reads_as_an_official_writes(all_texts):
    texts = all_texts
    kinds = " ".join(name for name, _t, _h in texts)
    # all the templates are there: reminders of measures and milestones in both languages,
    # the digest by mail, the follow-up and remiss reports
    assert "Påminnelse" in kinds and "Reminder" in kinds or "Overdue" in kinds
    assert "Veckorapport" in kinds and "Weekly digest" in kinds
    assert any("Milstolpen" in t for _n, t, _h in texts)
    assert any("Insatsen" in t for _n, t, _h in texts)
    found = [p for name, text, is_html in texts for p in problems(name, text, is_html)]
    assert found == [], "\n".join(found[:40]) + f"\n({len(found)} in all)"
    # a mail greets its reader and names the contact
    reminders = [t for n, t, h in texts if not h and ("Påminnelse" in n or "Försenad" in n)]
    assert reminders and all(t.startswith(("Hej ", "Till ")) for t in reminders)
    assert all("Kontakt: " in t or "Frågor och svar till: " in t for t in reminders)
    assert any(t.startswith("Till ") and "Remissen" in t for t in reminders)  # the remiss
    assert not any("Hej Kommunerna" in t or "Kopia:" in t for t in reminders)
