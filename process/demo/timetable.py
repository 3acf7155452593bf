"""`rsp demo`: the two programmes of Jämtland as they were. First the earlier programme
(RSP 2014-2020, drawn up by Länsstyrelsen Jämtlands län, in force from 1 April 2014): a
year of its 2014 action plan (progress, the year-end follow-up, carry-over into 2015).
Then Region Jämtland Härjedalen's programme 2022-2030: its drafting timetable 2021-2023,
the adoption (23 May 2023 § 89), the delegated 2024 action plan (illustrative) and the
first months of 2024.

Every step runs a real `rsp` command (in this process, for speed) with `--now` set to
the day it happened, and prints it as a user would type it. Paragraph numbers other
than the adoption (§ 89), the people and the measures' progress are illustrative.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from process.demo.remiss_steps import (
    START,
    finality_steps,
    minutes,
    remiss_steps,
    report_delegations,
)
from process.demo.steps import (
    DIARY,
    DIGEST,
    DIGEST_2024,
    EARLIER,
    EARLIER_LOOK_AT,
    LOOK_AT,
    OUTBOX,
    PROGRAMME,
    WORKSPACE,
    Step,
)


def _people(example: str, when: str) -> list[Step]:
    from process.programme import programmes

    _spec, _wf, people = programmes.load_example(example)
    steps = []
    for p in people:
        roles = (
            [] if "steering_group" in p["roles"] else [a for r in p["roles"] for a in ("--role", r)]
        )
        steps.append(
            Step(
                when,
                "it-admin",
                ("people", "add", p["login"], "--name", p["name"], "--email", p["email"], *roles),
            )
        )
        if p.get("body"):
            steps.append(Step(when, "it-admin", ("bodies", "member", p["body"], p["login"])))
    return steps


def _adv(
    when: str,
    user: str,
    trigger: str,
    comment: str = "",
    decision: str = "",
    note: str = "",
    refused: bool = False,
) -> Step:
    args: list[str] = ["advance", trigger]
    if comment:
        args += ["-m", comment]
    if decision:
        args += ["--decision", decision]
    return Step(when, user, tuple(args), note, refused)


def _remind(when: str, note: str) -> Step:
    """The reminder sweep as cron runs it: queue what is due, write it as .eml files."""
    return Step(
        when, "it-admin", ("remind", "run-once", "--outbox-dir", f"{WORKSPACE}/{OUTBOX}"), note
    )


def _measure(
    when: str,
    user: str,
    code: str,
    trigger: str,
    comment: str = "",
    note: str = "",
    refused: bool = False,
) -> Step:
    return Step(
        when,
        user,
        ("measure", "advance", code, trigger, *(("-m", comment) if comment else ())),
        note,
        refused,
    )


def timetable() -> list[Step]:
    """The programme 2022-2030: the replayed drafting steps, in order."""

    wg, sz, sg, board = "processledare", "landsbygdsutvecklare", "ordforande", "sekreterare"
    return [
        Step(
            "2021-10-15",
            "it-admin",
            (
                "init",
                "--example",
                "jamtland-harjedalen",
                "--replay",
                "--admin-name",
                "IT-förvaltningen",
            ),
            "Regeringens erbjudande har kommit (oktober 2021): programmet 2022-2030 "
            "läggs upp bredvid det tidigare",
        ),
        *_people("jamtland-harjedalen", "2021-10-20"),
        _adv(
            "2022-02-01",
            wg,
            "decide_start",
            decision=f"2022-02-22 § 17 {DIARY}",
            note="Arbetsgruppen försöker registrera nämndens beslut — det får bara nämnden",
            refused=True,
        ),
        _remind(
            "2022-02-10",
            "Påminnelsesvepet (cron): nämndens startbeslut är planerat "
            "till 22 februari — påminnelse 14 dagar före, som .eml-filer",
        ),
        _adv(
            "2022-02-22",
            board,
            "decide_start",
            "Arbetet påbörjas; nämndens presidium utses till styrgrupp",
            f"2022-02-22 § 17 {DIARY}",
            "Nämnden beslutar att påbörja arbetet",
        ),
        Step(
            "2022-02-22",
            "it-admin",
            ("people", "grant", "ordforande", "steering_group"),
            "Styrgruppen (presidiet) utses",
        ),
        Step("2022-02-22", "it-admin", ("people", "grant", "vice-ordforande", "steering_group")),
        _adv(
            "2022-03-01", wg, "begin_drafting", "Uppstart i enheten Näringsliv och samhällsbyggnad"
        ),
        *minutes(START, "2022-03-01", "2022-03-02"),
        _adv(
            "2022-03-15",
            sz,
            "consult_service_z",
            "Service-Z: uppstart, kommunala serviceplaner och nulägesbeskrivning",
        ),
        _adv("2022-04-05", sg, "check_in_steering_group", "Styrgruppen: tidplan och upplägg"),
        _adv("2022-05-10", sz, "consult_service_z", "Service-Z: SWOT per kommun"),
        _adv(
            "2022-06-15",
            wg,
            "record_analysis",
            "Strukturanalys, Pipos serviceanalys, "
            "SWOT och utvärdering av programmet 2014-2020 klara",
        ),
        _adv("2022-09-13", sz, "consult_service_z", "Service-Z: prioriteringar och trender"),
        _adv("2022-09-27", sg, "check_in_steering_group", "Styrgruppen: utkast till program"),
        _adv("2022-10-18", sz, "consult_service_z", "Service-Z: synpunkter på utkastet"),
        _adv(
            "2022-11-08",
            board,
            "decide_remiss",
            "Remissutgåva",
            note="Sekreteraren glömmer beslutsreferensen",
            refused=True,
        ),
        _remind(
            "2022-11-16",
            "Remissbeslutet och remissen är planerade till 30 november: "
            "påminnelser till nämnden och arbetsgruppen, styrgruppen i kopia",
        ),
        _adv(
            "2022-11-22",
            board,
            "decide_remiss",
            "Remissutgåvan godkänns",
            f"2022-11-22 § 152 {DIARY}",
            "Nämnden beslutar om remissutgåva",
        ),
        *remiss_steps(),
        _remind(
            "2023-04-17",
            "Antagandet är planerat till 30 april: påminnelse 14 dagar "
            "före (16 april är en söndag, så den går måndag morgon)",
        ),
        _remind(
            "2023-05-08",
            "30 april passerade utan beslut: veckovis påminnelse om försenat antagande",
        ),
        _adv(
            "2023-05-23",
            board,
            "adopt",
            "RSP 2023-2030 fastställs; årliga handlingsplaner "
            "delegeras till regional utvecklingsdirektör",
            f"2023-05-23 § 89 {DIARY}",
            "Nämnden fastställer programmet (23 maj 2023 § 89)",
        ),
        Step(
            "2023-05-23",
            wg,
            ("digest", "--out", f"{WORKSPACE}/{DIGEST}"),
            "Styrgruppens veckorapport per antagandedagen (HTML, som i mejlet)",
        ),
        *finality_steps(),
        *plan_2024_steps(),
    ]


def plan_2024_steps() -> list[Step]:
    """The first action plan of the programme 2022-2030 (illustrative) in use, 2024."""
    import workflows

    wg, lst = "processledare", "handlaggare"
    plan = str(workflows.example_dir("jamtland-harjedalen") / "actionplan-2024.yaml")
    return [
        Step(
            "2023-11-15",
            wg,
            ("plan", "import", plan, "--year", "2024"),
            "Den beslutade handlingsplanen 2024 läggs in (illustrativ: planen är påhittad "
            "utifrån programmets prioriteringar)",
        ),
        Step(
            "2023-11-15",
            "it-admin",
            ("bodies", "member", "lansstyrelsen", lst),
            "Länsstyrelsens handläggare knyts till Länsstyrelsen även i det nya programmet",
        ),
        _remind("2024-02-15", "4.A ska vara klar 29 februari: påminnelse 14 dagar före"),
        _measure("2024-02-19", wg, "4.A", "start", "Avståndsberäkningar beställda"),
        report_delegations(),
        _measure(
            "2024-03-05", wg, "4.A", "complete", "Serviceanalysen klar, fem dagar efter tidsmålet"
        ),
        _measure("2024-03-11", lst, "1.B", "start", "Information om stödmöjligheter utskickad"),
        Step("2024-03-25", lst, ("measure", "note", "1.B", "Fyra ansökningar om stöd inkomna")),
        _remind(
            "2024-04-08", "3.A skulle vara klar 28 mars: veckovis påminnelse om försenad insats"
        ),
        Step("2024-04-08", wg, ("measures", "list", "--overdue"), "Vilka insatser är försenade?"),
        Step(
            LOOK_AT,
            wg,
            ("digest", "--out", f"{WORKSPACE}/{DIGEST_2024}"),
            "Styrgruppens veckorapport i april 2024",
        ),
    ]


def _followup(follow: Callable[[str, str, str, str], Step]) -> list[Step]:
    """The year-end follow-up of every measure of 2014, from the example's (illustrative)
    followup-2014.yaml."""
    import workflows
    from process.core import yamlsrc

    data, _raw = yamlsrc.load(workflows.example_dir("jamtland-2014-2020") / "followup-2014.yaml")
    note = "Årsuppföljning: utfall mot delmålen för alla 17 insatser (utfallen är illustrativa)"
    return [
        follow(str(f["code"]), str(f["outcome"]), str(f["comment"]), note if i == 0 else "")
        for i, f in enumerate(data["followup"])
    ]


def earlier_steps() -> list[Step]:
    """The earlier programme 2014-2020: the 2014 action plan in use, progress,
    completion, notes, the year-end follow-up and the carry-over into 2015."""
    wg, lst = "lst-processledare", "handlaggare"

    def follow(code: str, outcome: str, comment: str, note: str = "") -> Step:
        return Step(
            "2015-01-20",
            wg,
            ("followup", "record", code, "--outcome", outcome, "--comment", comment),
            note,
        )

    return [
        Step(
            "2014-04-01",
            "it-admin",
            (
                "init",
                "--example",
                "jamtland-2014-2020",
                "--replay",
                "--admin-name",
                "IT-förvaltningen",
            ),
            "Regionalt serviceprogram 2014-2020, framtaget av Länsstyrelsen Jämtlands län, "
            "träder i kraft 1 april 2014 med handlingsplanen 2014",
        ),
        *_people("jamtland-2014-2020", "2014-04-01"),
        _remind(
            "2014-04-16",
            "1.A ska vara klar 30 april: påminnelse till Regionförbundet "
            "(ledande), kopia till kommunerna, Länsstyrelsen och dess handläggare",
        ),
        Step(
            "2014-04-20",
            wg,
            ("measures", "list", "--due-within", "14"),
            "Vad ska vara klart inom två veckor?",
        ),
        _measure(
            "2014-04-22", lst, "1.A", "start", "Kartläggning av fiber till butiksorter påbörjad"
        ),
        _measure(
            "2014-04-25",
            lst,
            "1.B",
            "start",
            note="Handläggaren försöker starta 1.B, "
            "där Länsstyrelsen inte är ansvarig — det får hon inte",
            refused=True,
        ),
        _measure(
            "2014-05-02",
            lst,
            "1.A",
            "complete",
            "Kartläggningen klar, två dagar efter tidsmålet",
            note="Insatser rapporteras genomförda",
        ),
        _measure("2014-05-02", lst, "2.B", "start", "Information om stödmöjligheter utskickad"),
        Step("2014-09-15", lst, ("measure", "note", "2.B", "Tolv ansökningar om stöd handlagda")),
        _measure("2014-10-01", wg, "4.C", "postpone", "Utredningen är försenad till 2015"),
        _measure(
            "2014-12-10",
            lst,
            "2.B",
            "complete",
            "Stöd beviljat till nio butiker och två drivmedelsstationer",
        ),
        *_followup(follow),
        Step(
            "2015-01-25",
            wg,
            ("followup", "report", "--year", "2014", "--format", "md"),
            "Uppföljningsrapporten till Tillväxtverket",
        ),
        _adv(
            "2015-01-26", wg, "report_followup", "Uppföljningen 2014 redovisad till Tillväxtverket"
        ),
        Step(
            EARLIER_LOOK_AT,
            wg,
            ("plan", "rollover", "2014", "2015"),
            "Ej avslutade insatser förs över till 2015 års handlingsplan",
        ),
    ]


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def run(
    workspace: str | None, echo: Callable[[str], None], invoke: Callable[[list[str]], int | None]
) -> Path:
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
        for key, steps, look_at in (
            (EARLIER, earlier_steps(), EARLIER_LOOK_AT),
            (PROGRAMME, timetable(), LOOK_AT),
        ):
            for step in steps:
                if step.note:
                    echo(f"\n# {step.when}: {step.note}")
                argv = [a.replace(WORKSPACE, str(folder)) for a in step.args]
                chosen = [] if argv[0] == "init" else ["-p", key]
                echo(
                    "$ "
                    + " ".join(
                        [
                            f"RSP_USER={step.user}",
                            "rsp",
                            "--now",
                            step.when,
                            *chosen,
                            *map(_quote, argv),
                        ]
                    )
                )
                os.environ["RSP_USER"] = step.user
                code = invoke(["--db", str(db), "--now", step.when, *chosen, *argv]) or 0
                if step.refused:
                    refusals += 1
                    if code == 0:
                        raise RuntimeError(f"demo step should have been refused: {step.args}")
                elif code != 0:
                    raise RuntimeError(f"demo step failed: {step.args}")
            for args in (("status",), ("history",)):
                echo(f"\n$ rsp --now {look_at} -p {key} " + " ".join(args))
                invoke(["--db", str(db), "--now", look_at, "-p", key, *args])
        echo(f"\n$ rsp --now {LOOK_AT} audit verify")
        invoke(["--db", str(db), "--now", LOOK_AT, "audit", "verify"])
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
    echo(
        f"Reminders: {len(mails)} e-mails written as .eml files to {folder / OUTBOX} "
        f"(open one in a mail program; 'rsp --db {db} outbox list' shows them all)"
    )
    echo(f"The steering group's digest as of the adoption (2023-05-23): {folder / DIGEST}")
    echo(f"The steering group's digest of {LOOK_AT}: {folder / DIGEST_2024}")
    echo(f"Two programmes: {EARLIER} (the earlier one, 2014-2020) and {PROGRAMME}.")
    echo(
        f"Look around:  rsp --db {db} -p {PROGRAMME} status   |   "
        f"rsp --db {db} -p {EARLIER} followup report --year 2014"
    )
    return db
