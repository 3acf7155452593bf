"""`rsp demo`, the remiss and the decisions: the remiss November 2022 – February 2023 with
its replies (one late, two missing), the board's decisions becoming final (laga kraft),
and the yearly action plan delegated to the regional development director.

Reply dates, minutes dates and the delegated decision's diary number are plausible, not
the real ones; the adoption 2023-05-23 § 89 is real.
"""

from __future__ import annotations

from process.demo.steps import DIARY, OUTBOX, WORKSPACE, Step

WG, BOARD, DIRECTOR = "processledare", "sekreterare", "utvecklingsdirektor"
START, REMISS, ADOPTION = 1, 2, 3  # the decisions' ids: the order they are recorded in


def minutes(decision: int, approved: str, announced: str, note: str = "") -> list[Step]:
    """The board secretary records the minutes approved (justerat), then announced."""
    return [
        Step(
            approved,
            BOARD,
            ("decision", "approve-minutes", str(decision), "--date", approved),
            note,
        ),
        Step(announced, BOARD, ("decision", "announce", str(decision), "--date", announced)),
    ]


def _reply(day: str, body: str, position: str, summary: str = "", note: str = "") -> Step:
    extra = ("--summary", summary) if summary else ()
    return Step(
        day, WG, ("remiss", "reply", body, "--received", day, "--position", position, *extra), note
    )


def remiss_steps() -> list[Step]:
    """Open the remiss, record the replies, close it, compile it."""
    return [
        Step(
            "2022-11-25",
            WG,
            (
                "remiss",
                "open",
                "kommunerna",
                "lansstyrelsen",
                "miun",
                "-m",
                "Remissutgåvan av RSP 2022-2030",
            ),
            "Remissen skickas till kommunerna, Länsstyrelsen och Mittuniversitetet; "
            "svarsdatum tre månader fram, flyttat till närmaste vardag",
        ),
        *minutes(
            REMISS, "2022-11-29", "2022-11-30", "Protokollet med remissbeslutet justeras och anslås"
        ),
        Step(
            "2023-01-10",
            WG,
            ("remiss", "status"),
            "Hur många arbetsdagar har remisstiden? (julen tar två)",
        ),
        _reply("2023-02-10", "krokom", "agrees"),
        Step(
            "2023-02-13",
            "it-admin",
            ("remind", "run-once", "--outbox-dir", f"{WORKSPACE}/{OUTBOX}"),
            "Svarsdatum 27 februari: påminnelse 14 dagar före till dem som inte har svarat",
        ),
        _reply(
            "2023-02-15",
            "ostersund",
            "comments",
            "Vill se fler åtgärder för drivmedelsstationer i glesbygd",
        ),
        Step(
            "2023-02-16",
            WG,
            ("remiss", "close"),
            "Arbetsgruppen vill stänga remissen innan svarsdatum — alla har inte svarat",
            refused=True,
        ),
        _reply(
            "2023-02-20",
            "lansstyrelsen",
            "comments",
            "Tydligare koppling till länsstyrelsens stöd till kommersiell service; mätbara delmål",
        ),
        _reply("2023-02-22", "berg", "agrees"),
        _reply("2023-02-23", "are", "no-comments"),
        _reply("2023-02-24", "harjedalen", "comments", "Betona varuförsörjning till fjällbyarna"),
        _reply("2023-02-27", "stromsund", "agrees"),
        _reply(
            "2023-03-03",
            "miun",
            "comments",
            "Erbjuder stöd med uppföljning och indikatorer",
            "Mittuniversitetets svar kommer efter svarsdatum: det tas emot och markeras som sent",
        ),
        Step(
            "2023-03-10",
            WG,
            ("remiss", "close", "-m", "Förslaget revideras efter remissen"),
            "Svarsdatum har passerat: Bräcke och Ragunda registreras som 'inget svar'",
        ),
        Step("2023-03-10", WG, ("remiss", "compile", "--format", "md"), "Remissammanställningen"),
    ]


def report_delegations() -> Step:
    """The delegated decisions reported to the board (anmälan av delegationsbeslut)."""
    return Step(
        "2024-02-20",
        BOARD,
        ("delegations", "report", "--since", "2023-06-01"),
        "Delegationsbesluten anmäls till nämnden",
    )


def finality_steps() -> list[Step]:
    """The adoption's minutes, the delegation, implementation once the decision is final."""
    return [
        *minutes(
            ADOPTION,
            "2023-05-30",
            "2023-05-31",
            "Protokollet från 23 maj justeras; överklagandetiden (tre veckor) börjar "
            "när det anslås",
        ),
        Step(
            "2023-05-31",
            "it-admin",
            (
                "people",
                "add",
                DIRECTOR,
                "--name",
                "Anna Regional utvecklingsdirektör",
                "--email",
                "utvecklingsdirektor@regionjh.example",
            ),
        ),
        Step(
            "2023-05-31",
            BOARD,
            (
                "delegate",
                "action_plan",
                "--to",
                DIRECTOR,
                "--decision",
                f"2023-05-23 § 89 {DIARY}",
                "-m",
                "Årliga handlingsplaner fastställs av regional utvecklingsdirektör",
            ),
            "Nämnden delegerade i § 89 de årliga handlingsplanerna",
        ),
        Step(
            "2023-06-01",
            WG,
            ("advance", "start_implementation", "-m", "Första årliga handlingsplanen tas fram"),
            "Arbetsgruppen vill starta genomförandet — beslutet har inte vunnit laga kraft",
            refused=True,
        ),
        Step("2023-06-01", WG, ("decision", "list", "--pending")),
        Step(
            "2023-06-26",
            WG,
            ("advance", "start_implementation", "-m", "Första årliga handlingsplanen tas fram"),
            "Fastställelsebeslutet vann laga kraft 22 juni: genomförandet startar",
        ),
        Step(
            "2023-11-14",
            DIRECTOR,
            (
                "decide",
                "action_plan",
                "--decision",
                "2023-11-14 RUN/1187/2023",
                "-m",
                "Handlingsplan 2024 för regionalt serviceprogram fastställs",
            ),
            "Regional utvecklingsdirektör fastställer handlingsplanen 2024 på delegation",
        ),
    ]
