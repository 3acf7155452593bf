"""Drawing the workflow: Mermaid text, and SVG through pygraphviz."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import workflows
from process.workflow import graph
from process.workflow.definition import load_definition


def test_mermaid_has_every_transition_and_marks_decisions():
    d = load_definition(workflows.path_of("drafting"))
    text = graph.mermaid(d, "en", current="drafting")
    edges = [line for line in text.splitlines() if "-->" in line and "[*]" not in line]
    assert len(edges) == sum(len(t.sources) for t in d.triggers)
    assert "remiss_decided --> drafting : send_back [board] §" in text
    assert "drafting : Drafting (2022-03-01)" in text
    assert "class drafting current" in text


def test_svg_is_a_real_svg_with_every_state():
    d = load_definition(workflows.path_of("drafting"))
    svg = graph.svg(d, "sv", current="adopted")
    root = ET.fromstring(svg.encode())
    assert root.tag.endswith("svg")
    for s in d.states:
        assert s.label["sv"] in svg
