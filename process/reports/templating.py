"""rsp's Jinja2 templates, in one place: the bundled ones (each package that renders
registers its folder as a `Family`), overridden file by file by a directory the region edits
(RSP_TEMPLATE_DIR or `rsp --template-dir`). Every template renders in Jinja2's
ImmutableSandboxedEnvironment, HTML autoescaped, text not; a template that cannot be
loaded or rendered is a TemplateProblem naming its file and line.

The sandbox blocks escapes, not work: a template of the region's own (any file outside
the bundled folders) is compiled and rendered in a child process with limits on CPU
time, memory and the length of its text (`process.reports.template_limits`). Bundled
templates (from a folder registered with `bundled_folder`) are trusted and render here;
those a user's directory can replace include no other template (a test checks it), so
none of them can pull in a user's file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from process.core.errors import RspError
from process.reports.template_problem import TemplateProblem

if TYPE_CHECKING:
    import jinja2

    from process.reports.template_limits import UserTemplate

    Loaded: TypeAlias = jinja2.Template | UserTemplate

_BUNDLED: set[Path] = set()


def bundled_folder(folder: Path) -> Path:
    """Mark `folder` as one of rsp's own template folders (trusted: its templates render
    in-process); returns it."""
    _BUNDLED.add(folder.resolve())
    return folder


def is_bundled_folder(folder: Path) -> bool:
    """Whether `folder` is one of rsp's own template folders."""
    return folder.resolve() in _BUNDLED


TEMPLATES = bundled_folder(Path(__file__).resolve().parent / "templates")
ENV_VAR = "RSP_TEMPLATE_DIR"
# The reminder mails were written without lstrip_blocks; every other template with it.
_NO_LSTRIP = ("reminder.",)

_override: list[str | None] = [None]  # set by `configure` (the rsp command does)


def configure(directory: str | None) -> None:
    """Use templates in `directory` before the bundled ones (None: only the bundled)."""
    _override[0] = directory or None


def override_key() -> str | None:
    """The override directory as configured (None: none), e.g. as a cache key."""
    return _override[0]


def override_dir() -> Path | None:
    """The directory whose templates replace the bundled ones, if any (checked to exist)."""
    value = _override[0]
    if value is None:
        return None
    path = Path(value).expanduser()
    if not path.is_dir():
        raise TemplateProblem(f"{ENV_VAR} {value}: no such directory")
    return path.resolve()


@dataclass(frozen=True)
class Family:
    """Bundled templates whose names start with `name` (e.g. 'digest' for digest.html,
    digest.txt …), the folder they ship in, and a function that renders them all in a
    language with made-up data, as rsp does for real (`rsp templates check`)."""

    name: str
    folder: Path
    samples: Callable[[str], list[str]]


def bundled(families: Sequence[Family]) -> dict[str, Path]:
    """Every bundled template of the families by name, e.g. 'digest.html' → its file."""
    return {
        p.name: p
        for f in families
        for p in sorted(f.folder.iterdir())
        if p.is_file() and p.name.startswith(f.name + ".")
    }


def folders(families: Sequence[Family]) -> list[Path]:
    """The folders the families' templates ship in, each once."""
    return list(dict.fromkeys(f.folder for f in families))


def lstrip_blocks(name: str) -> bool:
    """Whether the template of this name is rendered with lstrip_blocks."""
    return not name.startswith(_NO_LSTRIP)


def md_cell(value: Any) -> str:
    """A value fit for a Markdown table cell: one line, pipes escaped (filter `cell`)."""
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("|", "\\|")


def counts_text(counts: list[dict[str, Any]]) -> str:
    """'Planerad 4 · Pågår 1', states with no measures left out (filter `counts`)."""
    return " · ".join(f"{c['label']} {c['n']}" for c in counts if c["n"])


def sandbox(search: list[Path], lstrip: bool = True) -> jinja2.Environment:
    """The one environment rsp renders with: sandboxed, immutable, strict about undefined
    names, HTML (.html) autoescaped, text not, rsp's filters; templates looked up in
    `search` in order."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(p) for p in search]),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html",), default_for_string=False, default=False
        ),
        trim_blocks=True,
        lstrip_blocks=lstrip,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(cell=md_cell, counts=counts_text)
    return env


def search_path(bundled_dir: Path) -> list[Path]:
    """Where templates are looked up: the override directory first, then `bundled_dir`."""
    user = override_dir()
    return [user, bundled_dir] if user else [bundled_dir]


@lru_cache(maxsize=16)
def _cached(bundled_dir: Path, override: str | None, lstrip: bool) -> jinja2.Environment:
    return sandbox(search_path(bundled_dir), lstrip)


def environment(bundled_dir: Path, lstrip: bool = True) -> jinja2.Environment:
    """A cached environment over the override directory (if any) and `bundled_dir`; add
    no globals to it that differ between calls."""
    return _cached(bundled_dir, _override[0], lstrip)


def report_environment(lang: str, word: Callable[..., str]) -> Any:
    """An environment whose templates can say `w('key')` in the report's language."""
    env = sandbox(search_path(TEMPLATES))
    env.globals["w"] = partial(word, lang=lang)  # a partial: a user template's worker gets it
    return env


