"""Limits on a region's own templates: each is compiled and rendered in a child process
(`process.reports.template_worker`) that may use so much CPU time and memory and give so
much text, and no more. rsp's bundled templates are trusted and render in-process.

One worker serves the process (requests are serialised); it is started on first need and
replaced after a template broke a limit. A template that broke a limit is refused at once
afterwards until a file of its directory changes, so a sweep of a thousand reminders
pays for a bad template once. `stop()` (the daemon's SIGTERM) ends the worker and
refuses user templates from then on: a render in progress ends at once.

Limits (per compile or render): RSP_TEMPLATE_CPU_SECONDS (CPU time, default 10),
RSP_TEMPLATE_MEMORY_MB (memory beyond the worker's own, default 512),
RSP_TEMPLATE_OUTPUT_MB (the rendered text, default 16). CPU time, not wall-clock time:
a busy machine does not make a good template fail.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from process.reports.template_problem import TemplateProblem

__all__ = ["Limits", "UserTemplate", "compile_template", "render", "set_limits", "stop", "resume"]

CPU_VAR, MEMORY_VAR, OUTPUT_VAR = (
    "RSP_TEMPLATE_CPU_SECONDS",
    "RSP_TEMPLATE_MEMORY_MB",
    "RSP_TEMPLATE_OUTPUT_MB",
)
# Hang guards on the wall clock, far beyond anything a working worker needs: to start (the
# imports, on a loaded machine), and per request beyond its CPU limit (the worker also
# kills itself by RLIMIT_CPU, so these fire only if it is stuck outside the CPU).
START_GUARD_SECONDS = 120.0
REQUEST_GUARD_SECONDS = 120.0
_HEADER = struct.Struct(">I")


@dataclass(frozen=True)
class Limits:
    """What one compile or render of a user template may use."""

    cpu_seconds: float = 10.0
    memory_mb: int = 512
    output_mb: int = 16

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Limits:
        """The limits from RSP_TEMPLATE_* variables (defaults for those not set)."""
        base = cls()
        try:
            return cls(
                float(env.get(CPU_VAR, base.cpu_seconds)),
                int(env.get(MEMORY_VAR, base.memory_mb)),
                int(env.get(OUTPUT_VAR, base.output_mb)),
            )
        except ValueError:
            raise TemplateProblem(
                f"{CPU_VAR}, {MEMORY_VAR} and {OUTPUT_VAR} must be numbers (seconds, MiB, MiB)"
            ) from None


@dataclass(frozen=True)
class UserTemplate:
    """A template of the region's own directory: where it is looked up (`own`: the
    folders of those that are not rsp's), its name and file, and the globals of its
    environment (picklable: they go to the worker)."""

    search: tuple[str, ...]
    lstrip: bool
    name: str
    filename: str
    own: tuple[str, ...]
    globals: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    override: str | None = None


_lock = threading.Lock()
_state: dict[str, Any] = {"worker": None, "limits": None, "stopped": False}
_refused: dict[tuple[Any, ...], str] = {}  # a template that broke a limit → the problem


def set_limits(limits: Limits | None) -> None:
    """Use these limits from the next request on (None: from the environment again)."""
    with _lock:
        _state["limits"] = limits
        _discard()


def stop() -> None:
    """End the worker now (a render in progress fails at once) and refuse user templates
    from now on; for a daemon that is stopping. Safe from a signal handler: it only sends
    the child SIGKILL, and the thread waiting for it cleans up."""
    _state["stopped"] = True
    worker = _state["worker"]
    if worker is not None:
        with contextlib.suppress(OSError):
            worker.proc.kill()


def resume() -> None:
    """Render user templates again after `stop()` (tests)."""
    _state["stopped"] = False


def compile_template(template: UserTemplate) -> None:
    """Compile `template` in the worker; a TemplateProblem (file:line) if it cannot be."""
    _ask([template], {"op": "compile"})


def render(
    templates: Sequence[UserTemplate], context: dict[str, Any], shared: bool = False
) -> list[str]:
    """Each template rendered with `context` in the worker (one request for them all),
    within the limits; the first that fails is a TemplateProblem."""
    return _ask(templates, {"op": "render", "context": context, "shared": shared})


def _ask(templates: Sequence[UserTemplate], extra: dict[str, Any]) -> list[str]:
    if _state["stopped"]:
        raise TemplateProblem(f"template {templates[0].filename}: not rendered: rsp is stopping")
    override = templates[0].override
    request = pickle.dumps(
        {
            "override": override,
            "templates": [
                {"search": t.search, "lstrip": t.lstrip, "name": t.name, "globals": t.globals}
                for t in templates
            ],
            **extra,
        },
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    with _lock:
        for template in templates if _refused else ():
            if (known := _refused.get(_key(template))) is not None:
                raise TemplateProblem(known)
        answer = _worker().ask(request, templates[0].filename)
        if answer.get("limit"):
            _discard()  # it may be in any state; the next request gets a fresh one
            _refused[_key(templates[answer.get("index", 0)])] = answer["problem"]
    if "problem" in answer:
        raise TemplateProblem(answer["problem"])
    return [str(text) for text in answer["texts"]]


def _key(template: UserTemplate) -> tuple[Any, ...]:
    """The template and the state of the files it may read: a changed file means a new
    chance."""
    files = []
    for folder in template.own:  # rsp's own folders do not change
        try:
            with os.scandir(folder) as entries:
                files += sorted(
                    (e.path, e.stat().st_mtime_ns, e.stat().st_size) for e in entries if e.is_file()
                )
        except OSError:
            pass
    return (template.search, template.name, template.lstrip, tuple(files))


def _limits() -> Limits:
    limits = _state["limits"]
    return limits if isinstance(limits, Limits) else Limits.from_env(os.environ)


def _worker() -> _Worker:
    worker = _state["worker"]
    if worker is None or not worker.alive():
        worker = _state["worker"] = _Worker(_limits())
    return worker


def _discard() -> None:
    worker, _state["worker"] = _state["worker"], None
    if worker is not None:
        worker.kill()


class _Worker:
    """The child process and its pipes: length-prefixed frames, requests pickled (from
    us, trusted), answers JSON (from the child, never unpickled)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        root = str(Path(__file__).resolve().parents[2])  # the folder holding `process`
        env = _worker_environment()
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "process.reports.template_worker",
                repr(limits.cpu_seconds),
                str(limits.memory_mb),
                str(limits.output_mb),
                str(os.getpid()),  # whom it serves, for `ps`
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            close_fds=True,
        )
        hello = self._read(START_GUARD_SECONDS)
        if hello is None or not hello.get("ready"):
            self.kill()
            why = hello.get("problem") if hello else "it did not start"
            raise TemplateProblem(
                f"the template worker ({sys.executable} -m "
                f"process.reports.template_worker) cannot run: {why}"
            )

    def alive(self) -> bool:
        """Whether the child still runs."""
        return self.proc.poll() is None

    def kill(self) -> None:
        """End the child (its pipes are closed once it is reaped)."""
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=30)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()

    def ask(self, request: bytes, filename: str) -> dict[str, Any]:
        """Send a request, wait for its answer; a dead or stuck child is a problem of
        the template `filename`."""
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(_HEADER.pack(len(request)) + request)
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            return self._ended(filename, hung=False)
        guard = REQUEST_GUARD_SECONDS + 3 * self.limits.cpu_seconds
        started = time.monotonic()
        answer = self._read(guard)
        if answer is not None:
            return answer
        return self._ended(filename, hung=time.monotonic() - started >= guard, guard=guard)

    def _ended(self, filename: str, hung: bool, guard: float = 0.0) -> dict[str, Any]:
        """The answer for a child that ended (or hung, and was ended) without one."""
        self.kill()
        code = self.proc.returncode
        if _state["stopped"]:
            why = "not rendered: rsp is stopping"
        elif hung:
            why = f"stopped: no answer within {guard:g} s (the hang guard)"
        elif code == -signal.SIGXCPU:
            why = (
                f"stopped: it used more than {self.limits.cpu_seconds:g} s of CPU time "
                f"(the limit, {CPU_VAR})"
            )
        else:
            why = f"stopped: the template worker ended (exit status {code})"
        return {"problem": f"template {filename}: {why}", "limit": not _state["stopped"]}

    def _read(self, guard: float) -> dict[str, Any] | None:
        """One answer, or None if the child ended or `guard` seconds passed."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + guard
        head = _read_exactly(fd, _HEADER.size, deadline)
        if head is None:
            return None
        body = _read_exactly(fd, _HEADER.unpack(head)[0], deadline)
        return None if body is None else json.loads(body.decode("utf-8"))


def _worker_environment() -> dict[str, str]:
    """What the worker may see of our environment: what Python needs, not the database
    URL, the audit key's file or the mail password a template escaping the sandbox could
    otherwise read."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "VIRTUAL_ENV")
    return {k: v for k, v in os.environ.items() if k in keep or k.startswith("PYTHON")}


def _read_exactly(fd: int, n: int, deadline: float) -> bytes | None:
    chunks, got = [], 0
    while got < n:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        try:
            ready, _, _ = select.select([fd], [], [], left)
        except (OSError, ValueError):
            return None
        if not ready:
            continue
        try:
            chunk = os.read(fd, min(n - got, 1 << 20))
        except OSError:
            return None
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


atexit.register(_discard)
