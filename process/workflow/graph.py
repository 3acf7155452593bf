"""Draw a workflow: a Mermaid state diagram, or SVG through pygraphviz when installed."""

from __future__ import annotations

from process.core.errors import InvalidInput
from process.workflow.definition import Definition, label_text


def mermaid(d: Definition, lang: str = "sv", current: str | None = None) -> str:
    """A Mermaid `stateDiagram-v2` of the definition (triggers labelled with their roles)."""
    lines = ["stateDiagram-v2", f"    [*] --> {d.initial}"]
    for s in d.states:
        planned = f" ({s.planned.isoformat()})" if s.planned else ""
        label = label_text(s.label, lang).replace(":", " -")
        lines.append(f"    {s.name} : {label}{planned}")
    for t in d.triggers:
        flag = " §" if t.decision else ""
        for src in t.sources:
            lines.append(f"    {src} --> {t.dest} : {t.name} [{', '.join(t.roles)}]{flag}")
    for s in d.states:
        if s.final:
            lines.append(f"    {s.name} --> [*]")
    if current:
        lines += ["    classDef current fill:#ffd54f,stroke:#333", f"    class {current} current"]
    return "\n".join(lines) + "\n"


def svg(d: Definition, lang: str = "sv", current: str | None = None) -> str:
    """An SVG picture of the definition (needs the optional pygraphviz package)."""
    try:
        import pygraphviz  # type: ignore[import-not-found]
    except ImportError:
        raise InvalidInput(
            "SVG needs pygraphviz: pip install 'rsp[graph]' (or use --format mermaid)"
        ) from None
    g = pygraphviz.AGraph(directed=True, rankdir="LR")
    for s in d.states:
        shape = "doublecircle" if s.final else "box"
        g.add_node(
            s.name,
            label=label_text(s.label, lang),
            shape=shape,
            style="rounded,filled",
            fillcolor="#ffd54f" if s.name == current else "#ffffff",
        )
    for t in d.triggers:
        for src in t.sources:
            g.add_edge(src, t.dest, label=f"{t.name}\n[{', '.join(t.roles)}]")
    return str(g.draw(format="svg", prog="dot").decode("utf-8"))
