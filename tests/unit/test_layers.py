"""The architecture, kept: every import of every module (inside functions and under
TYPE_CHECKING too) runs one way through the layers below, and no modules import each
other in a circle. There is no list of exceptions: a new import against the direction is
a design change, made here, on purpose.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# Each layer and the layers it may import (besides itself). `process` is the domain and
# its services, `notifications` builds on it, `cli.py` and `web` wire everything.
PROCESS_BASE = ("process.core", "process.storage", "process.access", "process.workflow")
FEATURES = (
    "process.bodies",
    "process.decisions",
    "process.remiss",
    "process.plans",
    "process.programme",
)
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "workflows": (),
    "process.core": (),
    "process.storage": ("process.core",),
    "process.access": ("process.core", "process.storage", "workflows"),
    "process.workflow": ("process.core", "process.storage", "process.access", "workflows"),
    "process.bodies": (*PROCESS_BASE, "workflows"),
    "process.decisions": (*PROCESS_BASE, "process.bodies"),
    "process.remiss": (*PROCESS_BASE, "process.bodies", "process.decisions"),
    "process.plans": (*PROCESS_BASE, "process.bodies", "workflows"),
    "process.programme": (
        *PROCESS_BASE,
        "process.bodies",
        "process.decisions",
        "process.remiss",
        "process.plans",
        "workflows",
    ),
    "process.reports": (*PROCESS_BASE, *FEATURES, "workflows"),
    "process.demo": (*PROCESS_BASE, *FEATURES, "process.reports", "workflows"),
    "process.cli": (*PROCESS_BASE, *FEATURES, "process.reports", "process.demo", "workflows"),
    "notifications.mail": (*PROCESS_BASE, *FEATURES, "process.reports"),
    "notifications.reminders": (
        *PROCESS_BASE,
        *FEATURES,
        "process.reports",
        "notifications.mail",
        "workflows",
    ),
    "notifications.digest": (
        *PROCESS_BASE,
        *FEATURES,
        "process.reports",
        "notifications.mail",
        "notifications.reminders",  # the lead's digest lists the standing conditions
    ),
    "notifications.daemon": (
        *PROCESS_BASE,
        *FEATURES,
        "process.reports",
        "notifications.mail",
        "notifications.reminders",
        "notifications.digest",
    ),
    "notifications.cli": (
        *PROCESS_BASE,
        *FEATURES,
        "process.reports",
        "process.cli",
        "notifications.mail",
        "notifications.reminders",
        "notifications.digest",
        "notifications.daemon",
    ),
    "web": (
        *PROCESS_BASE,
        *FEATURES,
        "process.reports",
        "notifications.mail",
        "notifications.reminders",
        "notifications.digest",
    ),
    "cli": (
        *PROCESS_BASE,
        *FEATURES,
        "process.reports",
        "process.cli",
        "process.demo",
        "notifications.mail",
        "notifications.reminders",
        "notifications.digest",
        "notifications.daemon",
        "notifications.cli",
        "workflows",
        "web",
    ),  # `rsp serve` starts the browser interface
}
PACKAGES = ("process", "notifications", "workflows", "web", "cli")


def modules() -> Iterator[tuple[str, Path]]:
    """Every module of the project (migrations excluded: they are history)."""
    yield "cli", ROOT / "cli.py"
    for top in ("process", "notifications", "workflows", "web"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            yield name, path


def imports_of(name: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import of a project module, wherever it stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}" if base else alias.name


def layer_of(module: str) -> str | None:
    """The layer a module belongs to: the longest layer name that prefixes it."""
    hits = [layer for layer in MAY_IMPORT if module == layer or module.startswith(layer + ".")]
    return max(hits, key=len) if hits else None


def project_import(module: str, known: set[str]) -> str | None:
    """The project module an import names (`from a.b import c` may name a.b.c or a.b)."""
    if module.split(".")[0] not in PACKAGES:
        return None
    while module and module not in known:
        module = module.rpartition(".")[0]
    return module or None


def test_every_module_has_a_layer() -> None:
    homeless = [
        name
        for name, _path in modules()
        if layer_of(name) is None and name not in ("process", "notifications")
    ]
    assert not homeless, f"modules outside every layer: {homeless}"


def test_imports_run_one_way() -> None:
    found = dict(modules())
    known = set(found)
    wrong = []
    for name, path in found.items():
        mine = layer_of(name)
        for line, imported in imports_of(name, path):
            target = project_import(imported, known)
            if target is None or target in ("process", "notifications"):
                continue
            theirs = layer_of(target)
            if theirs is None or theirs == mine or mine is None:
                continue
            if theirs not in MAY_IMPORT[mine]:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {mine} imports {target} ({theirs})")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_no_import_cycles() -> None:
    found = dict(modules())
    known = set(found)
    graph: dict[str, set[str]] = {name: set() for name in found}
    for name, path in found.items():
        for _line, imported in imports_of(name, path):
            target = project_import(imported, known)
            if target and target != name and target not in ("process", "notifications"):
                graph[name].add(target)
    cycles = _cycles(graph)
    assert not cycles, "modules that import each other in a circle:\n" + "\n".join(
        " → ".join(c) for c in cycles
    )


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_walk_sees_imports_inside_functions_and_relative_ones(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text(
        "def f():\n    from process.cli import context\nfrom . import sibling\n", encoding="utf-8"
    )
    seen = [m for _line, m in imports_of("process.core.mod", source)]
    assert "process.cli.context" in seen and "process.core.sibling" in seen
