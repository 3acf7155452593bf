"""Logging of the long-running processes (`rsp scheduler run`, `rsp serve`): standard
`logging`, to stderr (the journal, under systemd), at a level, as text or as JSON lines.

    --log-level debug|info|warning|error   (RSP_LOG_LEVEL, [logging] level)
    --log-format text|json                 (RSP_LOG_FORMAT, [logging] format)

A JSON line: {"time": "2026-12-02T16:40:00.123+00:00", "level": "WARNING",
"logger": "rsp.scheduler", "message": "…"} (and "error" with the traceback, if any).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

LEVELS = ("debug", "info", "warning", "error")
FORMATS = ("text", "json")
TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            # the log's own time stamp (when the line was written), not rsp's domain time
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


def dict_config(level: str = "info", fmt: str = "text") -> dict[str, Any]:
    """A `logging.config.dictConfig` for rsp and uvicorn (its workers take it too)."""
    formatter: dict[str, Any] = (
        {"()": f"{__name__}.JsonFormatter"} if fmt == "json" else {"format": TEXT}
    )
    handler = {"class": "logging.StreamHandler", "formatter": "rsp", "stream": "ext://sys.stderr"}
    quiet = max(logging.WARNING, logging.getLevelName(level.upper()))
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"rsp": formatter},
        "handlers": {"rsp": handler},
        "root": {"handlers": ["rsp"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "level": level.upper(), "propagate": True},
            "uvicorn.error": {"handlers": [], "level": level.upper(), "propagate": True},
            "uvicorn.access": {"handlers": [], "level": level.upper(), "propagate": True},
            "apscheduler": {"level": logging.getLevelName(quiet)},
        },
    }


def configure(level: str = "info", fmt: str = "text") -> None:
    """Log as `dict_config` says, from now on in this process."""
    import logging.config

    logging.config.dictConfig(dict_config(level, fmt))
