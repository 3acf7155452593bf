"""What the limits on a region's own templates cost per rendered reminder.

A reminder to two recipients (`render_each`: both mail parts rendered once, the names
put in) with the bundled templates, which render in-process, against the same templates
copied into a user directory (RSP_TEMPLATE_DIR), which render in the limited worker
process: one request for both parts. Reported, not held to a target; the worker's start
(once per process) is reported beside it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from notifications.cli.templates import families
from notifications.reminders.reminder_mail import render_each
from process.reports import template_limits, template_tools, templating
from tests.bench.benchutil import alternating, fast, report, summary
from tests.unit.test_templating import reminder_due

pytestmark = pytest.mark.bench

BATCHES, PER_BATCH, WARMUP = 15, 200, 200


@pytest.fixture
def user_dir(tmp_path: Path) -> Iterator[Path]:
    template_tools.export(families(), str(tmp_path / "tpl"))
    yield tmp_path / "tpl"
    templating.configure(None)


def test_rendering_a_reminder_with_and_without_a_user_template_directory(user_dir: Path):
    due, _item = reminder_due()
    recipients = due.recipients()

    def bundled() -> None:
        templating.configure(None)
        render_each(due, recipients, "sv", "RSP 2022-2030")

    def user() -> None:
        templating.configure(str(user_dir))
        render_each(due, recipients, "sv", "RSP 2022-2030")

    template_limits.set_limits(None)  # a fresh worker: time its start
    templating.configure(str(user_dir))
    started = time.perf_counter()
    user()
    start = time.perf_counter() - started
    assert user_dir.joinpath("reminder.sv.txt").is_file()
    user_times, bundled_times = alternating(user, bundled, BATCHES, PER_BATCH, WARMUP)
    report(
        "reminder render, user templates (worker) vs bundled (in-process)",
        fast(user_times),
        fast(bundled_times),
        None,
        user=summary(user_times),
        bundled=summary(bundled_times),
        worker_start_ms=round(start * 1000, 1),
        extra_us_per_reminder=round((fast(user_times) - fast(bundled_times)) * 1e6, 1),
    )
