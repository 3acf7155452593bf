"""Validating a workflow definition takes time linear in its size (issue 12): the time per
state of `parse_definition` on 10,000 and 100,000 states, as a ratio against the time per
state on 1,000 states measured in the same run (linear: about 1x; the old validator's
reachability walk was quadratic, 16 s at 10,000 and 53 s at 20,000 states). Reading the
YAML itself (PyYAML, linear) is reported beside it."""

from __future__ import annotations

import time

import pytest

from process.core import yamlsrc
from process.workflow.definition import parse_definition
from tests.bench.benchutil import report

pytestmark = pytest.mark.bench


def chain(n: int) -> str:
    """A valid definition of n states in a chain, each with a trigger to the next and a
    comment trigger back to itself, and a planned date each."""
    states = "".join(f"  - name: s{i}\n    planned: 2026-01-01\n" for i in range(n - 1))
    triggers = "".join(
        f"  - name: t{i}\n    from: s{i}\n    to: s{i + 1}\n    roles: [lead]\n"
        f"  - name: note{i}\n    from: s{i}\n    to: s{i}\n    roles: [lead]\n"
        for i in range(n - 1)
    )
    return (
        f"workflow: big\nroles:\n  lead: Ledare\ninitial: s0\nstates:\n{states}"
        f"  - name: s{n - 1}\n    final: true\ntriggers:\n{triggers}"
    )


def per_state(n: int) -> tuple[float, float]:
    """(seconds per state validating, seconds per state reading the YAML); best of 3
    (1 at 100,000)."""
    text = chain(n)
    validate, read = [], []
    for _ in range(3 if n < 100_000 else 1):
        start = time.perf_counter()
        data = yamlsrc.loads(text, "big.yaml")
        read.append(time.perf_counter() - start)
        start = time.perf_counter()
        definition = parse_definition(data, "big.yaml", "x")
        validate.append(time.perf_counter() - start)
        assert len(definition.states) == n
    return min(validate) / n, min(read) / n


def test_validation_time_is_linear_in_the_number_of_states():
    floor, read_floor = per_state(1_000)
    for n in (10_000, 100_000):
        value, read = per_state(n)
        report(f"definition validation per state at {n:,} vs 1,000", value, floor, 2.0, states=n)
        report(
            f"definition YAML reading per state at {n:,} vs 1,000", read, read_floor, None, states=n
        )
        assert value / floor <= 2.0, f"validation is not linear: {value / floor:.2f}x per state"
