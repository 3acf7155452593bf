"""Diary numbers as Swedish registrars write them: understood in the common forms, kept as
written and normalised; a region's own pattern; paragraphs kept whole (§§ 89-90, § 89 a)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import workflows
from process.core import diary_numbers
from process.core.decision_refs import DiaryForm, parse_decision_ref
from process.core.errors import DefinitionError, InvalidInput
from process.workflow.definition import load_definition


@pytest.mark.parametrize(
    "written,normalised",
    [
        ("RUN/536/2021", "RUN 2021/536"),
        ("RS 2021/536", "RS 2021/536"),
        ("RS2021/536", "RS 2021/536"),
        ("RS 2021-00536", "RS 2021/536"),
        ("rs 2021-00536", "RS 2021/536"),
        ("RS/2021/536", "RS 2021/536"),
        ("Dnr 2021/536", "2021/536"),
        ("dnr 2021/536", "2021/536"),
        ("KS 2025/118", "KS 2025/118"),
        ("511-4203-2021", "511 2021/4203"),
    ],
)
def test_every_common_form_is_kept_as_written_and_normalised(written, normalised):
    ref = parse_decision_ref(f"2021-06-01 § 89 {written}")
    assert ref.diary_number == written
    assert ref.diary_normalised == ref.diary_key == normalised


def test_two_spellings_of_one_number_normalise_alike():
    spellings = ["RS 2021/536", "RS2021/536", "RS 2021-00536", "rs/2021/536", "RS/2021/0536"]
    assert {diary_numbers.normalise(s) for s in spellings} == {"RS 2021/536"}


@pytest.mark.parametrize(
    "raw,paragraph,shown",
    [
        ("2021-06-01 §§ 89-90 RS 2021/536", "89-90", "2021-06-01 §§ 89-90, RS 2021/536"),
        ("2021-06-01 § 89 a RS 2021/536", "89 a", "2021-06-01 § 89 a, RS 2021/536"),
        ("2021-06-01 § 89a RS 2021/536", "89a", "2021-06-01 § 89a, RS 2021/536"),
        ("2021-06-01 § 89 rs 2021/536", "89", "2021-06-01 § 89, rs 2021/536"),
    ],
)
def test_paragraphs_are_kept_whole(raw, paragraph, shown):
    ref = parse_decision_ref(raw)
    assert ref.paragraph == paragraph and str(ref) == shown


def test_a_reference_without_a_known_form_names_the_forms_that_work():
    with pytest.raises(InvalidInput) as e:
        parse_decision_ref("2021-06-01 § 89 KS-2021:77")
    assert "RS 2021/536" in str(e.value) and "Dnr 2021/536" in str(e.value)


def test_two_diary_numbers_are_refused():
    with pytest.raises(InvalidInput, match="only one diary number"):
        parse_decision_ref("2021-06-01 § 89 RS 2021/536 RS 2021/537")


def test_a_regions_own_form_is_understood_and_named_in_refusals():
    form = DiaryForm(r"KS-(?P<year>\d{4}):(?P<number>\d+)", "KS-2025:1")
    ref = parse_decision_ref("2025-03-04 § 7 KS-2025:0077", form=form)
    assert (ref.meeting_date, ref.diary_number, ref.diary_normalised) == (
        dt.date(2025, 3, 4),
        "KS-2025:0077",
        "2025/77",
    )
    with pytest.raises(InvalidInput, match="KS-2025:1"):
        parse_decision_ref("2025-03-04 § 7 KS 77", form=form)


@pytest.mark.parametrize(
    "block,problem",
    [
        ("diary_numbers: {pattern: '(?P<nr>\\d+)', example: '12'}", "(?P<number>...)"),
        ("diary_numbers: {pattern: '(?P<number>\\d+', example: '12'}", "not a regular expression"),
        (
            "diary_numbers: {pattern: 'KS (?P<number>\\d+)', example: 'RS 12'}",
            "does not match its own example",
        ),
        ("diary_numbers: KS", "must give 'pattern'"),
    ],
)
def test_workflow_check_reports_a_bad_own_form_at_its_line(tmp_path, block, problem):
    text = (Path(workflows.__file__).parent / "drafting.yaml").read_text(encoding="utf-8")
    path = tmp_path / "process.yaml"
    path.write_text(text + "\n" + block + "\n", encoding="utf-8")
    line = text.count("\n") + 2
    with pytest.raises(DefinitionError) as e:
        load_definition(path)
    assert any(f"process.yaml:{line}" in p and problem in p for p in e.value.problems), (
        e.value.problems
    )


@pytest.mark.parametrize("typed", ["XRKL.2028.6", "RKL.2028.7x", "RKL.2028.8.9", "RKL.28.5"])
def test_a_regions_own_form_matches_whole_numbers_only(typed):
    form = DiaryForm(r"RKL\.(?P<year>\d{4})\.(?P<number>\d+)", "RKL.2026.118")
    with pytest.raises(InvalidInput, match="needs the diary number"):
        parse_decision_ref(f"2028-04-12 § 6 {typed}", form=form)
    ref = parse_decision_ref("2028-04-12 § 6 rkl.2028.0188", form=form)  # any case
    assert (ref.diary_number, ref.diary_normalised) == ("rkl.2028.0188", "2028/188")


@pytest.mark.parametrize(
    "block,key,problem",
    [
        (
            "diary_numbers:\n  pattern: 'KS (?P<number>\\d+)'\n  example: 'RS 12'",
            "example",
            "does not match its own example 'RS 12'",
        ),
        (
            "diary_numbers:\n  pattern: 'KS (?P<number>\\d+)'\n  exmaple: 'KS 12'",
            "exmaple",
            "unknown key 'exmaple' (did you mean 'example'?)",
        ),
    ],
)
def test_a_misspelt_or_unmatched_example_is_reported_at_its_own_line(tmp_path, block, key, problem):
    text = (Path(workflows.__file__).parent / "drafting.yaml").read_text(encoding="utf-8")
    path = tmp_path / "process.yaml"
    path.write_text(text + "\n" + block + "\n", encoding="utf-8")
    line = text.count("\n") + 2 + next(i for i, x in enumerate(block.splitlines()) if key in x)
    with pytest.raises(DefinitionError) as e:
        load_definition(path)
    assert any(f"process.yaml:{line}:" in p and problem in p for p in e.value.problems), (
        e.value.problems
    )
    if key == "exmaple":  # the missing key is named too, at the block's line
        assert any("'example' missing" in p for p in e.value.problems), e.value.problems
