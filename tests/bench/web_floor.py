"""The floor of the web benchmark: rsp's own application with the per-request work of
sign-in and access answered from memory (each browser's session and each person's
programmes looked up once, then kept), so that a page costs only its handler's queries
and its template. `uvicorn --factory tests.bench.web_floor:app_from_env`."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from web import access
from web.app import app_from_env as real_app_from_env
from web.auth import sessions


def app_from_env() -> FastAPI:
    """The application, with sessions and visible programmes cached for good."""
    load, visible = sessions.load, access.visible
    seen: dict[str, Any] = {}
    programmes: dict[int, Any] = {}

    def cached_load(db: Any, clock: Any, settings: Any, token: str) -> Any:
        if token not in seen:
            seen[token] = load(db, clock, settings, token)
        return seen[token]

    def cached_visible(session: Any, person_id: int) -> Any:
        if person_id not in programmes:
            programmes[person_id] = visible(session, person_id)
        return programmes[person_id]

    sessions.load = cached_load  # type: ignore[assignment]
    access.visible = cached_visible  # type: ignore[assignment]
    return real_app_from_env()
