"""A region's own templates run in a limited child process: a template that works too
long, allocates too much or writes too much is stopped and reported with its file
(and line); it cannot hang or exhaust rsp, not even while it is being compiled (Jinja
folds constants then), and it is refused at once afterwards until its file changes.
Bundled templates render in-process as before.

The CPU limit is CPU time of the worker, not wall-clock time: the bad templates here
would run for hours (or need 10 GB), the good ones take milliseconds, so a loaded
machine cannot make either test flip."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from notifications.cli.templates import families
from notifications.digest import render as digest_render
from notifications.digest.template_samples import digest_data
from notifications.reminders.reminder_mail import render, render_each
from process.reports import template_limits, template_tools, templating
from process.reports.templating import TemplateProblem
from tests.unit.test_templating import reminder_due

LOOPS = (
    'Hej {{ name }}\n{% for a in "x" * 100000 %}{% for b in "x" * 100000 %}'
    "{% endfor %}{% endfor %}\n"
)
CPU = 3.0  # seconds of CPU time: the bad loop needs ~10^10 steps, good ones ~1 ms
HANG_GUARD = 120  # seconds: only a hang makes a test wait this long


@pytest.fixture(autouse=True)
def limits() -> Iterator[None]:
    template_limits.set_limits(template_limits.Limits(cpu_seconds=CPU, memory_mb=256, output_mb=1))
    yield
    template_limits.resume()
    template_limits.set_limits(None)
    templating.configure(None)


@pytest.fixture
def tpl(tmp_path: Path) -> Path:
    d = tmp_path / "tpl"
    d.mkdir()
    templating.configure(str(d))
    return d


class CountingWorker(template_limits._Worker):
    started = 0

    def __init__(self, limits: template_limits.Limits) -> None:
        CountingWorker.started += 1
        super().__init__(limits)


def test_a_template_that_runs_too_long_is_stopped_with_its_file_and_line(tpl, monkeypatch):
    monkeypatch.setattr(template_limits, "_Worker", CountingWorker)
    (tpl / "reminder.sv.txt").write_text(LOOPS, encoding="utf-8")
    due, item = reminder_due()
    with pytest.raises(TemplateProblem) as caught:
        render(due, item.to[0], "to", "sv")
    assert str(caught.value).startswith(
        f"template {tpl}/reminder.sv.txt:2: stopped: it used more than 3 s of CPU time "
        "(the limit, RSP_TEMPLATE_CPU_SECONDS) (your template: fix it"
    )
    # the next reminders are refused at once, without a worker spending its CPU again
    started = CountingWorker.started
    for _ in range(3):
        with pytest.raises(TemplateProblem, match="3 s of CPU time"):
            render_each(due, due.recipients(), "sv")
    assert CountingWorker.started == started
    # a changed file gets a new chance
    (tpl / "reminder.sv.txt").write_text("Hej {{ name }}\n", encoding="utf-8")
    assert render(due, item.to[0], "to", "sv").text == "Hej Anna <script>alert('rsp')</script>\n"


@pytest.mark.parametrize(
    "source",
    [
        'Hej {{ "x" * 10**10 }}',  # at run time
        '{% set s = "x" * 10**5 %}{{ s * 10**5 }}',
        '\n{{ "x" | center(10**10) }}',  # folded while compiling: in the worker, not here
        '{{ "%s" | format("x" * 10**9) }}',
    ],
)
def test_a_template_that_allocates_too_much_is_stopped(tpl, source):
    (tpl / "reminder.sv.txt").write_text(source, encoding="utf-8")
    due, item = reminder_due()
    with pytest.raises(
        TemplateProblem,
        match=rf"template {tpl}/reminder\.sv\.txt(:\d)?: "
        r"stopped: it needs more than 256 MiB of memory",
    ):
        render(due, item.to[0], "to", "sv")


def test_a_template_whose_text_is_too_long_is_stopped(tpl):
    (tpl / "digest.md").write_text(
        '{% for i in range(3000) %}{{ "y" * 1000 }}\n{% endfor %}', encoding="utf-8"
    )
    with pytest.raises(
        TemplateProblem,
        match=rf"template {tpl}/digest\.md: stopped: its "
        r"text is longer than 1 MiB",
    ):
        digest_render.render(digest_data("sv"), "md")
    (tpl / "digest.md").write_text(
        '{% for i in range(300) %}{{ "y" * 1000 }}\n{% endfor %}', encoding="utf-8"
    )
    assert len(digest_render.render(digest_data("sv"), "md")) == 300 * 1001


def test_bundled_templates_render_in_process_and_user_ones_in_the_worker(tpl, monkeypatch):
    """Without a file of the user's, no worker is started; bundled templates include no
    other template, so a user's file can never be pulled into an in-process render."""
    monkeypatch.setattr(template_limits, "_Worker", CountingWorker)
    template_limits.set_limits(template_limits.Limits(cpu_seconds=CPU))
    started = CountingWorker.started
    due, item = reminder_due()
    render(due, item.to[0], "to", "sv")
    digest_render.render(digest_data("sv"), "html")
    assert CountingWorker.started == started
    for family in families():
        for path in family.folder.iterdir():
            text = path.read_text(encoding="utf-8")
            for tag in ("include", "import", "extends", "from"):
                assert f"{{% {tag} " not in text and f"{{%- {tag} " not in text, path
    (tpl / "reminder.en.html").write_text("<p>{{ name }}</p>\n", encoding="utf-8")
    assert (
        render(due, item.to[0], "to", "en").html
        == "<p>Anna &lt;script&gt;alert(&#39;rsp&#39;)&lt;/script&gt;</p>\n"
    )
    assert CountingWorker.started == started + 1


