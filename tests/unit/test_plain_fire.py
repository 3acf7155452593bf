"""The transition's fast path applies a trigger's guards itself (`engine._plain_fire`)
instead of asking the shared `transitions` machine: for every trigger of every bundled
workflow whose guards read nothing from the database, from each of its sources, with or
without a comment or a decision, the two give the same answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from process.workflow import engine, guards, machines
from process.workflow.definition import load_definition

ROOT = Path(__file__).resolve().parents[2] / "workflows"
FILES = sorted(p for p in ROOT.rglob("*.yaml") if p.name != "reminders.yaml")


def _definitions():
    for path in FILES:
        try:
            yield load_definition(path)
        except Exception:  # not a workflow definition (a plan, a region's settings …)
            continue


def test_the_bundled_workflows_are_found():
    assert len(list(_definitions())) >= 2


@pytest.mark.parametrize("comment", [None, "", "   ", "Service-Z: nuläge"])
@pytest.mark.parametrize("has_decision", [False, True])
def test_plain_fire_answers_as_the_machine(comment, has_decision):
    checked = 0
    for definition in _definitions():
        for t in definition.triggers:
            if engine._needs_facts(t):
                continue
            ctx = guards.GuardContext(comment=comment, has_decision=has_decision, fired={})
            for source in t.sources:
                assert engine._plain_fire(t, ctx) == machines.fire(
                    definition, source, t.name, ctx
                ), (definition.source, t.name, source)
                checked += 1
    assert checked > 10