def load(env: jinja2.Environment, name: str) -> Loaded:
    """The template `name` of `env`; a syntax error is a TemplateProblem with file:line.
    A user's template is compiled by the worker, within limits, and comes back as a
    UserTemplate that `render` hands to the worker."""
    from process.reports import template_limits

    search = search_of(env)
    if all(is_bundled_folder(Path(p)) for p in search):
        return load_here(env, name)
    filename = file_of(search, name)
    if filename is None or is_bundled_folder(Path(filename).parent):
        return load_here(env, name)
    own = tuple(p for p in search if not is_bundled_folder(Path(p)))
    template = template_limits.UserTemplate(
        tuple(search), env.lstrip_blocks, name, filename, own, _own_globals(env), _override[0]
    )
    template_limits.compile_template(template)
    return template


def file_of(search: list[str], name: str) -> str | None:
    """The file the loader would take `name` from, as FileSystemLoader looks it up."""
    from jinja2.loaders import split_template_path

    try:
        pieces = split_template_path(name)
    except Exception:  # noqa: BLE001 - TemplateNotFound: load_here says it
        return None
    for folder in search:
        path = os.path.normpath(os.path.join(folder, *pieces))
        if os.path.isfile(path):
            return path
    return None


def _own_globals(env: jinja2.Environment) -> dict[str, Any]:
    """The globals rsp added to `env` (beyond every sandbox's own)."""
    standard = _standard_globals()
    return {k: v for k, v in env.globals.items() if standard.get(k, _MISSING) is not v}


_MISSING = object()


@lru_cache(maxsize=1)
def _standard_globals() -> dict[str, Any]:
    return dict(sandbox([]).globals)


def load_here(
    env: jinja2.Environment, name: str, globals: dict[str, Any] | None = None
) -> jinja2.Template:
    """The template `name` of `env` compiled in this process (with these extra globals);
    a syntax error is a TemplateProblem with file:line."""
    import jinja2

    try:
        return env.get_template(name, globals=globals)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or name}:{exc.lineno}"
        raise TemplateProblem(
            f"template {where}: syntax error: {exc.message}{hint(exc.filename)}"
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(
            f"template {exc.name!r} not found (it is included or extended by another template)"
        ) from None
    except (UnicodeDecodeError, OSError) as exc:
        raise TemplateProblem(f"template {name}: cannot be read: {exc}") from None
    except RecursionError:
        filename = file_of(search_of(env), name)
        raise TemplateProblem(
            f"template {filename or name}: nested too deeply to compile{hint(filename)}"
        ) from None


def search_of(env: jinja2.Environment) -> list[str]:
    """The folders `env` looks templates up in, in order."""
    return [str(p) for p in getattr(env.loader, "searchpath", ())]


def render(template: Loaded, context: dict[str, Any], shared: bool = False) -> str:
    """The template rendered with `context` (shared=True: the variables as they are, without
    the environment's globals, faster); a failure is a TemplateProblem with file:line. A
    user's template renders in the worker, within limits."""
    return render_many([template], context, shared)[0]


def render_many(
    templates: Sequence[Loaded], context: dict[str, Any], shared: bool = False
) -> list[str]:
    """Each template rendered with the same `context`, as `render` does; the user's
    templates among them in one request to the worker."""
    import jinja2

    out: list[str | None] = [None] * len(templates)
    users = []
    for i, template in enumerate(templates):
        if isinstance(template, jinja2.Template):
            out[i] = _render_here(template, context, shared)
        else:
            users.append((i, template))
    if users:
        from process.reports import template_limits

        texts = template_limits.render([t for _i, t in users], context, shared)
        for (i, _t), text in zip(users, texts, strict=True):
            out[i] = text
    return [text or "" for text in out]


def _render_here(template: jinja2.Template, context: dict[str, Any], shared: bool) -> str:
    try:
        if shared:
            return "".join(template.root_render_func(template.new_context(context, shared=True)))
        return template.render(context)
    except (RspError, MemoryError):  # MemoryError: the worker's limit, said there
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a template does wrong, say where
        raise _problem(template, exc) from None


def _problem(template: jinja2.Template, error: Exception) -> TemplateProblem:
    """The exception being handled as a TemplateProblem naming the template line."""
    import jinja2
    from jinja2.exceptions import SecurityError

    filename, line = location(template, template.name or "?")
    where = f"{filename}:{line}" if line else filename
    if isinstance(error, SecurityError):
        what = f"refused by the sandbox: {error}"
    elif isinstance(error, jinja2.UndefinedError):
        what = str(error)
    else:
        what = f"{type(error).__name__}: {error}"
    return TemplateProblem(f"template {where}: {what}{hint(filename)}")


def location(template: jinja2.Template | None, name: str) -> tuple[str, int | None]:
    """The template file and line where the exception being handled happened (the line
    is None when no template frame is on the stack, e.g. while compiling)."""
    if template is None:
        return name, None
    try:
        template.environment.handle_exception()  # re-raises with template frames
    except BaseException as exc:  # noqa: BLE001 - the same exception, rewritten
        error: BaseException = exc
    filename, line = template.filename or template.name or name, None
    tb = error.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            filename, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    return filename, line


def hint(filename: str | None) -> str:
    """' (your template: fix it …)' when `filename` is in the override directory."""
    user = _override[0]
    if not (filename and user):
        return ""
    try:
        inside = Path(filename).resolve().is_relative_to(Path(user).expanduser().resolve())
    except OSError:
        return ""
    return " (your template: fix it, or remove it to use the bundled one)" if inside else ""
