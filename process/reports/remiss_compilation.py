"""The remissammanställning: every consulted body, its position and summary, and the list
of those that did not answer. Markdown, HTML (autoescaped) or CSV; Swedish by default."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from process.core.catalogue import section
from process.core.errors import NotFound
from process.core.words import long_date, phrase
from process.remiss import rules as remiss
from process.reports import templating
from process.reports.spreadsheet_csv import spreadsheet_csv
from process.storage import lookup
from process.storage.lookup import id_of

FORMATS = ("md", "html", "csv", "xlsx")
WORDS = section("compilation")


def word(key: str, lang: str, **values: Any) -> str:
    """A phrase of the compilation in the wanted language (Swedish when unknown)."""
    return phrase(WORDS, key, lang, **values)


def compile_data(
    session: Session, programme_key: str | None, today: dt.date, lang: str = "sv"
) -> dict[str, Any]:
    """The latest remiss as the compilation's plain values."""
    prog = lookup.find_programme(session, programme_key)
    overview = remiss.remiss_overview(session, id_of(prog), today)
    if overview is None:
        raise NotFound("no remiss has been opened; open it with 'rsp remiss open BODY...'")
    bodies = [
        {**b, "position_label": remiss.position_word(b["position"], lang)}
        for b in overview["bodies"]
    ]
    answered = [b for b in bodies if b["answered"]]
    missing = [b for b in bodies if not b["answered"]]
    return {
        "lang": lang,
        "programme": prog.name,
        "region": prog.region,
        "opened_on": overview["opened_on"],
        "reply_by": overview["reply_by"],
        "open": overview["open"],
        "closed_on": overview["closed_on"],
        "bodies": bodies,
        "answered": answered,
        "missing": missing,
        "late": sum(1 for b in answered if b["late"]),
        "compiled": today,
        "compiled_text": long_date(today, lang),
    }


def render(data: dict[str, Any], fmt: str) -> str:
    """The compilation in a format: md, html (autoescaped) or csv (for Excel: `;`, UTF-8
    with a BOM, formula-like cells defused)."""
    if fmt == "csv":
        return _csv(data)
    env = templating.report_environment(data["lang"], word)
    return templating.render(templating.load(env, f"remiss_report.{fmt}"), data)


def render_xlsx(data: dict[str, Any]) -> bytes:
    """The compilation as an Excel workbook: each consulted body, its reply, and an empty
    column for the region's response to it (a Swedish compilation has one)."""
    from process.reports.spreadsheet_xlsx import workbook

    lang = data["lang"]
    rows: list[list[Any]] = [
        [
            word(k, lang)
            for k in ("key", "body", "received", "late", "position", "summary_col", "response")
        ]
    ]
    for b in data["bodies"]:
        rows.append(
            [
                b["key"],
                b["name"],
                b["received"].isoformat() if b["received"] else "",
                word("yes", lang) if b["late"] else "",
                b["position_label"],
                b["summary"] or "",
                "",
            ]
        )
    return workbook([(word("title", lang), rows)])


def _csv(data: dict[str, Any]) -> str:
    lang = data["lang"]
    rows: list[list[Any]] = [
        [word(k, lang) for k in ("key", "body", "received", "late", "position", "summary_col")]
    ]
    for b in data["bodies"]:
        received = b["received"].isoformat() if b["received"] else ""
        rows.append(
            [
                b["key"],
                b["name"],
                received,
                word("yes", lang) if b["late"] else "",
                b["position_label"],
                b["summary"] or "",
            ]
        )
    return spreadsheet_csv(rows)
