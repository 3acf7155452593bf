"""Workflow definitions and example programmes, as data files that ship in the wheel."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def path_of(name: str) -> Path:
    """The path of a bundled workflow definition, e.g. `path_of("drafting")`."""
    return HERE / f"{name}.yaml"


def example_dir(name: str) -> Path:
    """The folder of a bundled example programme, e.g. `example_dir("jamtland-harjedalen")`."""
    return HERE / "examples" / name


def example_names() -> list[str]:
    """The names of the bundled example programmes."""
    return sorted(p.name for p in (HERE / "examples").iterdir() if p.is_dir())
