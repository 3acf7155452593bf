"""What `rsp templates` does: list the templates in use, export the bundled ones as a
starting point, and check a directory of templates (compile each in the sandbox, then
render every family with made-up data)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from process.core.errors import InvalidInput
from process.reports import templating
from process.reports.templating import Family, TemplateProblem

LANGS = ("sv", "en")


@dataclass(frozen=True)
class Listed:
    """One template: its name, where it comes from (bundled, overridden, extra) and file."""

    name: str
    source: str
    path: Path


def files_of(directory: Path) -> list[str]:
    """The template names in a directory: its files (not in subdirectories), hidden ones
    and editor backups (`~`) left out."""
    return sorted(
        p.name
        for p in directory.iterdir()
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith("~")
    )


def listing(families: Sequence[Family]) -> list[Listed]:
    """Every bundled template, and which file rsp renders it from; then extra files of
    the override directory (used only if another template includes them)."""
    user = templating.override_dir()
    own = set(files_of(user)) if user else set()
    out = []
    bundled = templating.bundled(families)
    for name, path in sorted(bundled.items()):
        if user and name in own:
            out.append(Listed(name, "overridden", user / name))
        else:
            out.append(Listed(name, "bundled", path))
    out += [Listed(n, "extra", user / n) for n in sorted(own - set(bundled)) if user]
    return out


def export(families: Sequence[Family], directory: str, force: bool = False) -> list[Path]:
    """Copy every bundled template into `directory` (made if missing); refuses to replace
    an existing file unless `force`, and then writes nothing."""
    target = Path(directory).expanduser()
    if target.exists() and not target.is_dir():
        raise InvalidInput(f"{directory}: not a directory")
    bundled = templating.bundled(families)
    clash = [str(target / n) for n in sorted(bundled) if (target / n).exists()]
    if clash and not force:
        raise InvalidInput(
            f"{len(clash)} file(s) exist already, nothing written (use --force "
            f"to replace them): {', '.join(clash)}"
        )
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, path in sorted(bundled.items()):
        shutil.copyfile(path, target / name)
        written.append(target / name)
    return written


@dataclass
class CheckReport:
    """What `check` found: files compiled, families rendered, problems and notes."""

    directory: Path | None
    files: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check(families: Sequence[Family], directory: str | None) -> CheckReport:
    """Compile every template of `directory` (default: the override directory, else the
    bundled ones) in the sandbox, then render each family with made-up data through it."""
    path = Path(directory).expanduser() if directory else templating.override_dir()
    if path is not None and not path.is_dir():
        raise InvalidInput(f"{directory}: no such directory")
    report = CheckReport(path.resolve() if path else None)
    previous = templating.override_key()
    templating.configure(str(report.directory) if report.directory else None)
    try:
        _compile_each(report, families)
        for family in families:
            for lang in LANGS:
                if _collect(report, partial(family.samples, lang)):
                    report.rendered.append(f"{family.name} ({lang})")
    finally:
        templating.configure(previous)
    return report


def _compile_each(report: CheckReport, families: Sequence[Family]) -> None:
    """Compile each template of the report's directory (or each bundled one)."""
    bundled = templating.bundled(families)
    if report.directory is None:
        names = {n: p.parent for n, p in bundled.items()}
    else:
        names = {n: report.directory for n in files_of(report.directory)}
    for name, where in sorted(names.items()):
        report.files.append(name)
        if name not in bundled:
            report.notes.append(
                f"{where / name}: not the name of a bundled template, so "
                "rsp uses it only if another template includes it"
            )
        env = templating.sandbox(
            [where, *templating.folders(families)], templating.lstrip_blocks(name)
        )
        _collect(report, partial(templating.load, env, name))


def _collect(report: CheckReport, work: Callable[[], object]) -> bool:
    """Run `work`; a TemplateProblem becomes one of the report's problems (once)."""
    try:
        work()
    except TemplateProblem as exc:
        if str(exc) not in report.problems:
            report.problems.append(str(exc))
        return False
    return True
