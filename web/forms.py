"""Reading a posted form: its text fields, and the CSRF check before anything else."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from starlette.requests import Request

MAX_FIELD = 10_000  # characters; a comment is at most 4,000 (the services say so)


async def fields(request: Request) -> dict[str, str]:
    """The text fields of the posted form (files and over-long values left out)."""
    async with request.form(max_files=0, max_fields=50) as form:
        return {k: v for k, v in form.items() if isinstance(v, str) and len(v) <= MAX_FIELD}


Fields = Annotated[dict[str, str], Depends(fields)]
"""A handler's parameter for the posted form's fields (read before the handler runs)."""


async def many_fields(request: Request) -> dict[str, str]:
    """The text fields of a form with a row per measure (the year-end follow-up)."""
    async with request.form(max_files=0, max_fields=2000) as form:
        return {k: v for k, v in form.items() if isinstance(v, str) and len(v) <= MAX_FIELD}


ManyFields = Annotated[dict[str, str], Depends(many_fields)]
"""A handler's parameter for a long form's fields (a row per measure)."""
