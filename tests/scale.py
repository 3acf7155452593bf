"""The scale database: all 21 Swedish regions' programmes, 8 yearly plans × 200 measures each.

Built through the services a user's commands call (`setup.init` with the bundled drafting
definition, `setup.add_person`, `bodies.apply_bodies`, `plans.apply_plan`): 21 programmes,
63 people, 210 bodies, 168 plans, 33,600 measures with 50,400 dated targets, 67,200
responsible-body links and one audit row per created measure.

Then eight years of history are laid down in bulk, for speed: measures of the finished
plans (2023-2028) are followed up, carried over or cancelled, the 2029 plan is in its
follow-up, the 2030 plan under way. Each change of state gets its `transition` audit row
with the real hash chain (`audit.row_hash`), so the chain verifies as if the engine had
written it. On the day the benchmarks and the soak look at (Wednesday 2030-03-06) about
1 % of the dated targets have a reminder due.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import zlib
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa

from process.access import audit, capabilities, people, unit_of_work
from process.bodies import bodies
from process.bodies.bodies_file import Body
from process.core.clock import FixedClock
from process.plans import plan_import as plans
from process.plans.plan_file import ActionPlan, Area, Deadline, Goal, Measure
from process.programme import setup
from process.storage.database import Database
from process.storage.plan_tables import Measure as MeasureRow
from tests.support import at

REGIONS = (
    ("stockholm", "Region Stockholm"),
    ("uppsala", "Region Uppsala"),
    ("sormland", "Region Sörmland"),
    ("ostergotland", "Region Östergötland"),
    ("jonkoping", "Region Jönköpings län"),
    ("kronoberg", "Region Kronoberg"),
    ("kalmar", "Region Kalmar län"),
    ("gotland", "Region Gotland"),
    ("blekinge", "Region Blekinge"),
    ("skane", "Region Skåne"),
    ("halland", "Region Halland"),
    ("vastra-gotaland", "Västra Götalandsregionen"),
    ("varmland", "Region Värmland"),
    ("orebro", "Region Örebro län"),
    ("vastmanland", "Region Västmanland"),
    ("dalarna", "Region Dalarna"),
    ("gavleborg", "Region Gävleborg"),
    ("vasternorrland", "Region Västernorrland"),
    ("jamtland-harjedalen", "Region Jämtland Härjedalen"),
    ("vasterbotten", "Region Västerbotten"),
    ("norrbotten", "Region Norrbotten"),
)
YEARS = tuple(range(2023, 2031))
PER_PLAN = 200
AREAS = 8  # 25 measures each, A-Y: a measure's code is <area>.<LETTER>
KOMMUNER = 8
TODAY = dt.date(2030, 3, 6)  # a Wednesday: the day the benchmarks and the soak look at
NOW = at(TODAY.isoformat(), 10)
ADMIN = "it-admin"
OPEN = ("planned", "ongoing", "postponed")


def programme_key(slug: str) -> str:
    return f"rsp-{slug}"


def lead(slug: str) -> str:
    """The process lead's login (working_group) in a region."""
    return f"processledare-{slug}"


def _bodies(slug: str) -> list[Body]:
    domain = f"{slug}.example"
    kommuner = [
        Body(f"kommun-{k}", f"Kommun {k}", "kommun", (f"kommun{k}@{domain}",))
        for k in range(1, KOMMUNER + 1)
    ]
    return [
        Body("lansstyrelsen", "Länsstyrelsen", "myndighet", (f"lst@{domain}",)),
        Body("region", "Regionen", "region", (f"rsp@{domain}", f"naringsliv@{domain}")),
        *kommuner,
        Body("kommunerna", "Länets kommuner", "group", (), tuple(b.key for b in kommuner)),
    ]


def deadlines_of(year: int, n: int) -> tuple[Deadline, ...]:
    """Measure n's dated targets in its plan's year: one to two, spread over the year."""
    first = dt.date(year, 1, 15) + dt.timedelta(days=(n * 37) % 330)
    if n % 2:
        return (Deadline(first, f"Delmål {n}"),)
    return (Deadline(first, f"Delmål {n}"), Deadline(dt.date(year, 12, 31), "Klart"))


