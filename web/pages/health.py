"""Health for the operator and the load balancer: /healthz (the process answers) and
/readyz (the database answers and has this rsp's schema)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import PlainTextResponse

from web.context import WebContext

router = APIRouter()


@router.get("/healthz", include_in_schema=False)
def healthz() -> PlainTextResponse:
    """`ok` while the server answers at all (liveness)."""
    return PlainTextResponse("ok")


@router.get("/readyz", include_in_schema=False)
def readyz(request: Request) -> PlainTextResponse:
    """`ok` when the database answers with the current schema, else 503 and why."""
    ctx: WebContext = request.app.state.rsp
    try:
        ctx.db.require_schema()
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return PlainTextResponse(f"not ready: {reason}", status_code=503)
    return PlainTextResponse("ok")
