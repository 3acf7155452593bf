"""The remissammanställning: every consulted body, its position and summary, and the list
of those that did not answer. Markdown, HTML (autoescaped) or CSV; Swedish by default."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from process.core.errors import NotFound
from process.core.words import long_date, phrase
from process.remiss import rules as remiss
from process.reports import templating
from process.reports.spreadsheet_csv import spreadsheet_csv
from process.storage import lookup
from process.storage.lookup import id_of

FORMATS = ("md", "html", "csv", "xlsx")
WORDS = {
    "title": {"sv": "Remissammanställning", "en": "Consultation compilation"},
    "period": {"sv": "Remisstid {start} – {end}", "en": "Consultation period {start} – {end}"},
    "summary": {
        "sv": "Remissen skickades till {n} remissinstanser. {answered} svarade "
        "({late} efter svarsdatum), {missing} svarade inte.",
        "en": "The draft was sent to {n} bodies. {answered} answered ({late} after "
        "the reply date), {missing} did not answer.",
    },
    "open": {
        "sv": "Remissen är ännu inte avslutad: sammanställningen är preliminär.",
        "en": "The consultation is still open: this compilation is preliminary.",
    },
    "body": {"sv": "Remissinstans", "en": "Body"},
    "received": {"sv": "Inkom", "en": "Received"},
    "late": {"sv": "efter svarsdatum", "en": "after the reply date"},
    "position": {"sv": "Ställningstagande", "en": "Position"},
    "summary_col": {"sv": "Sammanfattning", "en": "Summary"},
    "answers": {"sv": "Inkomna svar", "en": "Replies"},
    "none_answered": {"sv": "Inga svar har kommit in.", "en": "No replies have come in."},
    "missing_closed": {
        "sv": "Remissinstanser som inte svarade",
        "en": "Bodies that did not answer",
    },
    "missing_open": {
        "sv": "Remissinstanser som ännu inte svarat",
        "en": "Bodies that have not answered yet",
    },
    "nobody": {"sv": "Alla remissinstanser har svarat.", "en": "Every body has answered."},
    "compiled": {"sv": "Sammanställd {day}", "en": "Compiled {day}"},
    "key": {"sv": "Nyckel", "en": "Key"},
    "yes": {"sv": "ja", "en": "yes"},
    "response": {"sv": "Regionens kommentar", "en": "The region's response"},
}


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
