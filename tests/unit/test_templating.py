"""User-editable templates: an override directory replaces bundled templates file by
file, everything renders in Jinja2's ImmutableSandboxedEnvironment, and a template that
cannot be loaded or rendered is a clear TemplateProblem naming its file and line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from notifications.cli.templates import families
from notifications.digest import render as digest_render
from notifications.digest.template_samples import digest_data
from notifications.reminders.reminder_mail import render, render_each
from process.core.errors import InvalidInput
from process.reports import followup, template_samples, template_tools, templating
from process.reports import remiss_compilation as remiss_report
from process.reports.templating import TemplateProblem

EVIL = "<script>alert('rsp')</script>"


@pytest.fixture(autouse=True)
def no_override() -> Iterator[None]:
    templating.configure(None)
    yield
    templating.configure(None)


@pytest.fixture
def tpl(tmp_path: Path) -> Path:
    d = tmp_path / "tpl"
    d.mkdir()
    templating.configure(str(d))
    return d


def reminder_due():
    from notifications.reminders.due import DeadlineItem, DueReminder, Recipient
    from process.core.clock import STOCKHOLM

    item = DeadlineItem(
        "measure",
        "measure:7",
        f"Insats {EVIL}",
        template_samples.D("2023-06-12"),
        (Recipient("a@x.example", f"Anna {EVIL}"),),
        (Recipient("b@x.example", "Bo"),),
        details=(("Delmål", "x"),),
    )
    due = DueReminder(
        item, "measure.before_7", item.due, item.due, dt.datetime(2023, 6, 5, 8, tzinfo=STOCKHOLM)
    )
    return due, item


def every_output() -> list[str]:
    return [out for family in families() for lang in ("sv", "en") for out in family.samples(lang)]


def test_an_exported_copy_renders_byte_for_byte_like_the_bundled_templates(tmp_path):
    bundled = every_output()
    written = template_tools.export(families(), str(tmp_path / "copy"))
    assert sorted(p.name for p in written) == sorted(templating.bundled(families()))
    templating.configure(str(tmp_path / "copy"))
    assert every_output() == bundled


def test_an_override_replaces_one_reminder_template_and_the_others_stay(tpl):
    due, item = reminder_due()
    templating.configure(None)
    before = render(due, item.to[0], "to", "sv")
    templating.configure(str(tpl))
    (tpl / "reminder.sv.txt").write_text(
        "Hej {{ name }}! {{ title }} senast {{ deadline_text }}\n-- Region Exempel\n",
        encoding="utf-8",
    )
    mail = render(due, item.to[0], "to", "sv")
    assert (
        mail.text == f"Hej Anna {EVIL}! Insats {EVIL} senast måndag 12 juni 2023\n"
        "-- Region Exempel\n"
    )  # text: not escaped
    assert mail.html == before.html and mail.subject == before.subject


def test_data_stays_escaped_in_an_overridden_html_template(tpl):
    due, item = reminder_due()
    (tpl / "reminder.sv.html").write_text("<p>Hej {{ name }}: {{ title }}</p>\n", encoding="utf-8")
    for mail in [render(due, item.to[0], "to", "sv"), *render_each(due, due.recipients(), "sv")]:
        assert not isinstance(mail, InvalidInput)
        assert "<script" not in mail.html and "&lt;script&gt;" in mail.html
    (tpl / "digest.html").write_text(
        "<h1>{{ programme }}</h1>{% for d in decisions %}{{ d.text }}{% endfor %}", encoding="utf-8"
    )
    html = digest_render.render(digest_data("sv"), "html")
    assert html == "<h1>RSP 2022-2030</h1>&lt;script&gt;alert(&#39;rsp&#39;)&lt;/script&gt;"


def test_overrides_of_the_digest_and_the_reports(tpl):
    (tpl / "digest.md").write_text("# {{ w('title') }} {{ programme }}\n", encoding="utf-8")
    (tpl / "followup_report.md").write_text(
        "{{ w('title', year=year) }}: {{ share }}\n", encoding="utf-8"
    )
    (tpl / "remiss_report.md").write_text("{{ missing[0].name | cell }}\n", encoding="utf-8")
    assert digest_render.render(digest_data("sv"), "md") == "# Veckorapport RSP 2022-2030\n"
    assert (
        followup.render(template_samples.followup_data("en"), "md")
        == "Follow-up of the action plan 2023: 0 av 1 (0 %)\n"
    )
    assert remiss_report.render(template_samples.remiss_data("sv"), "md") == f"{EVIL}\n"
    assert "<!DOCTYPE" in digest_render.render(digest_data("sv"), "html")


@pytest.mark.parametrize(
    "name,source,words",
    [
        (
            "digest.md",
            "x\n{{ ''.__class__.__mro__[1].__subclasses__() }}",
            "access to attribute '__class__' of 'str' object is unsafe",
        ),
        ("digest.md", "{{ w.func.__globals__ }}", "'__globals__' of 'function' object is unsafe"),
        ("digest.md", "{{ colour.__globals__['os'] }}", "'__globals__'"),
        ("digest.md", "{{ cycler.__init__.__globals__.os.popen('id').read() }}", "'__init__'"),
        ("digest.md", "\n\n{{ decisions.append(1) }}", "'append' of 'list' object is unsafe"),
        ("digest.md", "{% set x = period.update({'a': 1}) %}", "'update' of 'dict' object"),
        ("followup_report.md", "{{ areas[0].measures.pop() }}", "'pop' of 'list'"),
    ],
)
def test_the_sandbox_refuses_escapes_and_mutation_naming_the_line(tpl, name, source, words):
    (tpl / name).write_text(source, encoding="utf-8")
    by_name = {f.name: f.samples for f in families()}
    render_it = by_name["digest"] if name.startswith("digest") else by_name["followup_report"]
    with pytest.raises(TemplateProblem) as caught:
        render_it("sv")
    message = str(caught.value)
    line = source.count("\n", 0, source.index("{{" if "{{" in source else "{%")) + 1
    assert message.startswith(f"template {tpl / name}:{line}: refused by the sandbox:")
    assert words in message and "your template" in message


def test_a_syntax_error_and_an_undefined_name_say_file_and_line(tpl):
    (tpl / "reminder.sv.txt").write_text("Hej\n\n{% if name %}\nx\n", encoding="utf-8")
    due, item = reminder_due()
    with pytest.raises(
        TemplateProblem,
        match=rf"template {tpl}/reminder\.sv\.txt:4: syntax "
        "error: Unexpected end of template",
    ):
        render(due, item.to[0], "to", "sv")
    (tpl / "reminder.en.txt").write_text("Hi\n{{ nmae }}\n", encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"reminder\.en\.txt:2: 'nmae' is undefined"):
        render(due, item.to[0], "to", "en")


def test_a_broken_reminder_template_is_not_one_recipient_s_problem(tpl):
    """render_each turns a bad recipient into an InvalidInput in its list; a broken
    template must stop the whole sweep instead (so nothing is queued)."""
    (tpl / "reminder.sv.html").write_text("{{ to.append(1) }}", encoding="utf-8")
    due, _item = reminder_due()
    with pytest.raises(TemplateProblem):
        render_each(due, due.recipients(), "sv")


def test_a_missing_override_directory_is_refused(tmp_path):
    templating.configure(str(tmp_path / "nowhere"))
    due, item = reminder_due()
    with pytest.raises(TemplateProblem, match="RSP_TEMPLATE_DIR .*nowhere: no such directory"):
        render(due, item.to[0], "to", "sv")


def test_export_refuses_to_overwrite_unless_forced(tmp_path):
    target = tmp_path / "t"
    target.mkdir()
    (target / "digest.md").write_text("mine", encoding="utf-8")
    with pytest.raises(InvalidInput, match="1 file.* exist already, nothing written"):
        template_tools.export(families(), str(target))
    assert [p.name for p in target.iterdir()] == ["digest.md"]
    template_tools.export(families(), str(target), force=True)
    assert (target / "digest.md").read_text(encoding="utf-8") != "mine"
    assert len(list(target.iterdir())) == len(templating.bundled(families()))


def test_listing_and_check(tpl):
    (tpl / "digest.md").write_text("{{ programme }}\n", encoding="utf-8")
    (tpl / "partial.html").write_text("{{ 1 + }}", encoding="utf-8")
    listed = {t.name: (t.source, t.path) for t in template_tools.listing(families())}
    assert listed["digest.md"] == ("overridden", tpl.resolve() / "digest.md")
    assert listed["digest.html"][0] == "bundled"
    assert listed["partial.html"][0] == "extra"
    report = template_tools.check(families(), str(tpl))
    assert report.files == ["digest.md", "partial.html"]
    assert [p.split(": ", 1)[0] for p in report.problems] == [
        f"template {tpl.resolve()}/partial.html:1"
    ]
    assert "not the name of a bundled template" in report.notes[0]
    assert len(report.rendered) == 8 and templating.override_key() == str(tpl)
    # the override directory
    assert template_tools.check(families(), None).directory == tpl.resolve()
    templating.configure(None)
    bundled = template_tools.check(families(), None)
    assert not bundled.problems and len(bundled.files) == len(templating.bundled(families()))
