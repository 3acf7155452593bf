"""`rsp serve`: uvicorn on a socket bound here (so the address is known, port 0 included),
one process by default, or several workers on one database."""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import socket
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from process.core.catalogue import section
from process.core.clock import Clock, ReplayClock
from process.core.words import phrase
from process.storage.database import open_database
from web import settings as web_settings
from web.context import WebContext
from web.settings import WebConfigError

_TOKEN = re.compile(r"(token=)[^&\s]+")


class RedactTokens(logging.Filter):
    """Keeps sign-in link tokens out of the access log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN.sub(r"\1…", a) if isinstance(a, str) else a for a in record.args
            )
        return True


def is_loopback(host: str) -> bool:
    """Whether the address is this machine only (localhost, 127.x, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# the lines `rsp serve` writes for people: Swedish by default, English on request; a
# script finds the address after "lyssnar på" / "listening on"
LINES = section("serve")


def url_of(host: str, port: int) -> str:
    """http://host:port, with brackets around an IPv6 address."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def serve(
    db_value: str | None,
    clock: Clock,
    host: str,
    port: int,
    workers: int,
    forwarded_allow_ips: str | None,
    echo: Callable[[str], None],
    ready: Callable[[WebContext], None] | None = None,
    log: tuple[str, str] | None = None,
    lang: str = "sv",
) -> None:
    """Serve the browser interface until stopped (Ctrl-C, SIGTERM); `ready` is called
    with the context once the address is known (single process only); `log` is the log
    level and format (text|json) of rsp's and uvicorn's lines (default: uvicorn's own)."""
    import uvicorn

    from web.app import create_app, make_context, settings_note

    env = dict(os.environ)
    settings = web_settings.from_env(env)
    if settings.base_url is None and not is_loopback(host):
        raise WebConfigError(
            f"--host {host} is reachable from other machines: set "
            "RSP_BASE_URL to the address people use (e.g. "
            "https://rsp.region.example), so that sign-in links point there"
        )
    db = open_database(db_value)
    db.replaying = clock.replaying  # --now writes only on a database made for replay
    db.require_schema()
    logging.getLogger("uvicorn.access").addFilter(RedactTokens())
    common: dict[str, Any] = {
        "proxy_headers": True,
        "forwarded_allow_ips": forwarded_allow_ips,
        "server_header": False,
        "log_level": "info",
    }
    if log is not None:
        from process.core import logs

        logs.configure(*log)
        common.update(log_level=log[0], log_config=logs.dict_config(*log))
        logging.getLogger("uvicorn.access").addFilter(RedactTokens())
    if workers > 1:
        if port == 0:
            raise WebConfigError("--workers needs a fixed --port")
        os.environ["RSP_DATABASE_URL"] = db.url
        if isinstance(clock, ReplayClock):  # `rsp --now` reaches every worker
            os.environ["RSP_NOW"] = clock.effective.isoformat()
        os.environ.setdefault("RSP_BASE_URL", settings.base_url or url_of(host, port))
        db.dispose()
        url, shown = url_of(host, port), db.display()
        echo(phrase(LINES, "workers", lang, url=url, workers=workers, db=shown))
        uvicorn.run(
            "web.app:app_from_env", factory=True, host=host, port=port, workers=workers, **common
        )
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise WebConfigError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    bound = url_of(host, sock.getsockname()[1])
    if settings.base_url is None:
        settings = replace(settings, base_url=bound)
    ctx = make_context(db, clock, settings, env)
    for line in settings_note(ctx, lang):
        echo(f"rsp serve: {line}")
    if ready is not None:
        ready(ctx)
    echo(phrase(LINES, "listening", lang, url=bound, db=db.display()))
    server = uvicorn.Server(uvicorn.Config(create_app(ctx), **common))
    server.run(sockets=[sock])