def test_stop_ends_a_render_in_progress_at_once(tpl):
    """What the daemon does on SIGTERM: the render of a template that would run for ten
    minutes ends now, and user templates are refused until resumed."""
    template_limits.set_limits(template_limits.Limits(cpu_seconds=600))
    (tpl / "reminder.sv.txt").write_text(LOOPS, encoding="utf-8")
    due, item = reminder_due()
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            render(due, item.to[0], "to", "sv")
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    worker = wait_for_busy_worker()
    template_limits.stop()
    thread.join(HANG_GUARD)
    assert not thread.is_alive()
    assert [type(e) for e in outcome] == [TemplateProblem]
    assert "not rendered: rsp is stopping" in str(outcome[0])
    assert worker.proc.poll() is not None
    with pytest.raises(TemplateProblem, match="rsp is stopping"):
        render(due, item.to[0], "to", "sv")


def wait_for_busy_worker() -> template_limits._Worker:
    """The worker, once it has spent CPU time on the request (a condition, not a sleep
    for a fixed time)."""
    event = threading.Event()
    while True:
        worker = template_limits._state["worker"]
        if worker is not None and cpu_ticks(worker.proc.pid) > 50:  # 0.5 s at 100 Hz
            return worker
        event.wait(0.05)


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_check_reports_a_bad_template_and_renders_the_good_ones(tpl):
    template_tools.export(families(), str(tpl))
    (tpl / "reminder.en.txt").write_text(LOOPS, encoding="utf-8")
    report = template_tools.check(families(), str(tpl))
    assert report.problems == [
        f"template {tpl.resolve()}/reminder.en.txt:2: stopped: it used more than 3 s of CPU "
        "time (the limit, RSP_TEMPLATE_CPU_SECONDS) (your template: fix it, or remove it to "
        "use the bundled one)"
    ]
    assert "reminder (sv)" in report.rendered and "reminder (en)" not in report.rendered
    assert len(report.rendered) == 7


def test_the_limits_come_from_the_environment():
    limits = template_limits.Limits.from_env(
        {"RSP_TEMPLATE_CPU_SECONDS": "2.5", "RSP_TEMPLATE_MEMORY_MB": "300"}
    )
    assert limits == template_limits.Limits(2.5, 300, 16)
    with pytest.raises(TemplateProblem, match="must be numbers"):
        template_limits.Limits.from_env({"RSP_TEMPLATE_CPU_SECONDS": "ten"})
