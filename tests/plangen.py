"""Generated action plans of any size, for tests and benchmarks (valid against the example
bodies: lansstyrelsen, regionforbundet, kommunerna)."""

from __future__ import annotations

import datetime as dt
import string

PER_AREA = 25  # letters A..Y


def plan_yaml(year: int, measures: int, title: str = "Insats") -> str:
    """A valid plan file with `measures` measures, 25 per area, deadlines spread over the year."""
    lines = [
        "plan:",
        f"  year: {year}",
        f"  title: Genererad plan {year}",
        "  issuer: lansstyrelsen",
        f"  starts: {year}-01-01",
        "areas:",
    ]
    n = 0
    area = 0
    while n < measures:
        area += 1
        lines += [
            f"  - number: {area}",
            f"    title: Område {area}",
            "    goals:",
            f'      - {{id: "{area}.1", title: "Mål {area}.1"}}',
            "    measures:",
        ]
        for letter in string.ascii_uppercase[:PER_AREA]:
            if n >= measures:
                break
            due = dt.date(year, 1, 1) + dt.timedelta(days=(n * 7) % 365)
            lines += [
                f'      - id: "{area}.{letter}"',
                f"        title: {title} {n}",
                "        subgoal: Delmål",
                f'        goals: ["{area}.1"]',
                "        activities: [Aktivitet]",
                "        responsible: [lansstyrelsen, kommunerna]",
                '        financing: ["1:1 anslaget"]',
                f"        deadlines: [{{date: {due.isoformat()}, text: Klart}}]",
            ]
            n += 1
    return "\n".join(lines) + "\n"
