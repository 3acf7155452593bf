"""The child process that compiles and renders a region's own templates within limits
(`python -m process.reports.template_worker CPU_SECONDS MEMORY_MB OUTPUT_MB PARENT_PID`;
started by `process.reports.template_limits`, which see). It sees only the environment
Python needs, and ends when rsp closes its stdin (or dies).

Memory: RLIMIT_AS set at start to what the process uses plus MEMORY_MB, so an
allocation beyond it is a MemoryError. CPU: per request a profiling timer (CPU time of
this process) interrupts the template after CPU_SECONDS, and RLIMIT_CPU ends the process
a little later should the interruption not come (a long call in C). Requests come on
stdin (pickled, from rsp itself); answers go on stdout as JSON, never pickled.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import signal
import struct
import sys
from pathlib import Path
from typing import Any, BinaryIO

from process.reports import templating
from process.reports.templating import TemplateProblem

_HEADER = struct.Struct(">I")


class OutputTooLong(Exception):
    """The rendered text is longer than the limit."""


class TimeUp(BaseException):
    """The template used its CPU time (a BaseException: Jinja's `except Exception` while
    folding constants must not swallow it)."""


def _time_up(_signum: int, _frame: Any) -> None:
    raise TimeUp


def _limit_memory(megabytes: int) -> None:
    """Let this process grow by `megabytes` beyond what it maps now."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            mapped = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return  # no /proc: no memory limit beyond the system's
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mapped + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _arm(cpu_seconds: float) -> None:
    """Interrupt after `cpu_seconds` of CPU time; end the process if that does not work."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    backstop = int(used + 2 * cpu_seconds) + 2
    if hard != resource.RLIM_INFINITY:
        backstop = min(backstop, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (backstop, hard))
    signal.setitimer(signal.ITIMER_PROF, cpu_seconds)


def _disarm() -> None:
    signal.setitimer(signal.ITIMER_PROF, 0)


class Worker:
    """The worker's environments (one per search path and lstrip) and its limits."""

    def __init__(self, cpu_seconds: float, memory_mb: int, output_mb: int) -> None:
        self.cpu_seconds, self.memory_mb, self.output_mb = cpu_seconds, memory_mb, output_mb
        self.environments: dict[tuple[tuple[str, ...], bool], Any] = {}

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        """Compile (op 'compile') or render (op 'render') the request's templates, all
        within one CPU limit; their texts, or the first problem (with `limit` if a limit
        was broken, and the template's `index`)."""
        templating.configure(request["override"])
        texts: list[str] = []
        at: dict[str, Any] = {"index": 0, "item": request["templates"][0], "template": None}
        try:
            _arm(self.cpu_seconds)  # a one-shot timer: it fires once, if at all
            try:
                for index, item in enumerate(request["templates"]):
                    at.update(index=index, item=item, template=None)
                    at["template"] = templating.load_here(
                        self._env(item), item["name"], item["globals"]
                    )
                    if request["op"] == "render":
                        texts.append(
                            templating.render(at["template"], request["context"], request["shared"])
                        )
                        if self._too_long(texts[-1]):
                            raise OutputTooLong
            finally:
                _disarm()
        except TemplateProblem as exc:
            return {"problem": str(exc), "index": at["index"]}
        except TimeUp:
            return self._limit(
                at,
                f"it used more than {self.cpu_seconds:g} s of CPU time "
                "(the limit, RSP_TEMPLATE_CPU_SECONDS)",
            )
        except MemoryError:
            return self._limit(
                at,
                f"it needs more than {self.memory_mb} MiB of memory (the "
                "limit, RSP_TEMPLATE_MEMORY_MB)",
            )
        except OutputTooLong:
            return self._limit(
                at,
                f"its text is longer than {self.output_mb} MiB (the limit, RSP_TEMPLATE_OUTPUT_MB)",
            )
        return {"texts": texts}

    def _env(self, item: dict[str, Any]) -> Any:
        key = (tuple(item["search"]), bool(item["lstrip"]))
        if key not in self.environments:
            self.environments[key] = templating.sandbox([Path(p) for p in key[0]], key[1])
        return self.environments[key]

    def _too_long(self, text: str) -> bool:
        limit = self.output_mb * 1024 * 1024
        return len(text) > limit // 4 and len(text.encode("utf-8")) > limit

    @staticmethod
    def _limit(at: dict[str, Any], what: str) -> dict[str, Any]:
        """A broken limit as a problem naming the file (and line, if in the middle)."""
        item = at["item"]
        fallback = templating.file_of(list(item["search"]), item["name"]) or item["name"]
        filename, line = templating.location(at["template"], fallback)
        where = f"{filename}:{line}" if line else filename
        return {
            "problem": f"template {where}: stopped: {what}{templating.hint(filename)}",
            "limit": True,
            "index": at["index"],
        }


def _receive(stream: BinaryIO) -> dict[str, Any] | None:
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    body = stream.read(_HEADER.unpack(head)[0])
    return pickle.loads(body)  # from rsp itself, over our own pipe


def _send(stream: BinaryIO, answer: dict[str, Any]) -> None:
    body = json.dumps(answer).encode("utf-8")
    stream.write(_HEADER.pack(len(body)) + body)
    stream.flush()


def main(argv: list[str]) -> int:
    """Serve requests on stdin until it closes."""
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answers
    try:
        worker = Worker(float(argv[0]), int(argv[1]), int(argv[2]))
        signal.signal(signal.SIGPROF, _time_up)
        _limit_memory(worker.memory_mb)
    except (IndexError, ValueError, OSError) as exc:
        _send(answers, {"problem": f"{type(exc).__name__}: {exc}"})
        return 2
    _send(answers, {"ready": True})
    while (request := _receive(requests)) is not None:
        _send(answers, worker.answer(request))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