def action_plan(slug: str, year: int) -> ActionPlan:
    """A plan of PER_PLAN measures in AREAS areas, lead body first, the group sometimes."""
    areas = []
    per_area = PER_PLAN // AREAS
    for a in range(1, AREAS + 1):
        goals = tuple(Goal(f"{a}.{g}", f"Mål {a}.{g}") for g in range(1, 4))
        measures = []
        for i in range(per_area):
            n = (a - 1) * per_area + i
            responsible = (
                ("region", "lansstyrelsen")
                if n % 3 == 0
                else (f"kommun-{n % KOMMUNER + 1}", "region")
                if n % 3 == 1
                else ("lansstyrelsen", "kommunerna")
            )
            measures.append(
                Measure(
                    id=f"{a}.{chr(65 + i)}",
                    area=a,
                    title=f"Insats {a}.{chr(65 + i)} {year}",
                    subgoal=f"Delmål för insats {a}.{chr(65 + i)}",
                    goals=(goals[i % 3].id,),
                    activities=("Kartläggning", "Dialog med kommunerna"),
                    responsible=responsible,
                    financing=("1:1 anslaget",),
                    deadlines=deadlines_of(year, n),
                    line=0,
                )
            )
        areas.append(
            Area(
                a,
                f"Område {a}",
                f"Prioriterat område {a} i {slug}.",
                ("Exempel på insats",),
                goals,
                tuple(measures),
            )
        )
    text = f"{slug}:{year}"
    return ActionPlan(
        year=year,
        title=f"Handlingsplan {year}",
        issuer="region",
        starts=dt.date(year, 1, 1),
        followup=f"Uppföljning i början av {year + 1}.",
        areas=tuple(areas),
        source=f"scale/{slug}-{year}.yaml",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def plan_file(plan: ActionPlan) -> str:
    """The plan as an action-plan file `rsp plan import` reads (JSON is YAML)."""

    def measure(m: Measure) -> dict[str, Any]:
        return {
            "id": m.id,
            "title": m.title,
            "subgoal": m.subgoal,
            "goals": list(m.goals),
            "activities": list(m.activities),
            "responsible": list(m.responsible),
            "financing": list(m.financing),
            "deadlines": [{"date": d.date.isoformat(), "text": d.text} for d in m.deadlines],
        }

    return json.dumps(
        {
            "plan": {
                "year": plan.year,
                "title": plan.title,
                "issuer": plan.issuer,
                "starts": plan.starts.isoformat(),
                "followup": plan.followup,
            },
            "areas": [
                {
                    "number": a.number,
                    "title": a.title,
                    "description": a.description,
                    "examples": list(a.examples),
                    "goals": [{"id": g.id, "title": g.title} for g in a.goals],
                    "measures": [measure(m) for m in a.measures],
                }
                for a in plan.areas
            ],
        },
        ensure_ascii=False,
        indent=1,
    )


def with_target_moved(plan: ActionPlan, codes: set[str]) -> ActionPlan:
    """The plan with the first dated target of each measure in `codes` a week after TODAY."""
    moved = Deadline(TODAY + dt.timedelta(days=7), "Flyttat delmål")

    def move(m: Measure) -> Measure:
        return replace(m, deadlines=(moved, *m.deadlines[1:])) if m.id in codes else m

    return replace(
        plan,
        areas=tuple(replace(a, measures=tuple(move(m) for m in a.measures)) for a in plan.areas),
    )


def history(year: int, code: str) -> tuple[str, ...]:
    """The states a measure passed through, ending in its state on TODAY."""
    h = zlib.crc32(code.encode()) % 100
    if year <= 2028:
        if h < 85:
            return ("ongoing", "done", "followed_up")
        return ("ongoing", "carried_over") if h < 95 else ("cancelled",)
    if year == 2029:
        if h < 50:
            return ("ongoing", "done", "followed_up")
        if h < 90:
            return ("ongoing", "done")
        return ("ongoing",)  # still open: overdue
    if h < 40:
        return ()  # planned
    if h < 85:
        return ("ongoing",)
    return ("postponed",) if h < 90 else ("ongoing", "done")


COMMENTS = {
    "followed_up": "Uppföljd: uppnått",
    "postponed": "Väntar på beslut",
    "cancelled": "Ersätts av annan insats",
}
TRIGGER = {
    ("planned", "ongoing"): "start",
    ("ongoing", "done"): "complete",
    ("done", "followed_up"): "follow_up",
    ("ongoing", "carried_over"): "carry_over",
    ("planned", "cancelled"): "cancel",
    ("planned", "postponed"): "postpone",
}


@dataclass
class Built:
    """What build() made and how long it took."""

    programmes: int
    measures: int
    deadlines: int
    audit_rows: int
    seconds: float


def build(db: Database, regions: tuple[tuple[str, str], ...] = REGIONS) -> Built:
    """Fill an empty database with the regions' programmes and eight years of plans."""
    import workflows

    start = time.perf_counter()
    clock = FixedClock(at("2023-01-02"))
    drafting = str(workflows.path_of("drafting"))
    for slug, region in regions:
        key = programme_key(slug)
        setup.init(
            db,
            clock,
            ADMIN,
            definition_file=drafting,
            key=key,
            name=f"Regionalt serviceprogram 2023–2030, {region}",
            region=region,
            replay=True,
        )
        for login, role in (
            (f"sekreterare-{slug}", "board"),
            (lead(slug), "working_group"),
            (f"ordforande-{slug}", "steering_group"),
        ):
            setup.add_person(
                db, clock, ADMIN, key, login, login.title(), f"{login}@{slug}.example", [role]
            )
        unit_of_work.write(
            db,
            clock,
            ADMIN,
            key,
            "bodies.import",
            lambda w, s=slug: bodies.apply_bodies(as_admin(w), _bodies(s)),
        )
        for year in YEARS:
            unit_of_work.write(
                db,
                clock,
                ADMIN,
                key,
                "plan.import",
                lambda w, s=slug, y=year: plans.apply_plan(as_admin(w), action_plan(s, y)),
            )
    _lay_down_history(db)
    with db.engine.connect() as conn:
        n_measures = conn.execute(sa.text("SELECT count(*) FROM measure")).scalar_one()
        n_deadlines = conn.execute(sa.text("SELECT count(*) FROM measure_deadline")).scalar_one()
        n_audit = conn.execute(sa.text("SELECT count(*) FROM audit_event")).scalar_one()
    return Built(len(regions), n_measures, n_deadlines, n_audit, time.perf_counter() - start)


def as_admin(w: unit_of_work.Work) -> unit_of_work.Work:
    """The work, done in the administrator's role (the builder is the admin)."""
    w.require(capabilities.MANAGE_PLANS, "build the scale database", as_role=people.ADMIN)
    return w


def _lay_down_history(db: Database) -> int:
    """Move every measure to its state on TODAY; one chained audit row per transition."""
    m = MeasureRow.__table__  # type: ignore[attr-defined]
    with db.write() as session:
        conn = session.connection()
        rows = conn.execute(
            sa.text(
                "SELECT m.id, m.code, p.year, p.programme_id, pr.key FROM measure m "
                "JOIN action_plan p ON p.id = m.plan_id "
                "JOIN programme pr ON pr.id = p.programme_id "
                "ORDER BY p.year, pr.id, m.id"
            )
        ).all()
        updates = []
        events: dict[int, list[dict]] = {}
        for mid, code, year, prog_id, key in rows:
            states = history(year, code)
            state, when = "planned", dt.datetime(year, 2, 1, 9, tzinfo=dt.UTC)
            for new in states:
                when += dt.timedelta(days=60 if new != "followed_up" else 120)
                events.setdefault(prog_id, []).append(
                    {
                        "at": when,
                        "recorded_at": when,
                        "actor": lead(key.removeprefix("rsp-")),
                        "role": "working_group",
                        "action": "transition",
                        "programme_id": prog_id,
                        "subject": f"measure:{mid}",
                        "trigger": TRIGGER.get((state, new), "complete"),
                        "from_state": state,
                        "to_state": new,
                        "comment": COMMENTS.get(new),
                    }
                )
                state = new
            if states:
                updates.append(
                    {"mid": mid, "state": state, "since": when, "version": len(states) + 1}
                )
        conn.execute(
            sa.update(m)
            .where(m.c.id == sa.bindparam("mid"))
            .values(
                state=sa.bindparam("state"),
                state_since=sa.bindparam("since"),
                version=sa.bindparam("version"),
            ),
            updates,
        )
        for programme_events in events.values():  # one chain per programme
            for chunk in range(0, len(programme_events), 5000):
                audit.append_many(session, programme_events[chunk : chunk + 5000])
    return sum(len(e) for e in events.values())
