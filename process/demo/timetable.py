"""`rsp demo`: replay Region Jämtland Härjedalen's drafting timetable 2021-2023, then
a year of the 2014 action plan (progress, follow-up, carry-over into 2015).

Every step runs a real `rsp` command (in this process, for speed) with `--now` set to
the day it happened, and prints it as a user would type it. Paragraph numbers other
than the adoption (§ 89) are illustrative.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from process.demo.remiss_steps import START, finality_steps, minutes, remiss_steps
from process.demo.steps import DIARY, DIGEST, LOOK_AT, OUTBOX, WORKSPACE, Step


def _people() -> list[Step]:
    from process.programme import programmes

    _spec, _wf, people = programmes.load_example("jamtland-harjedalen")
    steps = []
    for p in people:
        roles = [] if "steering_group" in p["roles"] else [a for r in p["roles"]
                                                           for a in ("--role", r)]
        steps.append(Step("2021-10-20", "it-admin",
                          ("people", "add", p["login"], "--name", p["name"], "--email",
                           p["email"], *roles)))
    return steps


def _adv(when: str, user: str, trigger: str, comment: str = "", decision: str = "",
         note: str = "", refused: bool = False) -> Step:
    args: list[str] = ["advance", trigger]
    if comment:
        args += ["-m", comment]
    if decision:
        args += ["--decision", decision]
    return Step(when, user, tuple(args), note, refused)


def _remind(when: str, note: str) -> Step:
    """The reminder sweep as cron runs it: queue what is due, write it as .eml files."""
    return Step(when, "it-admin", ("remind", "run-once", "--outbox-dir",
                                   f"{WORKSPACE}/{OUTBOX}"), note)


def timetable() -> list[Step]:
    """The replayed steps, in order."""

    wg, sz, sg, board = "processledare", "landsbygdsutvecklare", "ordforande", "sekreterare"
    return [
        Step("2021-10-15", "it-admin", ("init", "--example", "jamtland-harjedalen", "--replay",
                                        "--admin-name", "IT-förvaltningen"),
             "Regeringens erbjudande har kommit (oktober 2021)"),
        *_people(),
        _adv("2022-02-01", wg, "decide_start", decision=f"2022-02-22 § 17 {DIARY}",
             note="Arbetsgruppen försöker registrera nämndens beslut — det får bara nämnden",
             refused=True),
        _remind("2022-02-10", "Påminnelsesvepet (cron): nämndens startbeslut är planerat "
                "till 22 februari — påminnelse 14 dagar före, som .eml-filer"),
        _adv("2022-02-22", board, "decide_start",
             "Arbetet påbörjas; nämndens presidium utses till styrgrupp",
             f"2022-02-22 § 17 {DIARY}", "Nämnden beslutar att påbörja arbetet"),
        Step("2022-02-22", "it-admin", ("people", "grant", "ordforande", "steering_group"),
             "Styrgruppen (presidiet) utses"),
        Step("2022-02-22", "it-admin", ("people", "grant", "vice-ordforande", "steering_group")),
        _adv("2022-03-01", wg, "begin_drafting", "Uppstart i enheten Näringsliv och "
             "samhällsbyggnad"),
        *minutes(START, "2022-03-01", "2022-03-02"),
        _adv("2022-03-15", sz, "consult_service_z", "Service-Z: uppstart, kommunala "
             "serviceplaner och nulägesbeskrivning"),
        _adv("2022-04-05", sg, "check_in_steering_group", "Styrgruppen: tidplan och upplägg"),
        _adv("2022-05-10", sz, "consult_service_z", "Service-Z: SWOT per kommun"),
        _adv("2022-06-15", wg, "record_analysis", "Strukturanalys, Pipos serviceanalys, "
             "SWOT och utvärdering av programmet 2014-2020 klara"),
        _adv("2022-09-13", sz, "consult_service_z", "Service-Z: prioriteringar och trender"),
        _adv("2022-09-27", sg, "check_in_steering_group", "Styrgruppen: utkast till program"),
        _adv("2022-10-18", sz, "consult_service_z", "Service-Z: synpunkter på utkastet"),
        _adv("2022-11-08", board, "decide_remiss", "Remissutgåva",
             note="Sekreteraren glömmer beslutsreferensen", refused=True),
        _remind("2022-11-16", "Remissbeslutet och remissen är planerade till 30 november: "
                "påminnelser till nämnden och arbetsgruppen, styrgruppen i kopia"),
        _adv("2022-11-22", board, "decide_remiss", "Remissutgåvan godkänns",
             f"2022-11-22 § 152 {DIARY}", "Nämnden beslutar om remissutgåva"),
        *remiss_steps(),
        _remind("2023-04-17", "Antagandet är planerat till 30 april: påminnelse 14 dagar "
                "före (16 april är en söndag, så den går måndag morgon)"),
        _remind("2023-05-08", "30 april passerade utan beslut: veckovis påminnelse om "
                "försenat antagande"),
        _adv("2023-05-23", board, "adopt", "RSP 2023-2030 fastställs; årliga handlingsplaner "
             "delegeras till regional utvecklingsdirektör", f"2023-05-23 § 89 {DIARY}",
             "Nämnden fastställer programmet (23 maj 2023 § 89)"),
        Step("2023-05-23", wg, ("digest", "--out", f"{WORKSPACE}/{DIGEST}"),
             "Styrgruppens veckorapport per antagandedagen (HTML, som i mejlet)"),
        *finality_steps(),
    ]


def measure_steps() -> list[Step]:
    """The 2014 action plan in use: progress, completion, notes, follow-up, carry-over."""
    wg, lst = "processledare", "handlaggare"

    def adv(when: str, user: str, code: str, trigger: str, comment: str = "",
            note: str = "", refused: bool = False) -> Step:
        return Step(when, user, ("measure", "advance", code, trigger,
                                 *(("-m", comment) if comment else ())), note, refused)

    def follow(code: str, outcome: str, comment: str) -> Step:
        return Step("2015-01-20", wg, ("followup", "record", code, "--outcome", outcome,
                                       "--comment", comment))

    return [
        Step("2014-04-01", "it-admin", ("people", "add", lst, "--name",
                                        "Eva Handläggare (Länsstyrelsen)", "--email",
                                        "eva.handlaggare@lansstyrelsen-jamtland.example"),
             "Handlingsplanen 2014 gäller från 1 april; Länsstyrelsens handläggare "
             "registreras och knyts till Länsstyrelsen"),
        Step("2014-04-01", "it-admin", ("bodies", "member", "lansstyrelsen", lst)),
        _remind("2014-04-16", "1.A ska vara klar 30 april: påminnelse till Regionförbundet "
                "(ledande), kopia till kommunerna, Länsstyrelsen och dess handläggare"),
        Step("2014-04-20", wg, ("measures", "list", "--due-within", "14"),
             "Vad ska vara klart inom två veckor?"),
        adv("2014-04-22", lst, "1.A", "start", "Kartläggning av fiber till butiksorter "
            "påbörjad"),
        adv("2014-04-25", lst, "1.B", "start", note="Handläggaren försöker starta 1.B, där "
            "Länsstyrelsen inte är ansvarig — det får hon inte", refused=True),
        adv("2014-05-02", lst, "1.A", "complete", "Kartläggningen klar, två dagar efter "
            "tidsmålet", note="Insatser rapporteras genomförda"),
        adv("2014-05-02", lst, "2.B", "start", "Information om stödmöjligheter utskickad"),
        Step("2014-09-15", lst, ("measure", "note", "2.B", "Tolv ansökningar om stöd "
                                 "handlagda")),
        adv("2014-10-01", wg, "4.C", "postpone", "Utredningen är försenad till 2015"),
        adv("2014-12-10", lst, "2.B", "complete", "Stöd beviljat till nio butiker och två "
            "drivmedelsstationer"),
        Step("2015-01-20", wg, ("followup", "record", "1.A", "--outcome", "achieved",
                                "--comment", "Underlag för bredbandsutbyggnad framtaget"),
             "Årsuppföljning: utfall mot delmålen"),
        follow("2.B", "achieved", "Strategiska serviceställen bibehållna"),
        follow("2.A", "partly", "Fem av åtta kommuner har påbörjat en serviceplan"),
        follow("4.C", "not", "Utredningen är inte klar; följs 2015"),
        Step("2015-01-25", wg, ("followup", "report", "--year", "2014", "--format", "md"),
             "Uppföljningsrapporten till Tillväxtverket och nämnden"),
        Step("2015-01-26", wg, ("plan", "rollover", "2014", "2015"),
             "Ej avslutade insatser förs över till 2015 års handlingsplan"),
    ]


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def run(workspace: str | None, echo: Callable[[str], None],
        invoke: Callable[[list[str]], int | None]) -> Path:
    """Replay the timetable into a fresh workspace and print what happens; `invoke` runs
    one `rsp` command line (the rsp command passes its own, in this process)."""

    folder = Path(workspace) if workspace else Path(tempfile.mkdtemp(prefix="rsp-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "rsp.db"
    if db.exists():
        raise SystemExit(f"{db} exists already; give an empty --workspace")
    saved = os.environ.get("RSP_USER")
    saved_transport = os.environ.get("RSP_MAIL_TRANSPORT")
    os.environ["RSP_MAIL_TRANSPORT"] = "file"  # the demo's reminders never reach a server
    refusals = 0
    try:
        for step in [*timetable(), *measure_steps()]:
            if step.note:
                echo(f"\n# {step.when}: {step.note}")
            argv = [a.replace(WORKSPACE, str(folder)) for a in step.args]
            echo("$ " + " ".join([f"RSP_USER={step.user}", "rsp", "--now", step.when,
                                  *map(_quote, argv)]))
            os.environ["RSP_USER"] = step.user
            code = invoke(["--db", str(db), "--now", step.when, *argv])
            code = code or 0
            if step.refused:
                refusals += 1
                if code == 0:
                    raise RuntimeError(f"demo step should have been refused: {step.args}")
            elif code != 0:
                raise RuntimeError(f"demo step failed: {step.args}")
        for args in (("status",), ("history",), ("audit", "verify")):
            echo(f"\n$ rsp --now {LOOK_AT} " + " ".join(args))
            invoke(["--db", str(db), "--now", LOOK_AT, *args])
    finally:
        if saved is None:
            os.environ.pop("RSP_USER", None)
        else:
            os.environ["RSP_USER"] = saved
        if saved_transport is None:
            os.environ.pop("RSP_MAIL_TRANSPORT", None)
        else:
            os.environ["RSP_MAIL_TRANSPORT"] = saved_transport
    echo(f"\nDemo done: {refusals} refused attempts shown, all audited.")
    echo(f"The database is {db}")
    mails = sorted((folder / OUTBOX).glob("*.eml"))
    echo(f"Reminders: {len(mails)} e-mails written as .eml files to {folder / OUTBOX} "
         f"(open one in a mail program; 'rsp --db {db} outbox list' shows them all)")
    echo(f"The steering group's digest as of the adoption (2023-05-23): {folder / DIGEST}")
    echo(f"Look around:  rsp --db {db} status   |   rsp --db {db} history")
    return db
