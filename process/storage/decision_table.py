"""The board decisions' table: one row per decision, with its meeting date, paragraph and
diary number (apart from `tables`, so that a transition without a decision skips it)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from process.storage.tables import utc_column


class Decision(SQLModel, table=True):
    __tablename__ = "decision"
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    body: str
    meeting_date: dt.date
    paragraph: str
    diary_number: str  # as written
    # normalised ('RS 2021/536'): two spellings of one number are one (see core.diary_numbers)
    diary_normalised: str | None = None
    text: str
    trigger: str
    recorded_by: str
    recorded_at: dt.datetime = utc_column()
